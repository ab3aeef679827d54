// Installable and offline: registers the service worker once the page has loaded (so a first visit is not slowed),
// saves what was kept on this device while offline as soon as there is a connection, and shows what is not saved yet.

// The outbox is loaded only once this browser has kept something (most visits never do).
let outbox = null;

async function loadOutbox() {
    if (outbox === null) {
        const databases = await indexedDB.databases?.().catch(() => null);
        if (databases && !databases.some((d) => d.name === "interviewcompass")) {
            return null;
        }

        outbox = await import("./outbox.js");
    }

    return outbox;
}

const bannerId = "unsaved";

// Drafts js/composer.js kept in localStorage until the server has them: { screen, request: { method, url, body },
// idempotencyKey }. Sent from any page once there is a connection, with the composer's own key and bytes, so a create
// the composer also tries (another tab) is kept once. The composer open on this page sends its own draft.
const draftPrefix = "ic-composer:";
const draftsApi = "/api/v1/drafts";

function ownDraftKeys() {
    const form = document.querySelector("form[data-composer]");
    if (!form) {
        return new Set();
    }
    const id = document.getElementById("draft-id")?.value;
    return new Set([draftPrefix + "new" + window.location.search, ...(id ? [draftPrefix + id] : [])]);
}

function keptDrafts() {
    const own = ownDraftKeys();
    const drafts = [];
    try {
        for (let i = 0; i < window.localStorage.length; i++) {
            const key = window.localStorage.key(i);
            if (!key?.startsWith(draftPrefix) || own.has(key)) {
                continue;
            }
            const raw = window.localStorage.getItem(key);
            const entry = JSON.parse(raw ?? "null");
            const request = entry?.request;
            if (request && (request.method === "POST" || request.method === "PUT") && request.url?.startsWith(draftsApi)) {
                drafts.push({ key, raw, entry });
            }
        }
    } catch {
        // Storage refused (private mode): nothing was kept.
    }
    return drafts;
}

/** Sends the kept drafts one at a time; stops at the first connection failure. */
async function sendDrafts() {
    for (const { key, raw, entry } of keptDrafts()) {
        const { method, url, body } = entry.request;
        const headers = { "Content-Type": "application/json", "Accept": "application/json" };
        if (method === "POST") {
            headers["Idempotency-Key"] = entry.idempotencyKey;
        }
        let response;
        try {
            response = await fetch(url, { method, headers, credentials: "same-origin", cache: "no-store", body });
        } catch {
            return;
        }
        // Refused (a problem to fix, a draft deleted meanwhile): kept, and the composer says why when it is opened.
        if (response.ok && window.localStorage.getItem(key) === raw) {
            window.localStorage.removeItem(key);
        }
    }
}

function draftLink({ key, entry }) {
    const rest = key.slice(draftPrefix.length);
    const href = rest.startsWith("new") ? `/drafts/new${rest.slice(3)}` : `/drafts/${encodeURIComponent(rest)}`;
    const screen = entry.screen ?? {};
    const first = (screen.subject || (screen.body ?? "").split("\n").find((line) => line.trim() !== "") || "").trim();
    const link = document.createElement("a");
    link.href = href;
    link.textContent = first ? `Draft: ${first.length > 60 ? `${first.slice(0, 60)}\u2026` : first}` : "Draft";
    return link;
}

function counted(count, one, many) {
    return count === 1 ? `1 ${one}` : `${count} ${many}`;
}

function register() {
    const version = document.querySelector("meta[name=app-version]")?.content;
    if (!("serviceWorker" in navigator) || !version) {
        return;
    }

    navigator.serviceWorker.register(`/sw.js?v=${encodeURIComponent(version)}`, { scope: "/" })
        .catch(() => { /* no worker (private mode, an old browser): the site still works online */ });
}

async function showUnsaved() {
    const kept = await loadOutbox();
    const entries = kept ? await kept.all().catch(() => []) : [];
    const drafts = keptDrafts();
    let banner = document.getElementById(bannerId);
    if (entries.length === 0 && drafts.length === 0) {
        banner?.remove();
        return;
    }

    const main = document.querySelector("main");
    if (!main) {
        return;
    }

    if (!banner) {
        banner = document.createElement("aside");
        banner.id = bannerId;
        banner.className = "notice unsaved";
        banner.setAttribute("aria-labelledby", `${bannerId}-heading`);
        main.prepend(banner);
    }

    const heading = document.createElement("h2");
    heading.id = `${bannerId}-heading`;
    heading.textContent = [
        ...(entries.length > 0 ? [counted(entries.length, "check", "checks")] : []),
        ...(drafts.length > 0 ? [counted(drafts.length, "draft", "drafts")] : []),
    ].join(" and ") + " not saved yet";
    const list = document.createElement("ul");
    for (const entry of entries) {
        const item = document.createElement("li");
        const link = document.createElement("a");
        link.href = `/check/${encodeURIComponent(entry.checklist)}?session=${encodeURIComponent(entry.id)}`;
        link.textContent = [entry.title ?? entry.checklist, entry.label].filter(Boolean).join(": ");
        item.append(link, entry.headline ? ` \u2014 ${entry.headline}` : "");
        list.append(item);
    }
    for (const draft of drafts) {
        const item = document.createElement("li");
        item.append(draftLink(draft));
        list.append(item);
    }

    const hint = document.createElement("p");
    hint.textContent = navigator.onLine
        ? "Saving them to your history now."
        : "They are kept on this device and will be saved to your history when you are back online.";
    banner.replaceChildren(heading, list, hint);
}

async function sync() {
    const kept = await loadOutbox();
    if (kept && navigator.onLine) {
        await kept.flush().catch(() => { /* kept; tried again on the next connection or visit */ });
    }
    if (navigator.onLine) {
        await sendDrafts().catch(() => { /* kept; tried again on the next connection or visit */ });
    }

    await showUnsaved();
}

// A check kept on this page (js/check-autosave.js) tells this module to look again.
document.addEventListener("interviewcompass:kept", () => { showUnsaved(); });
// With no connection a link is followed as a plain page load, which the service worker answers from what it kept;
// Blazor's enhanced navigation would first try a fetch that cannot succeed.
function followConnection() {
    if (navigator.onLine) {
        document.documentElement.removeAttribute("data-enhance-nav");
    } else {
        document.documentElement.setAttribute("data-enhance-nav", "false");
    }
}

window.addEventListener("online", () => { followConnection(); sync(); });
window.addEventListener("offline", () => { followConnection(); showUnsaved(); });
followConnection();
window.Blazor?.addEventListener?.("enhancedload", showUnsaved);

if (document.readyState === "complete") {
    register();
} else {
    window.addEventListener("load", register, { once: true });
}

sync();
