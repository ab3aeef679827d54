// <time datetime="...Z" data-local-time="date-time|time">, written in UTC by the server: shown in the reader's own time,
// with the zone, the date in words ("Today", "Yesterday", or "3 December 2026"). Without JavaScript the UTC text stays.
const selector = "time[data-local-time]";

function sameDay(a, b) {
    return a.getFullYear() === b.getFullYear() && a.getMonth() === b.getMonth() && a.getDate() === b.getDate();
}

function dayInWords(when, now) {
    if (sameDay(when, now)) {
        return "Today";
    }

    const yesterday = new Date(now);
    yesterday.setDate(now.getDate() - 1);
    if (sameDay(when, yesterday)) {
        return "Yesterday";
    }

    return when.toLocaleDateString(undefined, {
        day: "numeric",
        month: "long",
        year: when.getFullYear() === now.getFullYear() ? undefined : "numeric",
    });
}

function timeWithZone(when) {
    return when.toLocaleTimeString(undefined, { hour: "numeric", minute: "2-digit", timeZoneName: "short" });
}

export function localise(root = document) {
    const now = new Date();
    for (const time of root.querySelectorAll(selector)) {
        const when = new Date(time.dateTime);
        if (Number.isNaN(when.getTime())) {
            continue;
        }

        time.textContent = time.dataset.localTime === "time"
            ? timeWithZone(when)
            : `${dayInWords(when, now)}, ${timeWithZone(when)}`;
        time.title = when.toLocaleString(undefined, { dateStyle: "full", timeStyle: "long" });
    }
}

localise();
window.Blazor?.addEventListener?.("enhancedload", () => localise());
