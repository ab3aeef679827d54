using InterviewCompass.Web.Shared;

namespace InterviewCompass.Web.Hosting;

/// <summary>The two kinds of <c>/api/v1</c> group a feature maps its routes into.</summary>
internal static class ApiGroups
{
    /// <summary>
    /// Content: the same for everyone until the next deploy, so its GET answers carry entity tags and 304 (WebDelivery);
    /// writes count against the client's budget.
    /// </summary>
    public static RouteGroupBuilder MapPublicApi(this IEndpointRouteBuilder app) =>
        app.MapGroup("/api/v1").RequireRateLimiting(RateLimitPolicies.Writes).WithDocumentedErrors()
            .WithMetadata(new PublicContentAttribute());

    /// <summary>Personal data: never stored by a cache (PersonalDataCaching), read under the owner cookie; writes count against the client's budget.</summary>
    public static RouteGroupBuilder MapPersonalApi(this IEndpointRouteBuilder app) =>
        app.MapGroup("/api/v1")
            .WithMetadata(new ShowsPersonalDataAttribute())
            .RequireRateLimiting(RateLimitPolicies.Writes)
            .WithMetadata(new OwnerCookieSecurityMetadata())
            .WithDocumentedErrors();
}
