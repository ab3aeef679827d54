using InterviewCompass.Core.Rules;
using InterviewCompass.Web.Data;
using InterviewCompass.Web.Features.Checks;
using InterviewCompass.Web.Features.Drafts;
using InterviewCompass.Web.Features.History;
using InterviewCompass.Web.Features.Owners;
using InterviewCompass.Web.Hosting;
using InterviewCompass.Web.Shared;
using Microsoft.AspNetCore.Http.HttpResults;

namespace InterviewCompass.Web.Features.Checks;

/// <summary><c>POST /api/v1/sessions</c> body.</summary>
/// <param name="Completed">False while the person is still answering (default true).</param>
/// <param name="Id">Optional, chosen by the browser (a random v4 UUID): sending the same id again updates that session
/// instead of adding another, so a retried or offline-queued save is kept once.</param>
public sealed record SessionRequest(string? Checklist, Dictionary<string, string>? Answers, string? Label, bool? Completed, Guid? Id = null);

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
    IReadOnlyList<string> Words,
    DateTimeOffset Created,
    DateTimeOffset Updated);

public sealed record ReasonResponse(string Item, string Text, string Answer, string Tier, string Guide);

public sealed record SessionSummary(
    Guid Id, string Checklist, string? Label, bool Completed, string Outcome, double Confidence, DateTimeOffset Created, DateTimeOffset Updated);

public sealed record PageResponse<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total);

/// <summary>The owner's checklist sessions.</summary>
internal static class SessionsApi
{
    public static RouteGroupBuilder MapSessionsApi(this RouteGroupBuilder api)
    {
        var sessions = api.MapGroup("/sessions").WithTags("Sessions");
        sessions.MapGet("/", ListAsync);
        sessions.MapPost("/", CreateAsync).RequireRateLimiting(RateLimitPolicies.Writes);
        sessions.MapGet("/{id:guid}", GetAsync);
        sessions.MapPut("/{id:guid}", UpdateAsync).RequireRateLimiting(RateLimitPolicies.Writes);
        sessions.MapDelete("/{id:guid}", DeleteAsync).RequireRateLimiting(RateLimitPolicies.Writes);
        return api;
    }

    private static async Task<Ok<PageResponse<SessionSummary>>> ListAsync(ChecklistSessions store, int? page, CancellationToken ct)
    {
        var list = await store.ListAsync(page ?? 1, ct);
        return TypedResults.Ok(new PageResponse<SessionSummary>(
            [.. list.Items.Select(s => new SessionSummary(s.Id, s.ChecklistId, s.Label, s.Completed, s.Outcome, s.Confidence, s.Created, s.Updated))],
            list.Page, list.PageSize, list.Total));
    }

    private static async Task<Results<Created<SessionResponse>, Ok<SessionResponse>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        SessionRequest request, ChecklistSessions store, CancellationToken ct)
    {
        var save = request.Id is { } clientId && clientId != Guid.Empty
            ? await store.SaveWithClientIdAsync(clientId, ToInput(request), ct)
            : await store.SaveAsync(null, ToInput(request), ct);
        if (save.Conflict)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status409Conflict,
                title: "Id already in use",
                detail: "Another session already has this id; send the save again with a new random id.");
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
        Guid id, SessionRequest request, ChecklistSessions store, CancellationToken ct)
    {
        var save = await store.SaveAsync(id, ToInput(request), ct);
        if (save.NotFound)
        {
            return NotFound();
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

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(Guid id, ChecklistSessions store, CancellationToken ct) =>
        await store.DeleteAsync(id, ct) ? TypedResults.NoContent() : NotFound();

    private static SessionInput ToInput(SessionRequest request) =>
        new(request.Checklist, request.Answers, request.Label, request.Completed ?? true);

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
        [.. (verdict?.Reasons ?? []).Select(r => new ReasonResponse(r.Item, r.Text, r.Answer, r.Tier.ToString().ToLowerInvariant(), r.Guide.Href))],
        verdict?.Words ?? [],
        session.Created,
        session.Updated);

    private static ProblemHttpResult NotFound() =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: "There is no such session in your history.");
}
