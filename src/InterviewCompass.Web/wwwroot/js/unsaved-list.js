// The "not saved yet" list of what the outbox (js/outbox.js) still holds: one line per thing (the latest write of each
// group), by the title and link it was kept with and the time it was made. Used by js/offline.js (every page) and
// js/delete-everything.js (shown before it is discarded).

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
    const things = [...latest.values()];
    const checks = things.filter((e) => e.group?.startsWith("session:")).length;
    const drafts = things.filter((e) => e.group?.startsWith("draft:")).length;
    return { list, count: things.length, checks, drafts, others: things.length - checks - drafts };
}

