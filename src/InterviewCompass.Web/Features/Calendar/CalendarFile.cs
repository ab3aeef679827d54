using System.Text;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;

namespace InterviewCompass.Web.Features.Calendar;

/// <summary>One calendar entry as both writers take it (this one and <c>wwwroot/js/calendar.js</c>).</summary>
/// <param name="Uid">Stable per application and reminder kind, so a second download updates the entry.</param>
/// <param name="Sequence">Grows each time the date changes or is cleared.</param>
/// <param name="Date">The day; all day unless <paramref name="At"/> is given.</param>
/// <param name="At">A local time in <paramref name="TimeZone"/> (an IANA id) for a timed reminder.</param>
/// <param name="Url">Opens the check or the drafted note.</param>
/// <param name="Cancelled">The date was cleared.</param>
public sealed record CalendarEntry(
    string Uid,
    int Sequence,
    DateOnly Date,
    TimeOnly? At,
    string? TimeZone,
    string Summary,
    string Description,
    Uri Url,
    bool Cancelled);

/// <summary>
/// Writes reminders as an RFC 5545 file with Ical.Net: one VEVENT per entry, with a DISPLAY alarm
/// (the one alarm type every calendar keeps). A timed entry names its zone (TZID) and the file carries
/// a VTIMEZONE whose observances give the offset in force at each of its entries, so every start
/// resolves to the right instant even in a calendar that does not know the zone's name.
/// </summary>
public static class CalendarFile
{
    public const string ContentType = "text/calendar; charset=utf-8";
    public const string ProductId = "-//InterviewCompass//Reminders//EN";

    /// <summary>All-day reminders ring at 09:00 the day before (15 hours before the day starts).</summary>
    public static readonly Duration AllDayAlarm = Duration.FromHours(-15);

    /// <summary>Timed reminders ring a day ahead, at the same time.</summary>
    public static readonly Duration TimedAlarm = Duration.FromDays(-1);

    public static string Write(IEnumerable<CalendarEntry> entries, DateTimeOffset stamp)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var list = entries.ToList();
        var calendar = new Ical.Net.Calendar { ProductId = ProductId };
        calendar.AddProperty("METHOD", "PUBLISH");
        foreach (var zone in TimeZones(list))
        {
            calendar.TimeZones.Add(zone);
        }

        var utc = stamp.ToUniversalTime();
        var dtStamp = new CalDateTime(utc.Year, utc.Month, utc.Day, utc.Hour, utc.Minute, utc.Second, "UTC");
        foreach (var entry in list)
        {
            var summary = Text(entry.Summary);
            var calendarEvent = new CalendarEvent
            {
                Uid = entry.Uid,
                Sequence = entry.Sequence,
                DtStamp = dtStamp,
                DtStart = entry.At is { } at && entry.TimeZone is { } zone
                    ? new CalDateTime(entry.Date.Year, entry.Date.Month, entry.Date.Day, at.Hour, at.Minute, 0, zone)
                    : new CalDateTime(entry.Date.Year, entry.Date.Month, entry.Date.Day),
                Summary = summary,
                Description = Text(entry.Description) + "\n" + entry.Url.OriginalString,
                Url = entry.Url,
            };
            if (entry.Cancelled)
            {
                calendarEvent.Status = EventStatus.Cancelled;
            }

            calendarEvent.Alarms.Add(new Alarm
            {
                Action = AlarmAction.Display,
                Trigger = new Trigger(entry.At is null ? AllDayAlarm : TimedAlarm),
                Description = summary,
            });
            calendar.Events.Add(calendarEvent);
        }

        return new CalendarSerializer().SerializeToString(calendar) ?? "";
    }

    /// <summary>
    /// Text as it goes into the file: characters outside the Basic Multilingual Plane are left out
    /// (Ical.Net folds long lines between the two halves of such a character), other control
    /// characters become spaces, and line breaks become "\n".
    /// </summary>
    internal static string Text(string value)
    {
        var text = new StringBuilder(value.Length);
        var normalised = value.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        foreach (var c in normalised)
        {
            if (char.IsSurrogate(c))
            {
                continue;
            }

            text.Append(c != '\n' && char.IsControl(c) ? ' ' : c);
        }

        return text.ToString();
    }

    private static List<VTimeZone> TimeZones(List<CalendarEntry> entries)
    {
        var zones = new List<VTimeZone>();
        // Ical.Net writes a time in "UTC" as a UTC time (a trailing Z): that zone needs no VTIMEZONE.
        foreach (var group in entries.Where(e => e.At is not null && e.TimeZone is not null && !IsUtc(e.TimeZone)).GroupBy(e => e.TimeZone!, StringComparer.Ordinal))
        {
            var info = TimeZoneInfo.FindSystemTimeZoneById(group.Key);
            var zone = new VTimeZone(group.Key);
            TimeSpan? previous = null;
            foreach (var local in group.Select(e => e.Date.ToDateTime(e.At!.Value)).Distinct().Order())
            {
                var offset = info.GetUtcOffset(local);
                if (offset == previous)
                {
                    continue;
                }

                zone.TimeZoneInfos.Add(new VTimeZoneInfo
                {
                    Name = "STANDARD",
                    DtStart = new CalDateTime(local.Year, local.Month, local.Day, local.Hour, local.Minute, 0),
                    OffsetFrom = new UtcOffset(previous ?? offset),
                    OffsetTo = new UtcOffset(offset),
                });
                previous = offset;
            }

            zones.Add(zone);
        }

        return zones;
    }

    internal static bool IsUtc(string zone) => string.Equals(zone, "UTC", StringComparison.OrdinalIgnoreCase);

    /// <summary>An entry's local start as an instant (for tests and for showing it).</summary>
    internal static DateTimeOffset Instant(CalendarEntry entry)
    {
        var local = entry.Date.ToDateTime(entry.At ?? TimeOnly.MinValue);
        var offset = entry.TimeZone is null ? TimeSpan.Zero : TimeZoneInfo.FindSystemTimeZoneById(entry.TimeZone).GetUtcOffset(local);
        return new DateTimeOffset(local, offset);
    }
}
