using InterviewCompass.Core.Content;
using InterviewCompass.Core.Messages;
using InterviewCompass.Web.Data;
using InterviewCompass.Web.Features.Owners;
using InterviewCompass.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace InterviewCompass.Web.Features.Applications;

/// <summary>What a save did: the application kept, or why not.</summary>
public sealed record ApplicationSave(Application? Application, InputCheck Check, bool NotFound = false, bool Conflict = false);

/// <summary>One line of the list: the application and when anything last happened to it.</summary>
public sealed record ApplicationListItem(Application Application, DateTimeOffset LastActivity);

/// <summary>A check or draft linked to an application, for its page.</summary>
public sealed record LinkedCheck(Guid Id, string ChecklistId, string Outcome, bool Completed, DateTimeOffset Updated);

public sealed record LinkedDraft(Guid Id, string Kind, string Subject, string Body, bool Sent, DateTimeOffset Updated);

/// <summary>
/// The owner's applications: one employer and role each, the person's own outcome and a dated timeline. Every change
/// carries the version it was made from; a change from an older version is refused (two devices: one wins, the other
/// hears 409 and reloads), so no write is lost.
/// </summary>
public sealed class SavedApplications(
    CurrentOwner owner, TimeProvider clock, MessageComposer composer, DraftLinter linter)
{
    public const int PageSize = 20;

    public const string WithdrawalKind = "withdrawal-note";

    public const string WithdrawalReason = "I have accepted another offer.";

    public async Task<ApplicationSave> CreateAsync(ApplicationInput input, CancellationToken cancellationToken = default)
    {
        var check = Check(input, null);
        if (!check.IsValid)
        {
            return new ApplicationSave(null, check);
        }

        if (input.Id is { } clientId && await FindAsync(clientId, cancellationToken) is { } known)
        {
            // Sent again (an answer lost on the way): kept once.
            return new ApplicationSave(known, check);
        }

        await using var db = await owner.OpenAsync(cancellationToken);
        if (input.Id is { } taken && await db.Applications.IgnoreQueryFilters().AnyAsync(a => a.Id == taken, cancellationToken))
        {
            return new ApplicationSave(null, check, Conflict: true);
        }

        if (input.Session is { } sessionId && !await db.Sessions.AnyAsync(s => s.Id == sessionId, cancellationToken))
        {
            return new ApplicationSave(null, check, NotFound: true);
        }

        var ownerId = await owner.EnsureAsync(db, cancellationToken);
        var now = clock.GetUtcNow();
        var kind = input.Kind ?? ApplicationOutcomes.ApplicationKind;
        var application = new Application
        {
            Id = input.Id ?? Guid.NewGuid(),
            OwnerId = ownerId,
            Kind = kind,
            Company = input.Company!.Trim(),
            Role = input.Role?.Trim() ?? "",
            ContactName = Blank(input.Contact?.Name),
            ContactEmail = Blank(input.Contact?.Email),
            Notes = Blank(input.Notes),
            Outcome = input.Outcome ?? ApplicationOutcomes.DefaultOf(kind),
            Created = now,
            Updated = now,
            Version = 1,
        };
        db.Applications.Add(application);
        db.ApplicationEvents.Add(Event(application, now, "created"));
        if (application.Outcome != ApplicationOutcomes.DefaultOf(kind))
        {
            db.ApplicationEvents.Add(Event(application, now, "outcome", outcome: application.Outcome));
        }

        if (Blank(input.Note) is { } note)
        {
            db.ApplicationEvents.Add(Event(application, now, "note", text: note));
        }

        ApplyDates(db, application, input.DecideBy, input.ExpectReplyBy, now);
        await db.SaveChangesAsync(cancellationToken);
        if (input.Session is { } linked)
        {
            await LinkAsync(application.Id, linked, null, cancellationToken);
        }

        return new ApplicationSave(application, check);
    }

    /// <summary>Replaces the application's fields (those sent), adding timeline entries for an outcome change and a note.</summary>
    public async Task<ApplicationSave> UpdateAsync(Guid id, ApplicationInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        await using var db = await owner.OpenAsync(cancellationToken);
        var application = await db.Applications.FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (application is null)
        {
            return new ApplicationSave(null, new InputCheck(), NotFound: true);
        }

        var check = Check(input, application);
        if (input.Version is null)
        {
            check.Add("version", "version is required: send the version you read, so a change from another device is not overwritten.");
        }

        if (!check.IsValid)
        {
            return new ApplicationSave(null, check);
        }

        if (input.Version != application.Version)
        {
            return new ApplicationSave(null, check, Conflict: true);
        }

        var now = clock.GetUtcNow();
        application.Company = input.Company!.Trim();
        application.Role = input.Role?.Trim() ?? application.Role;
        if (input.Contact is not null)
        {
            application.ContactName = Blank(input.Contact.Name);
            application.ContactEmail = Blank(input.Contact.Email);
        }

        application.Notes = input.Notes is null ? application.Notes : Blank(input.Notes);
        if (input.Outcome is { } outcome && outcome != application.Outcome)
        {
            application.Outcome = outcome;
            db.ApplicationEvents.Add(Event(application, now, "outcome", outcome: outcome));
        }

        if (Blank(input.Note) is { } note)
        {
            db.ApplicationEvents.Add(Event(application, now, "note", text: note));
        }

        ApplyDates(db, application, input.DecideBy, input.ExpectReplyBy, now);
        return await SaveChangeAsync(db, application, now, check, cancellationToken);
    }

    /// <summary>
    /// Sets, changes or clears the two dates (the details page's date form); null leaves a date as it is, "" clears it.
    /// <paramref name="version"/> as read. Setting the same dates again changes nothing.
    /// </summary>
    public async Task<ApplicationSave> SetDatesAsync(
        Guid id, string? decideBy, string? expectReplyBy, int version, CancellationToken cancellationToken = default)
    {
        await using var db = await owner.OpenAsync(cancellationToken);
        var application = await db.Applications.FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (application is null)
        {
            return new ApplicationSave(null, new InputCheck(), NotFound: true);
        }

        var check = new InputCheck();
        ApplicationDates.TryRead(decideBy, "decideBy", check, out _);
        ApplicationDates.TryRead(expectReplyBy, "expectReplyBy", check, out _);
        if (!check.IsValid)
        {
            return new ApplicationSave(null, check);
        }

        if (version != application.Version)
        {
            return new ApplicationSave(null, check, Conflict: true);
        }

        var now = clock.GetUtcNow();
        return ApplyDates(db, application, decideBy, expectReplyBy, now)
            ? await SaveChangeAsync(db, application, now, check, cancellationToken)
            : new ApplicationSave(application, check);
    }

    /// <summary>Sets the outcome only (the details page, a verdict's offer); <paramref name="version"/> as read.</summary>
    public async Task<ApplicationSave> SetOutcomeAsync(Guid id, string? outcome, int version, CancellationToken cancellationToken = default)
    {
        await using var db = await owner.OpenAsync(cancellationToken);
        var application = await db.Applications.FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (application is null)
        {
            return new ApplicationSave(null, new InputCheck(), NotFound: true);
        }

        var check = new InputCheck();
        CheckOutcome(check, application.Kind, outcome);
        if (!check.IsValid)
        {
            return new ApplicationSave(null, check);
        }

        if (version != application.Version)
        {
            return new ApplicationSave(null, check, Conflict: true);
        }

        if (outcome == application.Outcome)
        {
            return new ApplicationSave(application, check);
        }

        var now = clock.GetUtcNow();
        application.Outcome = outcome!;
        db.ApplicationEvents.Add(Event(application, now, "outcome", outcome: outcome));
        return await SaveChangeAsync(db, application, now, check, cancellationToken);
    }

    /// <summary>Adds a dated note to the timeline (notes do not conflict: each is its own line).</summary>
    public async Task<ApplicationSave> AddNoteAsync(Guid id, string? text, CancellationToken cancellationToken = default)
    {
        // Notes, links and sent marks add lines and move the last activity; they leave the version alone, so they never
        // make another device's change of the fields a conflict.
        var check = new InputCheck();
        var note = Blank(text);
        if (note is null)
        {
            check.Add("note", "Write the note first.");
        }
        else if (note.Length > InputLimits.Body)
        {
            check.Add("note", "A note is at most 5000 characters long.");
        }
        else if (NoControlCharactersAttribute.HasControlCharacters(note))
        {
            check.Add("note", "The note contains control characters; only text, newlines and tabs are kept.");
        }

        await using var db = await owner.OpenAsync(cancellationToken);
        var application = await db.Applications.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (application is null)
        {
            return new ApplicationSave(null, new InputCheck(), NotFound: true);
        }

        if (!check.IsValid)
        {
            return new ApplicationSave(null, check);
        }

        var now = clock.GetUtcNow();
        db.ApplicationEvents.Add(Event(application, now, "note", text: note));
        await db.SaveChangesAsync(cancellationToken);
        await TouchAsync(db, id, now, cancellationToken);
        return new ApplicationSave(application, check);
    }

    /// <summary>
    /// The close-out's "I sent it": keeps the note as sent (a draft of kind withdrawal-note, linked, marked sent) and sets
    /// the outcome to withdrew, in one transaction; <paramref name="input"/>'s version as read.
    /// </summary>
    public async Task<ApplicationSave> WithdrawalSentAsync(Guid id, WithdrawalSentInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var check = InputCheck.Of(input);
        if (input.Tone is not null && !Tones.All.Contains(input.Tone))
        {
            check.Add("tone", $"tone must be one of: {string.Join(", ", Tones.All)}.");
        }

        await using var db = await owner.OpenAsync(cancellationToken);
        var application = await db.Applications.FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (application is null)
        {
            return new ApplicationSave(null, new InputCheck(), NotFound: true);
        }

        if (input.Version is null)
        {
            check.Add("version", "version is required: send the version you read.");
        }

        if (!check.IsValid)
        {
            return new ApplicationSave(null, check);
        }

        if (input.Version != application.Version)
        {
            return new ApplicationSave(null, check, Conflict: true);
        }

        var now = clock.GetUtcNow();
        var draft = new Draft
        {
            Id = Guid.NewGuid(),
            OwnerId = application.OwnerId,
            Kind = WithdrawalKind,
            Tone = input.Tone ?? Tones.Warm,
            Subject = input.Subject?.Trim() ?? "",

            // A form posts a textarea's lines with CRLF; kept as the person sees them (LF), like the API's.
            Body = input.Body!.ReplaceLineEndings("\n"),
            ApplicationId = application.Id,
            Created = now,
            Updated = now,
            Fields = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["company"] = application.Company,
                ["role"] = application.Role,
                ["reason"] = WithdrawalReason,
            },
        };
        db.Drafts.Add(draft);
        db.ApplicationEvents.Add(Event(application, now, "draft", draft: draft.Id));
        db.ApplicationEvents.Add(Event(application, now, "draft-sent", draft: draft.Id));
        if (application.Outcome != ApplicationOutcomes.Withdrew)
        {
            application.Outcome = ApplicationOutcomes.Withdrew;
            db.ApplicationEvents.Add(Event(application, now, "outcome", outcome: ApplicationOutcomes.Withdrew));
        }

        return await SaveChangeAsync(db, application, now, check, cancellationToken);
    }

    /// <summary>Marks a linked draft as sent (once).</summary>
    public async Task<bool> MarkDraftSentAsync(Guid id, Guid draftId, CancellationToken cancellationToken = default)
    {
        await using var db = await owner.OpenAsync(cancellationToken);
        var application = await db.Applications.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (application is null || !await db.Drafts.AnyAsync(d => d.Id == draftId && d.ApplicationId == id, cancellationToken))
        {
            return false;
        }

        if (!await db.ApplicationEvents.AnyAsync(e => e.ApplicationId == id && e.Type == "draft-sent" && e.DraftId == draftId, cancellationToken))
        {
            var now = clock.GetUtcNow();
            db.ApplicationEvents.Add(Event(application, now, "draft-sent", draft: draftId));
            await db.SaveChangesAsync(cancellationToken);
            await TouchAsync(db, id, now, cancellationToken);
        }

        return true;
    }

    public async Task<Application?> FindAsync(Guid id, CancellationToken cancellationToken = default)
    {
        if (await owner.GetIdAsync() is null)
        {
            return null;
        }

        await using var db = await owner.OpenAsync(cancellationToken);
        return await db.Applications.AsNoTracking().Include(a => a.Timeline)
            .AsSplitQuery()
            .FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
    }

    /// <summary>Open ones first, then by last activity (newest first); <paramref name="outcome"/> filters.</summary>
    public async Task<PageOf<ApplicationListItem>> ListAsync(string? outcome, int page, CancellationToken cancellationToken = default)
    {
        page = PageOf.Bound(page);
        if (await owner.GetIdAsync() is null)
        {
            return new PageOf<ApplicationListItem>([], page, PageSize, 0);
        }

        await using var db = await owner.OpenAsync(cancellationToken);
        var query = db.Applications.AsNoTracking();
        if (!string.IsNullOrEmpty(outcome))
        {
            query = query.Where(a => a.Outcome == outcome);
        }

        var ordered = query
            .OrderBy(a => a.Outcome == ApplicationOutcomes.InProgress || a.Outcome == ApplicationOutcomes.Leaving ? 0 : 1)
            .ThenByDescending(a => a.Updated)
            .ThenBy(a => a.Id)
            .Select(a => new ApplicationListItem(a, a.Updated));
        return await PageOf.ReadAsync(ordered, page, PageSize, cancellationToken);
    }

    /// <summary>All of the owner's applications, for a picker (company and role), open ones first.</summary>
    public async Task<IReadOnlyList<Application>> PickListAsync(CancellationToken cancellationToken = default)
    {
        if (await owner.GetIdAsync() is null)
        {
            return [];
        }

        await using var db = await owner.OpenAsync(cancellationToken);
        return await db.Applications.AsNoTracking()
            .OrderBy(a => a.Outcome == ApplicationOutcomes.InProgress || a.Outcome == ApplicationOutcomes.Leaving ? 0 : 1)
            .ThenByDescending(a => a.Updated)
            .Take(PageSize * 5)
            .ToListAsync(cancellationToken);
    }

    public async Task<(IReadOnlyList<LinkedCheck> Checks, IReadOnlyList<LinkedDraft> Drafts)> LinkedAsync(
        Guid id, CancellationToken cancellationToken = default)
    {
        await using var db = await owner.OpenAsync(cancellationToken);
        var checks = await db.Sessions.AsNoTracking().Where(s => s.ApplicationId == id).OrderByDescending(s => s.Updated)
            .Select(s => new LinkedCheck(s.Id, s.ChecklistId, s.Outcome, s.Completed, s.Updated))
            .ToListAsync(cancellationToken);
        var sent = await db.ApplicationEvents.AsNoTracking().Where(e => e.ApplicationId == id && e.Type == "draft-sent" && e.DraftId != null)
            .Select(e => e.DraftId!.Value).ToListAsync(cancellationToken);
        var drafts = await db.Drafts.AsNoTracking().Where(d => d.ApplicationId == id).OrderByDescending(d => d.Updated)
            .Select(d => new { d.Id, d.Kind, d.Subject, d.Body, d.Updated })
            .ToListAsync(cancellationToken);
        return (checks, [.. drafts.Select(d => new LinkedDraft(d.Id, d.Kind, d.Subject, d.Body, sent.Contains(d.Id), d.Updated))]);
    }

    /// <summary>Deletes the application and its timeline; its checks and drafts stay (unlinked) unless <paramref name="withLinked"/>.</summary>
    public async Task<bool> DeleteAsync(Guid id, bool withLinked = false, CancellationToken cancellationToken = default)
    {
        await using var db = await owner.OpenAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (withLinked)
        {
            var draftIds = db.Drafts.Where(d => d.ApplicationId == id).Select(d => d.Id);
            await db.DraftVersions.Where(v => draftIds.Contains(v.DraftId)).ExecuteDeleteAsync(cancellationToken);
            await db.Drafts.Where(d => d.ApplicationId == id).ExecuteDeleteAsync(cancellationToken);
            await db.Sessions.Where(s => s.ApplicationId == id).ExecuteDeleteAsync(cancellationToken);
        }
        else
        {
            // The database would do this too (ON DELETE SET NULL); done here so it does not depend on SQLite's foreign keys pragma.
            await db.Drafts.Where(d => d.ApplicationId == id).ExecuteUpdateAsync(s => s.SetProperty(d => d.ApplicationId, (Guid?)null), cancellationToken);
            await db.Sessions.Where(s => s.ApplicationId == id).ExecuteUpdateAsync(s => s.SetProperty(x => x.ApplicationId, (Guid?)null), cancellationToken);
        }

        await db.ApplicationEvents.Where(e => e.ApplicationId == id).ExecuteDeleteAsync(cancellationToken);
        var deleted = await db.Applications.Where(a => a.Id == id).ExecuteDeleteAsync(cancellationToken) > 0;
        await transaction.CommitAsync(cancellationToken);
        return deleted;
    }

    /// <summary>
    /// The offer close-out: every other open hiring process with a withdrawal note drafted for it (the reason "accepted
    /// another offer", the person's tone and name) and what the linter finds in it. Nothing is stored. Null when
    /// <paramref name="id"/> is not the owner's.
    /// </summary>
    public async Task<CloseOutResponse?> CloseOutAsync(Guid id, CloseOutInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (await owner.GetIdAsync() is null)
        {
            return null;
        }

        await using var db = await owner.OpenAsync(cancellationToken);
        if (!await db.Applications.AnyAsync(a => a.Id == id, cancellationToken))
        {
            return null;
        }

        var others = await db.Applications.AsNoTracking()
            .Where(a => a.Id != id && a.Outcome == ApplicationOutcomes.InProgress)
            .OrderByDescending(a => a.Updated).ThenBy(a => a.Id)
            .ToListAsync(cancellationToken);
        var latest = await db.Drafts.AsNoTracking().OrderByDescending(d => d.Updated)
            .Select(d => new { d.Tone, d.Fields }).FirstOrDefaultAsync(cancellationToken);
        var tone = input.Tone is { } asked && Tones.All.Contains(asked) ? asked : latest?.Tone is { } kept && Tones.All.Contains(kept) ? kept : Tones.Warm;
        var signOff = Blank(input.SignOff) ?? (latest?.Fields.TryGetValue("contact", out var name) == true ? Blank(name) : null);
        return new CloseOutResponse(id, [.. others.Select(a => Draft(a, tone, signOff))]);
    }

    private CloseOutNote Draft(Application application, string tone, string? signOff)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["company"] = application.Company,
            ["role"] = application.Role.Length > 0 ? application.Role : "open",
            ["reason"] = WithdrawalReason,
        };
        if (application.ContactName is { } to)
        {
            fields["name"] = to;
        }

        if (signOff is not null)
        {
            fields["contact"] = signOff;
        }

        var message = composer.Compose(new ComposeRequest(WithdrawalKind, tone, null, fields)).Message;
        var subject = message?.Subject ?? "";
        var body = message?.Body ?? "";
        var findings = linter.Lint(WithdrawalKind, body).Findings
            .Select(f => new CloseOutFinding(f.Rule, f.Severity, f.Message, f.Excerpt, f.Fix, f.Guide.Href)).ToList();
        return new CloseOutNote(application.Id, application.Company, application.Role, application.Version, WithdrawalKind, tone,
            subject, body, application.ContactEmail, findings);
    }

    /// <summary>
    /// For the session and draft stores: whether <paramref name="applicationId"/> is the owner's (null: nothing to link),
    /// read through <paramref name="db"/>'s owner filter.
    /// </summary>
    public static async Task<bool> IsOwnersAsync(AppDbContext db, Guid? applicationId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return applicationId is not { } id || await db.Applications.AnyAsync(a => a.Id == id, cancellationToken);
    }

    /// <summary>Adds the timeline line for a check or draft newly linked to an application (call before saving).</summary>
    public static void Linked(AppDbContext db, Guid applicationId, Guid ownerId, DateTimeOffset at, Guid? session = null, Guid? draft = null)
    {
        ArgumentNullException.ThrowIfNull(db);
        db.ApplicationEvents.Add(new ApplicationEvent
        {
            Id = Guid.NewGuid(),
            ApplicationId = applicationId,
            OwnerId = ownerId,
            At = at,
            Type = session is null ? "draft" : "check",
            SessionId = session,
            DraftId = draft,
        });
    }

    /// <summary>Links a kept check or draft to an application (the verdict card's "Add to an application").</summary>
    public async Task<bool> LinkAsync(Guid id, Guid? session, Guid? draft, CancellationToken cancellationToken = default)
    {
        await using var db = await owner.OpenAsync(cancellationToken);
        var application = await db.Applications.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (application is null)
        {
            return false;
        }

        var now = clock.GetUtcNow();
        var changed = session is { } sessionId
            ? await db.Sessions.Where(s => s.Id == sessionId && s.ApplicationId != id)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.ApplicationId, id), cancellationToken)
            : draft is { } draftId
                ? await db.Drafts.Where(d => d.Id == draftId && d.ApplicationId != id)
                    .ExecuteUpdateAsync(s => s.SetProperty(x => x.ApplicationId, id), cancellationToken)
                : 0;
        if (changed == 0)
        {
            // Already linked, or not the owner's: the second is a not found.
            return session is { } s2 ? await db.Sessions.AnyAsync(x => x.Id == s2, cancellationToken)
                : draft is { } d2 && await db.Drafts.AnyAsync(x => x.Id == d2, cancellationToken);
        }

        Linked(db, id, application.OwnerId, now, session, session is null ? draft : null);
        await db.SaveChangesAsync(cancellationToken);
        await TouchAsync(db, id, now, cancellationToken);
        return true;
    }

    /// <summary>The owner's application at <paramref name="company"/> still open (by name, ignoring case), or a new one.</summary>
    public async Task<ApplicationSave> FindOrCreateAsync(string? company, string kind, CancellationToken cancellationToken = default)
    {
        var name = Blank(company);
        if (name is not null && await owner.GetIdAsync() is not null)
        {
            await using var db = await owner.OpenAsync(cancellationToken);
            var lower = name.ToLowerInvariant();
#pragma warning disable CA1862 // A query: ToLower translates to SQL on both providers, string.Equals with a comparison does not.
            var existing = await db.Applications.AsNoTracking()
                .Where(a => a.Company.ToLower() == lower)
#pragma warning restore CA1862
                .OrderBy(a => a.Outcome == ApplicationOutcomes.InProgress || a.Outcome == ApplicationOutcomes.Leaving ? 0 : 1)
                .ThenByDescending(a => a.Updated)
                .FirstOrDefaultAsync(cancellationToken);
            if (existing is not null)
            {
                return new ApplicationSave(existing, new InputCheck());
            }
        }

        return await CreateAsync(new ApplicationInput(name, Kind: kind), cancellationToken);
    }

    private static Task<int> TouchAsync(AppDbContext db, Guid id, DateTimeOffset now, CancellationToken cancellationToken) =>
        db.Applications.Where(a => a.Id == id).ExecuteUpdateAsync(s => s.SetProperty(a => a.Updated, now), cancellationToken);

    private static async Task<ApplicationSave> SaveChangeAsync(
        AppDbContext db, Application application, DateTimeOffset now, InputCheck check, CancellationToken cancellationToken)
    {
        application.Updated = now;
        application.Version++;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Changed (or deleted) by another device between the read and this write: this change is not applied.
            return new ApplicationSave(null, check, Conflict: true);
        }

        return new ApplicationSave(application, check);
    }

    private static InputCheck Check(ApplicationInput input, Application? existing)
    {
        ArgumentNullException.ThrowIfNull(input);
        var check = InputCheck.Of(input);
        if (input.Contact is not null)
        {
            foreach (var (field, problems) in InputCheck.Of(input.Contact).Errors)
            {
                foreach (var problem in problems)
                {
                    check.Add($"contact.{field}", problem);
                }
            }
        }

        if (input.Company is not null && string.IsNullOrWhiteSpace(input.Company))
        {
            check.Add("company", "company is required.");
        }

        var kind = existing?.Kind ?? input.Kind ?? ApplicationOutcomes.ApplicationKind;
        if (input.Kind is not null && !ApplicationOutcomes.Kinds.Contains(input.Kind))
        {
            check.Add("kind", $"kind must be one of: {string.Join(", ", ApplicationOutcomes.Kinds)}.");
            return check;
        }

        if (existing is not null && input.Kind is not null && input.Kind != existing.Kind)
        {
            check.Add("kind", "The kind of an application cannot change; start a new one.");
        }

        if (input.Outcome is not null)
        {
            CheckOutcome(check, kind, input.Outcome);
        }

        ApplicationDates.TryRead(input.DecideBy, "decideBy", check, out _);
        ApplicationDates.TryRead(input.ExpectReplyBy, "expectReplyBy", check, out _);
        return check;
    }

    /// <summary>Applies the two date fields as sent (already checked); whether either changed.</summary>
    private static bool ApplyDates(AppDbContext db, Application application, string? decideBy, string? expectReplyBy, DateTimeOffset now)
    {
        var ignored = new InputCheck();
        var changed = false;
        if (ApplicationDates.TryRead(decideBy, "decideBy", ignored, out var decide))
        {
            changed |= ApplicationDates.Apply(db, application, ApplicationDates.DecideByType, decide, now);
        }

        if (ApplicationDates.TryRead(expectReplyBy, "expectReplyBy", ignored, out var reply))
        {
            changed |= ApplicationDates.Apply(db, application, ApplicationDates.ExpectReplyByType, reply, now);
        }

        return changed;
    }

    private static void CheckOutcome(InputCheck check, string kind, string? outcome)
    {
        var valid = ApplicationOutcomes.Of(kind);
        if (outcome is null || !valid.Contains(outcome))
        {
            check.Add("outcome", $"outcome must be one of: {string.Join(", ", valid)}.");
        }
    }

    private static ApplicationEvent Event(
        Application application, DateTimeOffset at, string type, string? outcome = null, string? text = null, Guid? draft = null) => new()
        {
            Id = Guid.NewGuid(),
            ApplicationId = application.Id,
            OwnerId = application.OwnerId,
            At = at,
            Type = type,
            Outcome = outcome,
            Text = text,
            DraftId = draft,
        };

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
