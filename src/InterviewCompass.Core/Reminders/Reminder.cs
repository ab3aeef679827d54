using System.Globalization;

namespace InterviewCompass.Core.Reminders;

public enum ReminderKind
{
    /// <summary>A decision is due: the check that helps make it.</summary>
    DecideBy,

    /// <summary>The employer's date has passed by the chosen number of business days: the follow-up note.</summary>
    ReplyOverdue,
}

/// <summary>Where a reminder leads: a check, or a note drafted with its fields filled in.</summary>
/// <param name="Checklist">The check to open, or null for a draft.</param>
/// <param name="MessageKind">The note to draft, or null for a check.</param>
/// <param name="Fields">Placeholder values for the draft (company, role, name, date).</param>
public sealed record ReminderStep(string? Checklist, string? MessageKind, IReadOnlyList<KeyValuePair<string, string>> Fields);

/// <summary>One reminder, ready for a calendar: stable id per application and kind, a sequence that grows with each date change.</summary>
/// <param name="Uid">Stable for an application and kind, so a second download updates the entry.</param>
/// <param name="Date">The day of the reminder (for a cancelled one, the day it had).</param>
/// <param name="Cancelled">The date was cleared: the calendar entry is cancelled.</param>
public sealed record Reminder(
    string Uid,
    ReminderKind Kind,
    Guid ApplicationId,
    DateOnly Date,
    int Sequence,
    bool Cancelled,
    string Summary,
    string Description,
    ReminderStep Step);

/// <summary>Builds an application's reminders from its dates. Pure: no clock, no I/O.</summary>
public static class ReminderBuilder
{
    public const string UidDomain = "interviewcompass";
    public const string DecideByUid = "decide-by";
    public const string ReplyOverdueUid = "reply-overdue";
    public const string DecisionChecklist = "withdrawal";
    public const string FollowUpKind = "follow-up";

    /// <summary>The application's reminders: one per date that is set, and a cancelled one per date that was cleared.</summary>
    public static IReadOnlyList<Reminder> For(DatedApplication application, ReminderOptions options)
    {
        ArgumentNullException.ThrowIfNull(application);
        ArgumentNullException.ThrowIfNull(options);
        var reminders = new List<Reminder>(2);
        if (application.DecideBy.LastDate is { } decideBy && application.DecideBy.Changes > 0)
        {
            reminders.Add(new Reminder(
                Uid(application.Id, DecideByUid),
                ReminderKind.DecideBy,
                application.Id,
                decideBy,
                application.DecideBy.Changes - 1,
                application.DecideBy.Date is null,
                $"Decide on {Possessive(application.Company)} offer",
                $"You set {Day(decideBy)} as the day to decide about the {application.Role} role at {application.Company}. The check helps you weigh it up.",
                new ReminderStep(DecisionChecklist, null, [])));
        }

        if (application.ExpectReplyBy.LastDate is { } replyBy && application.ExpectReplyBy.Changes > 0)
        {
            var due = FollowUpDay(replyBy, options.ReplyOverdueDays);
            reminders.Add(new Reminder(
                Uid(application.Id, ReplyOverdueUid),
                ReminderKind.ReplyOverdue,
                application.Id,
                due,
                application.ExpectReplyBy.Changes - 1,
                application.ExpectReplyBy.Date is null,
                $"No reply from {application.Company} yet: follow up",
                $"{application.Company} said you would hear by {Day(replyBy)} about the {application.Role} role. A short follow-up note is drafted and ready to check.",
                new ReminderStep(null, FollowUpKind, FollowUpFields(application, replyBy))));
        }

        return reminders;
    }

    /// <summary>The day a reply counts as overdue: <paramref name="businessDays"/> weekdays after the date they gave.</summary>
    public static DateOnly FollowUpDay(DateOnly replyBy, int businessDays)
    {
        var day = replyBy;
        for (var added = 0; added < Math.Clamp(businessDays, 0, ReminderOptions.MaxReplyOverdueDays);)
        {
            day = day.AddDays(1);
            if (day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            {
                added++;
            }
        }

        return day;
    }

    /// <summary>How a date reads in a note and a reminder: "Friday 4 December 2026".</summary>
    public static string Day(DateOnly date) => date.ToString("dddd d MMMM yyyy", CultureInfo.InvariantCulture);

    public static string Uid(Guid application, string kind) => $"{application:N}-{kind}@{UidDomain}";

    private static List<KeyValuePair<string, string>> FollowUpFields(DatedApplication application, DateOnly replyBy)
    {
        var fields = new List<KeyValuePair<string, string>>
        {
            new("company", application.Company),
            new("role", application.Role),
        };
        if (!string.IsNullOrWhiteSpace(application.Contact))
        {
            fields.Add(new("name", application.Contact));
        }

        fields.Add(new("date", Day(replyBy)));
        return fields;
    }

    private static string Possessive(string company) =>
        company.EndsWith('s') || company.EndsWith('S') ? company + "'" : company + "'s";
}
