using InterviewCompass.Web.Features.Checks;
using InterviewCompass.Web.Shared;
using Microsoft.AspNetCore.Mvc;

namespace InterviewCompass.Web.Features.Applications;

/// <summary>
/// The plain form posts of the pages that list several forms (the close-out's notes, the drafts' "I sent it") and of the
/// verdict card's "Add to an application": antiforgery-checked, then post/redirect/get, so they work with JavaScript off.
/// </summary>
internal static class ApplicationForms
{
    public static RouteGroupBuilder MapApplicationForms(this RouteGroupBuilder pages)
    {
        pages.MapPost("/applications/add", AddAsync);
        pages.MapPost("/applications/{id:guid}/withdrawal-sent", WithdrawalSentAsync);
        pages.MapPost("/applications/{id:guid}/drafts/{draft:guid}/sent", DraftSentAsync);
        return pages;
    }

    /// <summary>
    /// "Add to an application" under a verdict: one field, a company typed or picked from the list, links the check to the
    /// open application at that company (or a new one), and with <paramref name="setOutcome"/> sets the outcome the verdict
    /// points to (walked out, withdrew, exit interview declined).
    /// </summary>
    private static async Task<IResult> AddAsync(
        [FromForm] string? session, [FromForm] string? company, [FromForm] string? setOutcome,
        SavedApplications applications, ChecklistSessions sessions, CancellationToken ct)
    {
        if (!Guid.TryParse(session, out var sessionId) || await sessions.FindAsync(sessionId, ct) is not { } check)
        {
            return TypedResults.NotFound();
        }

        if (string.IsNullOrWhiteSpace(company))
        {
            // Nothing typed: the new-application page, which links the check once it is kept.
            return TypedResults.Redirect($"/applications/new?session={sessionId:N}");
        }

        var outcome = VerdictOutcomes.For(check.ChecklistId, check.Outcome);
        var kind = outcome == ApplicationOutcomes.ExitInterviewDeclined || check.ChecklistId == "exit-interview"
            ? ApplicationOutcomes.LeavingKind
            : ApplicationOutcomes.ApplicationKind;
        var found = await applications.FindOrCreateAsync(company.Length > InputLimits.Field ? company[..InputLimits.Field] : company, kind, ct);
        if (found.Application is not { } application)
        {
            return TypedResults.Redirect($"/applications/new?session={sessionId:N}");
        }

        await applications.LinkAsync(application.Id, sessionId, null, ct);
        if (setOutcome == "yes" && outcome is not null && ApplicationOutcomes.Of(application.Kind).Contains(outcome))
        {
            var current = await applications.FindAsync(application.Id, ct);
            await applications.SetOutcomeAsync(application.Id, outcome, current?.Version ?? 0, ct);
        }

        return TypedResults.Redirect($"/applications/{application.Id:N}?done=linked");
    }

    private static async Task<IResult> WithdrawalSentAsync(
        Guid id, [FromForm] string? subject, [FromForm] string? body, [FromForm] string? tone, [FromForm] string? version,
        [FromForm] string? accepted, SavedApplications applications, CancellationToken ct)
    {
        var back = Guid.TryParse(accepted, out var acceptedId) ? $"/applications/{acceptedId:N}/close-out" : $"/applications/{id:N}";
        var save = await applications.WithdrawalSentAsync(
            id, new WithdrawalSentInput(subject, body, tone, int.TryParse(version, out var v) ? v : null), ct);
        if (save.NotFound)
        {
            return TypedResults.NotFound();
        }

        if (save.Conflict)
        {
            return TypedResults.Redirect($"{back}?problem=conflict");
        }

        return save.Application is null
            ? TypedResults.Redirect($"{back}?problem=empty")
            : TypedResults.Redirect($"{back}?sent={id:N}");
    }

    private static async Task<IResult> DraftSentAsync(Guid id, Guid draft, SavedApplications applications, CancellationToken ct) =>
        await applications.MarkDraftSentAsync(id, draft, ct)
            ? TypedResults.Redirect($"/applications/{id:N}?done=sent")
            : TypedResults.NotFound();
}

/// <summary>The application outcome a verdict points to: leave the interview, withdraw now, decline the exit interview.</summary>
public static class VerdictOutcomes
{
    public static string? For(string checklist, string verdictOutcome) => (checklist, verdictOutcome) switch
    {
        ("walk-out", "leave") => ApplicationOutcomes.WalkedOut,
        ("withdrawal", "withdraw") => ApplicationOutcomes.Withdrew,
        ("exit-interview", "decline") => ApplicationOutcomes.ExitInterviewDeclined,
        _ => null,
    };
}
