// Installable and offline: registers the service worker once the page has loaded (so a first visit is not slowed),
// saves what was kept on this device while offline as soon as there is a connection, and shows what is not saved yet.
import { all, flush, onChange } from "./outbox.js";

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
    const entries = await all().catch(() => []);
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
    if (navigator.onLine) {
        await flush().catch(() => { /* kept; tried again on the next connection or visit */ });
    }

    await showUnsaved();
}

onChange(() => { showUnsaved(); });
window.addEventListener("online", sync);
window.addEventListener("offline", showUnsaved);
window.Blazor?.addEventListener?.("enhancedload", showUnsaved);

if (document.readyState === "complete") {
    register();
} else {
    window.addEventListener("load", register, { once: true });
}

sync();
