// Due now, drawn by the browser: the home page is the same for everyone (publicly cached), so its "Due now" section
// (<section id="due-now" data-local hidden>, App/Home.razor) is filled here, from this device's own copy of the person's
// dated applications, with the browser's own date. Local first: the kept copy is drawn at once, with the dates of
// application changes still waiting in the outbox (js/outbox.js) folded in; then, when online, GET /api/v1/reminders
// refreshes the copy in the background and the list is drawn again. On the applications pages it only refreshes the
// copy (so the home page has one to draw from). "Add all to calendar" writes the reminders' iCalendar file here
// (js/calendar.js), offline too. An outcome kept offline that closes an application (withdrew, walked out, ...) takes its
// items off the list at once and cancels its calendar entries, as the server will once the outcome arrives.
//
// The copy is one localStorage entry (a few applications' names and dates), never in the service worker's cache; "Delete
// everything" removes it (js/delete-everything.js, and the server's Clear-Site-Data: "storage").
import { send } from "./json-client.js";
import { allReminders, calendarEntries, dayInWords, dueNow, followUpGuide, localToday } from "./reminders.js";

export const storeKey = "ic-reminders";
const apiUrl = "/api/v1/reminders";
const sectionSelector = "#due-now[data-local]";
const fileName = "interviewcompass-reminders.ics";
const noTrack = { date: null, lastDate: null, changes: 0 };

function kept() {
    try {
        const copy = JSON.parse(window.localStorage.getItem(storeKey) ?? "null");
        return copy && Array.isArray(copy.applications) ? copy : null;
    } catch {
        return null;
    }
}

function keep(copy) {
    try {
        window.localStorage.setItem(storeKey, JSON.stringify(copy));
    } catch {
        // Storage refused (private mode, full): the list is drawn from the network's answer only.
    }
}

const plainId = (id) => String(id ?? "").replaceAll("-", "").toLowerCase();

// DateTrack.Then: setting, changing or clearing a date counts one change; the same date again is none.
function then(track, date) {
    const value = date || null;
    return value === track.date ? track : { date: value, lastDate: value ?? track.date ?? track.lastDate, changes: track.changes + 1 };
}

// The copy holds open applications only, and each kind has one open outcome (ApplicationOutcomes.IsOpen), so an outcome
// kept offline is a change (SavedApplications: one more sequence on its calendar entries) exactly when it closes an open
// application, closes it another way, or opens it again.
const openOutcomes = new Set(["in-progress", "leaving"]);

function withOutcome(application, outcome) {
    const closed = openOutcomes.has(outcome) ? null : outcome;
    return closed === (application.closed ?? null)
        ? application
        : { ...application, closed, outcomeChanges: (application.outcomeChanges ?? 0) + 1 };
}

// Its reminders as the server will write them once its outcome changes arrive: cancelled while it is closed.
function asClosed(reminders, applications) {
    const byId = new Map(applications.map((a) => [plainId(a.id), a]));
    return reminders.map((r) => {
        const application = byId.get(plainId(r.application));
        return application?.outcomeChanges
            ? { ...r, sequence: r.sequence + application.outcomeChanges, cancelled: r.cancelled || Boolean(application.closed) }
            : r;
    });
}

const open = (applications) => applications.filter((a) => !a.closed);

// Application writes not sent yet (js/outbox.js) that set or clear a date: POST /api/v1/applications (a new one, with the
// id this browser chose) and PUT /api/v1/applications/{id}. Null when this browser has no outbox at all.
async function waiting() {
    try {
        const databases = await indexedDB.databases?.().catch(() => null);
        if (databases && !databases.some((d) => d.name === "interviewcompass")) {
            return null;
        }
        const { all } = await import("./outbox.js");
        return (await all()).filter((entry) => !entry.refused);
    } catch {
        return [];
    }
}

/** The kept applications with the dates of writes still waiting in the outbox, in the order they were made. */
export function fold(applications, writes) {
    const byId = new Map(applications.map((a) => [plainId(a.id), a]));
    for (const write of writes) {
        const body = write.body;
        const match = /^\/api\/v1\/applications(?:\/([0-9a-fA-F-]{32,36}))?$/.exec(write.url ?? "");
        if (!match || !body || typeof body !== "object" || !("decideBy" in body || "expectReplyBy" in body || typeof body.outcome === "string")) {
            continue;
        }
        const id = plainId(match[1] ?? body.id);
        const known = byId.get(id);
        // An application not in the copy (it had no dates yet) is known by the company the write names.
        if (!id || (!known && !body.company)) {
            continue;
        }
        let application = { ...(known ?? { id, company: body.company, role: body.role ?? "", contact: body.contact?.name ?? null, decideBy: noTrack, expectReplyBy: noTrack }) };
        if (typeof body.outcome === "string") {
            application = withOutcome(application, body.outcome);
        }
        for (const field of ["decideBy", "expectReplyBy"]) {
            if (field in body) {
                application[field] = then(application[field] ?? noTrack, body[field]);
            }
        }
        byId.set(id, application);
    }
    return [...byId.values()];
}

function whenText({ reminder, date, daysLate }) {
    if (reminder.kind === "decide-by") {
        return daysLate === 0 ? "Decide today." : `The day to decide was ${dayInWords(date)}.`;
    }
    return daysLate === 0 ? "Overdue from today." : `Overdue since ${dayInWords(date)}.`;
}

