using System.Globalization;
using InterviewCompass.Core.Reminders;
using InterviewCompass.Web.Data;
using InterviewCompass.Web.Shared;

namespace InterviewCompass.Web.Features.Applications;

/// <summary>
/// An application's two dates (decide by; they said I'd hear by): reading them from input, recording each set, change and
/// clear on the timeline, and turning the entity and its timeline into what the reminders need (the one place that does).
/// </summary>
public static class ApplicationDates
{
    public const string DecideByType = "decide-by";
    public const string ExpectReplyByType = "expect-reply-by";

    /// <summary>Dates outside these years are refused (a typo, and far from any date a reminder could use).</summary>
    public const int FirstYear = 2000;
    public const int LastYear = 2100;

    /// <summary>How a date reads on a page, in a note and in the timeline: "Friday 4 December 2026".</summary>
    public static string Words(DateOnly date) => ReminderBuilder.Day(date);

    /// <summary>An ISO 8601 date ("2026-12-04") as the API and the pages' date inputs send it.</summary>
    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>
    /// Reads one date field: null (left out: no change), "" (clear it) or an ISO 8601 date. A bad date adds a clear message
    /// to <paramref name="check"/> under <paramref name="field"/>.
    /// </summary>
    /// <returns>Whether the field asks for a change (set or clear).</returns>
    public static bool TryRead(string? value, string field, InputCheck check, out DateOnly? date)
    {
        ArgumentNullException.ThrowIfNull(check);
        date = null;
        if (value is null)
        {
            return false;
        }

        if (string.IsNullOrWhiteSpace(value))
        {
            return true;
        }

        if (!DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            check.Add(field, $"{field} must be a date written as year-month-day, such as 2026-12-04 (or empty to clear it).");
            return false;
        }

        if (parsed.Year is < FirstYear or > LastYear)
        {
            check.Add(field, $"{field} must be a date between the years {FirstYear} and {LastYear}.");
            return false;
        }

        date = parsed;
        return true;
    }

    /// <summary>
    /// Sets the date of <paramref name="type"/> on the application and adds its timeline line; setting the same date again
    /// is no change (no line). Returns whether anything changed. Call before saving.
    /// </summary>
    public static bool Apply(AppDbContext db, Application application, string type, DateOnly? date, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(application);
        var current = type == DecideByType ? application.DecideBy : application.ExpectReplyBy;
        if (current == date)
        {
            return false;
        }

        if (type == DecideByType)
        {
            application.DecideBy = date;
        }
        else
        {
            application.ExpectReplyBy = date;
        }

        db.ApplicationEvents.Add(new ApplicationEvent
        {
            Id = Guid.NewGuid(),
            ApplicationId = application.Id,
            OwnerId = application.OwnerId,
            At = at,
            Type = type,
            Date = date,
        });
        return true;
    }

    /// <summary>What the reminders need from an application (its timeline loaded): who it is with and its two date tracks.</summary>
    public static DatedApplication Dated(Application application)
    {
        ArgumentNullException.ThrowIfNull(application);
        return new DatedApplication(
            application.Id,
            application.Company,
            application.Role,
            application.ContactName,
            Track(application.DecideBy, application.Timeline, DecideByType),
            Track(application.ExpectReplyBy, application.Timeline, ExpectReplyByType));
    }

    /// <summary>A date's track: Changes counts its timeline lines, LastDate is the last date it had (kept once cleared).</summary>
    public static DateTrack Track(DateOnly? date, IEnumerable<ApplicationEvent> timeline, string type)
    {
        ArgumentNullException.ThrowIfNull(timeline);
        var lines = timeline.Where(e => e.Type == type).OrderBy(e => e.At).ToList();
        var last = lines.LastOrDefault(e => e.Date is not null)?.Date;
        return new DateTrack(date, date ?? last, Math.Max(lines.Count, date is null ? 0 : 1));
    }
}
