using InterviewCompass.Web.Hosting;

namespace InterviewCompass.Web.Features.Offline;

/// <summary>Installable and usable offline: the app version, and the list the service worker keeps.</summary>
internal static class OfflineFeature
{
    public static WebApplicationBuilder AddOffline(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(ContentOptions.Section).Get<ContentOptions>() ?? new ContentOptions();
        if (string.IsNullOrWhiteSpace(options.Path))
        {
            options = new ContentOptions();
        }

        var contentRoot = ContentStartup.ResolveRoot(options, builder.Environment.ContentRootPath);
        builder.Services.AddSingleton(AppVersion.Compute(contentRoot, AppContext.BaseDirectory));
        return builder;
    }

    public static WebApplication MapOffline(this WebApplication app)
    {
        app.MapGroup("/api/v1").MapOfflineApi();
        return app;
    }
}
