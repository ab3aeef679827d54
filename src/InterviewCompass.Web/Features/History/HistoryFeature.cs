using InterviewCompass.Web.Hosting;

namespace InterviewCompass.Web.Features.History;

/// <summary>History: what the owner kept, its pages and the export.</summary>
internal static class HistoryFeature
{
    public static WebApplicationBuilder AddHistory(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<OwnerData>();
        return builder;
    }

    public static WebApplication MapHistory(this WebApplication app)
    {
        app.MapPersonalApi().MapExportApi();
        return app;
    }
}
