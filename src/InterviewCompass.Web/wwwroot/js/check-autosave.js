// The check page (Features/Checks/CheckPage.razor) with JavaScript: local first, whatever the network.
// - Each answer (and the label) is kept at once in the outbox (js/outbox.js) under a session id this browser chose; the
//   outbox saves it behind (POST /api/v1/sessions { id, ... }: sent twice, kept once). The id goes into the address
//   (?session=) and the form's hidden "session" field, so a reload reopens these answers, whatever the server has yet.
// - "Show my verdict" draws the verdict here at once (js/check-verdict.js: the browser's engine and the server's own
//   card template) and keeps the finished check in the outbox; a verdict on screen follows later changes of answers.
// - Opened with ?session=, what this device still has to send for that session is put back (answers, label, verdict).
// Without JavaScript the form posts and the server gives the verdict. If the verdict cannot be given here (no checklist
// data ever reached this browser), the form posts too.
//
// Events are listened for on the document, so the module keeps working across Blazor's enhanced navigation.
import { newId, dashed, send } from "./json-client.js";
import { enqueue, all, sessionWrite, flush } from "./outbox.js";
import { checklistData, drawVerdict } from "./check-verdict.js";

const formSelector = "form[data-autosave]";
const statusId = "check-autosave-status";
const progressId = "check-progress";
const sessionField = "session";
const answerName = /^Answer\[(.+)\]$/;

const saved = "Answers saved";
const saving = "Saving\u2026";
const notSaved = "Not saved yet \u2014 your answers are still here";
const keptHere = "Kept on this device \u2014 not saved yet; it will be saved when you are back online";

const pageForm = () => document.querySelector(formSelector);

function setStatus(text, state) {
    const status = document.getElementById(statusId);
    if (!status) {
        return;
    }
    // The state is an attribute; only a change of words is announced (the element is an aria-live region).
    status.dataset.state = state;
    if (status.textContent !== text) {
        status.textContent = text;
    }
    const notice = document.getElementById("verdict-not-saved");
    if (notice) {
        notice.hidden = state === "saved" || !document.getElementById("verdict");
    }
}

function sessionInput(form) {
    const field = form.elements.namedItem(sessionField);
    return field instanceof HTMLInputElement ? field : null;
}

function answersOf(form) {
    const answers = {};
    for (const input of form.querySelectorAll("input[type=radio]:checked, input[type=hidden][name^='Answer[']")) {
        const match = answerName.exec(input.name);
        if (match && input.value) {
            answers[match[1]] = input.value;
        }
    }
    return answers;
}

/** The session id of this page, chosen now if there is none yet (and written into the form and the address). */
function sessionOf(form) {
    const field = sessionInput(form);
    let id = field?.value || new URL(window.location.href).searchParams.get(sessionField) || "";
    id = id.replaceAll("-", "").toLowerCase();
    if (!/^[0-9a-f]{32}$/.test(id)) {
        id = newId();
    }
    if (field) {
        field.value = id;
    }
    const url = new URL(window.location.href);
    if (url.searchParams.get(sessionField) !== id) {
        // The answers now live in the session; answers carried in the address would be stale.
        url.searchParams.delete("a");
        url.searchParams.delete("start");
        url.searchParams.set(sessionField, id);
        window.history.replaceState(window.history.state, "", url);
    }
    return id;
}

function entryOf(form, completed) {
    // A label the server would refuse must not cost the answers: it is sent only once it fits.
    const labelInput = form.elements.namedItem("Label");
    let label;
    if (labelInput instanceof HTMLInputElement && (labelInput.maxLength < 0 || labelInput.value.length <= labelInput.maxLength)) {
        label = labelInput.value;
    }
    return { id: sessionOf(form), checklist: form.dataset.checklist, title: form.dataset.title, answers: answersOf(form), label, completed };
}

async function keep(form, completed, headline) {
    const entry = entryOf(form, completed);
    await enqueue(sessionWrite({ ...entry, headline }));
    setStatus(navigator.onLine ? saving : keptHere, navigator.onLine ? "saving" : "kept");
    // Kept on this device: how many answers (a reload from now on shows them).
    document.getElementById(statusId)?.setAttribute("data-kept-answers", String(Object.keys(entry.answers).length));
    return entry;
}

function showProgress(form) {
    const progress = document.getElementById(progressId);
    if (progress) {
        const shown = new Set([...form.querySelectorAll("input[type=radio]")].map((i) => i.name));
        const answered = new Set([...form.querySelectorAll("input[type=radio]:checked")].map((i) => i.name));
        progress.textContent = `${answered.size} of ${shown.size} answered`;
    }
}

