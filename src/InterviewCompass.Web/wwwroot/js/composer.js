// The composer (/drafts/new, /drafts/{id}, Features/Drafts/DraftComposer.razor) made live. The page is a plain form
// that works without this module; with it:
// - the subject and text follow the template, filled here (js/message-composer.js, held equal to the server's
//   MessageComposer, from GET /api/v1/messages, kept by the service worker) only while they are still the template the
//   page shows (the hidden *Template fields): the person's own words are never replaced unless they ask; a field filled
//   in also fills its {placeholder} where it is still in the person's own text;
// - findings follow the text (js/composer-findings.js); saving goes through the outbox (js/composer-save.js);
// - Copy, Open in mail app and Download .txt take exactly what is on screen (js/composer-actions.js).
// No field is ever written to while the person is typing in it: the only writes into fields are the template (into
// text that still equals it), a filled placeholder, and the text kept from before a reload (on load, before any typing).
import { getJson, postJson } from "./json-client.js";
import { compose, fillKnown } from "./message-composer.js";
import { findingsFor } from "./composer-findings.js";
import { wireActions } from "./composer-actions.js";
import { saverFor, notSaved, localTime, localDateTime } from "./composer-save.js";

const form = document.querySelector("form[data-composer]");
if (form instanceof HTMLFormElement) {
    start(form);
}

