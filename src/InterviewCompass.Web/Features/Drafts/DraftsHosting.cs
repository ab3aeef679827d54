using Microsoft.Extensions.DependencyInjection.Extensions;

namespace InterviewCompass.Web.Features.Drafts;

/// <summary>The message composer page's services (<c>/drafts/new</c>, <c>/drafts/{id}</c>).</summary>
internal static class DraftsHosting
{
    public static WebApplicationBuilder AddDrafts(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<DraftPrefill>();
        services.AddTransient<ComposerState>();
        return builder;
    }
}
