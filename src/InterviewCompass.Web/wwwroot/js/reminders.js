// Reminders in the browser, offline: a port of InterviewCompass.Core/Reminders (ReminderBuilder, DueNow) and of
// Features/Calendar/CalendarEntries (the links a reminder opens, the entries js/calendar.js writes). Pure: no clock, no
// DOM, no storage. Held equal to the C# by tests/InterviewCompass.EndToEnd RemindersConformanceTests.
//
// An application: { id, company, role, contact, decideBy: track, expectReplyBy: track }, a track being
// { date: "2026-12-04" | null, lastDate: "2026-12-04" | null, changes: 1 } (as GET /api/v1/reminders gives them).
// Options: { replyOverdueDays: 2, remindAt: "09:00" | null, timeZone: "Europe/London" | null }.

export const defaultReplyOverdueDays = 2;
export const maxReplyOverdueDays = 30;
export const followUpGuide = "/guides/following-up";
const uidDomain = "interviewcompass";
const decisionChecklist = "withdrawal";
const followUpKind = "follow-up";
const dayMs = 86400000;
const weekdays = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
const months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/** A "yyyy-mm-dd" date as a day number (days since 1970-01-01), or null when it is not one. */
export function dayNumber(date) {
    const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(String(date ?? ""));
    if (!match) {
        return null;
    }
    const ms = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
    return Number.isNaN(ms) ? null : Math.round(ms / dayMs);
}

/** A day number as "yyyy-mm-dd". */
export function isoDate(day) {
    const d = new Date(day * dayMs);
    return `${String(d.getUTCFullYear()).padStart(4, "0")}-${String(d.getUTCMonth() + 1).padStart(2, "0")}-${String(d.getUTCDate()).padStart(2, "0")}`;
}

/** Today in the browser's own zone, as "yyyy-mm-dd". */
export function localToday(now = new Date()) {
    return `${String(now.getFullYear()).padStart(4, "0")}-${String(now.getMonth() + 1).padStart(2, "0")}-${String(now.getDate()).padStart(2, "0")}`;
}

/** How a date reads in a note and a reminder, in English whatever the browser's language: "Friday 4 December 2026". */
export function dayInWords(date) {
    const d = new Date(dayNumber(date) * dayMs);
    return `${weekdays[d.getUTCDay()]} ${d.getUTCDate()} ${months[d.getUTCMonth()]} ${String(d.getUTCFullYear()).padStart(4, "0")}`;
}

/** The day a reply counts as overdue: businessDays weekdays after the date they gave (0 to 30). */
export function followUpDay(replyBy, businessDays) {
    const wanted = Math.min(Math.max(Math.trunc(Number(businessDays) || 0), 0), maxReplyOverdueDays);
    let day = dayNumber(replyBy);
    for (let added = 0; added < wanted;) {
        day += 1;
        const weekday = new Date(day * dayMs).getUTCDay();
        if (weekday !== 0 && weekday !== 6) {
            added++;
        }
    }
    return isoDate(day);
}

const plainId = (id) => String(id).replaceAll("-", "").toLowerCase();

/** The stable calendar id of an application's reminder: 32 hex digits, the kind, the domain. */
export function uid(application, kind) {
    return `${plainId(application)}-${kind}@${uidDomain}`;
}

function possessive(company) {
    return company.endsWith("s") || company.endsWith("S") ? `${company}'` : `${company}'s`;
}

// As System.Text.Encodings.Web.UrlEncoder.Default (QueryHelpers.AddQueryString): these ASCII characters stay, everything
// else is percent-encoded UTF-8 (a lone surrogate as U+FFFD).
const urlSafe = /^[A-Za-z0-9\-._~!$()*,;@]$/;
const utf8 = new TextEncoder();

function urlEncode(value) {
    let out = "";
    for (const c of value) {
        out += urlSafe.test(c) ? c : [...utf8.encode(c)].map((b) => `%${b.toString(16).toUpperCase().padStart(2, "0")}`).join("");
    }
    return out;
}

