using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using InterviewCompass.Core.Content;
using InterviewCompass.Core.Rules;
using InterviewCompass.Web.Data;
using InterviewCompass.Web.Features.Applications;
using InterviewCompass.Web.Features.Owners;
using InterviewCompass.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace InterviewCompass.Web.Features.Checks;

/// <summary>
/// What a person sends to keep a checklist run (<c>POST/PUT /api/v1/sessions</c>, the check form). Empty answer values
/// count as unanswered.
/// </summary>
/// <param name="Checklist">walk-out, exit-interview or withdrawal.</param>
/// <param name="Answers">Item id -> answer (<c>no | unsure | yes</c>; raise-first items also <c>raised-resolved | raised-unresolved</c>).</param>
/// <param name="Label">Optional, e.g. "Acme, data analyst".</param>
/// <param name="Completed">False while the person is still answering (default true).</param>
/// <param name="Id">Optional on <c>POST</c>, chosen by the browser (a random UUID): sending the same id again updates
/// that session instead of adding another, so a retried or offline-kept save is kept once.</param>
/// <param name="Application">Optional: the owner's application (employer) this check belongs to.</param>
/// <param name="MadeAt">When the browser made this save (its outbox sends it later); kept within bounds, see <see cref="Shared.MadeAt"/>.</param>
public sealed record SessionInput(
    [property: Required(ErrorMessage = "checklist is required (e.g. \"walk-out\").")]
    [property: MaxLength(InputLimits.Id, ErrorMessage = "checklist is at most 64 characters long.")]
    string? Checklist,
    [property: TextMap(InputLimits.Answers, InputLimits.Id)]
    IReadOnlyDictionary<string, string>? Answers = null,
    [property: MaxLength(InputLimits.Label, ErrorMessage = "label is at most 120 characters long.")]
    [property: NoControlCharacters]
    string? Label = null,
    bool Completed = true,
    Guid? Id = null,
    Guid? Application = null,
    DateTimeOffset? MadeAt = null);

/// <summary>The session kept and its verdict, or what was wrong with the input, or that the id is not the owner's.</summary>
public sealed record SessionSave(
    ChecklistSession? Session, Verdict? Verdict, InputCheck Check, bool NotFound = false, bool Conflict = false, bool Created = false,
    bool UnknownApplication = false);

/// <summary>The owner's checklist sessions: saved with the verdict <see cref="VerdictEngine"/> gives, found only by their owner.</summary>
public sealed class ChecklistSessions(CurrentOwner owner, ContentCatalog catalog, VerdictEngine engine, TimeProvider clock, Idempotency idempotency)
{
    public const int PageSize = 20;

    /// <summary>
    /// Finishes (or keeps so far) a check as a browser sends it: the check form's post and <c>POST /api/v1/sessions</c>
    /// both come here. Under the id the browser chose it is created the first time and updated after, so a retried or
    /// offline-kept save is kept once; without an id it is a new session. With the form's one-time key, the same post
    /// sent twice (a double tap, a resend after a lost reply) keeps one session and answers with it both times.
    /// </summary>
    /// <param name="id">The id the browser chose, or null.</param>
    /// <param name="input">The answers, label and whether the check is completed.</param>
    /// <param name="formKey">The check form's one-time key; null for the API (its own <c>Idempotency-Key</c> does that).</param>
    /// <param name="newIdWhenTaken">When the id is another browser's: true keeps the answers in a new session (a form
    /// post cannot choose again); false answers <see cref="SessionSave.Conflict"/>, for the client to send a new id.</param>
    /// <param name="cancellationToken">Cancels the save.</param>
    public async Task<SessionSave> FinishAsync(
        Guid? id, SessionInput input, string? formKey = null, bool newIdWhenTaken = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (string.IsNullOrEmpty(formKey) || formKey.Length > InputLimits.IdempotencyKey)
        {
            return await KeepAsync(id, input, newIdWhenTaken, cancellationToken);
        }

        var request = Idempotency.Hash(JsonSerializer.Serialize(new { id, input.Checklist, input.Answers, input.Label, input.Completed }));
        switch (await idempotency.BeginAsync($"check-form:{formKey}", request, cancellationToken))
        {
            case IdempotentStart.Replay { Body: { } first } when Guid.TryParse(first, out var firstId)
                && await FindAsync(firstId, cancellationToken) is { } session:
                return new SessionSave(session, VerdictOf(session), new InputCheck());
            case IdempotentStart.First first:
                SessionSave save;
                try
                {
                    save = await KeepAsync(id, input, newIdWhenTaken, cancellationToken);
                }
                catch
                {
                    await idempotency.AbandonAsync(first.Record);
                    throw;
                }

                if (save.Session is { } kept)
                {
                    await idempotency.CompleteAsync(first.Record, StatusCodes.Status201Created, null, SessionQuery.Format(kept.Id), CancellationToken.None);
                }
                else
                {
                    await idempotency.AbandonAsync(first.Record);
                }

                return save;
            default:
                // The key came back with other answers (a page restored by Back and changed): that is a new save.
                return await KeepAsync(id, input, newIdWhenTaken, cancellationToken);
        }
    }

