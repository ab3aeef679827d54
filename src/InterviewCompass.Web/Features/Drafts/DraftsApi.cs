using InterviewCompass.Web.Data;
using InterviewCompass.Web.Features.Checks;
using InterviewCompass.Web.Features.Drafts;
using InterviewCompass.Web.Features.History;
using InterviewCompass.Web.Features.Owners;
using InterviewCompass.Web.Hosting;
using InterviewCompass.Web.Shared;
using Microsoft.AspNetCore.Http.HttpResults;

namespace InterviewCompass.Web.Features.Drafts;

/// <summary>
/// A draft as a person sends it to be kept: the body of <c>POST</c>/<c>PUT /api/v1/drafts</c>, what the composer's
/// form post and script save, and what <see cref="SavedDrafts"/> checks and stores. Restoring a version is a PUT of its text.
/// </summary>
public sealed record DraftRequest(
    string? Kind, string? Tone, string? Situation, Dictionary<string, string>? Fields, string? Subject, string? Body, Guid? Session);

public sealed record DraftResponse(
    Guid Id, string Kind, string Tone, string? Situation, IReadOnlyDictionary<string, string> Fields, string Subject, string Body,
    Guid? Session, DateTimeOffset Created, DateTimeOffset Updated);

public sealed record DraftSummary(Guid Id, string Kind, string Tone, string Subject, DateTimeOffset Created, DateTimeOffset Updated);

public sealed record DraftVersionResponse(
    int Number, string Kind, string Tone, string? Situation, IReadOnlyDictionary<string, string> Fields, string Subject, string Body,
    DateTimeOffset Saved);

/// <summary>The owner's drafts and their earlier versions.</summary>
internal static class DraftsApi
{
    public static RouteGroupBuilder MapDraftsApi(this RouteGroupBuilder api)
    {
        var drafts = api.MapGroup("/drafts").WithTags("Drafts");
        drafts.MapGet("/", ListAsync);
        drafts.MapPost("/", CreateAsync).RequireRateLimiting(RateLimitPolicies.Writes);
        drafts.MapGet("/{id:guid}", GetAsync);
        drafts.MapPut("/{id:guid}", UpdateAsync).RequireRateLimiting(RateLimitPolicies.Writes);
        drafts.MapDelete("/{id:guid}", DeleteAsync).RequireRateLimiting(RateLimitPolicies.Writes);
        drafts.MapGet("/{id:guid}/versions", VersionsAsync);
        return api;
    }

    private static async Task<Ok<PageResponse<DraftSummary>>> ListAsync(SavedDrafts store, int? page, CancellationToken ct)
    {
        var list = await store.ListAsync(page ?? 1, ct);
        return TypedResults.Ok(new PageResponse<DraftSummary>(
            [.. list.Items.Select(d => new DraftSummary(d.Id, d.Kind, d.Tone, d.Subject, d.Created, d.Updated))],
            list.Page, list.PageSize, list.Total));
    }

    private static async Task<Results<Created<DraftResponse>, ValidationProblem>> CreateAsync(
        DraftRequest request, SavedDrafts store, CancellationToken ct)
    {
        var save = await store.CreateAsync(request, ct);
        return save.Draft is null
            ? TypedResults.ValidationProblem(save.Check.Errors)
            : TypedResults.Created($"/api/v1/drafts/{save.Draft.Id}", ToResponse(save.Draft));
    }

    private static async Task<Results<Ok<DraftResponse>, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        Guid id, DraftRequest request, SavedDrafts store, CancellationToken ct)
    {
        var save = await store.UpdateAsync(id, request, ct);
        if (save.NotFound)
        {
            return NotFound();
        }

        return save.Draft is null ? TypedResults.ValidationProblem(save.Check.Errors) : TypedResults.Ok(ToResponse(save.Draft));
    }

    private static async Task<Results<Ok<DraftResponse>, ProblemHttpResult>> GetAsync(Guid id, SavedDrafts store, CancellationToken ct)
    {
        var draft = await store.FindAsync(id, ct);
        return draft is null ? NotFound() : TypedResults.Ok(ToResponse(draft));
    }

    private static async Task<Results<Ok<IReadOnlyList<DraftVersionResponse>>, ProblemHttpResult>> VersionsAsync(
        Guid id, SavedDrafts store, CancellationToken ct)
    {
        var versions = await store.VersionsAsync(id, ct);
        return versions is null
            ? NotFound()
            : TypedResults.Ok<IReadOnlyList<DraftVersionResponse>>([.. versions.Select(v => new DraftVersionResponse(
                v.Number, v.Kind, v.Tone, v.Situation, v.Fields, v.Subject, v.Body, v.Saved))]);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(Guid id, SavedDrafts store, CancellationToken ct) =>
        await store.DeleteAsync(id, ct) ? TypedResults.NoContent() : NotFound();

    private static DraftResponse ToResponse(Draft d) =>
        new(d.Id, d.Kind, d.Tone, d.Situation, d.Fields, d.Subject, d.Body, d.SessionId, d.Created, d.Updated);

    private static ProblemHttpResult NotFound() =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: "There is no such draft in your history.");
}
