namespace InterviewCompass.Core.Reminders;

/// <summary>One date an application carries, with its history: what it is, what it last was, how often it was set, changed or cleared.</summary>
/// <param name="Date">The date now; null when never set or cleared.</param>
/// <param name="LastDate">The last date it had (the date itself while set; the cleared date once cleared).</param>
/// <param name="Changes">How many times it was set, changed or cleared (from the timeline). It becomes the calendar's SEQUENCE.</param>
public sealed record DateTrack(DateOnly? Date, DateOnly? LastDate, int Changes)
{
    public static readonly DateTrack None = new(null, null, 0);

    /// <summary>A date set once and never changed.</summary>
    public static DateTrack Set(DateOnly date) => new(date, date, 1);

    /// <summary>The same track after the person sets, changes or clears the date; setting the same date again is no change.</summary>
    public DateTrack Then(DateOnly? date) =>
        date == Date ? this : new DateTrack(date, date ?? Date ?? LastDate, Changes + 1);
}

/// <summary>What the reminders need from an application: who it is with and its two dates.</summary>
/// <param name="Contact">The person they deal with (who a note is to), when known.</param>
/// <param name="DecideBy">When the person must decide (an offer, whether to go on).</param>
/// <param name="ExpectReplyBy">When the employer said they would reply.</param>
public sealed record DatedApplication(
    Guid Id,
    string Company,
    string Role,
    string? Contact,
    DateTrack DecideBy,
    DateTrack ExpectReplyBy);

/// <summary>The person's choices for reminders.</summary>
/// <param name="ReplyOverdueDays">Business days after the date they gave before a reply counts as overdue (guides/following-up.md#when-to-follow-up).</param>
/// <param name="At">A local time for timed reminders; null for all-day ones.</param>
/// <param name="TimeZone">The IANA zone <paramref name="At"/> is in (required with it).</param>
public sealed record ReminderOptions(int ReplyOverdueDays = ReminderOptions.DefaultReplyOverdueDays, TimeOnly? At = null, string? TimeZone = null)
{
    /// <summary>Indeed: one to two extra business days past their date; PowerToFly: two to five days. Where they meet.</summary>
    public const int DefaultReplyOverdueDays = 2;

    public const int MaxReplyOverdueDays = 30;
}
