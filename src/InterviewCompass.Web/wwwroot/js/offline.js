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

/** The "not saved yet" list: one line per thing (the latest write of each group), with its link and when it was made. */
export function unsavedList(entries) {
    const latest = new Map();
    for (const entry of entries) {
        latest.set(entry.group ?? `#${entry.seq}`, entry);
    }
    const list = document.createElement("ul");
    for (const entry of latest.values()) {
        const item = document.createElement("li");
        const link = document.createElement("a");
        link.href = entry.href || "/";
        link.textContent = entry.title || "Something you did";
        const made = document.createElement("time");
        made.dateTime = entry.madeAt;
        made.dataset.localTime = "date-time";
        made.textContent = new Date(entry.madeAt).toLocaleString([], { dateStyle: "medium", timeStyle: "short" });
        item.append(link, entry.meta?.headline ? ` \u2014 ${entry.meta.headline}` : "", " (", made, ")");
        if (entry.refused) {
            item.append(` \u2014 not accepted: ${entry.refused.problem ?? entry.refused.status}`);
        }
        list.append(item);
    }
    return { list, count: latest.size, checks: [...latest.values()].filter((e) => e.group?.startsWith("session:")).length };
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
    const { list, count, checks } = unsavedList(entries);
    const heading = document.createElement("h2");
    heading.id = `${bannerId}-heading`;
    const others = count - checks;
    heading.textContent = [
        ...(checks > 0 ? [counted(checks, "check", "checks")] : []),
        ...(others > 0 ? [counted(others, "draft", "drafts")] : []),
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
