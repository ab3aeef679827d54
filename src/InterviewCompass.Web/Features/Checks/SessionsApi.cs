using System.ComponentModel.DataAnnotations;
using InterviewCompass.Core.Rules;
using InterviewCompass.Web.Data;
using InterviewCompass.Web.Shared;
using Microsoft.AspNetCore.Http.HttpResults;

namespace InterviewCompass.Web.Features.Checks;

public sealed record SessionResponse(
    Guid Id,
    string Checklist,
    string? Label,
    IReadOnlyDictionary<string, string> Answers,
    bool Completed,
    string Outcome,
    string? Headline,
    string? Explanation,
    double Confidence,
    IReadOnlyList<ReasonResponse> Reasons,
    IReadOnlyList<WordsBlockModel> Words,
    DateTimeOffset Created,
    DateTimeOffset Updated,
    Guid? Application = null);

public sealed record ReasonResponse(string Item, string Text, string Answer, string Tier, string Guide, string Note);

public sealed record SessionSummary(
    Guid Id, string Checklist, string? Label, bool Completed, string Outcome, double Confidence, DateTimeOffset Created, DateTimeOffset Updated);

public sealed record PageResponse<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total);

/// <summary>The owner's checklist sessions.</summary>
internal static class SessionsApi
{
    public static RouteGroupBuilder MapSessionsApi(this RouteGroupBuilder api)
    {
        var sessions = api.MapGroup("/sessions").WithTags("Sessions");
        sessions.MapGet("/", ListAsync).WithSummary("The owner's sessions, newest first, 20 a page.");
        sessions.MapPost("/", CreateAsync).Idempotent(CurrentAsync).WithSummary("Keeps a checklist run (answers in, verdict out); issues the owner cookie on the first save.");
        sessions.MapGet("/{id:guid}", GetAsync).WithSummary("One of the owner's sessions with its verdict.");
        sessions.MapPut("/{id:guid}", UpdateAsync).WithSummary("Replaces a session's answers (the autosave while answering).");
        sessions.MapDelete("/{id:guid}", DeleteAsync).WithSummary("Deletes one session.");
        return api;
    }

    private static async Task<Ok<PageResponse<SessionSummary>>> ListAsync(
        ChecklistSessions store, [Range(1, InputLimits.Page, ErrorMessage = PageOf.RangeMessage)] int? page, CancellationToken ct)
    {
        var list = await store.ListAsync(page ?? 1, ct);
        return TypedResults.Ok(new PageResponse<SessionSummary>(
            [.. list.Items.Select(s => new SessionSummary(s.Id, s.ChecklistId, s.Label, s.Completed, s.Outcome, s.Confidence, s.Created, s.Updated))],
            list.Page, list.PageSize, list.Total));
    }

    private static async Task<Results<Created<SessionResponse>, Ok<SessionResponse>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        SessionInput request, ChecklistSessions store, CancellationToken ct)
    {
        var save = await store.FinishAsync(request.Id, request, cancellationToken: ct);
        if (save.Conflict)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status409Conflict,
                title: "Id already in use",
                detail: "Another session already has this id; send the save again with a new random id.");
        }

        if (save.UnknownApplication)
        {
            return UnknownApplication();
        }

        if (save.Session is null)
        {
            return TypedResults.ValidationProblem(save.Check.Errors);
        }

        var response = ToResponse(save.Session, save.Verdict);
        return save.Created
            ? TypedResults.Created($"/api/v1/sessions/{save.Session.Id}", response)
            : TypedResults.Ok(response);
    }

    private static async Task<Results<Ok<SessionResponse>, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        Guid id, SessionInput request, ChecklistSessions store, CancellationToken ct)
    {
        var save = await store.SaveAsync(id, request, ct);
        if (save.NotFound)
        {
            return NotFound();
        }

        if (save.UnknownApplication)
        {
            return UnknownApplication();
        }

        if (save.Session is null)
        {
            return TypedResults.ValidationProblem(save.Check.Errors);
        }

        return TypedResults.Ok(ToResponse(save.Session, save.Verdict));
    }

    private static async Task<Results<Ok<SessionResponse>, ProblemHttpResult>> GetAsync(Guid id, ChecklistSessions store, CancellationToken ct)
    {
        var session = await store.FindAsync(id, ct);
        return session is null ? NotFound() : TypedResults.Ok(ToResponse(session, store.VerdictOf(session)));
    }

    // A retried create answers with the session as it is now (the record of the first keeps no answers), or 410 once deleted.
    private static async Task<IResult?> CurrentAsync(HttpContext http, IdempotentStart.Replay first)
    {
        var store = http.RequestServices.GetRequiredService<ChecklistSessions>();
        if (IdempotentEndpoints.IdOf(first.Location) is not { } id || await store.FindAsync(id, http.RequestAborted) is not { } session)
        {
            return null;
        }

        var response = ToResponse(session, store.VerdictOf(session));
        return first.Status == StatusCodes.Status201Created ? TypedResults.Created(first.Location, response) : TypedResults.Ok(response);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(Guid id, ChecklistSessions store, CancellationToken ct) =>
        await store.DeleteAsync(id, ct) ? TypedResults.NoContent() : NotFound();

    internal static SessionResponse ToResponse(ChecklistSession session, Verdict? verdict) => new(
        session.Id,
        session.ChecklistId,
        session.Label,
        session.Answers,
        session.Completed,
        session.Outcome,
        verdict?.Headline,
        verdict?.Explanation,
        session.Confidence,
        [.. (verdict?.Reasons ?? []).Select(r => new ReasonResponse(r.Item, r.Text, r.Answer, r.Tier.ToString().ToLowerInvariant(), r.Guide.Href, r.Note))],
        verdict is null ? [] : WordsBlockModel.Of(verdict.Words),
        session.Created,
        session.Updated,
        session.ApplicationId);

    private static ProblemHttpResult UnknownApplication() =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: "There is no such application in your history.");

    private static ProblemHttpResult NotFound() =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: "There is no such session in your history.");
}
