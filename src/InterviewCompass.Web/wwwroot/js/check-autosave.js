// Keeps the check page's answers as they are given, so a reload, a dropped connection, no signal at all or a server
// restart loses nothing. Each change of an answer (or the label) is first kept on this device (js/outbox.js,
// IndexedDB) under an id the browser chose, then saved as POST /api/v1/sessions { id, ... }: the server keeps one
// session per id, so a retry or a later sync never doubles it. The id goes into the address (?session=, so a reload
// reopens these answers, even offline) and into the form's hidden "session" field (so "Show my verdict" finishes
// the same session). A save that cannot reach the server says so in the status element and is tried again.
//
// With no connection, "Show my verdict" gives the verdict here, computed by js/verdict-engine.js from the same
// checklist data the server uses, and the finished check is saved to the history once the connection returns.
// Without JavaScript the form still posts as before.
//
// Events are listened for on the document, so the module keeps working across Blazor's enhanced navigation and
// enhanced form posts, which patch the page without loading this module again.
// Loaded when first needed, so a first visit fetches no more than the form needs.
const outbox = () => import("./outbox.js");
const offlineVerdict = () => import("./check-offline.js");

const formSelector = "form[data-autosave]";
const statusId = "check-autosave-status";
const progressId = "check-progress";
const sessionField = "session";
const answerName = /^Answer\[(.+)\]$/;

const saved = "Answers saved";
const notSaved = "Not saved yet \u2014 your answers are still here";
const keptHere = "Kept on this device \u2014 not saved yet; it will be saved when you are back online";

const firstRetryMs = 3000;
const longestRetryMs = 60000;
const submitWaitMs = 2000;

/** The form and checklist the unsaved changes belong to, or null when everything is saved. */
let dirty = null;
let saving = null;
let failures = 0;
let retryTimer = 0;
let submitting = false;
/** Set when the last save could not reach the server at all: the next "Show my verdict" is answered here. */
let unreachable = false;
/** Set by "Show my verdict": the enhanced post lands on a verdict that must be brought into view. */
let verdictPending = null;
const resubmitting = new WeakSet();

function setStatus(text) {
    const status = document.getElementById(statusId);
    // Only a change is announced (the element is an aria-live region): no chatter on every answer.
    if (status && status.textContent !== text) {
        status.textContent = text;
    }
}

// The state (saving / saved / failed / kept) is an attribute, not text: the live region announces only real news.
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

