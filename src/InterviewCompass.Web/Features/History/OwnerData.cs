using InterviewCompass.Web.Features.Applications;
using InterviewCompass.Web.Features.Checks;
using InterviewCompass.Web.Features.Drafts;
using InterviewCompass.Web.Features.Owners;
using InterviewCompass.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace InterviewCompass.Web.Features.History;

/// <summary>Everything the owner has kept, in the shape the export gives it.</summary>
public sealed record OwnerExport(
    DateTimeOffset ExportedAt, IReadOnlyList<SessionExport> Sessions, IReadOnlyList<DraftExport> Drafts,
    IReadOnlyList<ApplicationExport>? Applications = null);

/// <summary>An application with its whole timeline (types: created, outcome, note, check, draft, draft-sent).</summary>
public sealed record ApplicationExport(
    Guid Id, string Kind, string Company, string Role, string? ContactName, string? ContactEmail, string? Notes, string Outcome,
    DateTimeOffset Created, DateTimeOffset Updated, IReadOnlyList<TimelineEntryResponse> Timeline);

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

    public async Task<OwnerExport> ExportAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await owner.OpenAsync(cancellationToken);
        var sessionRows = await db.Sessions.AsNoTracking().OrderBy(s => s.Created).ToListAsync(cancellationToken);
        var draftRows = await db.Drafts.AsNoTracking().OrderBy(d => d.Created).ToListAsync(cancellationToken);
        var versionRows = (await db.DraftVersions.AsNoTracking().ToListAsync(cancellationToken)).ToLookup(v => v.DraftId);
        var applicationRows = await db.Applications.AsNoTracking().OrderBy(a => a.Created).ToListAsync(cancellationToken);
        var eventRows = (await db.ApplicationEvents.AsNoTracking().ToListAsync(cancellationToken)).ToLookup(e => e.ApplicationId);
        return new OwnerExport(
            clock.GetUtcNow(),
            [.. sessionRows.Select(s => new SessionExport(
                s.Id, s.ChecklistId, s.Label, s.Answers, s.Outcome, s.Confidence, s.Completed, s.Created, s.Updated, s.ApplicationId))],
            [.. draftRows.Select(d => new DraftExport(
                d.Id, d.Kind, d.Tone, d.Situation, d.Fields, d.Subject, d.Body, d.SessionId, d.Created, d.Updated,
                [.. versionRows[d.Id].OrderBy(v => v.Number).Select(v => new DraftVersionExport(
                    v.Number, v.Kind, v.Tone, v.Situation, v.Fields, v.Subject, v.Body, v.Saved))], d.ApplicationId))],
            [.. applicationRows.Select(a => new ApplicationExport(
                a.Id, a.Kind, a.Company, a.Role, a.ContactName, a.ContactEmail, a.Notes, a.Outcome, a.Created, a.Updated,
                [.. eventRows[a.Id].OrderBy(e => e.At).ThenBy(e => ApplicationsApi.TypeOrder(e.Type))
                    .Select(e => new TimelineEntryResponse(e.At, e.Type, e.Outcome, e.Text, e.SessionId, e.DraftId))]))]);
    }

    /// <summary>Deletes every row of the owner (sessions, drafts, versions, transfer codes, the owner) and clears the cookie.</summary>
    public async Task DeleteEverythingAsync(CancellationToken cancellationToken = default)
    {
        if (await owner.GetIdAsync() is null)
        {
            return;
        }

        await using (var db = await owner.OpenAsync(cancellationToken))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await db.DraftVersions.ExecuteDeleteAsync(cancellationToken);
            await db.Drafts.ExecuteDeleteAsync(cancellationToken);
            await db.Sessions.ExecuteDeleteAsync(cancellationToken);
            await db.ApplicationEvents.ExecuteDeleteAsync(cancellationToken);
            await db.Applications.ExecuteDeleteAsync(cancellationToken);
            await db.TransferCodes.ExecuteDeleteAsync(cancellationToken);
            await db.Owners.ExecuteDeleteAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        await owner.SignOutAsync();
    }
}
