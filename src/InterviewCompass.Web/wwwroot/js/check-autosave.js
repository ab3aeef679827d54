// Keeps the check page's answers as they are given, so a reload, a dropped connection or a server restart loses
// nothing. Each change of an answer (or the label) saves the form <form data-autosave data-checklist="..."> as an
// unfinished session: POST /api/v1/sessions the first time (which gives this browser its owner cookie), then
// PUT /api/v1/sessions/{id}. The id goes into the address (?session=, so a reload reopens these answers) and into the
// form's hidden "session" field (so "Show my verdict" finishes the same session). A failed save says so in the status
// element and is tried again; nothing on the page is ever cleared. Without JavaScript the form still posts as before.
//
// Events are listened for on the document, so the module keeps working across Blazor's enhanced navigation and
// enhanced form posts, which patch the page without loading this module again.
const formSelector = "form[data-autosave]";
const statusId = "check-autosave-status";
const sessionField = "session";
const answerName = /^Answer\[(.+)\]$/;
const sessionsApi = "/api/v1/sessions";

const saved = "Answers saved";
const notSaved = "Not saved yet \u2014 your answers are still here";

const firstRetryMs = 3000;
const longestRetryMs = 60000;
const submitWaitMs = 2000;

/** The form and checklist the unsaved changes belong to, or null when everything is saved. */
let dirty = null;
let saving = null;
let failures = 0;
let retryTimer = 0;
let submitting = false;
/** Set by "Show my verdict": the enhanced post lands on a verdict that must be brought into view. */
let verdictPending = false;
const resubmitting = new WeakSet();

function setStatus(text) {
    const status = document.getElementById(statusId);
    // Only a change is announced (the element is an aria-live region): no chatter on every answer.
    if (status && status.textContent !== text) {
        status.textContent = text;
    }
}

// The state (saving / saved / failed) is an attribute, not text: the live region announces only real news.
function setState(state) {
    const status = document.getElementById(statusId);
    if (status) {
        status.dataset.state = state;
    }
}

function sessionInput(form) {
    const field = form.elements.namedItem(sessionField);
    return field instanceof HTMLInputElement ? field : null;
}

function bodyOf(form) {
    const answers = {};
    for (const input of form.querySelectorAll("input[type=radio]:checked")) {
        const match = answerName.exec(input.name);
        if (match) {
            answers[match[1]] = input.value;
        }
    }

    // A label the server would refuse must not cost the answers: it is sent only once it fits.
    const labelInput = form.elements.namedItem("Label");
    let label;
    if (labelInput instanceof HTMLInputElement && (labelInput.maxLength < 0 || labelInput.value.length <= labelInput.maxLength)) {
        label = labelInput.value;
    }

    return JSON.stringify({ checklist: form.dataset.checklist, answers, label, completed: false });
}

function remember(form, id) {
    const compact = String(id).replaceAll("-", "").toLowerCase();
    const field = sessionInput(form);
    if (field) {
        field.value = compact;
    }

    const url = new URL(window.location.href);
    if (url.searchParams.get(sessionField) !== compact) {
        // The answers now live in the session; answers carried in the address would be stale.
        url.searchParams.delete("a");
        url.searchParams.delete("start");
        url.searchParams.set(sessionField, compact);
        // Keep Blazor's own history state.
        window.history.replaceState(window.history.state, "", url);
    }
}

async function send(form) {
    const field = sessionInput(form);
    const id = field?.value ?? "";
    const response = await fetch(id ? `${sessionsApi}/${encodeURIComponent(id)}` : sessionsApi, {
        method: id ? "PUT" : "POST",
        headers: { "Content-Type": "application/json", "Accept": "application/json" },
        credentials: "same-origin",
        cache: "no-store",
        body: bodyOf(form),
    });

    if (id && response.status === 404 && field) {
        // Deleted meanwhile, or kept by another browser: keep the answers in a new session instead.
        field.value = "";
        return send(form);
    }

    if (!response.ok) {
        const retryAfter = Number(response.headers.get("Retry-After"));
        throw Object.assign(new Error(`Saving the answers failed: ${response.status}`), { retryAfter });
    }

    const session = await response.json();
    remember(form, session.id);
}