async function onChange(event) {
    const input = event.target;
    if (!(input instanceof HTMLInputElement) || !(input.type === "radio" || input.name === "Label")) {
        return;
    }
    const form = input.closest(formSelector);
    if (!(form instanceof HTMLFormElement)) {
        return;
    }
    showProgress(form);
    // A verdict on screen follows the answers, at once.
    const shown = document.getElementById("verdict") !== null;
    const verdict = shown ? await drawVerdict(form, answersOf(form), sessionOf(form), { focus: false }) : null;
    await keep(form, shown && verdict !== null, verdict?.headline);
}

// "Show my verdict": drawn here at once, saved behind. The form post only when it cannot be drawn here.
const posting = new WeakSet();

async function onSubmit(event) {
    const form = event.target;
    if (!(form instanceof HTMLFormElement) || !form.matches(formSelector) || posting.has(form)) {
        return;
    }
    event.preventDefault();
    const submitter = event.submitter;
    const verdict = await drawVerdict(form, answersOf(form), sessionOf(form));
    if (verdict) {
        await keep(form, true, verdict.headline);
        return;
    }
    posting.add(form);
    form.requestSubmit(submitter ?? undefined);
}

async function onOutbox(event) {
    const form = pageForm();
    const { type, entry, answer } = event.detail ?? {};
    if (!form || !entry || !sessionInput(form)?.value || entry.group !== `session:${sessionInput(form).value}`) {
        return;
    }
    const pending = (await all()).filter((e) => e.group === entry.group);
    if (type === "sent" && pending.length === 0) {
        setStatus(saved, "saved");
    } else if (type === "failed") {
        setStatus(answer?.status === 0 ? keptHere : notSaved, answer?.status === 0 ? "kept" : "failed");
    } else if (type === "refused") {
        setStatus(answer?.problem ? `Couldn't save: ${answer.problem} Your answers are still here.` : notSaved, "failed");
    }
}

/** What this device still has to send for the session in the address: put back on screen (it is newer than the server's). */
async function restore() {
    const form = pageForm();
    const id = new URL(window.location.href).searchParams.get(sessionField)?.replaceAll("-", "").toLowerCase();
    if (!(form instanceof HTMLFormElement)) {
        return;
    }
    checklistData(form.dataset.checklist).catch(() => { /* read again on submit; the form post is the fallback */ });
    if (!id) {
        return;
    }
    let kept = (await all().catch(() => [])).filter((e) => e.group === `session:${id}`).at(-1);
    if (!kept && !sessionInput(form)?.value) {
        // The kept copy of the page (a slow or no connection): the server's session, if it can be read.
        const answer = await send({ url: `/api/v1/sessions/${dashed(id)}` }).catch(() => null);
        kept = answer?.ok ? { body: answer.body, fromServer: true } : null;
    }
    if (!kept && sessionInput(form)?.value && !document.getElementById("check-not-on-server")) {
        setStatus(saved, "saved"); // The server's page of this session, and nothing newer here.
        return;
    }
    if (!kept || kept.body?.checklist !== form.dataset.checklist) {
        return;
    }
    sessionInput(form).value = id;
    for (const input of form.querySelectorAll("input[type=radio]")) {
        const item = answerName.exec(input.name)?.[1];
        input.checked = item !== undefined && kept.body.answers?.[item] === input.value;
    }
    const label = form.elements.namedItem("Label");
    if (label instanceof HTMLInputElement && kept.body.label) {
        label.value = kept.body.label;
    }
    document.getElementById("check-not-on-server")?.remove();
    showProgress(form);
    if (kept.fromServer) {
        setStatus(saved, "saved");
    } else {
        setStatus(navigator.onLine ? saving : keptHere, navigator.onLine ? "saving" : "kept");
    }
    if (kept.body.completed) {
        await drawVerdict(form, answersOf(form), id, { focus: false });
    }
    flush();
}

// "Read aloud" and "Copy" beside the words to say: loaded once a card shows them.
function cardScripts() {
    if (document.querySelector("button[data-speak-target]")) {
        import("./read-aloud.js").catch(() => { /* the words can still be read and copied */ });
    }
}

document.addEventListener("change", onChange);
// Capture: before Blazor's enhanced form handling sees the submit.
document.addEventListener("submit", onSubmit, { capture: true });
document.addEventListener("interviewcompass:outbox", onOutbox);
document.addEventListener("interviewcompass:drawn", cardScripts);
window.Blazor?.addEventListener?.("enhancedload", () => { restore(); cardScripts(); });
cardScripts();
// Ready: answers are kept from now on, and the checklist data the verdict needs is here (or the form post is the way).
restore().finally(async () => {
    const form = pageForm();
    await (form ? checklistData(form.dataset.checklist).catch(() => null) : null);
    document.documentElement.dataset.checkReady = "";
});
