using System.Globalization;
using InterviewCompass.Core.Reminders;
using InterviewCompass.Web.Data;
using InterviewCompass.Web.Features.Applications;
using InterviewCompass.Web.Features.Calendar;
using InterviewCompass.Web.Features.Owners;
using InterviewCompass.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace InterviewCompass.Web.Features.Reminders;

/// <summary>
/// The person's reminder choices, sent to <c>PUT /api/v1/reminders/options</c> or the form on <c>/applications</c>.
/// </summary>
/// <param name="ReplyOverdueDays">Business days after the date they gave before a reply counts as overdue (0 to 30).</param>
/// <param name="RemindAt">A time of day ("09:00") for timed reminders; empty or left out for all-day ones.</param>
/// <param name="TimeZone">An IANA time zone ("Europe/London"), required with <paramref name="RemindAt"/>; "today" is taken in it.</param>
public sealed record ReminderOptionsInput(
    int? ReplyOverdueDays = null,
    [property: System.ComponentModel.DataAnnotations.MaxLength(InputLimits.Id, ErrorMessage = "remindAt is a time of day such as 09:00.")]
    string? RemindAt = null,
    [property: System.ComponentModel.DataAnnotations.MaxLength(OwnerConfiguration.TimeZoneMaxLength, ErrorMessage = "timeZone is at most 64 characters long.")]
    string? TimeZone = null);

public sealed record ReminderOptionsResponse(int ReplyOverdueDays, string? RemindAt, string? TimeZone)
{
    public static ReminderOptionsResponse Of(ReminderOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new(options.ReplyOverdueDays, options.At?.ToString("HH:mm", CultureInfo.InvariantCulture), options.TimeZone);
    }
}

public sealed record DateTrackResponse(DateOnly? Date, DateOnly? LastDate, int Changes);

public sealed record DatedApplicationResponse(
    Guid Id, string Company, string Role, string? Contact, DateTrackResponse DecideBy, DateTrackResponse ExpectReplyBy);

/// <param name="Kind">decide-by or reply-overdue.</param>
/// <param name="Href">The in-site address the reminder opens: its check, or its note drafted.</param>
public sealed record ReminderResponse(
    string Uid, string Kind, Guid Application, DateOnly Date, int Sequence, bool Cancelled, string Summary, string Description, string Href);

public sealed record DueResponse(string Uid, DateOnly Date, int DaysLate);

/// <summary>Everything the browser needs to show what is due and to write the calendar file offline.</summary>
/// <param name="Today">The date now in the person's time zone (UTC when none is chosen).</param>
public sealed record RemindersResponse(
    DateOnly Today,
    ReminderOptionsResponse Options,
    IReadOnlyList<DatedApplicationResponse> Applications,
    IReadOnlyList<ReminderResponse> Reminders,
    IReadOnlyList<DueResponse> Due);

/// <summary>The owner's reminders as of now: their choices, their dated applications, what is due today.</summary>
public sealed record ReminderState(
    ReminderOptions Options, DateOnly Today, IReadOnlyList<DatedApplication> Open, IReadOnlyList<Reminder> Reminders, IReadOnlyList<DueItem> Due);

/// <summary>
/// The owner's reminders, computed when asked (no background job): their choices (kept on the owner), "today" in their
/// zone from the injected clock, and the reminders of their applications. An application that is no longer open keeps
/// its calendar entries, cancelled, so a calendar that imported them drops them.
/// </summary>
public sealed class OwnerReminders(CurrentOwner owner, TimeProvider clock)
{
    public static readonly string[] KindNames = ["decide-by", "reply-overdue"];

    public async Task<ReminderOptions> OptionsAsync(CancellationToken cancellationToken = default)
    {
        if (await owner.GetIdAsync() is null)
        {
            return new ReminderOptions();
        }

        await using var db = await owner.OpenAsync(cancellationToken);
        var kept = await db.Owners.AsNoTracking().Select(o => new { o.ReplyOverdueDays, o.RemindAt, o.TimeZone }).FirstOrDefaultAsync(cancellationToken);
        return kept is null
            ? new ReminderOptions()
            : new ReminderOptions(kept.ReplyOverdueDays ?? ReminderOptions.DefaultReplyOverdueDays, kept.RemindAt, kept.TimeZone);
    }

    /// <summary>Checks and keeps the choices (issuing the owner cookie on a first save); the check's errors when refused.</summary>
    public async Task<(ReminderOptions? Saved, InputCheck Check)> SaveOptionsAsync(ReminderOptionsInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var check = InputCheck.Of(input);
        var options = Read(input, check);
        if (!check.IsValid || options is null)
        {
            return (null, check);
        }

        await using var db = await owner.OpenAsync(cancellationToken);
        var ownerId = await owner.EnsureAsync(db, cancellationToken);
        await db.Owners.Where(o => o.Id == ownerId).ExecuteUpdateAsync(
            s => s.SetProperty(o => o.ReplyOverdueDays, options.ReplyOverdueDays)
                .SetProperty(o => o.RemindAt, options.At)
                .SetProperty(o => o.TimeZone, options.TimeZone),
            cancellationToken);
        return (options, check);
    }

