using System.ComponentModel.DataAnnotations;
using InterviewCompass.Web.Data;
using InterviewCompass.Web.Features.Checks;
using InterviewCompass.Web.Shared;
using Microsoft.AspNetCore.Http.HttpResults;

namespace InterviewCompass.Web.Features.Applications;

/// <summary><c>/api/v1/applications</c>: the owner's applications, their timelines and the offer close-out.</summary>
internal static class ApplicationsApi
{
    public static RouteGroupBuilder MapApplicationsApi(this RouteGroupBuilder api)
    {
        var applications = api.MapGroup("/applications").WithTags("Applications");
        applications.MapGet("/", ListAsync).WithSummary("The owner's applications: open ones first, then by last activity, 20 a page; ?outcome= filters.");
        applications.MapPost("/", CreateAsync).Idempotent(CurrentAsync)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).WithSummary("Keeps an application (one employer and role); issues the owner cookie on the first save.");
        applications.MapGet("/{id:guid}", GetAsync).WithSummary("One of the owner's applications with its timeline.");
        applications.MapPut("/{id:guid}", UpdateAsync)
            .WithSummary("Changes an application; send the version read (409 when another device changed it since). A new outcome, a note or a changed date adds a timeline entry.");
        applications.MapDelete("/{id:guid}", DeleteAsync)
            .WithSummary("Deletes an application and its timeline; its checks and drafts stay, unlinked, unless ?linked=delete.");
        applications.MapPost("/{id:guid}/close-out", CloseOutAsync)
            .WithSummary("After accepting this offer: every other application in progress with a withdrawal note drafted and checked. Stores nothing.");
        applications.MapPost("/{id:guid}/links", LinkAsync)
            .WithSummary("Links one of the owner's checks (session) or drafts (draft) to this application; linked twice, it is linked once.");
        applications.MapPost("/{id:guid}/withdrawal-sent", WithdrawalSentAsync)
            .WithSummary("The withdrawal note as sent: kept as a draft marked sent, and the outcome becomes withdrew.");
        return api;
    }

    private static async Task<Results<Ok<PageResponse<ApplicationSummary>>, ValidationProblem>> ListAsync(
        SavedApplications store,
        [MaxLength(InputLimits.Id)] string? outcome,
        [Range(1, InputLimits.Page, ErrorMessage = PageOf.RangeMessage)] int? page,
        CancellationToken ct)
    {
        if (!string.IsNullOrEmpty(outcome) && !ApplicationOutcomes.All.Contains(outcome))
        {
            return UnknownOutcome();
        }

        var list = await store.ListAsync(outcome, page ?? 1, ct);
        return TypedResults.Ok(new PageResponse<ApplicationSummary>(
            [.. list.Items.Select(i => i.Application).Select(a => new ApplicationSummary(a.Id, a.Kind, a.Company, a.Role, a.Outcome, a.Version, a.Created, a.Updated, a.DecideBy, a.ExpectReplyBy))],
            list.Page, list.PageSize, list.Total));
    }

    private static async Task<Results<Created<ApplicationResponse>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        ApplicationInput request, SavedApplications store, CancellationToken ct)
    {
        var save = await store.CreateAsync(request, ct);
        if (save.Conflict)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status409Conflict,
                title: "Id already in use",
                detail: "Another application already has this id; send the save again with a new random id.");
        }

        if (save.NotFound)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: "There is no such check of yours to link.");
        }

        return save.Application is null
            ? TypedResults.ValidationProblem(save.Check.Errors)
            : TypedResults.Created($"/api/v1/applications/{save.Application.Id}", ToResponse(await store.FindAsync(save.Application.Id, ct) ?? save.Application));
    }

    private static async Task<Results<Ok<ApplicationResponse>, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        Guid id, ApplicationInput request, SavedApplications store, CancellationToken ct)
    {
        var save = await store.UpdateAsync(id, request, ct);
        if (save.NotFound)
        {
            return NotFound();
        }

        if (save.Conflict)
        {
            return Conflict();
        }

        return save.Application is null
            ? TypedResults.ValidationProblem(save.Check.Errors)
            : TypedResults.Ok(ToResponse((await store.FindAsync(id, ct))!));
    }

    private static async Task<Results<Ok<ApplicationResponse>, ValidationProblem, ProblemHttpResult>> LinkAsync(
        Guid id, ApplicationLinkInput request, SavedApplications store, CancellationToken ct)
    {
        if (request.Session is null == request.Draft is null)
        {
            return ApiProblems.Invalid("Link one check or one draft.", new Dictionary<string, string[]>
            {
                ["session"] = ["Send session (a check's id) or draft (a draft's id), one of them."],
            });
        }

        return await store.LinkAsync(id, request.Session, request.Draft, ct) && await store.FindAsync(id, ct) is { } application
            ? TypedResults.Ok(ToResponse(application))
            : NotFound();
    }

    /// <summary>A replayed create answers with the application as it is now (the keyed-write record keeps no words).</summary>
    private static async Task<IResult?> CurrentAsync(HttpContext http, IdempotentStart.Replay first)
    {
        var store = http.RequestServices.GetRequiredService<SavedApplications>();
        return IdempotentEndpoints.IdOf(first.Location) is { } id && await store.FindAsync(id, http.RequestAborted) is { } application
            ? TypedResults.Created(first.Location, ToResponse(application))
            : null;
    }

    private static async Task<Results<Ok<ApplicationResponse>, ProblemHttpResult>> GetAsync(Guid id, SavedApplications store, CancellationToken ct)
    {
        var application = await store.FindAsync(id, ct);
        return application is null ? NotFound() : TypedResults.Ok(ToResponse(application));
    }

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> DeleteAsync(
        Guid id, [MaxLength(InputLimits.Id)] string? linked, SavedApplications store, CancellationToken ct)
    {
        if (linked is not (null or "" or "keep" or "delete"))
        {
            return ApiProblems.Invalid("Unknown choice for linked checks and drafts.", new Dictionary<string, string[]>
            {
                ["linked"] = ["linked must be keep (the default: they stay, unlinked) or delete."],
            });
        }

        return await store.DeleteAsync(id, linked == "delete", ct) ? TypedResults.NoContent() : NotFound();
    }

    private static async Task<Results<Ok<CloseOutResponse>, ValidationProblem, ProblemHttpResult>> CloseOutAsync(
        Guid id, CloseOutInput? request, SavedApplications store, CancellationToken ct)
    {
        request ??= new CloseOutInput();
        var check = InputCheck.Of(request);
        if (request.Tone is not null && !InterviewCompass.Core.Content.Tones.All.Contains(request.Tone))
        {
            check.Add("tone", $"tone must be one of: {string.Join(", ", InterviewCompass.Core.Content.Tones.All)}.");
        }

        if (!check.IsValid)
        {
            return TypedResults.ValidationProblem(check.Errors);
        }

        var closeOut = await store.CloseOutAsync(id, request, ct);
        return closeOut is null ? NotFound() : TypedResults.Ok(closeOut);
    }

    private static async Task<Results<Ok<ApplicationResponse>, ValidationProblem, ProblemHttpResult>> WithdrawalSentAsync(
        Guid id, WithdrawalSentInput request, SavedApplications store, CancellationToken ct)
    {
        var save = await store.WithdrawalSentAsync(id, request, ct);
        if (save.NotFound)
        {
            return NotFound();
        }

        if (save.Conflict)
        {
            return Conflict();
        }

        return save.Application is null
            ? TypedResults.ValidationProblem(save.Check.Errors)
            : TypedResults.Ok(ToResponse((await store.FindAsync(id, ct))!));
    }

    internal static ApplicationResponse ToResponse(Application a) => new(
        a.Id,
        a.Kind,
        a.Company,
        a.Role,
        a.ContactName is null && a.ContactEmail is null ? null : new ContactResponse(a.ContactName, a.ContactEmail),
        a.Notes,
        a.Outcome,
        a.Version,
        a.Created,
        a.Updated,
        [.. a.Timeline.OrderBy(e => e.At).ThenBy(e => TypeOrder(e.Type))
            .Select(e => new TimelineEntryResponse(e.At, e.Type, e.Outcome, e.Text, e.SessionId, e.DraftId, e.Date))],
        a.DecideBy,
        a.ExpectReplyBy);

    /// <summary>Lines written at the same moment, in the order they happened.</summary>
    internal static int TypeOrder(string type) => type switch
    {
        "created" => 0,
        "check" => 1,
        "draft" => 2,
        "draft-sent" => 3,
        "outcome" => 4,
        ApplicationDates.DecideByType => 5,
        ApplicationDates.ExpectReplyByType => 6,
        _ => 7,
    };

    private static ValidationProblem UnknownOutcome() =>
        ApiProblems.Invalid("Unknown outcome.", new Dictionary<string, string[]>
        {
            ["outcome"] = [$"outcome must be one of: {string.Join(", ", ApplicationOutcomes.All)}."],
        });

    private static ProblemHttpResult Conflict() =>
        TypedResults.Problem(
            statusCode: StatusCodes.Status409Conflict,
            title: "Changed on another device",
            detail: "This application was changed since you read it. Read it again, then make your change.");

    private static ProblemHttpResult NotFound() =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: "There is no such application in your history.");
}
