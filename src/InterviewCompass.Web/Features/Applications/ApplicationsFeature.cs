using InterviewCompass.Web.Hosting;
using InterviewCompass.Web.Shared;

namespace InterviewCompass.Web.Features.Applications;

/// <summary>Applications: the pages (<c>/applications...</c>), the owner's API and the pages' plain form posts.</summary>
internal static class ApplicationsFeature
{
    public static WebApplicationBuilder AddApplications(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<SavedApplications>();
        return builder;
    }

    public static WebApplication MapApplications(this WebApplication app)
    {
        app.MapPersonalApi().MapApplicationsApi();

        // The pages' plain form posts (antiforgery-checked by their [FromForm] values); not part of the API document.
        app.MapGroup("")
            .WithMetadata(new ShowsPersonalDataAttribute())
            .RequireRateLimiting(RateLimitPolicies.Writes)
            .ExcludeFromDescription()
            .MapApplicationForms();
        return app;
    }
}
