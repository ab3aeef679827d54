using InterviewCompass.Web.Features.Checks;
using InterviewCompass.Web.Features.Drafts;
using InterviewCompass.Web.Features.History;
using InterviewCompass.Web.Features.Owners;
using InterviewCompass.Web.Hosting;
using InterviewCompass.Web.Shared;
using Microsoft.AspNetCore.Http.HttpResults;

namespace InterviewCompass.Web.Features.Owners;

public sealed record TransferCodeResponse(string Code, DateTimeOffset ExpiresAt);

public sealed record RedeemRequest(string? Code);

/// <summary>The owner as a whole: delete everything, and move to another browser with a transfer code.</summary>
internal static class OwnerApi
{
    public static RouteGroupBuilder MapOwnerApi(this RouteGroupBuilder api)
    {
        var owner = api.MapGroup("/owner").WithTags("Owner");
        owner.MapDelete("/", DeleteEverythingAsync).RequireRateLimiting(RateLimitPolicies.Writes).AddEndpointFilter(JsonOnly);
        owner.MapPost("/transfer", CreateTransferAsync).RequireRateLimiting(RateLimitPolicies.Writes).AddEndpointFilter(JsonOnly);
        owner.MapPost("/transfer/redeem", RedeemAsync).RequireRateLimiting(RateLimitPolicies.Writes);
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

    private static async Task<Results<NoContent, ValidationProblem>> RedeemAsync(RedeemRequest request, TransferCodes codes, CancellationToken ct) =>
        await codes.RedeemAsync(request.Code, ct)
            ? TypedResults.NoContent()
            : TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["code"] = ["That code is not valid: it may be mistyped, already used, or older than 10 minutes."],
            });

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
