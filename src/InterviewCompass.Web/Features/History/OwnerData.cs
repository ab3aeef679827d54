using System.Runtime.CompilerServices;
using InterviewCompass.Web.Features.Applications;
using InterviewCompass.Web.Features.Checks;
using InterviewCompass.Web.Features.Drafts;
using InterviewCompass.Web.Features.Owners;
using InterviewCompass.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace InterviewCompass.Web.Features.History;

/// <summary>
/// Everything the owner has kept, in the shape the export gives it. The lists are read while the answer is written
/// (a few rows at a time), so an export of any size holds little memory.
/// </summary>
/// <param name="Reminders">The person's reminder settings (business days before a reply is overdue, time of day, zone).</param>
public sealed record OwnerExport(
    DateTimeOffset ExportedAt, IAsyncEnumerable<SessionExport> Sessions, IAsyncEnumerable<DraftExport> Drafts,
    IAsyncEnumerable<ApplicationExport> Applications, InterviewCompass.Web.Features.Reminders.ReminderOptionsResponse? Reminders = null);

/// <summary>An application with its dates and its whole timeline (types: created, outcome, note, check, draft, draft-sent, decide-by, expect-reply-by).</summary>
public sealed record ApplicationExport(
    Guid Id, string Kind, string Company, string Role, string? ContactName, string? ContactEmail, string? Notes, string Outcome,
    DateTimeOffset Created, DateTimeOffset Updated, IReadOnlyList<TimelineEntryResponse> Timeline,
    DateOnly? DecideBy = null, DateOnly? ExpectReplyBy = null);

public sealed record SessionExport(
    Guid Id, string Checklist, string? Label, IReadOnlyDictionary<string, string> Answers, string Outcome,
    double Confidence, bool Completed, DateTimeOffset Created, DateTimeOffset Updated, Guid? Application = null);

public sealed record DraftExport(
    Guid Id, string Kind, string Tone, string? Situation, IReadOnlyDictionary<string, string> Fields, string Subject,
    string Body, Guid? Session, DateTimeOffset Created, DateTimeOffset Updated, IReadOnlyList<DraftVersionExport> Versions,
    Guid? Application = null);

public sealed record DraftVersionExport(
    int Number, string Kind, string Tone, string? Situation, IReadOnlyDictionary<string, string> Fields, string Subject,
    string Body, DateTimeOffset Saved);

/// <summary>One line of the history page: a session or a draft.</summary>
/// <param name="Outcome">A session's outcome id (null for a draft).</param>
/// <param name="OutcomeHeadline">The outcome in words, as the verdict card says it.</param>
public sealed record HistoryEntry(
    string Type, Guid Id, string Title, string? Label, string? Outcome, bool Completed, DateTimeOffset Updated, string? OutcomeHeadline = null,
    Guid? ApplicationId = null, string? Application = null);

/// <summary>The owner's data as a whole: the history list, export, and delete everything.</summary>
public sealed class OwnerData(CurrentOwner owner, ChecklistSessions sessions, SavedDrafts drafts, TimeProvider clock)
{
    public const int PageSize = 20;

    /// <summary>Sessions and drafts together, newest first.</summary>
    public async Task<PageOf<HistoryEntry>> HistoryAsync(int page, CancellationToken cancellationToken = default)
    {
        page = PageOf.Bound(page);
        if (await owner.GetIdAsync() is null)
        {
            return new PageOf<HistoryEntry>([], page, PageSize, 0);
        }

        var upTo = page * PageSize;
        await using var db = await owner.OpenAsync(cancellationToken);
        var sessionTotal = await db.Sessions.CountAsync(cancellationToken);
        var draftTotal = await db.Drafts.CountAsync(cancellationToken);
        var recentSessions = await db.Sessions.AsNoTracking().OrderByDescending(s => s.Updated).Take(upTo)
            .Select(s => new { s.Id, s.ChecklistId, s.Label, s.Outcome, s.Completed, s.Updated, s.ApplicationId })
            .ToListAsync(cancellationToken);
        var recentDrafts = await db.Drafts.AsNoTracking().OrderByDescending(d => d.Updated).Take(upTo)
            .Select(d => new { d.Id, d.Kind, d.Subject, d.Updated, d.ApplicationId })
            .ToListAsync(cancellationToken);
        var applicationIds = recentSessions.Select(s => s.ApplicationId).Concat(recentDrafts.Select(d => d.ApplicationId)).OfType<Guid>().Distinct().ToList();
        var companies = applicationIds.Count == 0
            ? []
            : await db.Applications.AsNoTracking().Where(a => applicationIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Company, cancellationToken);
        string? CompanyOf(Guid? id) => id is { } known && companies.TryGetValue(known, out var company) ? company : null;

        var entries = recentSessions
            .Select(s => new HistoryEntry(
                "session", s.Id, sessions.TitleOf(s.ChecklistId), s.Label, s.Outcome, s.Completed, s.Updated,
                sessions.HeadlineOf(s.ChecklistId, s.Outcome), s.ApplicationId, CompanyOf(s.ApplicationId)))
            .Concat(recentDrafts.Select(d => new HistoryEntry(
                "draft", d.Id, drafts.TitleOf(d.Kind), string.IsNullOrWhiteSpace(d.Subject) ? null : d.Subject, null, true, d.Updated,
                ApplicationId: d.ApplicationId, Application: CompanyOf(d.ApplicationId))))
            .OrderByDescending(e => e.Updated)
            .Skip((page - 1) * PageSize)
            .Take(PageSize)
            .ToList();
        return new PageOf<HistoryEntry>(entries, page, PageSize, sessionTotal + draftTotal);
    }

