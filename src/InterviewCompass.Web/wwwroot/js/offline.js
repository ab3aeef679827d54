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
    let banner = document.getElementById(bannerId);
    if (entries.length === 0) {
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
    heading.textContent = entries.length === 1 ? "1 check not saved yet" : `${entries.length} checks not saved yet`;
    const list = document.createElement("ul");
    for (const entry of entries) {
        const item = document.createElement("li");
        const link = document.createElement("a");
        link.href = `/check/${encodeURIComponent(entry.checklist)}?session=${encodeURIComponent(entry.id)}`;
        link.textContent = [entry.title ?? entry.checklist, entry.label].filter(Boolean).join(": ");
        item.append(link, entry.headline ? ` \u2014 ${entry.headline}` : "");
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
