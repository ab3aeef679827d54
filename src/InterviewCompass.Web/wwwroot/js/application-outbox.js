// Application writes through the one outbox (js/outbox.js), so they work offline after one visit and are saved once,
// in the order made, when the connection is back:
// - "Add to an application" under a verdict (Features/Applications/AddToApplication.razor): a verdict drawn in the browser
//   gets the form from its <template>; the form is kept as one write: POST /api/v1/applications with an id this browser
//   chose and the check to link (a new company), or POST /api/v1/applications/{id}/links (a company picked from the list).
//   The check's own save was kept before it, so it reaches the server first.
// - The application page's outcome, note and date forms (the one-tap dates too), when the browser is offline:
//   PUT /api/v1/applications/{id} with the version shown; the page counts the version up for each change it keeps, so a
//   note after an outcome is not a 409. A date or an outcome kept this way shows on the home page's "Due now" at once
//   (js/due-now.js folds the outbox in).
// Writes that refer to an application made offline use the id chosen here: no answer has to be waited for.
// Each shows its result at once, "not saved yet" until the outbox says it was sent.
import { enqueue } from "./outbox.js";
import { dashed, newId } from "./json-client.js";

const notSaved = "not saved yet";

function sessionId(form) {
    const field = form.querySelector("input[name=session]");
    const id = field?.value || document.querySelector("#check-form input[name=session]")?.value
        || new URL(window.location.href).searchParams.get("session") || "";
    return /^[0-9a-f-]{32,36}$/i.test(id) ? dashed(id.toLowerCase()) : null;
}

/** The line that says a write is kept: "not saved yet", then "saved" once the outbox has sent it. */
function statusFor(entry) {
    const status = document.createElement("span");
    status.className = "write-status";
    status.setAttribute("role", "status");
    status.textContent = ` (${notSaved})`;
    const listen = (event) => {
        const { type, entry: sent } = event.detail ?? {};
        if (sent?.key === entry.key && (type === "sent" || type === "refused")) {
            status.textContent = type === "sent" ? " (saved)" : " (not accepted by the server)";
            document.removeEventListener("interviewcompass:outbox", listen);
        }
    };
    document.addEventListener("interviewcompass:outbox", listen);
    return status;
}

function knownId(form, company) {
    const list = form.querySelector("input[name=company]")?.list;
    const option = [...(list?.options ?? [])].find((o) => o.value.trim().toLowerCase() === company.toLowerCase());
    return option?.dataset.id ? dashed(option.dataset.id) : null;
}

async function addToApplication(form) {
    const company = form.querySelector("input[name=company]")?.value.trim() ?? "";
    const session = sessionId(form);
    if (!company || !session) {
        form.querySelector("input[name=company]")?.focus();
        return;
    }
    const existing = knownId(form, company);
    const id = existing ?? dashed(newId());
    const checklist = document.getElementById("check-form")?.dataset.checklist;
    const write = existing
        ? { method: "POST", url: `/api/v1/applications/${id}/links`, body: { session } }
        : { method: "POST", url: "/api/v1/applications", body: { id, company, kind: checklist === "exit-interview" ? "leaving" : "application", session } };
    const entry = await enqueue({ ...write, title: `A check added to ${company}`, href: `/applications/${id.replaceAll("-", "")}`,
        meta: { application: id, session } });
    const section = form.closest(".add-to-application") ?? form;
    const heading = section.querySelector("h2");
    if (heading) {
        heading.textContent = "Part of an application";
    }
    const line = document.createElement("p");
    const link = document.createElement("a");
    link.id = "linked-application";
    link.href = entry.href;
    link.textContent = company;
    line.append("This check belongs to ", link, statusFor(entry), ".");
    form.replaceWith(line);
}

// The change a form makes, as PUT /api/v1/applications/{id} fields ("" clears a date), and its words.
function changeOf(form, submitter) {
    const outcome = form.querySelector("select[name=Outcome]");
    if (outcome) {
        return [{ outcome: outcome.value }, `Outcome "${outcome.selectedOptions[0]?.textContent ?? outcome.value}"`];
    }
    const dates = ["decideBy", "expectReplyBy"].filter((name) => form.querySelector(`input[name=${name}]`));
    if (dates.length > 0) {
        return [Object.fromEntries(dates.map((name) => [name, form.querySelector(`input[name=${name}]`).value])), "The dates"];
    }
    // The one-tap dates: the button carries the date (quickDecideBy, quickExpectReplyBy).
    const quick = { quickDecideBy: "decideBy", quickExpectReplyBy: "expectReplyBy" }[submitter?.name];
    if (quick) {
        return [{ [quick]: submitter.value }, `"${submitter.textContent.trim()}"`];
    }
    const note = form.querySelector("textarea[name=Note]");
    return note?.value.trim() ? [{ note: note.value.trim() }, "A note"] : [null, ""];
}

async function changeApplication(form, submitter) {
    const details = document.querySelector("[data-application]");
    const version = document.querySelector(".outcome-form input[name=Version]");
    if (!details || !version) {
        return false;
    }
    const [change, words] = changeOf(form, submitter);
    if (!change) {
        return true;
    }
    const body = { company: details.dataset.company, version: Number(version.value), ...change };
    const id = details.dataset.application;
    const entry = await enqueue({ method: "PUT", url: `/api/v1/applications/${id}`, body,
        title: `${words} for ${details.dataset.company}`, href: `/applications/${id.replaceAll("-", "")}`, meta: { application: id } });
    // Every form on the page sends the version it shows: the next change, offline or not, follows this one.
    for (const field of document.querySelectorAll(".outcome-form input[name=Version], form input[name=version]")) {
        field.value = String(body.version + 1);
    }
    const line = document.createElement("p");
    line.className = "kept-write";
    line.append(`${words} kept on this device`, statusFor(entry), ".");
    (form.closest(".quick-dates") ?? form).after(line);
    const note = form.querySelector("textarea[name=Note]");
    if (note) {
        note.value = "";
    }
    return true;
}

// Capture, on window: before Blazor's enhanced form handling sees the submit.
window.addEventListener("submit", (event) => {
    const form = event.target;
    if (!(form instanceof HTMLFormElement)) {
        return;
    }
    const add = form.matches("form[data-application-add]");
    // The server's own add form (with its antiforgery token and "also set the outcome") posts as usual when online.
    const offlineOnly = add ? form.querySelector("input[name=__RequestVerificationToken]") : true;
    const change = form.matches(".outcome-form, .note-form, .dates-form") || Boolean(form.closest(".quick-dates"));
    if (!(add || change) || (offlineOnly && navigator.onLine)) {
        return;
    }
    event.preventDefault();
    event.stopImmediatePropagation();
    (add ? addToApplication(form) : changeApplication(form, event.submitter)).catch((error) => console.warn("Could not keep the write", error));
}, true);

/** A verdict drawn in the browser (no kept check, so no server form): the form from its template, under the card. */
function offerAdd() {
    const card = document.getElementById("verdict");
    const template = document.getElementById("add-to-application-template");
    if (!card || !template || document.querySelector(".add-to-application") || !sessionId(document.body)) {
        return;
    }
    const copy = template.content.cloneNode(true);
    const session = copy.querySelector("input[name=session]");
    session.value = sessionId(document.body);
    card.after(copy);
}

if (document.getElementById("add-to-application-template")) {
    new MutationObserver(offerAdd).observe(document.body, { childList: true, subtree: true });
    offerAdd();
}

// Says the submit handler above is in place (tests wait for it instead of for a quiet network).
document.documentElement.dataset.applicationOutbox = "ready";