    private async Task<SessionSave> KeepAsync(Guid? id, SessionInput input, bool newIdWhenTaken, CancellationToken cancellationToken)
    {
        if (id is not { } chosen || chosen == Guid.Empty)
        {
            return await SaveAsync(null, input, cancellationToken);
        }

        var save = await SaveWithClientIdAsync(chosen, input, cancellationToken);
        return save.Conflict && newIdWhenTaken ? await SaveAsync(null, input, cancellationToken) : save;
    }

    /// <summary>Creates a session (id null) or updates one of the owner's (<c>PUT /api/v1/sessions/{id}</c>, the autosave).</summary>
    public async Task<SessionSave> SaveAsync(Guid? id, SessionInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (id is { } existingId)
        {
            // Someone else's id is "not found" whatever the input: nothing about it is revealed.
            await using var db = await owner.OpenAsync(cancellationToken);
            var session = await db.Sessions.FirstOrDefaultAsync(s => s.Id == existingId, cancellationToken);
            var (label, answers, verdict, check) = Assess(input);
            if (session is null)
            {
                return new SessionSave(null, null, new InputCheck(), NotFound: true);
            }

            if (verdict is not null && session.ChecklistId != verdict.Checklist)
            {
                check.Add("checklist", $"This session is for '{session.ChecklistId}'; start a new one for another checklist.");
            }

            if (!check.IsValid || verdict is null)
            {
                return new SessionSave(null, null, check);
            }

            if (!await SavedApplications.IsOwnersAsync(db, input.Application, cancellationToken))
            {
                return new SessionSave(null, null, check, UnknownApplication: true);
            }

            var now = Shared.MadeAt.Or(clock, input.MadeAt);
            if (input.Application is { } applicationId && applicationId != session.ApplicationId)
            {
                session.ApplicationId = applicationId;
                SavedApplications.Linked(db, applicationId, session.OwnerId, now, session: session.Id);
            }

            session.Answers = answers;
            session.Outcome = verdict.Outcome;
            session.Confidence = verdict.Confidence;
            session.Label = label ?? session.Label;
            session.Completed = input.Completed;
            session.Updated = now;
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateConcurrencyException)
            {
                // Deleted (one session, or everything) while this was being saved.
                return new SessionSave(null, null, new InputCheck(), NotFound: true);
            }

            return new SessionSave(session, verdict, check);
        }
        else
        {
            return await CreateAsync(Guid.NewGuid(), input, cancellationToken);
        }
    }

    /// <summary>
    /// Saves under an id the browser chose, so sending the same save twice (a retry after a lost answer, a sync after
    /// being offline) keeps one session: creates it the first time, updates it after that. <see cref="SessionSave.Conflict"/>
    /// when another browser already holds that id (the browser should choose another).
    /// </summary>
    private async Task<SessionSave> SaveWithClientIdAsync(Guid clientId, SessionInput input, CancellationToken cancellationToken)
    {
        if (await owner.GetIdAsync() is not null)
        {
            var existing = await SaveAsync(clientId, input, cancellationToken);
            if (!existing.NotFound)
            {
                return existing;
            }
        }

        await using (var db = await owner.OpenAsync(cancellationToken))
        {
            if (await db.Sessions.IgnoreQueryFilters().AnyAsync(s => s.Id == clientId, cancellationToken))
            {
                return new SessionSave(null, null, new InputCheck(), Conflict: true);
            }
        }

        try
        {
            return await CreateAsync(clientId, input, cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The same save arrived twice at once and the other one created it: this one is an update.
            return await SaveAsync(clientId, input, cancellationToken);
        }
    }

    private async Task<SessionSave> CreateAsync(Guid newId, SessionInput input, CancellationToken cancellationToken)
    {
        var (label, answers, verdict, check) = Assess(input);
        if (!check.IsValid || verdict is null)
        {
            return new SessionSave(null, null, check);
        }

        await using var db = await owner.OpenAsync(cancellationToken);
        if (input.Application is not null
            && (await owner.GetIdAsync() is null || !await SavedApplications.IsOwnersAsync(db, input.Application, cancellationToken)))
        {
            return new SessionSave(null, null, check, UnknownApplication: true);
        }

        var ownerId = await owner.EnsureAsync(db, cancellationToken);
        var now = Shared.MadeAt.Or(clock, input.MadeAt);
        var session = new ChecklistSession
        {
            Id = newId,
            OwnerId = ownerId,
            ChecklistId = verdict.Checklist,
            Answers = answers,
            Outcome = verdict.Outcome,
            Confidence = verdict.Confidence,
            Label = label,
            Completed = input.Completed,
            ApplicationId = input.Application,
            Created = now,
            Updated = now,
        };
        db.Sessions.Add(session);
        if (input.Application is { } linked)
        {
            SavedApplications.Linked(db, linked, ownerId, now, session: newId);
        }

        await db.SaveChangesAsync(cancellationToken);
        return new SessionSave(session, verdict, check, Created: true);
    }

    private (string? Label, Dictionary<string, string> Answers, Verdict? Verdict, InputCheck Check) Assess(SessionInput input)
    {
        var check = InputCheck.Of(input);
        var label = string.IsNullOrWhiteSpace(input.Label) ? null : input.Label.Trim();
        var answers = (input.Answers ?? new Dictionary<string, string>())
            .Where(a => !string.IsNullOrEmpty(a.Value))
            .ToDictionary(a => a.Key, a => a.Value, StringComparer.Ordinal);

        Verdict? verdict = null;
        if (!check.IsValid || string.IsNullOrWhiteSpace(input.Checklist))
        {
            // The attributes' problems first: a flood of unknown answers is refused before any is looked at.
        }
        else if (!catalog.ChecklistsById.TryGetValue(input.Checklist, out var checklist))
        {
            check.Add("checklist", $"There is no checklist '{Shorten(input.Checklist)}'.");
        }
        else
        {
            var assessment = engine.Assess(checklist, answers);
            foreach (var error in assessment.Errors)
            {
                check.Add($"answers.{Shorten(error.Item)}", error.Problem);
            }

            verdict = assessment.Verdict;
        }

        return (label, answers, verdict, check);
    }

    /// <summary>The owner's session, or null (also when it is someone else's).</summary>
    public async Task<ChecklistSession?> FindAsync(Guid id, CancellationToken cancellationToken = default)
    {
        if (await owner.GetIdAsync() is null)
        {
            return null;
        }

        await using var db = await owner.OpenAsync(cancellationToken);
        return await db.Sessions.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
    }

    /// <summary>The owner's most recent unfinished session of a checklist, to offer to continue it.</summary>
    public async Task<ChecklistSession?> FindUnfinishedAsync(string checklistId, CancellationToken cancellationToken = default)
    {
        // A browser that has kept nothing (most first visits to the check page) costs no database round trip.
        if (await owner.GetIdAsync() is null)
        {
            return null;
        }

        await using var db = await owner.OpenAsync(cancellationToken);
        return await db.Sessions.AsNoTracking()
            .Where(s => s.ChecklistId == checklistId && !s.Completed)
            .OrderByDescending(s => s.Updated)
            .FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>Newest first; <paramref name="page"/> starts at 1.</summary>
    public async Task<PageOf<ChecklistSession>> ListAsync(int page, CancellationToken cancellationToken = default)
    {
        await using var db = await owner.OpenAsync(cancellationToken);
        var newestFirst = db.Sessions.AsNoTracking().OrderByDescending(s => s.Updated).ThenBy(s => s.Id);
        return await PageOf.ReadAsync(newestFirst, page, PageSize, cancellationToken);
    }

    /// <summary>False when there is no such session of this owner.</summary>
    public async Task<bool> DeleteAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await using var db = await owner.OpenAsync(cancellationToken);
        return await db.Sessions.Where(s => s.Id == id).ExecuteDeleteAsync(cancellationToken) > 0;
    }

    /// <summary>The verdict the session's answers give with today's content (null if the content no longer takes them).</summary>
    public Verdict? VerdictOf(ChecklistSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        return catalog.ChecklistsById.TryGetValue(session.ChecklistId, out var checklist)
            ? engine.Assess(checklist, session.Answers).Verdict
            : null;
    }

    /// <summary>An outcome in words (its headline), or the id when the content no longer has it.</summary>
    public string HeadlineOf(string checklistId, string outcome) =>
        catalog.ChecklistsById.TryGetValue(checklistId, out var checklist) && checklist.FindOutcome(outcome) is { } found
            ? found.Headline
            : outcome;

    /// <summary>The checklist's title, or its id when the content no longer has it.</summary>
    public string TitleOf(string checklistId) =>
        catalog.ChecklistsById.TryGetValue(checklistId, out var checklist) ? checklist.Title : checklistId;

    private static string Shorten(string value) => value.Length <= 64 ? value : value[..64] + "…";
}
