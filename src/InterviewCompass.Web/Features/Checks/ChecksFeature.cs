using InterviewCompass.Web.Hosting;

namespace InterviewCompass.Web.Features.Checks;

/// <summary>Checks: the checklists (content) and the owner's check sessions.</summary>
internal static class ChecksFeature
{
    public static WebApplicationBuilder AddChecks(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<ChecklistSessions>();
        return builder;
    }

    public static WebApplication MapChecks(this WebApplication app)
    {
        app.MapPublicApi().MapChecklistsApi();
        app.MapPersonalApi().MapSessionsApi();
        return app;
    }
}
