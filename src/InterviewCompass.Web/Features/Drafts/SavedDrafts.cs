using System.ComponentModel.DataAnnotations;
using InterviewCompass.Core.Content;
using InterviewCompass.Web.Data;
using InterviewCompass.Web.Features.Applications;
using InterviewCompass.Web.Features.Owners;
using InterviewCompass.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace InterviewCompass.Web.Features.Drafts;

/// <summary>What a person sends to keep a draft (the composer's state; <c>POST</c>/<c>PUT /api/v1/drafts</c>).</summary>
/// <param name="Kind">A message kind, e.g. withdrawal-note.</param>
/// <param name="Tone">warm, formal or brief.</param>
/// <param name="Situation">For kinds with situations (e.g. the walk-out lines): which one.</param>
/// <param name="Fields">Placeholder values: name, contact, company, role, reason.</param>
/// <param name="Session">The checklist session the draft was started from.</param>
/// <param name="Application">Optional: the owner's application (employer) the draft is for.</param>
/// <param name="MadeAt">When the browser made this save (its outbox sends it later); kept within bounds, see <see cref="Shared.MadeAt"/>.</param>
public sealed record DraftInput(
    [property: Required(ErrorMessage = "kind is required (e.g. \"withdrawal-note\").")]
    [property: MaxLength(InputLimits.Id, ErrorMessage = "kind is at most 64 characters long.")]
    string? Kind,
    [property: Required(ErrorMessage = "tone is required: warm, formal or brief.")]
    [property: MaxLength(InputLimits.Id, ErrorMessage = "tone is at most 64 characters long.")]
    string? Tone,
    [property: MaxLength(InputLimits.Id, ErrorMessage = "situation is at most 64 characters long.")]
    string? Situation = null,
    [property: TextMap(InputLimits.FieldCount, InputLimits.Field)]
    IReadOnlyDictionary<string, string>? Fields = null,
    [property: MaxLength(InputLimits.Subject, ErrorMessage = "subject is at most 200 characters long.")]
    [property: NoControlCharacters]
    string? Subject = null,
    [property: MaxLength(InputLimits.Body, ErrorMessage = "body is at most 5000 characters long.")]
    [property: NoControlCharacters]
    string? Body = null,
    Guid? Session = null,
    Guid? Application = null,
    DateTimeOffset? MadeAt = null);

/// <summary>The draft kept, or what was wrong with the input, or that the id is not the owner's.</summary>
public sealed record DraftSave(Draft? Draft, InputCheck Check, bool NotFound = false, bool UnknownApplication = false);

/// <summary>The owner's drafts. An update keeps the text it replaces as a numbered version; restoring is an update.</summary>
public sealed class SavedDrafts(CurrentOwner owner, ContentCatalog catalog, TimeProvider clock)
{
    public const int PageSize = 20;

    public async Task<DraftSave> CreateAsync(DraftInput input, CancellationToken cancellationToken = default)
    {
        var check = await CheckAsync(input, cancellationToken);
        if (!check.IsValid)
        {
            return new DraftSave(null, check);
        }

        await using var db = await owner.OpenAsync(cancellationToken);
        if (input.Application is not null
            && (await owner.GetIdAsync() is null || !await SavedApplications.IsOwnersAsync(db, input.Application, cancellationToken)))
        {
            return new DraftSave(null, check, UnknownApplication: true);
        }

        var ownerId = await owner.EnsureAsync(db, cancellationToken);
        var now = MadeAt.Or(clock, input.MadeAt);
        var draft = new Draft
        {
            Id = Guid.NewGuid(),
            OwnerId = ownerId,
            Kind = input.Kind!,
            Tone = input.Tone!,
            Created = now,
        };
        Apply(draft, input, now);
        db.Drafts.Add(draft);
        if (input.Application is { } linked)
        {
            SavedApplications.Linked(db, linked, ownerId, now, draft: draft.Id);
        }

        await db.SaveChangesAsync(cancellationToken);
        return new DraftSave(draft, check);
    }

    /// <summary>
    /// Replaces the draft's text, keeping the previous text as a version (unless nothing changed). Saves of one draft
    /// from several tabs take turns on its row, so each keeps the text it replaced; one racing a delete finds nothing.
    /// </summary>
    public async Task<DraftSave> UpdateAsync(Guid id, DraftInput input, CancellationToken cancellationToken = default)
    {
        await using var db = await owner.OpenAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        // Lock the row first (a no-op update, within the owner filter): the version number and the text read below are
        // then the latest, and a concurrent save of this draft waits here for this one to commit.
        var locked = await db.Drafts.Where(d => d.Id == id).ExecuteUpdateAsync(s => s.SetProperty(d => d.Updated, d => d.Updated), cancellationToken);
        var draft = locked == 0 ? null : await db.Drafts.FirstOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (draft is null)
        {
            return new DraftSave(null, new InputCheck(), NotFound: true);
        }

        var check = await CheckAsync(input, cancellationToken);
        if (!check.IsValid)
        {
            return new DraftSave(null, check);
        }

        if (!await SavedApplications.IsOwnersAsync(db, input.Application, cancellationToken))
        {
            return new DraftSave(null, check, UnknownApplication: true);
        }

        if (input.Application is { } applicationId && applicationId != draft.ApplicationId)
        {
            draft.ApplicationId = applicationId;
            SavedApplications.Linked(db, applicationId, draft.OwnerId, clock.GetUtcNow(), draft: draft.Id);
            if (SameText(draft, input))
            {
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            }
        }

        if (SameText(draft, input))
        {
            return new DraftSave(draft, check);
        }

        var number = await db.DraftVersions.Where(v => v.DraftId == id).MaxAsync(v => (int?)v.Number, cancellationToken) ?? 0;
        db.DraftVersions.Add(new DraftVersion
        {
            Id = Guid.NewGuid(),
            DraftId = draft.Id,
            OwnerId = draft.OwnerId,
            Number = number + 1,
            Kind = draft.Kind,
            Tone = draft.Tone,
            Situation = draft.Situation,
            Fields = new Dictionary<string, string>(draft.Fields, StringComparer.Ordinal),
            Subject = draft.Subject,
            Body = draft.Body,
            Saved = draft.Updated,
        });
        Apply(draft, input, MadeAt.Or(clock, input.MadeAt));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new DraftSave(draft, check);
    }

