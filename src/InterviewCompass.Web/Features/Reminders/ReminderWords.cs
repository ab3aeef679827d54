using System.Globalization;
using InterviewCompass.Core.Reminders;

namespace InterviewCompass.Web.Features.Reminders;

/// <summary>How reminders read on a page: dates in words, with the time and the zone for a timed reminder.</summary>
public static class ReminderWords
{
    public const string GuideHref = "/guides/following-up";

    /// <summary>"Friday 4 December 2026", and "at 09:00 (Europe/London)" for a timed reminder; all-day ones name the zone when there is one.</summary>
    public static string Day(DateOnly date, ReminderOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var day = ReminderBuilder.Day(date);
        return options switch
        {
            { At: { } at, TimeZone: { } zone } => $"{day} at {at.ToString("HH:mm", CultureInfo.InvariantCulture)} ({zone})",
            { TimeZone: { } zone } => $"{day} ({zone})",
            _ => $"{day} (UTC)",
        };
    }

    /// <summary>When a due item fell due, in words.</summary>
    public static string DueLine(DueItem item, ReminderOptions options)
    {
        ArgumentNullException.ThrowIfNull(item);
        var when = Day(item.Date, options);
        return (item.Reminder.Kind, item.DaysLate) switch
        {
            (ReminderKind.DecideBy, 0) => $"Decide today: {when}",
            (ReminderKind.DecideBy, var late) => $"The day to decide was {when}, {Days(late)} ago",
            (_, 0) => $"A follow-up is due today: {when}",
            (_, var late) => $"A follow-up has been due since {when}, {Days(late)} ago",
        };
    }

    private static string Days(int days) => days == 1 ? "1 day" : $"{days.ToString(CultureInfo.InvariantCulture)} days";
}
