using System.ComponentModel.DataAnnotations;
using InterviewCompass.Web.Data;
using InterviewCompass.Web.Features.Checks;
using InterviewCompass.Web.Shared;
using Microsoft.AspNetCore.Http.HttpResults;

namespace InterviewCompass.Web.Features.Drafts;

public sealed record DraftResponse(
    Guid Id, string Kind, string Tone, string? Situation, IReadOnlyDictionary<string, string> Fields, string Subject, string Body,
    Guid? Session, DateTimeOffset Created, DateTimeOffset Updated, Guid? Application = null);

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
        drafts.MapGet("/", ListAsync).WithSummary("The owner's drafts, newest first, 20 a page.");
        drafts.MapPost("/", CreateAsync).Idempotent(CurrentAsync).WithSummary("Keeps a draft; issues the owner cookie on the first save.");
        drafts.MapGet("/{id:guid}", GetAsync).WithSummary("One of the owner's drafts.");
        drafts.MapPut("/{id:guid}", UpdateAsync)
            .WithSummary("Replaces a draft's text, keeping the text it replaces as a version. Restoring a version is a PUT of its text.");
        drafts.MapDelete("/{id:guid}", DeleteAsync).WithSummary("Deletes a draft and its versions.");
        drafts.MapGet("/{id:guid}/versions", VersionsAsync)
            .WithSummary($"A draft's earlier texts, newest first, {SavedDrafts.VersionsPageSize} a page; the newest {SavedDrafts.KeptVersions} are kept.");
        return api;
    }

    private static async Task<Ok<PageResponse<DraftSummary>>> ListAsync(
        SavedDrafts store, [Range(1, InputLimits.Page, ErrorMessage = PageOf.RangeMessage)] int? page, CancellationToken ct)
    {
        var list = await store.ListAsync(page ?? 1, ct);
        return TypedResults.Ok(new PageResponse<DraftSummary>(
            [.. list.Items.Select(d => new DraftSummary(d.Id, d.Kind, d.Tone, d.Subject, d.Created, d.Updated))],
            list.Page, list.PageSize, list.Total));
    }

    private static async Task<Results<Created<DraftResponse>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        DraftInput request, SavedDrafts store, CancellationToken ct)
    {
        var save = await store.CreateAsync(request, ct);
        if (save.UnknownApplication)
        {
            return UnknownApplication();
        }

        return save.Draft is null
            ? TypedResults.ValidationProblem(save.Check.Errors)
            : TypedResults.Created($"/api/v1/drafts/{save.Draft.Id}", ToResponse(save.Draft));
    }

    private static async Task<Results<Ok<DraftResponse>, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        Guid id, DraftInput request, SavedDrafts store, CancellationToken ct)
    {
        var save = await store.UpdateAsync(id, request, ct);
        if (save.NotFound)
        {
            return NotFound();
        }

        if (save.UnknownApplication)
        {
            return UnknownApplication();
        }

        return save.Draft is null ? TypedResults.ValidationProblem(save.Check.Errors) : TypedResults.Ok(ToResponse(save.Draft));
    }

    private static async Task<Results<Ok<DraftResponse>, ProblemHttpResult>> GetAsync(Guid id, SavedDrafts store, CancellationToken ct)
    {
        var draft = await store.FindAsync(id, ct);
        return draft is null ? NotFound() : TypedResults.Ok(ToResponse(draft));
    }

    private static async Task<Results<Ok<PageResponse<DraftVersionResponse>>, ProblemHttpResult>> VersionsAsync(
        Guid id, SavedDrafts store, [Range(1, InputLimits.Page, ErrorMessage = PageOf.RangeMessage)] int? page, CancellationToken ct)
    {
        var versions = await store.VersionsAsync(id, page ?? 1, ct);
        return versions is null
            ? NotFound()
            : TypedResults.Ok(new PageResponse<DraftVersionResponse>(
                [.. versions.Items.Select(v => new DraftVersionResponse(v.Number, v.Kind, v.Tone, v.Situation, v.Fields, v.Subject, v.Body, v.Saved))],
                versions.Page, versions.PageSize, versions.Total));
    }

    // A retried create answers with the draft as it is now (the record of the first keeps no text), or 410 once deleted.
    private static async Task<IResult?> CurrentAsync(HttpContext http, IdempotentStart.Replay first)
    {
        var store = http.RequestServices.GetRequiredService<SavedDrafts>();
        return IdempotentEndpoints.IdOf(first.Location) is { } id && await store.FindAsync(id, http.RequestAborted) is { } draft
            ? TypedResults.Created(first.Location, ToResponse(draft))
            : null;
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(Guid id, SavedDrafts store, CancellationToken ct) =>
        await store.DeleteAsync(id, ct) ? TypedResults.NoContent() : NotFound();

    private static DraftResponse ToResponse(Draft d) =>
        new(d.Id, d.Kind, d.Tone, d.Situation, d.Fields, d.Subject, d.Body, d.SessionId, d.Created, d.Updated, d.ApplicationId);

    private static ProblemHttpResult UnknownApplication() =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: "There is no such application in your history.");

    private static ProblemHttpResult NotFound() =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: "There is no such draft in your history.");
}