    public async Task<Draft?> FindAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await using var db = await owner.OpenAsync(cancellationToken);
        return await db.Drafts.AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, cancellationToken);
    }

    /// <summary>Earlier texts, newest first; null when the draft is not the owner's.</summary>
    public async Task<IReadOnlyList<DraftVersion>?> VersionsAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await using var db = await owner.OpenAsync(cancellationToken);
        if (!await db.Drafts.AnyAsync(d => d.Id == id, cancellationToken))
        {
            return null;
        }

        return await db.DraftVersions.AsNoTracking()
            .Where(v => v.DraftId == id)
            .OrderByDescending(v => v.Number)
            .ToListAsync(cancellationToken);
    }

    public async Task<PageOf<Draft>> ListAsync(int page, CancellationToken cancellationToken = default)
    {
        await using var db = await owner.OpenAsync(cancellationToken);
        var newestFirst = db.Drafts.AsNoTracking().OrderByDescending(d => d.Updated).ThenBy(d => d.Id);
        return await PageOf.ReadAsync(newestFirst, page, PageSize, cancellationToken);
    }

    /// <summary>Deletes the draft and its versions; false when there is no such draft of this owner.</summary>
    public async Task<bool> DeleteAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await using var db = await owner.OpenAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.DraftVersions.Where(v => v.DraftId == id).ExecuteDeleteAsync(cancellationToken);
        var deleted = await db.Drafts.Where(d => d.Id == id).ExecuteDeleteAsync(cancellationToken) > 0;
        await transaction.CommitAsync(cancellationToken);
        return deleted;
    }

    /// <summary>The message kind's title, or its id when the content no longer has it.</summary>
    public string TitleOf(string kind) =>
        catalog.MessageKindsById.TryGetValue(kind, out var messageKind) ? messageKind.Title : kind;

    private async Task<InputCheck> CheckAsync(DraftInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var check = InputCheck.Of(input);
        MessageKind? kind = null;
        if (string.IsNullOrWhiteSpace(input.Kind))
        {
            // Required: said by the attribute.
        }
        else if (!catalog.MessageKindsById.TryGetValue(input.Kind, out kind))
        {
            check.Add("kind", "There is no message kind with that name.");
        }

        if (input.Tone is not null && !Tones.All.Contains(input.Tone))
        {
            check.Add("tone", $"tone must be one of: {string.Join(", ", Tones.All)}.");
        }

        if (input.Situation is not null && kind is not null && !kind.Situations.Contains(input.Situation))
        {
            check.Add("situation", kind.Situations.Count == 0
                ? $"{kind.Id} has no situations."
                : $"situation must be one of: {string.Join(", ", kind.Situations)}.");
        }

        if (input.Session is { } sessionId)
        {
            await using var db = await owner.OpenAsync(cancellationToken);
            if (!await db.Sessions.AnyAsync(s => s.Id == sessionId, cancellationToken))
            {
                check.Add("session", "There is no such checklist session in your history.");
            }
        }

        return check;
    }

    private static void Apply(Draft draft, DraftInput input, DateTimeOffset now)
    {
        draft.Kind = input.Kind!;
        draft.Tone = input.Tone!;
        draft.Situation = input.Situation;
        draft.Fields = new Dictionary<string, string>(input.Fields ?? new Dictionary<string, string>(), StringComparer.Ordinal);
        draft.Subject = input.Subject ?? "";
        draft.Body = input.Body ?? "";
        draft.SessionId = input.Session ?? draft.SessionId;
        draft.ApplicationId = input.Application ?? draft.ApplicationId;
        draft.Updated = now;
    }

    private static bool SameText(Draft draft, DraftInput input) =>
        draft.Kind == input.Kind
        && draft.Tone == input.Tone
        && draft.Situation == input.Situation
        && draft.Subject == (input.Subject ?? "")
        && draft.Body == (input.Body ?? "")
        && draft.Fields.Count == (input.Fields?.Count ?? 0)
        && (input.Fields ?? new Dictionary<string, string>()).All(f => draft.Fields.TryGetValue(f.Key, out var v) && v == f.Value);
}