/** The composer for a new draft of `kind` with its fields filled in (AppLinks.NewDraft). */
export function newDraftHref(kind, fields) {
    const query = [["kind", kind], ...fields].filter(([, value]) => value !== null && value !== undefined && value !== "");
    return query.length === 0 ? "/drafts/new" : `/drafts/new?${query.map(([n, v]) => `${urlEncode(n)}=${urlEncode(v)}`).join("&")}`;
}

function hasText(value) {
    return typeof value === "string" && value.trim() !== "";
}

function followUpFields(application, replyBy) {
    return [
        ["company", application.company],
        ["role", application.role ?? ""],
        ...(hasText(application.contact) ? [["name", application.contact]] : []),
        ["date", dayInWords(replyBy)],
    ];
}

const noTrack = { date: null, lastDate: null, changes: 0 };

/** The application's reminders: one per date that is set, and a cancelled one per date that was cleared. */
export function remindersFor(application, options) {
    const company = application.company ?? "";
    const role = application.role ?? "";
    const reminders = [];
    const decideBy = application.decideBy ?? noTrack;
    if (dayNumber(decideBy.lastDate) !== null && decideBy.changes > 0) {
        reminders.push({
            uid: uid(application.id, "decide-by"),
            kind: "decide-by",
            application: application.id,
            date: decideBy.lastDate,
            sequence: decideBy.changes - 1,
            cancelled: decideBy.date === null || decideBy.date === undefined,
            summary: `Decide on ${possessive(company)} offer`,
            description: `You set ${dayInWords(decideBy.lastDate)} as the day to decide about the ${role} role at ${company}. The check helps you weigh it up.`,
            href: `/check/${encodeURIComponent(decisionChecklist)}`,
        });
    }
    const replyBy = application.expectReplyBy ?? noTrack;
    if (dayNumber(replyBy.lastDate) !== null && replyBy.changes > 0) {
        reminders.push({
            uid: uid(application.id, "reply-overdue"),
            kind: "reply-overdue",
            application: application.id,
            date: followUpDay(replyBy.lastDate, options?.replyOverdueDays ?? defaultReplyOverdueDays),
            sequence: replyBy.changes - 1,
            cancelled: replyBy.date === null || replyBy.date === undefined,
            summary: `No reply from ${company} yet: follow up`,
            description: `${company} said you would hear by ${dayInWords(replyBy.lastDate)} about the ${role} role. A short follow-up note is drafted and ready to check.`,
            // The application named last (CalendarEntries.PathOf), so the draft, once kept, is linked to it.
            href: `${newDraftHref(followUpKind, followUpFields({ ...application, company, role }, replyBy.lastDate))}&application=${plainId(application.id)}`,
        });
    }
    return reminders;
}

/** Every reminder of the applications, in their order. */
export function allReminders(applications, options) {
    return (applications ?? []).flatMap((a) => remindersFor(a, options));
}

const kindOrder = { "decide-by": 0, "reply-overdue": 1 };

/** What is due on `today` ("yyyy-mm-dd"): decisions first (today's ahead), then overdue replies, each oldest first. */
export function dueNow(applications, today, options) {
    const now = dayNumber(today);
    return allReminders(applications, options)
        .filter((r) => !r.cancelled && dayNumber(r.date) <= now)
        .map((r) => ({ reminder: r, date: r.date, daysLate: now - dayNumber(r.date) }))
        .sort((a, b) => kindOrder[a.reminder.kind] - kindOrder[b.reminder.kind]
            || (a.daysLate === 0 ? 0 : 1) - (b.daysLate === 0 ? 0 : 1)
            || b.daysLate - a.daysLate
            || (a.reminder.uid < b.reminder.uid ? -1 : a.reminder.uid > b.reminder.uid ? 1 : 0));
}

/** The reminders as js/calendar.js entries, their links on `origin` (CalendarEntries.From). */
export function calendarEntries(reminders, origin, options) {
    const at = options?.remindAt ?? null;
    const zone = options?.timeZone ?? null;
    return reminders.map((r) => ({
        uid: r.uid,
        sequence: r.sequence,
        date: r.date,
        at: zone === null ? null : at,
        timeZone: at === null ? null : zone,
        summary: r.summary,
        description: r.description,
        url: origin + r.href,
        cancelled: r.cancelled,
    }));
}
