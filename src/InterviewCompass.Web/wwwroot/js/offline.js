// On every page: registers the service worker once the page has loaded (so a first visit is not slowed), starts the
// outbox's loop when this browser has something to send (js/outbox.js: the one place writes wait), and lists what is
// not saved yet, by the title and link each write was kept with. It reads nothing else of another module.

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

function counted(count, one, many) {
    return count === 1 ? `1 ${one}` : `${count} ${many}`;
}

async function showUnsaved() {
    const kept = await loadOutbox();
    const entries = kept ? await kept.all().catch(() => []) : [];
    let banner = document.getElementById(bannerId);
    // The page that lists unsaved work itself (delete everything) shows it there instead.
    if (entries.length === 0 || document.querySelector("[data-unsaved-here]")) {
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
    const { unsavedList } = await import("./unsaved-list.js");
    const { list, checks, drafts, others } = unsavedList(entries);
    const heading = document.createElement("h2");
    heading.id = `${bannerId}-heading`;
    heading.textContent = [
        ...(checks > 0 ? [counted(checks, "check", "checks")] : []),
        ...(drafts > 0 ? [counted(drafts, "draft", "drafts")] : []),
        ...(others > 0 ? [counted(others, "other change", "other changes")] : []),
    ].join(" and ") + " not saved yet";
    const hint = document.createElement("p");
    hint.textContent = navigator.onLine
        ? "Saving them to your history now."
        : "They are kept on this device and will be saved to your history when you are back online.";
    banner.replaceChildren(heading, list, hint);
}

async function sync() {
    const kept = await loadOutbox();
    if (kept && navigator.onLine) {
        kept.flush();
    }
    await showUnsaved();
}

// Any change in the outbox (on this page or another tab) redraws the list.
document.addEventListener("interviewcompass:outbox", () => { showUnsaved(); });

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
