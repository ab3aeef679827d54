// The composer (/drafts/new, /drafts/{id}) made live. The page is a plain form that works without this module; with it:
// - findings follow the text (POST /api/v1/messages/lint, after a pause), drawn into the findings region only;
// - the subject and text follow the template (POST /api/v1/messages/compose) only while they are still the template
//   the page shows (the hidden *Template fields): the person's own words are never replaced unless they ask;
// - the draft is kept about a second after typing stops (POST /api/v1/drafts, then PUT /api/v1/drafts/{id}), retried
//   with backoff, and said so ("Saved 14:02" / "Not saved yet, your text is still here"); after the first save the
//   address becomes /drafts/{id};
// - until the server has acknowledged the text, it is kept in localStorage, sent with keepalive when the page goes away,
//   and put back on the next load, so a reload a moment after the last keystroke loses nothing;
// - Copy, Open in mail app and Download .txt take exactly what is on screen;
// - with no connection, the template is filled here from GET /api/v1/messages (kept by the service worker) by
//   js/message-composer.js, the findings say they wait for a connection, and the unsent draft stays kept (with its
//   Idempotency-Key) until it is saved: by this page when the connection returns, or by js/offline.js on any page.
// No field is ever written to while the person is typing in it: the only writes into fields are the template (into
// text that still equals it) and the text kept from before a reload (on load, before any typing).
const form = document.querySelector("form[data-composer]");

const draftsApi = "/api/v1/drafts";
const saveAfterMs = 1000;
const lintAfterMs = 300;
const composeAfterMs = 150;
const firstRetryMs = 1000;
const longestRetryMs = 15000;
const storagePrefix = "ic-composer:";
const messagesApi = "/api/v1/messages";

const notSaved = "Not saved yet, your text is still here";

if (form instanceof HTMLFormElement) {
    start(form);
}