    /// <summary>The date now in <paramref name="options"/>' zone (UTC when none).</summary>
    public DateOnly Today(ReminderOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var now = clock.GetUtcNow();
        var zone = options.TimeZone is { } id && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var found) ? found : TimeZoneInfo.Utc;
        return DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
    }

    /// <summary>Everything for the due list, the calendar files and <c>GET /api/v1/reminders</c>.</summary>
    public async Task<ReminderState> StateAsync(Guid? application = null, CancellationToken cancellationToken = default)
    {
        var options = await OptionsAsync(cancellationToken);
        var today = Today(options);
        if (await owner.GetIdAsync() is null)
        {
            return new ReminderState(options, today, [], [], []);
        }

        await using var db = await owner.OpenAsync(cancellationToken);
        var query = db.Applications.AsNoTracking()
            .Where(a => a.DecideBy != null || a.ExpectReplyBy != null
                || a.Timeline.Any(e => e.Type == ApplicationDates.DecideByType || e.Type == ApplicationDates.ExpectReplyByType));
        if (application is { } only)
        {
            query = query.Where(a => a.Id == only);
        }

        var applications = await query
            .Include(a => a.Timeline.Where(e => e.Type == ApplicationDates.DecideByType || e.Type == ApplicationDates.ExpectReplyByType || e.Type == "outcome"))
            .AsSplitQuery()
            .OrderBy(a => a.Company).ThenBy(a => a.Id)
            .ToListAsync(cancellationToken);
        var open = new List<DatedApplication>();
        var reminders = new List<Reminder>();
        foreach (var a in applications)
        {
            var dated = ApplicationDates.Dated(a);
            var isOpen = ApplicationOutcomes.IsOpen(a.Outcome);
            if (isOpen)
            {
                open.Add(dated);
            }

            reminders.AddRange(ForCalendar(dated, options, isOpen, a.Timeline.Count(e => e.Type == "outcome")));
        }

        return new ReminderState(options, today, open, reminders, DueNow.For(open, today, options));
    }

    /// <summary>
    /// An application's reminders as its calendar entries carry them: each outcome change raises the sequence too, so
    /// closing an application (its reminders cancelled) and opening it again each update the calendar's entry.
    /// </summary>
    public static IEnumerable<Reminder> ForCalendar(DatedApplication application, ReminderOptions options, bool open, int outcomeChanges) =>
        ReminderBuilder.For(application, options)
            .Select(r => r with { Sequence = r.Sequence + outcomeChanges, Cancelled = r.Cancelled || !open });

    public static RemindersResponse Response(ReminderState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return new RemindersResponse(
            state.Today,
            ReminderOptionsResponse.Of(state.Options),
            [.. state.Open.Select(a => new DatedApplicationResponse(a.Id, a.Company, a.Role, a.Contact, Track(a.DecideBy), Track(a.ExpectReplyBy)))],
            [.. state.Reminders.Select(r => new ReminderResponse(
                r.Uid, KindName(r.Kind), r.ApplicationId, r.Date, r.Sequence, r.Cancelled, r.Summary, r.Description, CalendarEntries.PathOf(r)))],
            [.. state.Due.Select(d => new DueResponse(d.Reminder.Uid, d.Date, d.DaysLate))]);
    }

    public static string KindName(ReminderKind kind) => kind == ReminderKind.DecideBy ? KindNames[0] : KindNames[1];

    /// <summary>The zone's IANA id for a zone the system knows (a Windows id is turned into its IANA one); null when unknown.</summary>
    public static string? IanaZone(string zone)
    {
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(zone, out var found))
        {
            return null;
        }

        if (found.HasIanaId)
        {
            return found.Id;
        }

        return TimeZoneInfo.TryConvertWindowsIdToIanaId(found.Id, out var iana) ? iana : null;
    }

    private static DateTrackResponse Track(DateTrack track) => new(track.Date, track.LastDate, track.Changes);

    private static ReminderOptions? Read(ReminderOptionsInput input, InputCheck check)
    {
        var days = input.ReplyOverdueDays ?? ReminderOptions.DefaultReplyOverdueDays;
        if (days is < 0 or > ReminderOptions.MaxReplyOverdueDays)
        {
            check.Add("replyOverdueDays", $"replyOverdueDays must be a whole number of business days from 0 to {ReminderOptions.MaxReplyOverdueDays}.");
        }

        TimeOnly? at = null;
        if (!string.IsNullOrWhiteSpace(input.RemindAt))
        {
            if (TimeOnly.TryParseExact(input.RemindAt.Trim(), "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
            {
                at = time;
            }
            else
            {
                check.Add("remindAt", "remindAt must be a time of day written as hours and minutes, such as 09:00 (or empty for all-day reminders).");
            }
        }

        string? zone = null;
        if (!string.IsNullOrWhiteSpace(input.TimeZone))
        {
            zone = IanaZone(input.TimeZone.Trim());
            if (zone is null)
            {
                check.Add("timeZone", "timeZone is not a time zone this site knows; use an IANA name such as Europe/London or America/Toronto.");
            }
        }
        else if (at is not null)
        {
            check.Add("timeZone", "timeZone is required with remindAt: the time is in your own zone, such as Europe/London.");
        }

        return check.IsValid ? new ReminderOptions(days, at, zone) : null;
    }
}
