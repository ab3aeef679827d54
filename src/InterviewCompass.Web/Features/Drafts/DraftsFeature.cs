using InterviewCompass.Web.Hosting;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace InterviewCompass.Web.Features.Drafts;

/// <summary>Drafts: the message composer page (<c>/drafts/new</c>, <c>/drafts/{id}</c>), the messages (content) and the owner's drafts.</summary>
internal static class DraftsFeature
{
    public static WebApplicationBuilder AddDrafts(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.TryAddSingleton(TimeProvider.System);
        services.AddScoped<SavedDrafts>();
        services.AddSingleton<DraftPrefill>();
        services.AddTransient<ComposerState>();
        return builder;
    }

    public static WebApplication MapDrafts(this WebApplication app)
    {
        app.MapPublicApi().MapMessagesApi();
        app.MapPersonalApi().MapDraftsApi();
        return app;
    }
}