function start(form) {
    const field = (id) => document.getElementById(id);
    const kind = field("draft-kind");
    const situation = field("draft-situation");
    const situationField = field("draft-situation-field");
    const subject = field("draft-subject");
    const body = field("draft-body");
    const subjectTemplate = field("draft-subject-template");
    const bodyTemplate = field("draft-body-template");
    const draftId = field("draft-id");
    const session = field("draft-session");
    const edited = field("draft-edited");
    const problem = field("draft-problem");
    const copy = field("draft-copy");
    const mailto = field("draft-mailto");
    const download = field("draft-download");
    const actionStatus = field("draft-action-status");
    const saveStatus = field("draft-save-status");
    const findings = field("draft-findings");
    const versions = field("draft-versions");
    const placeholders = () => [...form.querySelectorAll("input[name^='Field[']")];

    let storageKey = keyFor(draftId.value);
    let idempotencyKey = newKey();
    let dirty = false;
    let saving = null;
    let saveTimer = 0;
    let retryTimer = 0;
    let failures = 0;
    let lintTimer = 0;
    let lintRun = 0;
    let composeTimer = 0;
    let composeRun = 0;
    let drawnFindings = "";

    // ---- what is on screen ----

    function tone() {
        return form.querySelector("input[name='Tone']:checked")?.value ?? "warm";
    }

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

    function situationValue() {
        return situationField.hidden ? null : situation.value || null;
    }

    /** The draft as the drafts API keeps it. */
    function draft() {
        return {
            kind: kind.value,
            tone: tone(),
            situation: situationValue(),
            fields: fieldValues(),
            subject: subject.value,
            body: body.value,
            session: session.value || null,
        };
    }

    /** Everything needed to put the screen back as it is. */
    function screen() {
        return { ...draft(), subjectTemplate: subjectTemplate.value, bodyTemplate: bodyTemplate.value };
    }

    // ---- the person's unsent text, kept in the browser until the server has it ----

    function keyFor(id) {
        return storagePrefix + (id || "new" + window.location.search);
    }

    function newKey() {
        if (window.crypto?.randomUUID) {
            return window.crypto.randomUUID();
        }
        return [...window.crypto.getRandomValues(new Uint8Array(16))].map((b) => b.toString(16).padStart(2, "0")).join("");
    }

    function keep() {
        try {
            // The request as this page sends it, so js/offline.js can send the same bytes with the same key.
            const request = { method: draftId.value ? "PUT" : "POST", url: saveUrl(), body: JSON.stringify(draft()) };
            window.localStorage.setItem(storageKey, JSON.stringify({ screen: screen(), request, idempotencyKey, at: Date.now() }));
        } catch {
            // Storage full or refused (private mode): the autosave still carries the text.
        }
    }

    function kept() {
        try {
            return JSON.parse(window.localStorage.getItem(storageKey) ?? "null");
        } catch {
            return null;
        }
    }

    function forget() {
        try {
            window.localStorage.removeItem(storageKey);
        } catch {
            // Nothing to do.
        }
    }

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
        const start = element.selectionStart;
        const end = element.selectionEnd;
        element.value = text;
        if (all) {
            element.setSelectionRange(0, text.length);
        } else {
            element.setSelectionRange(Math.min(start, text.length), Math.min(end, text.length));
        }
    }

    function showEdited() {
        edited.hidden = subject.value === subjectTemplate.value && body.value === bodyTemplate.value;
    }

    /** The template for the current choices: it replaces the subject and text only where they still are the old template. */
    function fillFrom(message) {
        let changed = false;
        if (subject.value === subjectTemplate.value) {
            changed ||= subject.value !== message.subject;
            replaceValue(subject, message.subject);
        }
        if (body.value === bodyTemplate.value) {
            changed ||= body.value !== message.body;
            replaceValue(body, message.body);
        }
        subjectTemplate.value = message.subject;
        bodyTemplate.value = message.body;
        showEdited();
        if (changed) {
            textChanged();
            lintSoon(0);
        }
    }

    async function compose() {
        const run = ++composeRun;
        const { kind: k, tone: t, situation: s, fields } = draft();
        let response;
        try {
            response = await post("/api/v1/messages/compose", { kind: k, tone: t, situation: s, fields });
        } catch {
            // No connection: the template is filled here, from the kept templates.
            await composeHere(run, { kind: k, tone: t, situation: s, fields });
            return;
        }
        if (run !== composeRun) {
            return;
        }
        if (!response.ok) {
            const detail = await problemOf(response);
            if (response.status === 400 && detail) {
                problem.textContent = detail;
                problem.hidden = false;
            }
            return;
        }
        problem.hidden = true;
        fillFrom(await response.json());
    }

    let catalog = null;
    let composer = null;

    /** The kept templates and the script that fills them (from the service worker's cache when offline). */
    async function loadComposer() {
        catalog ??= fetch(messagesApi, { headers: { "Accept": "application/json" }, credentials: "same-origin" })
            .then((response) => response.ok ? response.json() : Promise.reject(new Error(String(response.status))))
            .catch((error) => { catalog = null; throw error; });
        composer ??= import("./message-composer.js").catch((error) => { composer = null; throw error; });
        return { data: await catalog, fill: (await composer).compose };
    }

    async function composeHere(run, request) {
        let message;
        try {
            const { data, fill } = await loadComposer();
            message = fill(data, request);
        } catch {
            return; // Neither the server nor the kept templates: the text stays as it is.
        }
        if (run !== composeRun || message.error) {
            return;
        }
        problem.hidden = true;
        fillFrom(message);
    }

    function composeSoon() {
        window.clearTimeout(composeTimer);
        composeTimer = window.setTimeout(compose, composeAfterMs);
    }

    // ---- findings: only the findings region is redrawn ----

    async function lint() {
        const run = ++lintRun;
        let response;
        try {
            response = await post("/api/v1/messages/lint", { kind: kind.value, text: body.value });
        } catch {
            if (run === lintRun) {
                findingsWait();
            }
            return;
        }
        if (run !== lintRun || !response.ok) {
            return;
        }
        drawFindings((await response.json()).findings ?? []);
    }

    function lintSoon(wait = lintAfterMs) {
        window.clearTimeout(lintTimer);
        lintTimer = window.setTimeout(lint, wait);
    }

    /** No connection: the text is not checked here; earlier findings would be about other words, so they go. */
    function findingsWait() {
        drawnFindings = "";
        const summary = findings.querySelector("#findings-summary");
        const text = findings.dataset.summaryOffline;
        if (text && summary.textContent !== text) {
            summary.textContent = text;
        }
        findings.querySelector("#findings-list").hidden = true;
    }

    function drawFindings(list) {
        const drawn = JSON.stringify(list);
        if (drawn === drawnFindings) {
            return;
        }
        drawnFindings = drawn;
        const words = findings.dataset;
        const titles = JSON.parse(words.guideTitles || "{}");
        const summary = findings.querySelector("#findings-summary");
        const text = list.length === 0 ? words.summaryNone
            : list.length === 1 ? words.summaryOne
            : words.summaryMany.replace("{n}", String(list.length));
        if (summary.textContent !== text) {
            summary.textContent = text;
        }
        const ul = findings.querySelector("#findings-list");
        const template = findings.querySelector("#finding-template");
        const items = list.map((finding) => {
            const item = template.content.firstElementChild.cloneNode(true);
            item.classList.add(finding.severity);
            item.dataset.rule = finding.rule;
            item.querySelector(".severity").textContent = words["severity" + capitalised(finding.severity)] ?? words.severityInfo;
            item.querySelector(".message .text").textContent = finding.message;
            const excerpt = item.querySelector(".excerpt");
            excerpt.querySelector("q").textContent = finding.excerpt ?? "";
            excerpt.hidden = !finding.excerpt?.trim();
            item.querySelector(".fix .text").textContent = finding.fix;
            const link = item.querySelector(".guide a");
            link.setAttribute("href", finding.guide);
            link.textContent = titles[finding.guide] ?? "Why: the guidance";
            return item;
        });
        ul.replaceChildren(...items);
        ul.hidden = items.length === 0;
    }

    // ---- kind-dependent parts of the form ----

    function showKind() {
        const chosen = kind.value;
        const option = kind.selectedOptions[0];
        for (const wrapper of form.querySelectorAll(".field[data-kinds]")) {
            wrapper.hidden = !wrapper.dataset.kinds.split(" ").includes(chosen);
        }
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
        download.setAttribute("download", `${chosen}.txt`);
        // Words to say aloud: no subject, nothing to mail.
        const spoken = option?.dataset.spoken === "true";
        document.getElementById("draft-subject-field").hidden = spoken;
        mailto.hidden = spoken;
    }

    // ---- saving ----

    function setSaveState(state) {
        form.dataset.saveState = state;
    }

    function say(element, text) {
        if (element.textContent !== text) {
            element.textContent = text;
        }
    }

    function textChanged() {
        dirty = true;
        setSaveState("dirty");
        keep();
        window.clearTimeout(saveTimer);
        window.clearTimeout(retryTimer);
        saveTimer = window.setTimeout(saveNow, saveAfterMs);
    }

    function saveNow() {
        window.clearTimeout(saveTimer);
        if (saving === null) {
            saving = saveWhileDirty().finally(() => { saving = null; });
        }
        return saving;
    }

    function saveUrl() {
        return draftId.value ? `${draftsApi}/${encodeURIComponent(draftId.value)}` : draftsApi;
    }

    async function send(text) {
        const id = draftId.value;
        const headers = { "Content-Type": "application/json", "Accept": "application/json" };
        if (!id) {
            // The same key for every try of this first save: a retry of a create that did arrive is not a second draft.
            headers["Idempotency-Key"] = idempotencyKey;
        }
        const response = await fetch(id ? `${draftsApi}/${encodeURIComponent(id)}` : draftsApi, {
            method: id ? "PUT" : "POST",
            headers,
            credentials: "same-origin",
            cache: "no-store",
            body: text,
        });
        if (id && response.status === 404) {
            // Deleted meanwhile (e.g. on another tab): keep the text as a new draft.
            draftId.value = "";
            idempotencyKey = newKey();
            return send(text);
        }
        if (!response.ok) {
            throw Object.assign(new Error(`Saving the draft failed: ${response.status}`), {
                status: response.status,
                retryAfter: Number(response.headers.get("Retry-After")),
                problem: response.status < 500 ? await problemOf(response) : null,
            });
        }
        return response.json();
    }

    async function saveWhileDirty() {
        while (dirty) {
            dirty = false;
            setSaveState("saving");
            const text = JSON.stringify(draft());
            try {
                const saved = await send(text);
                failures = 0;
                acknowledged(saved, text);
            } catch (error) {
                dirty = true;
                failures += 1;
                setSaveState("failed");
                saveStatus.classList.add("failed");
                const refused = error?.status >= 400 && error.status < 500 && error.status !== 408 && error.status !== 429;
                say(saveStatus, refused && error.problem
                    ? `Couldn't save: ${error.problem} Your text is still here.`
                    : notSaved);
                if (!refused) {
                    const wait = error?.retryAfter > 0 ? error.retryAfter * 1000 : Math.min(longestRetryMs, firstRetryMs * 2 ** (failures - 1));
                    window.clearTimeout(retryTimer);
                    retryTimer = window.setTimeout(saveNow, wait);
                }
                return;
            }
        }
    }

    function acknowledged(saved, text) {
        if (!draftId.value || draftId.value !== saved.id) {
            const before = storageKey;
            draftId.value = saved.id;
            form.dataset.draft = saved.id;
            storageKey = keyFor(saved.id);
            try {
                window.localStorage.removeItem(before);
            } catch {
                // Nothing to do.
            }
            showAddress(`/drafts/${saved.id}`);
        }
        saveStatus.classList.remove("failed");
        say(saveStatus, `Saved ${localTime(saved.updated)}`);
        if (!dirty && JSON.stringify(draft()) === text) {
            forget();
            setSaveState("saved");
        } else {
            keep();
        }
        refreshVersions(saved.id);
    }

    function showAddress(path) {
        const old = window.location.pathname + window.location.search;
        if (old !== path) {
            // Keep Blazor's own history state; a reload now opens the kept draft.
            window.history.replaceState(window.history.state, "", path);
            for (const link of document.querySelectorAll(`a[href^="${CSS.escape(old)}#"]`)) {
                link.setAttribute("href", path + link.getAttribute("href").slice(old.length));
            }
        }
        form.action = path;
    }

    async function refreshVersions(id) {
        let response;
        try {
            response = await fetch(`${draftsApi}/${encodeURIComponent(id)}/versions`, {
                headers: { "Accept": "application/json" },
                credentials: "same-origin",
                cache: "no-store",
            });
        } catch {
            return;
        }
        if (!response.ok) {
            return;
        }
        const list = (await response.json()).items ?? [];
        const ol = versions.querySelector("#versions-list");
        const template = versions.querySelector("#version-template");
        ol.replaceChildren(...list.map((version) => {
            const item = template.content.firstElementChild.cloneNode(true);
            item.querySelector(".number").textContent = String(version.number);
            const time = item.querySelector("time");
            time.dateTime = version.saved;
            time.textContent = localDateTime(version.saved);
            item.querySelector(".preview").textContent = preview(version.body ?? "");
            const button = item.querySelector("button");
            button.value = String(version.number);
            button.setAttribute("aria-label", `Restore version ${version.number}`);
            return item;
        }));
        versions.hidden = list.length === 0;
    }

    // ---- leaving, coming back ----

    function flushOnLeave() {
        if (!dirty && saving === null) {
            return;
        }
        keep();
        const id = draftId.value;
        const headers = { "Content-Type": "application/json" };
        if (!id) {
            headers["Idempotency-Key"] = idempotencyKey;
        }
        fetch(id ? `${draftsApi}/${encodeURIComponent(id)}` : draftsApi, {
            method: id ? "PUT" : "POST",
            headers,
            credentials: "same-origin",
            keepalive: true,
            body: JSON.stringify(draft()),
        }).catch(() => { /* the page is gone; the next visit puts the kept text back */ });
    }

    function putBack(entry) {
        const s = entry.screen;
        if (!s) {
            return false;
        }
        if ([...kind.options].some((o) => o.value === s.kind)) {
            kind.value = s.kind;
        }
        showKind();
        if (s.situation && [...situation.options].some((o) => o.value === s.situation && !o.disabled)) {
            situation.value = s.situation;
        }
        const toneInput = form.querySelector(`input[name='Tone'][value='${CSS.escape(s.tone ?? "")}']`);
        if (toneInput) {
            toneInput.checked = true;
        }
        for (const input of placeholders()) {
            const name = /^Field\[(.+)\]$/.exec(input.name)?.[1];
            input.value = (name && s.fields?.[name]) || "";
        }
        subject.value = s.subject ?? "";
        body.value = s.body ?? "";
        subjectTemplate.value = s.subjectTemplate ?? subjectTemplate.value;
        bodyTemplate.value = s.bodyTemplate ?? bodyTemplate.value;
        if (entry.idempotencyKey) {
            idempotencyKey = entry.idempotencyKey;
        }
        return true;
    }

    function same(a, b) {
        return JSON.stringify({ ...a, session: null }) === JSON.stringify({ ...b, session: null });
    }

    function restoreKept() {
        if (new URLSearchParams(window.location.search).has("restored")) {
            // The page after a Restore post: the text that was on screen is on the server as a version.
            forget();
            return;
        }
        const entry = kept();
        if (!entry?.screen) {
            return;
        }
        const { subjectTemplate: _s, bodyTemplate: _b, ...keptDraft } = entry.screen;
        if (same(keptDraft, draft())) {
            forget();
            return;
        }
        if (putBack(entry)) {
            showEdited();
            say(saveStatus, notSaved);
            textChanged();
            lintSoon(0);
        }
    }

    // ---- a kept page for other choices ----

    /**
     * The service worker keeps one composer page (/drafts/new) and answers every /drafts/new?kind=... with it when
     * there is no connection: the kind, tone and situation the address asks for, when the page shows others.
     */
    function askedChoices() {
        if (draftId.value) {
            return null;
        }
        const query = new URLSearchParams(window.location.search);
        const asked = { kind: query.get("kind"), tone: query.get("tone"), situation: query.get("situation") };
        const differs = (asked.kind && asked.kind !== kind.value && [...kind.options].some((o) => o.value === asked.kind))
            || (asked.tone && asked.tone !== tone() && toneInput(asked.tone))
            || (asked.situation && asked.situation !== situationValue() && [...situation.options].some((o) => o.value === asked.situation));
        return differs ? asked : null;
    }

    function toneInput(value) {
        return form.querySelector(`input[name='Tone'][value='${CSS.escape(value)}']`);
    }

    /** Shows the template for the asked choices as the server would have drawn the page: nothing is saved. */
    async function showAsked(asked) {
        if (asked.kind && [...kind.options].some((o) => o.value === asked.kind)) {
            kind.value = asked.kind;
        }
        showKind();
        if (asked.situation && [...situation.options].some((o) => o.value === asked.situation && !o.disabled)) {
            situation.value = asked.situation;
        }
        const chosenTone = asked.tone ? toneInput(asked.tone) : null;
        if (chosenTone) {
            chosenTone.checked = true;
        }
        try {
            const { data, fill } = await loadComposer();
            const { kind: k, tone: t, situation: s, fields } = draft();
            const message = fill(data, { kind: k, tone: t, situation: s, fields });
            if (!message.error) {
                subject.value = subjectTemplate.value = message.subject;
                body.value = bodyTemplate.value = message.body;
                showEdited();
            }
        } catch {
            // No kept templates: the choices changed, the text follows on the next change.
        }
    }

    // ---- copy, mail, download: from exactly what is on screen ----

    function mailtoFor(s, b) {
        return `mailto:?subject=${encodeURIComponent(s)}&body=${encodeURIComponent(b.replace(/\r?\n/g, "\r\n"))}`;
    }

    function fileText(s, b) {
        const text = s.trim() === "" ? b : `Subject: ${s}\n\n${b}`;
        return text.replace(/\r?\n/g, "\r\n");
    }

    function announce(text) {
        actionStatus.textContent = text;
    }

    copy.hidden = false;
    // The labels of the fields a text still holds as {placeholders}, as the form names them ("Who it is to").
    function unfilled(text) {
        const names = [...new Set(text.match(/\{[A-Za-z][A-Za-z0-9_-]*\}/g) ?? [])];
        return names.map((placeholder) => {
            const input = form.querySelector(`input[name='Field[${placeholder.slice(1, -1)}]']`);
            const label = input?.labels?.[0]?.textContent?.replace(/\s*\(optional\)\s*$/i, "").trim();
            return label ? `\u201c${label}\u201d` : placeholder;
        });
    }

    copy.addEventListener("click", async () => {
        const text = body.value;
        const missing = unfilled(text);
        try {
            await navigator.clipboard.writeText(text);
            if (missing.length > 0) {
                announce(`Copied, but it still has a gap to fill: ${missing.join(", ")}`);
                return;
            }
            announce(actionStatus.textContent === "Copied" ? "Copied again" : "Copied");
        } catch {
            body.focus();
            body.select();
            announce("The text is selected: copy it with your device's copy command.");
        }
    });

    mailto.addEventListener("click", () => {
        mailto.href = mailtoFor(subject.value, body.value);
    });

    download.addEventListener("click", () => {
        download.href = "data:text/plain;charset=utf-8," + encodeURIComponent(fileText(subject.value, body.value));
        download.setAttribute("download", `${kind.value}.txt`);
        announce("Downloaded");
    });

    // ---- events ----

    form.addEventListener("input", (event) => {
        const target = event.target;
        if (target === body || target === subject) {
            showEdited();
            textChanged();
            if (target === body) {
                lintSoon();
            }
        } else if (target instanceof HTMLInputElement && target.name.startsWith("Field[")) {
            textChanged();
            composeSoon();
        }
        if (actionStatus.textContent && target !== body) {
            actionStatus.textContent = "";
        }
    });

    form.addEventListener("change", (event) => {
        const target = event.target;
        if (target === kind) {
            showKind();
            textChanged();
            composeSoon();
            lintSoon(0);
        } else if (target === situation || (target instanceof HTMLInputElement && target.name === "Tone")) {
            textChanged();
            composeSoon();
        }
    });

    form.addEventListener("submit", (event) => {
        const submitter = event.submitter;
        const action = submitter instanceof HTMLButtonElement && submitter.name === "Action" ? submitter.value : null;
        if (action === "preview") {
            // Enter in a field: everything is already live.
            event.preventDefault();
            lintSoon(0);
        } else if (action === "save") {
            event.preventDefault();
            dirty = true;
            saveNow();
        } else if (action === "start-again") {
            event.preventDefault();
            replaceValue(subject, subjectTemplate.value);
            replaceValue(body, bodyTemplate.value);
            showEdited();
            body.focus();
            body.setSelectionRange(0, 0);
            textChanged();
            composeSoon();
            lintSoon(0);
        }
        // Restore: a real form post carrying the text on screen, which the server keeps as a version first.
    });

    window.addEventListener("pagehide", flushOnLeave);
    window.addEventListener("online", () => {
        if (dirty) {
            window.clearTimeout(retryTimer);
            saveNow();
        }
        lintSoon(0);
    });

    for (const element of form.querySelectorAll("[data-without-script]")) {
        element.hidden = true;
    }
    for (const time of form.querySelectorAll("time[data-local-time]")) {
        time.textContent = time.closest("#draft-save-status") ? localTime(time.dateTime) : localDateTime(time.dateTime);
    }
    if (draftId.value) {
        form.action = window.location.pathname;
    }
    const asked = askedChoices();
    (asked ? showAsked(asked) : Promise.resolve()).finally(() => {
        restoreKept();
        if (!dirty) {
            setSaveState("saved");
        }
        form.dataset.script = "ready";
    });
}

