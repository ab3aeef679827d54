// The composer page's browser side, loaded as a module by the page (no inline script: the CSP forbids it).
// Saves go through fetch to the drafts API so the browser's owner cookie travels with them and is issued
// by the API on the first save; an interactive circuit cannot set cookies itself.

const json = { "Content-Type": "application/json", "Accept": "application/json" };

function localTime(value) {
    const date = value ? new Date(value) : new Date();
    return date.toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });
}

function localDateTime(value) {
    const date = new Date(value);
    return date.toLocaleString([], { day: "numeric", month: "short", hour: "2-digit", minute: "2-digit" });
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

/** Copies the text; when the clipboard is not allowed, selects it in the element so the person can copy it. */
export async function copyText(text, element) {
    try {
        await navigator.clipboard.writeText(text);
        return "copied";
    } catch {
        if (element && typeof element.select === "function") {
            element.focus();
            element.select();
            return "selected";
        }
        return "failed";
    }
}

/** Offers the text as a .txt file (CRLF line breaks, UTF-8), made in the browser: nothing is sent anywhere. */
export function downloadText(fileName, text) {
    const blob = new Blob([text.replace(/\r?\n/g, "\r\n")], { type: "text/plain;charset=utf-8" });
    const url = URL.createObjectURL(blob);
    const link = document.createElement("a");
    link.href = url;
    link.download = fileName;
    link.hidden = true;
    document.body.appendChild(link);
    link.click();
    link.remove();
    window.setTimeout(() => URL.revokeObjectURL(url), 10000);
}

/** Creates (no id) or updates the draft. Never throws: the status says what happened (0: no connection). */
export async function saveDraft(id, draft) {
    try {
        const response = await fetch(id ? `/api/v1/drafts/${encodeURIComponent(id)}` : "/api/v1/drafts", {
            method: id ? "PUT" : "POST",
            headers: json,
            credentials: "same-origin",
            body: JSON.stringify(draft),
        });
        if (!response.ok) {
            return { status: response.status, problem: await problemOf(response) };
        }
        const saved = await response.json();
        return { status: response.status, id: saved.id, savedAt: localTime(saved.updated) };
    } catch {
        return { status: 0, problem: null };
    }
}

/** The draft as kept, for a page that lost its first render's state (e.g. after a reconnection). */
export async function loadDraft(id) {
    try {
        const response = await fetch(`/api/v1/drafts/${encodeURIComponent(id)}`, { headers: json, credentials: "same-origin" });
        return response.ok ? { status: response.status, draft: await response.json() } : { status: response.status };
    } catch {
        return { status: 0 };
    }
}

/** Earlier versions, newest first, with the time shown in the person's own time zone. */
export async function loadVersions(id) {
    try {
        const response = await fetch(`/api/v1/drafts/${encodeURIComponent(id)}/versions`, { headers: json, credentials: "same-origin" });
        if (!response.ok) {
            return { status: response.status, versions: [] };
        }
        const versions = await response.json();
        return { status: response.status, versions: versions.map(v => ({ ...v, savedLocal: localDateTime(v.saved) })) };
    } catch {
        return { status: 0, versions: [] };
    }
}

/** Puts the saved draft's own address in the address bar without a reload, so a reload brings it back. */
export function showAddress(path) {
    const old = window.location.pathname + window.location.search;
    if (old === path) {
        return;
    }
    window.history.replaceState(window.history.state, "", path);
    // Links to a part of this page (e.g. the skip link) follow the new address.
    for (const link of document.querySelectorAll(`a[href^="${CSS.escape(old)}#"]`)) {
        link.setAttribute("href", path + link.getAttribute("href").slice(old.length));
    }
}
