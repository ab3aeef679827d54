// Writes reminders as an RFC 5545 (iCalendar) file in the browser, offline: the same bytes the server's
// Features/Calendar/CalendarFile.cs writes with Ical.Net for the same entries and the same stamp
// (held equal by tests/InterviewCompass.EndToEnd CalendarConformanceTests). An entry:
// { uid, sequence, date: "2026-12-04", at: "09:00" | null, timeZone: "Europe/London" | null,
//   summary, description, url, cancelled }.

export const contentType = "text/calendar; charset=utf-8";
const productId = "-//InterviewCompass//Reminders//EN";
const allDayAlarm = "-PT15H"; // 09:00 the day before an all-day reminder
const timedAlarm = "-P1D"; // the same time the day before a timed one
const maxOctets = 75;

// What goes into the file: no characters outside the Basic Multilingual Plane, control characters
// as spaces, line breaks as "\n" (as CalendarFile.Text does).
function clean(value) {
    let text = "";
    for (const c of String(value ?? "").replace(/\r\n/g, "\n").replace(/\r/g, "\n")) {
        const code = c.codePointAt(0);
        if (code > 0xffff || (code >= 0xd800 && code <= 0xdfff)) {
            continue;
        }
        text += c !== "\n" && (code < 0x20 || (code >= 0x7f && code <= 0x9f)) ? " " : c;
    }
    return text;
}

function escapeText(value) {
    return value.replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,").replace(/\n/g, "\\n");
}

function octets(code) {
    return code < 0x80 ? 1 : code < 0x800 ? 2 : 3;
}

// Folds a content line at 75 octets; each continuation line starts with one space (counted).
function fold(line) {
    let total = 0;
    for (let i = 0; i < line.length; i++) {
        total += octets(line.charCodeAt(i));
    }
    if (total <= maxOctets) {
        return line + "\r\n";
    }
    let out = "";
    let current = "";
    let size = 0;
    for (let i = 0; i < line.length; i++) {
        const bytes = octets(line.charCodeAt(i));
        if (size + bytes > maxOctets) {
            out += current + "\r\n";
            current = " ";
            size = 1;
        }
        current += line[i];
        size += bytes;
    }
    return out + current + "\r\n";
}

const pad = (n, width = 2) => String(Math.abs(n)).padStart(width, "0");

function stampOf(value) {
    const d = new Date(value);
    return `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}T${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}Z`;
}

function parts(entry) {
    const [year, month, day] = entry.date.split("-").map(Number);
    const [hour, minute] = entry.at ? entry.at.split(":").map(Number) : [0, 0];
    return { year, month, day, hour, minute };
}

function localText(p, timed) {
    const date = `${p.year}${pad(p.month)}${pad(p.day)}`;
    return timed ? `${date}T${pad(p.hour)}${pad(p.minute)}00` : date;
}

// The zone's offset from UTC (minutes) at an instant.
function offsetAt(zone, utcMs) {
    const format = new Intl.DateTimeFormat("en-US", {
        timeZone: zone, hourCycle: "h23", year: "numeric", month: "numeric", day: "numeric",
        hour: "numeric", minute: "numeric", second: "numeric",
    });
    const v = Object.fromEntries(format.formatToParts(new Date(utcMs)).map(x => [x.type, Number(x.value)]));
    return Math.round((Date.UTC(v.year, v.month - 1, v.day, v.hour, v.minute, v.second) - utcMs) / 60000);
}

// The offset in force at a local wall time in the zone.
function offsetOfLocal(zone, p) {
    const wall = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute);
    const first = offsetAt(zone, wall);
    return offsetAt(zone, wall - first * 60000);
}

function utcOffset(minutes) {
    const sign = minutes < 0 ? "-" : "+";
    return `${sign}${pad(Math.trunc(Math.abs(minutes) / 60))}${pad(Math.abs(minutes) % 60)}`;
}

function timed(entry) {
    return Boolean(entry.at && entry.timeZone);
}

// A time in "UTC" is written as a UTC time (a trailing Z), with no VTIMEZONE, as Ical.Net writes it.
const isUtc = zone => zone.toUpperCase() === "UTC";

function timeZones(entries) {
    const zones = new Map();
    for (const entry of entries.filter(e => timed(e) && !isUtc(e.timeZone))) {
        if (!zones.has(entry.timeZone)) {
            zones.set(entry.timeZone, new Map());
        }
        zones.get(entry.timeZone).set(localText(parts(entry), true), parts(entry));
    }
    let text = "";
    for (const [zone, locals] of zones) {
        text += "BEGIN:VTIMEZONE\r\n" + fold(`TZID:${zone}`) + fold(`X-LIC-LOCATION:${zone}`);
        let previous = null;
        for (const key of [...locals.keys()].sort()) {
            const offset = offsetOfLocal(zone, locals.get(key));
            if (offset === previous) {
                continue;
            }
            text += "BEGIN:STANDARD\r\n" + `DTSTART:${key}\r\n`
                + `TZOFFSETFROM:${utcOffset(previous ?? offset)}\r\n` + `TZOFFSETTO:${utcOffset(offset)}\r\n` + "END:STANDARD\r\n";
            previous = offset;
        }
        text += "END:VTIMEZONE\r\n";
    }
    return text;
}

function event(entry, stamp) {
    const p = parts(entry);
    const summary = escapeText(clean(entry.summary));
    const start = !timed(entry) ? `DTSTART;VALUE=DATE:${localText(p, false)}`
        : isUtc(entry.timeZone) ? `DTSTART:${localText(p, true)}Z`
            : `DTSTART;TZID=${entry.timeZone}:${localText(p, true)}`;
    return "BEGIN:VEVENT\r\n"
        + fold(`DESCRIPTION:${escapeText(clean(entry.description) + "\n" + entry.url)}`)
        + fold(`DTSTAMP:${stamp}`)
        + fold(start)
        + fold(`SEQUENCE:${entry.sequence}`)
        + (entry.cancelled ? "STATUS:CANCELLED\r\n" : "")
        + fold(`SUMMARY:${summary}`)
        + fold(`UID:${entry.uid}`)
        + fold(`URL:${entry.url}`)
        + "BEGIN:VALARM\r\nACTION:DISPLAY\r\n"
        + fold(`DESCRIPTION:${summary}`)
        + `TRIGGER:${timed(entry) ? timedAlarm : allDayAlarm}\r\n`
        + "END:VALARM\r\nEND:VEVENT\r\n";
}

/** The iCalendar text for the entries, stamped with `stamp` (a Date or an ISO string). */
export function writeCalendar(entries, stamp) {
    const dtStamp = stampOf(stamp);
    return "BEGIN:VCALENDAR\r\nMETHOD:PUBLISH\r\n" + fold(`PRODID:${productId}`) + "VERSION:2.0\r\n"
        + timeZones(entries) + entries.map(e => event(e, dtStamp)).join("") + "END:VCALENDAR\r\n";
}

/** Offers the file as a download named `name`. */
export function downloadCalendar(entries, name, stamp = new Date()) {
    const url = URL.createObjectURL(new Blob([writeCalendar(entries, stamp)], { type: contentType }));
    const link = Object.assign(document.createElement("a"), { href: url, download: name });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 0);
}