function start(form) {
    const field = (id) => document.getElementById(id);
    const ui = {
        kind: field("draft-kind"), situation: field("draft-situation"), situationField: field("draft-situation-field"),
        subject: field("draft-subject"), body: field("draft-body"), subjectTemplate: field("draft-subject-template"),
        bodyTemplate: field("draft-body-template"), draftId: field("draft-id"), session: field("draft-session"),
        edited: field("draft-edited"), problem: field("draft-problem"), copy: field("draft-copy"), mailto: field("draft-mailto"),
        download: field("draft-download"), actionStatus: field("draft-action-status"), saveStatus: field("draft-save-status"),
        findings: field("draft-findings"), versions: field("draft-versions"),
    };
    const { kind, situation, situationField, subject, body, subjectTemplate, bodyTemplate, session, edited, problem } = ui;
    const placeholders = () => [...form.querySelectorAll("input[name^='Field[']")];
    const tone = () => form.querySelector("input[name='Tone']:checked")?.value ?? "warm";
    const toneInput = (value) => form.querySelector(`input[name='Tone'][value='${CSS.escape(value)}']`);

    function fieldValues() {
        const values = {};
        for (const input of placeholders()) {
            const name = /^Field\[(.+)\]$/.exec(input.name)?.[1];
            if (name && input.value.trim() !== "") {
                values[name] = input.value;
            }
        }
        return values;
    }

    const situationValue = () => (situationField.hidden ? null : situation.value || null);
    /** The draft as the drafts API keeps it. */
    const draft = () => ({ kind: kind.value, tone: tone(), situation: situationValue(), fields: fieldValues(),
        subject: subject.value, body: body.value, session: session.value || null,
        application: document.getElementById("draft-application")?.value || null });
    /** Everything needed to put the screen back as it is. */
    const screen = () => ({ ...draft(), subjectTemplate: subjectTemplate.value, bodyTemplate: bodyTemplate.value });
    const request = () => ({ kind: kind.value, tone: tone(), situation: situationValue(), fields: fieldValues() });

    const lintSoon = findingsFor(ui.findings, kind, body);
    const saver = saverFor(form, ui, draft, screen);

    // ---- writing into fields: only text that is not the person's own ----

    function replaceValue(element, text) {
        if (element.value === text) {
            return;
        }
        if (document.activeElement !== element) {
            element.value = text;
            return;
        }
        const all = element.selectionStart === 0 && element.selectionEnd === element.value.length;
        const { selectionStart: from, selectionEnd: to } = element;
        element.value = text;
        element.setSelectionRange(all ? 0 : Math.min(from, text.length), all ? text.length : Math.min(to, text.length));
    }

    const showEdited = () => { edited.hidden = subject.value === subjectTemplate.value && body.value === bodyTemplate.value; };

    /** The template for the current choices: it replaces the subject and text only where they still are the old template. */
    function fillFrom(message) {
        let changed = false;
        for (const [element, template, text] of [[subject, subjectTemplate, message.subject], [body, bodyTemplate, message.body]]) {
            if (element.value === template.value) {
                changed ||= element.value !== text;
                replaceValue(element, text);
            }
            template.value = text;
        }
        showEdited();
        if (changed) {
            textChanged();
            lintSoon(0);
        }
    }

    /** A field filled in: its {placeholder} is filled where it is still in the person's own text (and the template). */
    function fillPlaceholders() {
        const values = fieldValues();
        for (const element of [subject, body, subjectTemplate, bodyTemplate]) {
            const filled = fillKnown(element.value, values);
            if (filled !== element.value) {
                replaceValue(element, filled);
            }
        }
        showEdited();
    }

    let templates = null;
    let loaded = null;
    function loadTemplates() {
        templates ??= getJson("/api/v1/messages").then((data) => { loaded = data; return data; })
            .catch((error) => { templates = null; throw error; });
        return templates;
    }

    /** Fills the template here: at once when the templates are loaded, else as soon as they are (or from the server). */
    async function composeHere() {
        if (loaded) {
            show(compose(loaded, request()));
            return;
        }
        try {
            show(compose(await loadTemplates(), request()));
        } catch {
            const answer = await postJson("/api/v1/messages/compose", request()).catch(() => null);
            if (answer?.ok) {
                show(answer.body);
            } else if (answer?.status === 400 && answer.problem) {
                problem.textContent = answer.problem;
                problem.hidden = false;
            }
        }
    }

    function show(message) {
        if (message.error) {
            return;
        }
        problem.hidden = true;
        fillFrom(message);
    }

    function textChanged() {
        saver.changed().catch(() => { saver.say(notSaved); });
    }

    // ---- kind-dependent parts of the form ----

    /** Only the fields the chosen template uses (data-templates: kind|tone|situation keys, ComposerState.TemplateKey). */
    function showFields() {
        const key = `${kind.value}|${tone()}|${situationField.hidden ? "" : situation.value}`;
        for (const wrapper of form.querySelectorAll(".field[data-templates]")) {
            // Every kind has a template for each tone (and situation): content validation says so.
            wrapper.hidden = !wrapper.dataset.templates.split(" ").includes(key);
        }
    }

    function showKind() {
        const chosen = kind.value;
        const option = kind.selectedOptions[0];
        let offered = 0;
        for (const choice of situation.options) {
            const fits = (choice.dataset.kinds ?? "").split(" ").includes(chosen);
            choice.hidden = !fits;
            choice.disabled = !fits;
            offered += fits ? 1 : 0;
        }
        situationField.hidden = offered === 0;
        if (offered > 0 && situation.selectedOptions[0]?.disabled !== false) {
            situation.value = [...situation.options].find((o) => !o.disabled)?.value ?? "";
        }
        showFields();
        const hint = document.getElementById("draft-kind-hint");
        if (hint && option) {
            hint.textContent = option.dataset.description ?? "";
        }
        if (option) {
            const title = `Draft: ${option.text}`;
            const heading = document.getElementById("composer-title");
            if (heading) {
                heading.textContent = title;
            }
            document.title = document.title.replace(/^[^·]*·/, `${title} ·`);
        }
        ui.download.setAttribute("download", `${chosen}.txt`);
        // Words to say aloud: no subject, nothing to mail.
        const spoken = option?.dataset.spoken === "true";
        document.getElementById("draft-subject-field").hidden = spoken;
        ui.mailto.hidden = spoken;
    }

    /** Puts a kept screen (or the choices an address asks for) on the form. */
    function choose({ kind: k, tone: t, situation: s }) {
        if (k && [...kind.options].some((o) => o.value === k)) {
            kind.value = k;
        }
        showKind();
        if (s && [...situation.options].some((o) => o.value === s && !o.disabled)) {
            situation.value = s;
        }
        const chosenTone = t ? toneInput(t) : null;
        if (chosenTone) {
            chosenTone.checked = true;
        }
    }

    function putBack(s) {
        choose(s);
        for (const input of placeholders()) {
            const name = /^Field\[(.+)\]$/.exec(input.name)?.[1];
            input.value = (name && s.fields?.[name]) || "";
        }
        subject.value = s.subject ?? "";
        body.value = s.body ?? "";
        subjectTemplate.value = s.subjectTemplate ?? subjectTemplate.value;
        bodyTemplate.value = s.bodyTemplate ?? bodyTemplate.value;
        showEdited();
    }

    /**
     * The service worker keeps one composer page (/drafts/new) and answers every /drafts/new?kind=... with it when there
     * is no connection: the kind, tone and situation the address asks for, when the page shows others.
     */
    async function showAsked() {
        if (ui.draftId.value) {
            return;
        }
        const query = new URLSearchParams(window.location.search);
        const asked = { kind: query.get("kind"), tone: query.get("tone"), situation: query.get("situation") };
        const differs = (asked.kind && asked.kind !== kind.value) || (asked.tone && asked.tone !== tone())
            || (asked.situation && asked.situation !== situationValue());
        if (!differs) {
            return;
        }
        choose(asked);
        try {
            const message = compose(await loadTemplates(), request());
            if (!message.error) {
                subject.value = subjectTemplate.value = message.subject;
                body.value = bodyTemplate.value = message.body;
                showEdited();
            }
        } catch {
            // No kept templates: the choices changed, the text follows on the next change.
        }
    }

    wireActions(form, ui);

    form.addEventListener("input", (event) => {
        const target = event.target;
        if (target === body || target === subject) {
            showEdited();
            textChanged();
            if (target === body) {
                lintSoon();
            }
        } else if (target instanceof HTMLInputElement && target.name.startsWith("Field[")) {
            composeHere();
            textChanged();
        }
        if (ui.actionStatus.textContent && target !== body) {
            ui.actionStatus.textContent = "";
        }
    });

    form.addEventListener("change", (event) => {
        const target = event.target;
        if (target instanceof HTMLInputElement && target.name.startsWith("Field[")) {
            fillPlaceholders();
            textChanged();
        } else if (target === kind) {
            showKind();
            composeHere();
            lintSoon(0);
        } else if (target === situation || (target instanceof HTMLInputElement && target.name === "Tone")) {
            showFields();
            composeHere();
        }
    });

    form.addEventListener("submit", (event) => {
        const submitter = event.submitter;
        const action = submitter instanceof HTMLButtonElement && submitter.name === "Action" ? submitter.value : null;
        if (action === "preview") {
            event.preventDefault(); // Enter in a field: everything is already live.
            lintSoon(0);
        } else if (action === "save") {
            event.preventDefault();
            textChanged();
        } else if (action === "start-again") {
            event.preventDefault();
            replaceValue(subject, subjectTemplate.value);
            replaceValue(body, bodyTemplate.value);
            showEdited();
            body.focus();
            body.setSelectionRange(0, 0);
            textChanged();
            composeHere();
            lintSoon(0);
        }
        // Restore: a real form post carrying the text on screen, which the server keeps as a version first.
    });

    window.addEventListener("online", () => lintSoon(0));

    for (const element of form.querySelectorAll("[data-without-script]")) {
        element.hidden = true;
    }
    for (const time of form.querySelectorAll("time[data-local-time]")) {
        time.textContent = time.closest("#draft-save-status") ? localTime(time.dateTime) : localDateTime(time.dateTime);
    }
    if (ui.draftId.value) {
        form.action = window.location.pathname;
    }
    // The templates are read at once (from the service worker's cache after one visit), so filling is local from then on.
    loadTemplates().catch(() => { /* the server fills the template instead */ });
    showAsked().then(() => saver.restore()).then((kept) => {
        if (kept) {
            putBack(kept);
            saver.say(notSaved);
            textChanged();
            lintSoon(0);
        } else {
            // Fields typed before this script ran fill the template (or their placeholders) now.
            if (Object.keys(fieldValues()).length > 0) {
                fillPlaceholders();
                composeHere();
            }
            saver.setState("saved");
        }
    }).finally(() => {
        form.dataset.script = "ready";
    });
}