function current(work) {
    return work !== null && work.form.isConnected && work.form.dataset.checklist === work.checklist;
}

async function saveWhileDirty() {
    while (current(dirty)) {
        const work = dirty;
        dirty = null;
        try {
            await send(work.form);
            failures = 0;
            if (!current(dirty)) {
                setStatus(saved);
                setState("saved");
            }
        } catch (error) {
            failures += 1;
            setStatus(notSaved);
            setState("failed");
            if (submitting) {
                // The form post carries these answers now.
                return;
            }

            // Anything newer is still to be sent; otherwise this change is.
            dirty ??= work;
            const wait = error?.retryAfter > 0
                ? error.retryAfter * 1000
                : Math.min(longestRetryMs, firstRetryMs * 2 ** (failures - 1));
            window.clearTimeout(retryTimer);
            retryTimer = window.setTimeout(start, wait);
            return;
        }
    }

    dirty = null;
}

function start() {
    if (saving === null) {
        saving = saveWhileDirty().finally(() => { saving = null; });
    }

    return saving;
}

function onChange(event) {
    const input = event.target;
    if (!(input instanceof HTMLInputElement) || !(input.type === "radio" || input.name === "Label")) {
        return;
    }

    const form = input.closest(formSelector);
    if (form instanceof HTMLFormElement) {
        submitting = false;
        dirty = { form, checklist: form.dataset.checklist };
        setState("saving");
        window.clearTimeout(retryTimer);
        start();
    }
}

// "Show my verdict" while a save is on its way: wait for it (briefly: the connection may be weak), so the form
// finishes that same session instead of starting another.
async function onSubmit(event) {
    const form = event.target;
    if (!(form instanceof HTMLFormElement) || !form.matches(formSelector)) {
        return;
    }

    // The submit carries every answer: nothing is left for the autosave, and a late retry must not reopen the
    // session the submit finishes.
    submitting = true;
    verdictPending = true;
    dirty = null;
    window.clearTimeout(retryTimer);
    if (saving === null || resubmitting.delete(form)) {
        return;
    }

    event.preventDefault();
    const submitter = event.submitter;
    await Promise.race([saving, new Promise((resolve) => { window.setTimeout(resolve, submitWaitMs); })]);
    if (form.isConnected) {
        resubmitting.add(form);
        form.requestSubmit(submitter ?? undefined);
    }
}

document.addEventListener("change", onChange);
// Capture: before Blazor's enhanced form handling sees the submit.
document.addEventListener("submit", onSubmit, { capture: true });
// Leaving (or reloading) while a change is still on its way: hand the latest answers to the browser, which
// finishes the request after the page is gone.
window.addEventListener("pagehide", () => {
    const work = dirty ?? (saving === null ? null : { form: document.querySelector(formSelector) });
    const form = work?.form;
    const id = form instanceof HTMLFormElement ? sessionInput(form)?.value : "";
    if (!submitting && form instanceof HTMLFormElement && id) {
        fetch(`${sessionsApi}/${encodeURIComponent(id)}`, {
            method: "PUT",
            headers: { "Content-Type": "application/json" },
            credentials: "same-origin",
            keepalive: true,
            body: bodyOf(form),
        }).catch(() => { /* the page is gone; the next visit offers what was kept */ });
    }
});

window.addEventListener("online", () => {
    if (dirty !== null) {
        window.clearTimeout(retryTimer);
        start();
    }
});

// Without JavaScript the redirect's #verdict scrolls the page; an enhanced post follows the redirect in a fetch,
// which drops the fragment and leaves a phone scrolled at the button. Bring the verdict into view and move focus
// to its headline so a screen reader starts there too.
function showVerdict() {
    if (!verdictPending) {
        return;
    }

    verdictPending = false;
    const headline = document.getElementById("verdict-headline");
    if (headline) {
        headline.scrollIntoView({ block: "start" });
        headline.focus({ preventScroll: true });
    }
}

window.Blazor?.addEventListener?.("enhancedload", showVerdict);