function item(due) {
    const li = document.createElement("li");
    li.className = `due-item due-${due.reminder.kind}`;
    const step = Object.assign(document.createElement("a"), { href: due.reminder.href, textContent: due.reminder.summary });
    step.className = "due-step tap-link";
    const when = Object.assign(document.createElement("span"), { className: "due-when", textContent: ` ${whenText(due)} ` });
    li.append(step, when);
    if (due.reminder.kind === "reply-overdue") {
        li.append(Object.assign(document.createElement("a"), { href: followUpGuide, className: "tap-link", textContent: "How to follow up" }));
    }
    return li;
}

let current = null;

// The server's reminders (closed applications' cancelled, sequences raised by outcome changes), with those of an
// application changed in the outbox built here again, keeping the server's extra sequence: the file the server would
// write once the change arrives. Without a server list (an old copy), every reminder is built here.
function forCalendar(copy) {
    if (!Array.isArray(copy.reminders)) {
        return asClosed(allReminders(copy.applications, copy.options), copy.applications);
    }
    const changed = new Set(copy.changed ?? []);
    const before = new Map(allReminders(copy.serverApplications ?? [], copy.options).map((r) => [r.uid, r.sequence]));
    const server = new Map(copy.reminders.map((r) => [r.uid, r.sequence]));
    const extra = (r) => ({ ...r, sequence: r.sequence + (server.get(r.uid) ?? before.get(r.uid) ?? 0) - (before.get(r.uid) ?? 0) });
    const changedApplications = copy.applications.filter((a) => changed.has(plainId(a.id)));
    const now = new Map(asClosed(allReminders(changedApplications, copy.options).map(extra), changedApplications).map((r) => [r.uid, r]));
    return [...copy.reminders.map((r) => now.get(r.uid) ?? r), ...[...now.values()].filter((r) => !server.has(r.uid))];
}

function calendarButton(section) {
    let button = section.querySelector("button[data-add-to-calendar]");
    if (!button) {
        button = Object.assign(document.createElement("button"), { type: "button", className: "button", textContent: "Add all to calendar" });
        button.dataset.addToCalendar = "";
        button.addEventListener("click", async () => {
            if (!current) {
                return;
            }
            const { downloadCalendar } = await import("./calendar.js");
            const reminders = forCalendar(current);
            downloadCalendar(calendarEntries(reminders, window.location.origin, current.options), fileName);
        });
        const line = document.createElement("p");
        line.append(button);
        section.append(line);
    }
    return button;
}

/** Draws what is due today (the browser's own date) into the home page's section; hidden when nothing is. */
export function draw(copy, today = localToday()) {
    current = copy;
    const section = document.querySelector(sectionSelector);
    if (!section) {
        return [];
    }
    const due = copy ? dueNow(open(copy.applications), today, copy.options) : [];
    const list = section.querySelector("ul") ?? section.appendChild(document.createElement("ul"));
    list.replaceChildren(...due.map(item));
    if (due.length > 0) {
        calendarButton(section);
    }
    section.hidden = due.length === 0;
    return due;
}

async function withWaiting(copy, writes) {
    const pending = writes === undefined ? await waiting() : writes;
    if (!pending?.length) {
        return copy;
    }
    const kept = copy?.applications ?? [];
    const applications = fold(kept, pending);
    const changed = applications.filter((a) => !kept.includes(a)).map((a) => plainId(a.id));
    return { ...copy, applications, serverApplications: kept, changed };
}

async function refresh() {
    if (!navigator.onLine) {
        return null;
    }
    try {
        const answer = await send({ url: apiUrl });
        if (!answer.ok || !Array.isArray(answer.body?.applications)) {
            return null;
        }
        const { applications, options, reminders } = answer.body;
        const copy = { applications, options: options ?? {}, reminders: Array.isArray(reminders) ? reminders : null, savedAt: new Date().toISOString() };
        keep(copy);
        return copy;
    } catch {
        return null; // No connection: the kept copy stands.
    }
}

// The home page asks the server only in a browser that has kept something (a copy, or an outbox): most visitors to
// the home page have nothing to ask about. The applications pages always refresh the copy.
async function start() {
    const local = kept();
    draw(local);
    const writes = await waiting();
    const folded = await withWaiting(local, writes);
    if (folded !== local) {
        draw(folded);
    }
    const ask = !document.querySelector(sectionSelector) || local !== null || writes !== null;
    const fresh = ask ? await refresh() : null;
    if (fresh) {
        draw(await withWaiting(fresh));
    }
    document.querySelector(sectionSelector)?.setAttribute("data-drawn", fresh ? "fresh" : "kept");
}

// Enhanced navigation keeps this module for later pages: it works only on the pages that name it.
const onThisPage = () => [...document.querySelectorAll("link[data-page-script]")].some((l) => l.href.includes("/js/due-now."));

start();
// A write kept or sent: its dates are drawn at once; once sent, the server's copy is read again.
document.addEventListener("interviewcompass:outbox", (event) => {
    if (!onThisPage()) {
        return;
    }
    if (event.detail?.type === "sent") {
        start();
    } else if (event.detail?.type === "changed") {
        withWaiting(kept()).then((copy) => draw(copy));
    }
});
window.Blazor?.addEventListener?.("enhancedload", () => {
    if (onThisPage()) {
        start();
    }
});
