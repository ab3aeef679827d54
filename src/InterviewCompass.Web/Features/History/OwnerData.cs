using System.Globalization;
using System.Text;
using InterviewCompass.Web.Features.Checks;
using InterviewCompass.Web.Features.Drafts;
using InterviewCompass.Web.Features.Owners;
using InterviewCompass.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace InterviewCompass.Web.Features.History;

/// <summary>Everything the owner has kept, in the shape the export gives it.</summary>
public sealed record OwnerExport(DateTimeOffset ExportedAt, IReadOnlyList<SessionExport> Sessions, IReadOnlyList<DraftExport> Drafts);

public sealed record SessionExport(
    Guid Id, string Checklist, string? Label, IReadOnlyDictionary<string, string> Answers, string Outcome,
    double Confidence, bool Completed, DateTimeOffset Created, DateTimeOffset Updated);

public sealed record DraftExport(
    Guid Id, string Kind, string Tone, string? Situation, IReadOnlyDictionary<string, string> Fields, string Subject,
    string Body, Guid? Session, DateTimeOffset Created, DateTimeOffset Updated, IReadOnlyList<DraftVersionExport> Versions);

public sealed record DraftVersionExport(
    int Number, string Kind, string Tone, string? Situation, IReadOnlyDictionary<string, string> Fields, string Subject,
    string Body, DateTimeOffset Saved);

/// <summary>One line of the history page: a session or a draft.</summary>
public sealed record HistoryEntry(string Type, Guid Id, string Title, string? Label, string? Outcome, bool Completed, DateTimeOffset Updated);

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
            .Select(s => new { s.Id, s.ChecklistId, s.Label, s.Outcome, s.Completed, s.Updated })
            .ToListAsync(cancellationToken);
        var recentDrafts = await db.Drafts.AsNoTracking().OrderByDescending(d => d.Updated).Take(upTo)
            .Select(d => new { d.Id, d.Kind, d.Subject, d.Updated })
            .ToListAsync(cancellationToken);

        var entries = recentSessions
            .Select(s => new HistoryEntry("session", s.Id, sessions.TitleOf(s.ChecklistId), s.Label, s.Outcome, s.Completed, s.Updated))
            .Concat(recentDrafts.Select(d => new HistoryEntry(
                "draft", d.Id, drafts.TitleOf(d.Kind), string.IsNullOrWhiteSpace(d.Subject) ? null : d.Subject, null, true, d.Updated)))
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
        return new OwnerExport(
            clock.GetUtcNow(),
            [.. sessionRows.Select(s => new SessionExport(
                s.Id, s.ChecklistId, s.Label, s.Answers, s.Outcome, s.Confidence, s.Completed, s.Created, s.Updated))],
            [.. draftRows.Select(d => new DraftExport(
                d.Id, d.Kind, d.Tone, d.Situation, d.Fields, d.Subject, d.Body, d.SessionId, d.Created, d.Updated,
                [.. versionRows[d.Id].OrderBy(v => v.Number).Select(v => new DraftVersionExport(
                    v.Number, v.Kind, v.Tone, v.Situation, v.Fields, v.Subject, v.Body, v.Saved))]))]);
    }

    /// <summary>
    /// A readable Markdown file of the export. Whatever a person typed shows as typed in any Markdown viewer: labels,
    /// subjects and fields are escaped text, never markup; a body sits in a code fence longer than any run of backticks in it.
    /// </summary>
    public static string ToMarkdown(OwnerExport export)
    {
        ArgumentNullException.ThrowIfNull(export);
        var md = new StringBuilder();
        var c = CultureInfo.InvariantCulture;
        md.AppendLine("# InterviewCompass: what you kept").AppendLine();
        md.AppendLine(c, $"Exported {Date(export.ExportedAt)}.").AppendLine();
        md.AppendLine("## Checklist sessions").AppendLine();
        if (export.Sessions.Count == 0)
        {
            md.AppendLine("None.").AppendLine();
        }

        foreach (var s in export.Sessions)
        {
            md.AppendLine(c, $"### {Escape(s.Label ?? s.Checklist)} ({Date(s.Updated)})").AppendLine();
            md.AppendLine(c, $"- Checklist: {Escape(s.Checklist)}");
            md.AppendLine(c, $"- Outcome: {Escape(s.Outcome)} (confidence {s.Confidence:P0}){(s.Completed ? "" : ", not finished")}");
            foreach (var (item, answer) in s.Answers)
            {
                md.AppendLine(c, $"- {Escape(item)}: {Escape(answer)}");
            }

            md.AppendLine();
        }

        md.AppendLine("## Drafts").AppendLine();
        if (export.Drafts.Count == 0)
        {
            md.AppendLine("None.").AppendLine();
        }

        foreach (var d in export.Drafts)
        {
            md.AppendLine(c, $"### {Escape(string.IsNullOrWhiteSpace(d.Subject) ? d.Kind : d.Subject)} ({Date(d.Updated)})").AppendLine();
            md.AppendLine(c, $"- Kind: {Escape(d.Kind)}, tone: {Escape(d.Tone)}{(d.Situation is null ? "" : $", situation: {Escape(d.Situation)}")}");
            foreach (var (field, value) in d.Fields)
            {
                md.AppendLine(c, $"- {Escape(field)}: {Escape(value)}");
            }

            md.AppendLine();
            AppendCode(md, d.Body);
            foreach (var v in d.Versions)
            {
                md.AppendLine(c, $"#### Version {v.Number} ({Date(v.Saved)})").AppendLine();
                AppendCode(md, v.Body);
            }
        }

        return md.ToString();
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
            await db.TransferCodes.ExecuteDeleteAsync(cancellationToken);
            await db.Owners.ExecuteDeleteAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        await owner.SignOutAsync();
    }

    // Every ASCII punctuation character may be backslash-escaped in CommonMark, and then is only itself; a line break
    // would end the heading or list item, so it becomes a space.
    private static string Escape(string text)
    {
        var escaped = new StringBuilder(text.Length + 8);
        foreach (var ch in text)
        {
            if (ch is '\r' or '\n')
            {
                escaped.Append(' ');
            }
            else
            {
                if (char.IsAsciiLetterOrDigit(ch) is false && ch is > ' ' and < '\u007f')
                {
                    escaped.Append('\\');
                }

                escaped.Append(ch);
            }
        }

        return escaped.ToString();
    }

    private static void AppendCode(StringBuilder md, string body)
    {
        int longest = 0, run = 0;
        foreach (var ch in body)
        {
            run = ch == '`' ? run + 1 : 0;
            longest = Math.Max(longest, run);
        }

        var fence = new string('`', Math.Max(3, longest + 1));
        md.Append(fence).AppendLine("text").AppendLine(body).AppendLine(fence).AppendLine();
    }

    private static string Date(DateTimeOffset value) => value.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
}
