using System.ComponentModel.DataAnnotations;
using InterviewCompass.Web.Features.History;
using InterviewCompass.Web.Shared;
using Microsoft.AspNetCore.Http.HttpResults;

namespace InterviewCompass.Web.Features.Owners;

public sealed record TransferCodeResponse(string Code, DateTimeOffset ExpiresAt);

public sealed record RedeemRequest(
    [property: Required(ErrorMessage = "code is required: the 8 letters and digits shown on the other device.")]
    [property: MaxLength(InputLimits.TransferCode, ErrorMessage = "code is at most 32 characters long.")]
    string? Code);

/// <summary>The owner as a whole: delete everything, and move to another browser with a transfer code.</summary>
internal static class OwnerApi
{
    public static RouteGroupBuilder MapOwnerApi(this RouteGroupBuilder api)
    {
        var owner = api.MapGroup("/owner").WithTags("Owner");
        owner.MapDelete("/", DeleteEverythingAsync).AddEndpointFilter(JsonOnly)
            .WithSummary("Deletes everything this browser kept (sessions, drafts, versions, codes) and clears its cookie.");
        owner.MapPost("/transfer", CreateTransferAsync).AddEndpointFilter(JsonOnly).Idempotent(NewCodeAsync)
            .WithSummary("A code for another device: it works once, for ten minutes. Only its hash is kept, so a retry gets a new code.");
        owner.MapPost("/transfer/redeem", RedeemAsync).Idempotent(RedeemedAsync)
            .WithSummary("Gives this browser the history of the code's owner. Tries are limited per client and per code.");
        return api;
    }

    private static async Task<NoContent> DeleteEverythingAsync(OwnerData data, CancellationToken ct)
    {
        await data.DeleteEverythingAsync(ct);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<TransferCodeResponse>> CreateTransferAsync(TransferCodes codes, CancellationToken ct)
    {
        var issued = await codes.CreateAsync(ct);
        return TypedResults.Ok(new TransferCodeResponse(issued.Code, issued.ExpiresAt));
    }

    // A code is never kept, so a retry cannot be shown the first one again: it gets a new code (both expire in ten minutes).
    private static async Task<IResult?> NewCodeAsync(HttpContext http, IdempotentStart.Replay first) =>
        await CreateTransferAsync(http.RequestServices.GetRequiredService<TransferCodes>(), http.RequestAborted);

    // The replay has given this browser the code's owner again (when it still exists); nothing else to answer.
    private static Task<IResult?> RedeemedAsync(HttpContext http, IdempotentStart.Replay first) => Task.FromResult<IResult?>(TypedResults.NoContent());

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> RedeemAsync(
        RedeemRequest request, TransferCodes codes, CancellationToken ct) =>
        await codes.RedeemAsync(request.Code, ct) switch
        {
            RedeemResult.Redeemed => TypedResults.NoContent(),
            RedeemResult.TooManyAttempts => TypedResults.Problem(
                statusCode: StatusCodes.Status429TooManyRequests,
                title: "Too many codes tried",
                detail: "Too many codes were tried from this client, or this code was tried too often, in the last ten minutes."),
            _ => TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["code"] = ["That code is not valid: it may be mistyped, already used, or older than 10 minutes."],
            }),
        };

    /// <summary>Calls without a JSON body may send none; one with a body of another type gets 415.</summary>
    private static async ValueTask<object?> JsonOnly(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var request = context.HttpContext.Request;
        if (request.ContentType is not null && !request.HasJsonContentType())
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported media type", detail: "Send JSON or no body.");
        }

        return await next(context);
    }
}
