using InterviewCompass.Web.Hosting;
using InterviewCompass.Web.Shared;

namespace InterviewCompass.Web.Features.Applications;

/// <summary>Registration of the applications feature: its store, its API and the verdict card's plain form post.</summary>
internal static class ApplicationsHosting
{
    public static WebApplicationBuilder AddApplications(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<SavedApplications>();
        return builder;
    }

    public static WebApplication MapApplications(this WebApplication app)
    {
        app.MapGroup("/api/v1")
            .WithMetadata(new ShowsPersonalDataAttribute())
            .RequireRateLimiting(RateLimitPolicies.Writes)
            .WithMetadata(new OwnerCookieSecurityMetadata())
            .WithDocumentedErrors()
            .MapApplicationsApi();

        // The pages' plain form posts (antiforgery-checked by their [FromForm] values); not part of the API document.
        app.MapGroup("")
            .WithMetadata(new ShowsPersonalDataAttribute())
            .RequireRateLimiting(RateLimitPolicies.Writes)
            .ExcludeFromDescription()
            .MapApplicationForms();
        return app;
    }
}