    /// <summary>Sessions read a batch at a time; each draft read with its versions (at most <see cref="SavedDrafts.KeptVersions"/>).</summary>
    public const int ExportBatch = 50;

    /// <summary>The export; its rows are read as it is enumerated (by the response being written).</summary>
    public OwnerExport Export() => new(
        clock.GetUtcNow(), ExportSessionsAsync(CancellationToken.None), ExportDraftsAsync(CancellationToken.None),
        ExportApplicationsAsync(CancellationToken.None));

    private async IAsyncEnumerable<SessionExport> ExportSessionsAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // The ids first (16 bytes each), then the rows a batch at a time: no reader stays open while the answer is written.
        List<Guid> ids;
        await using (var db = await owner.OpenAsync(cancellationToken))
        {
            ids = await db.Sessions.OrderBy(s => s.Created).ThenBy(s => s.Id).Select(s => s.Id).ToListAsync(cancellationToken);
        }

        foreach (var batch in ids.Chunk(ExportBatch))
        {
            List<Data.ChecklistSession> rows;
            await using (var db = await owner.OpenAsync(cancellationToken))
            {
                rows = await db.Sessions.AsNoTracking().Where(s => batch.Contains(s.Id)).ToListAsync(cancellationToken);
            }

            foreach (var s in rows.OrderBy(s => s.Created).ThenBy(s => s.Id))
            {
                yield return new SessionExport(s.Id, s.ChecklistId, s.Label, s.Answers, s.Outcome, s.Confidence, s.Completed, s.Created, s.Updated, s.ApplicationId);
            }
        }
    }

    private async IAsyncEnumerable<DraftExport> ExportDraftsAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        List<Guid> ids;
        await using (var db = await owner.OpenAsync(cancellationToken))
        {
            ids = await db.Drafts.OrderBy(d => d.Created).ThenBy(d => d.Id).Select(d => d.Id).ToListAsync(cancellationToken);
        }

        foreach (var id in ids)
        {
            Data.Draft? d;
            List<Data.DraftVersion> versions;
            await using (var db = await owner.OpenAsync(cancellationToken))
            {
                d = await db.Drafts.AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, cancellationToken);
                versions = await db.DraftVersions.AsNoTracking().Where(v => v.DraftId == id).OrderBy(v => v.Number).ToListAsync(cancellationToken);
            }

            if (d is null)
            {
                // Deleted while the export was being written.
                continue;
            }

            yield return new DraftExport(
                d.Id, d.Kind, d.Tone, d.Situation, d.Fields, d.Subject, d.Body, d.SessionId, d.Created, d.Updated,
                [.. versions.Select(v => new DraftVersionExport(v.Number, v.Kind, v.Tone, v.Situation, v.Fields, v.Subject, v.Body, v.Saved))],
                d.ApplicationId);
        }
    }

    private async IAsyncEnumerable<ApplicationExport> ExportApplicationsAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        List<Guid> ids;
        await using (var db = await owner.OpenAsync(cancellationToken))
        {
            ids = await db.Applications.OrderBy(a => a.Created).ThenBy(a => a.Id).Select(a => a.Id).ToListAsync(cancellationToken);
        }

        foreach (var id in ids)
        {
            Data.Application? a;
            List<Data.ApplicationEvent> events;
            await using (var db = await owner.OpenAsync(cancellationToken))
            {
                a = await db.Applications.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
                events = await db.ApplicationEvents.AsNoTracking().Where(e => e.ApplicationId == id).ToListAsync(cancellationToken);
            }

            if (a is null)
            {
                // Deleted while the export was being written.
                continue;
            }

            yield return new ApplicationExport(
                a.Id, a.Kind, a.Company, a.Role, a.ContactName, a.ContactEmail, a.Notes, a.Outcome, a.Created, a.Updated,
                [.. events.OrderBy(e => e.At).ThenBy(e => ApplicationsApi.TypeOrder(e.Type))
                    .Select(e => new TimelineEntryResponse(e.At, e.Type, e.Outcome, e.Text, e.SessionId, e.DraftId, e.Date))],
                a.DecideBy,
                a.ExpectReplyBy);
        }
    }

    /// <summary>
    /// Deletes every row of the owner (every table of <see cref="OwnerTables"/>: sessions, drafts, versions, transfer codes,
    /// the records of keyed writes) and the owner, in one transaction, clears the cookie and asks the browser to clear
    /// what the site keeps in it (even when nothing was kept on the server: unsent work must not be sent again).
    /// </summary>
    public async Task DeleteEverythingAsync(CancellationToken cancellationToken = default)
    {
        owner.ClearBrowserStorage();
        if (await owner.GetIdAsync() is not { } id)
        {
            return;
        }

        await using (var db = await owner.OpenAsync(cancellationToken))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await OwnerTables.DeleteAsync(db, id, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        await owner.SignOutAsync();
    }
}
