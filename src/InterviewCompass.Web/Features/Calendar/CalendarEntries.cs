using InterviewCompass.Core.Reminders;
using InterviewCompass.Web.Shared;
using Microsoft.AspNetCore.WebUtilities;

namespace InterviewCompass.Web.Features.Calendar;

/// <summary>Turns reminders into calendar entries whose links open the check or the drafted note on this site.</summary>
public static class CalendarEntries
{
    /// <summary>
    /// The in-site address a reminder opens: its check, or its note with the fields filled in and the application named
    /// (so the draft, once kept, is linked to it).
    /// </summary>
    public static string PathOf(Reminder reminder)
    {
        ArgumentNullException.ThrowIfNull(reminder);
        return reminder.Step.Checklist is { } checklist
            ? $"/check/{Uri.EscapeDataString(checklist)}"
            : QueryHelpers.AddQueryString(
                AppLinks.NewDraft(kind: reminder.Step.MessageKind, fields: reminder.Step.Fields), "application", reminder.ApplicationId.ToString("N"));
    }

    /// <param name="site">The site's own origin, from the request (so the links work from the calendar).</param>
    public static IReadOnlyList<CalendarEntry> From(IEnumerable<Reminder> reminders, Uri site, ReminderOptions options)
    {
        ArgumentNullException.ThrowIfNull(reminders);
        ArgumentNullException.ThrowIfNull(options);
        return [.. reminders.Select(r => new CalendarEntry(
            r.Uid,
            r.Sequence,
            r.Date,
            options.TimeZone is null ? null : options.At,
            options.At is null ? null : options.TimeZone,
            r.Summary,
            r.Description,
            new Uri(site, PathOf(r)),
            r.Cancelled))];
    }
}
