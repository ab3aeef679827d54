namespace InterviewCompass.Core.Reminders;

/// <summary>Something due today: a decision whose day has come, or a reply overdue.</summary>
/// <param name="Date">The decision's day, or the day the reply became overdue.</param>
/// <param name="DaysLate">Days since <paramref name="Date"/> (0 on the day itself).</param>
public sealed record DueItem(Reminder Reminder, DateOnly Date, int DaysLate);

/// <summary>What is due for a person on a given day, computed when asked (no background job).</summary>
public static class DueNow
{
    /// <summary>Decisions first (a decision due today ahead of everything), then overdue replies, each oldest first.</summary>
    public static IReadOnlyList<DueItem> For(IEnumerable<DatedApplication> applications, DateOnly today, ReminderOptions options)
    {
        ArgumentNullException.ThrowIfNull(applications);
        return [.. applications
            .SelectMany(a => ReminderBuilder.For(a, options))
            .Where(r => !r.Cancelled && r.Date <= today)
            .Select(r => new DueItem(r, r.Date, today.DayNumber - r.Date.DayNumber))
            .OrderBy(d => d.Reminder.Kind)
            .ThenBy(d => d.DaysLate == 0 ? 0 : 1)
            .ThenByDescending(d => d.DaysLate)
            .ThenBy(d => d.Reminder.Uid, StringComparer.Ordinal)];
    }
}