async function post(url, value) {
    return fetch(url, {
        method: "POST",
        headers: { "Content-Type": "application/json", "Accept": "application/json" },
        credentials: "same-origin",
        cache: "no-store",
        body: JSON.stringify(value),
    });
}

async function problemOf(response) {
    try {
        const problem = await response.json();
        const errors = problem.errors ? Object.values(problem.errors).flat() : [];
        return [problem.detail, ...errors].filter(Boolean).join(" ") || problem.title || null;
    } catch {
        return null;
    }
}

function capitalised(word) {
    return word ? word[0].toUpperCase() + word.slice(1) : "";
}

function localTime(value) {
    const date = value ? new Date(value) : new Date();
    return date.toLocaleTimeString([], { hour: "2-digit", minute: "2-digit", timeZoneName: "short" });
}

function localDateTime(value) {
    const when = new Date(value);
    if (Number.isNaN(when.getTime())) {
        return value;
    }
    return new Date().toDateString() === when.toDateString()
        ? when.toLocaleTimeString([], { hour: "2-digit", minute: "2-digit", timeZoneName: "short" })
        : when.toLocaleString([], { day: "numeric", month: "long", hour: "2-digit", minute: "2-digit", timeZoneName: "short" });
}

function preview(text) {
    const line = text.split(/[\r\n]+/).map((l) => l.trim()).filter(Boolean).join(" ");
    return line.length <= 90 ? line : line.slice(0, 90) + "\u2026";
}