async function entryOf(form, completed) {
    // A label the server would refuse must not cost the answers: it is sent only once it fits.
    const labelInput = form.elements.namedItem("Label");
    let label;
    if (labelInput instanceof HTMLInputElement && (labelInput.maxLength < 0 || labelInput.value.length <= labelInput.maxLength)) {
        label = labelInput.value;
    }

    const field = sessionInput(form);
    let id = field?.value ?? "";
    if (!id) {
        id = (await outbox()).newId();
        remember(form, id);
    }

    return {
        id,
        checklist: form.dataset.checklist,
        title: form.dataset.title,
        answers: answersOf(form),
        label,
        completed,
    };
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

async function save(form) {
    const { keep, send } = await outbox();
    const entry = await keep(await entryOf(form, false));
    const sent = await send(entry);
    if (sent === null) {
        throw Object.assign(new Error("No connection"), { unreachable: true });
    }

    if (sent.failed) {
        throw Object.assign(new Error(`Saving the answers failed: ${sent.failed}`), { retryAfter: sent.retryAfter });
    }

    remember(form, sent.session.id);
}

function current(work) {
    return work !== null && work.form.isConnected && work.form.dataset.checklist === work.checklist;
}

async function saveWhileDirty() {
    while (current(dirty)) {
        const work = dirty;
        dirty = null;
        try {
            await save(work.form);
            failures = 0;
            unreachable = false;
            if (!current(dirty)) {
                setStatus(saved);
                setState("saved");
            }
        } catch (error) {
            failures += 1;
            unreachable = error?.unreachable === true;
            setStatus(unreachable ? keptHere : notSaved);
            setState(unreachable ? "kept" : "failed");
            if (submitting) {
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

function showKept() {
    setStatus(keptHere);
    setState("kept");
}

function showProgress(form) {
    const progress = document.getElementById(progressId);
    if (!progress) {
        return;
    }

    const shown = new Set([...form.querySelectorAll("input[type=radio]")].map((i) => i.name));
    const answered = new Set([...form.querySelectorAll("input[type=radio]:checked")].map((i) => i.name));
    progress.textContent = `${answered.size} of ${shown.size} answered`;
}

function onChange(event) {
    const input = event.target;
    if (!(input instanceof HTMLInputElement) || !(input.type === "radio" || input.name === "Label")) {
        return;
    }

    const form = input.closest(formSelector);
    if (form instanceof HTMLFormElement) {
        submitting = false;
        showProgress(form);
        dirty = { form, checklist: form.dataset.checklist };
        setState("saving");
        window.clearTimeout(retryTimer);
        start();
    }
}

// "Show my verdict": with no connection the verdict is given here; otherwise the finished check is kept on this
// device first (so a post lost on the way is still saved later), then posted, after any save still on its way.
async function onSubmit(event) {
    const form = event.target;
    if (!(form instanceof HTMLFormElement) || !form.matches(formSelector)) {
        return;
    }

    if (resubmitting.delete(form)) {
        return;
    }

    // The submit carries every answer: nothing is left for the autosave, and a late retry must not reopen the
    // session the submit finishes.
    submitting = true;
    dirty = null;
    window.clearTimeout(retryTimer);
    event.preventDefault();
    const submitter = event.submitter;
    if (!navigator.onLine || unreachable) {
        try {
            if (await (await offlineVerdict()).verdictHere(form, await entryOf(form, true), showKept)) {
                return;
            }
        } catch {
            // No kept checklist data (never visited online): the form post below is the only way left.
        }
    }

    if (saving !== null) {
        await Promise.race([saving, new Promise((resolve) => { window.setTimeout(resolve, submitWaitMs); })]);
    }

    const finished = await entryOf(form, true).then(async (entry) => (await outbox()).keep(entry)).catch(() => null);
    verdictPending = finished;
    if (form.isConnected) {
        resubmitting.add(form);
        form.requestSubmit(submitter ?? undefined);
    }
}

// Opened from the kept copy of the page (offline, or a reload with no signal): the answers kept on this device for
// ?session= come back, and a finished check shows its verdict again.
async function restore() {
    const form = document.querySelector(formSelector);
    const id = new URL(window.location.href).searchParams.get(sessionField);
    if (!(form instanceof HTMLFormElement) || !id || sessionInput(form)?.value) {
        return;
    }

    const entry = await outbox().then(({ get }) => get(id)).catch(() => undefined);
    if (!entry || entry.checklist !== form.dataset.checklist) {
        return;
    }

    sessionInput(form).value = id;
    for (const [item, value] of Object.entries(entry.answers)) {
        const input = form.querySelector(`input[type=radio][name="Answer[${CSS.escape(item)}]"][value="${CSS.escape(value)}"]`);
        if (input instanceof HTMLInputElement) {
            input.checked = true;
        }
    }

    const label = form.elements.namedItem("Label");
    if (label instanceof HTMLInputElement && entry.label) {
        label.value = entry.label;
    }

    showProgress(form);
    showKept();
    if (entry.completed) {
        await offlineVerdict().then(async ({ verdictHere }) => verdictHere(form, await entryOf(form, true), showKept)).catch(() => false);
    }
}

document.addEventListener("change", onChange);
// Capture: before Blazor's enhanced form handling sees the submit.
document.addEventListener("submit", onSubmit, { capture: true });
// Leaving (or reloading) while a change is still on its way: hand the latest answers to the browser, which
// finishes the request after the page is gone (they are kept on this device too).
window.addEventListener("pagehide", () => {
    const form = dirty?.form ?? (saving === null ? null : document.querySelector(formSelector));
    if (!submitting && form instanceof HTMLFormElement && sessionInput(form)?.value) {
        const label = form.elements.namedItem("Label");
        const entry = { checklist: form.dataset.checklist, answers: answersOf(form), label: label?.value, completed: false, id: sessionInput(form).value };
        fetch("/api/v1/sessions", {
            method: "POST",
            headers: { "Content-Type": "application/json", "Idempotency-Key": `${entry.id}.${Date.now()}` },
            credentials: "same-origin",
            keepalive: true,
            body: JSON.stringify({ ...entry, id: entry.id.replace(/^(.{8})(.{4})(.{4})(.{4})(.{12})$/, "$1-$2-$3-$4-$5") }),
        }).catch(() => { /* the page is gone; what is kept on this device is saved on the next visit */ });
    }
});

window.addEventListener("online", () => {
    unreachable = false;
    if (dirty !== null) {
        window.clearTimeout(retryTimer);
        start();
    }
});

// Without JavaScript the redirect's #verdict scrolls the page; an enhanced post follows the redirect in a fetch,
// which drops the fragment and leaves a phone scrolled at the button. Bring the verdict into view and move focus
// to its headline so a screen reader starts there too. The server has the finished check now: nothing to keep here.
function showVerdict() {
    if (!verdictPending) {
        return;
    }

    const finished = verdictPending;
    verdictPending = null;
    const headline = document.getElementById("verdict-headline");
    if (headline) {
        outbox().then(({ remove }) => remove(finished.id, finished.rev)).catch(() => { /* sent again later: the same session, once */ });
        headline.scrollIntoView({ block: "start" });
        headline.focus({ preventScroll: true });
    }
}

// "Read aloud" beside the words to say: its script is loaded only when a verdict shows them.
function readAloud() {
    if (document.querySelector("button[data-speak-target]")) {
        import("./read-aloud.js").catch(() => { /* the words can still be read and copied */ });
    }
}

function onEnhancedLoad() {
    showVerdict();
    restore();
    readAloud();
}

restore();
readAloud();
window.Blazor?.addEventListener?.("enhancedload", onEnhancedLoad);
