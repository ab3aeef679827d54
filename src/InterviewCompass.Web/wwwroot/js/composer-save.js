// The composer's saving, through the outbox (js/outbox.js): each change is kept at once on this device, and sent about
// a second after typing stops (POST /api/v1/drafts the first time, then PUT /api/v1/drafts/{id}), retried with the
// outbox's back-off, and said so ("Saved 14:02" / "Not saved yet, your text is still here"). After the first save the
// address becomes /drafts/{id}. A reload puts back what the server has not acknowledged yet. The versions list is read
// only when the person asks for it.
import { enqueue, all, idOf } from "./outbox.js";
import { newId, send } from "./json-client.js";

const saveAfterMs = 1000;
export const notSaved = "Not saved yet, your text is still here";

export function localTime(value) {
    const date = value ? new Date(value) : new Date();
    return date.toLocaleTimeString([], { hour: "2-digit", minute: "2-digit", timeZoneName: "short" });
}

export function localDateTime(value) {
    const when = new Date(value);
    if (Number.isNaN(when.getTime())) {
        return value;
    }
    return new Date().toDateString() === when.toDateString()
        ? localTime(value)
        : when.toLocaleString([], { day: "numeric", month: "long", hour: "2-digit", minute: "2-digit", timeZoneName: "short" });
}

function preview(text) {
    const line = text.split(/[\r\n]+/).map((l) => l.trim()).filter(Boolean).join(" ");
    return line.length <= 90 ? line : line.slice(0, 90) + "\u2026";
}

/**
 * Saving for one composer form. draft() is the draft as the API takes it, screen() what puts the screen back.
 * Returns { changed, restore, isDirty }.
 */
export function saverFor(form, ui, draft, screen) {
    const { draftId, saveStatus, versions } = ui;
    const page = window.location.pathname + window.location.search;
    let group = `draft:${draftId.value || newId()}`;
    let dirty = false;

    const say = (text) => { if (saveStatus.textContent !== text) { saveStatus.textContent = text; } };
    const setState = (state) => { form.dataset.saveState = state; };

    function title() {
        const { subject, body } = draft();
        const first = (subject || body.split("\n").find((line) => line.trim() !== "") || "").trim();
        return first ? `Draft: ${first.length > 60 ? `${first.slice(0, 60)}\u2026` : first}` : "Draft";
    }

    /** The text changed: kept now, sent after a pause. */
    async function changed() {
        dirty = true;
        setState("dirty");
        const id = draftId.value;
        await enqueue({
            group,
            method: "PUT",
            url: id ? `/api/v1/drafts/${encodeURIComponent(id)}` : "/api/v1/drafts/{id}",
            create: { method: "POST", url: "/api/v1/drafts" },
            body: draft(),
            delayMs: saveAfterMs,
            title: title(),
            href: id ? `/drafts/${id}` : page,
            meta: { screen: screen(), page, draftId: id || null },
        });
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

    async function onOutbox(event) {
        const { type, entry, answer } = event.detail ?? {};
        if (!entry || entry.group !== group) {
            return;
        }
        if (type === "sent") {
            const id = answer.body?.id ?? await idOf(group);
            if (id && draftId.value !== id) {
                draftId.value = id;
                form.dataset.draft = id;
                showAddress(`/drafts/${id}`);
            }
            saveStatus.classList.remove("failed");
            say(`Saved ${localTime(answer.body?.updated)}`);
            if (!(await all()).some((e) => e.group === group)) {
                dirty = false;
                setState("saved");
            }
            if (entry.method === "PUT") {
                offerVersions();
            }
        } else {
            setState("failed");
            saveStatus.classList.add("failed");
            say(type === "refused" && answer.problem ? `Couldn't save: ${answer.problem} Your text is still here.` : notSaved);
        }
    }

    // ---- the versions list: read when asked ----

    const refresh = versions?.querySelector("#versions-refresh");

    function offerVersions() {
        if (refresh && draftId.value) {
            refresh.hidden = false;
            versions.hidden = false;
        }
    }

    async function showVersions() {
        let answer;
        try {
            answer = await send({ url: `/api/v1/drafts/${encodeURIComponent(draftId.value)}/versions` });
        } catch {
            return;
        }
        if (!answer.ok) {
            return;
        }
        const ol = versions.querySelector("#versions-list");
        const template = versions.querySelector("#version-template");
        const list = answer.body?.items ?? answer.body ?? [];
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
        refresh.hidden = true;
    }

    refresh?.addEventListener("click", showVersions);

    /** Puts back what this device has not yet sent for this draft; resolves to its screen, or null. */
    async function restore() {
        if (new URLSearchParams(window.location.search).has("restored")) {
            return null; // The page after a Restore post: the server has the text that was on screen.
        }
        const id = draftId.value;
        const mine = (await all().catch(() => [])).filter((e) => e.group?.startsWith("draft:") && e.meta?.screen
            && (e.group === `draft:${id}` || (id && e.meta.draftId === id) || (!id && !e.meta.draftId && e.meta.page === page)));
        const kept = mine.at(-1);
        if (!kept) {
            return null;
        }
        group = kept.group;
        return kept.meta.screen;
    }

    document.addEventListener("interviewcompass:outbox", onOutbox);
    return { changed, restore, isDirty: () => dirty, say, setState };
}
