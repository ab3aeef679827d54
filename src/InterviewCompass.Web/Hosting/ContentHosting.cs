using InterviewCompass.Core.Content;
using InterviewCompass.Core.Guides;
using InterviewCompass.Core.Messages;
using InterviewCompass.Core.Rules;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace InterviewCompass.Web.Hosting;

/// <summary>The content catalog (loaded and validated once at start) and the pure services that read it.</summary>
internal static class ContentHosting
{
    public static WebApplicationBuilder AddContentCatalog(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<ContentOptions>()
            .BindConfiguration(ContentOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        var options = builder.Configuration.GetSection(ContentOptions.Section).Get<ContentOptions>() ?? new ContentOptions();
        if (string.IsNullOrWhiteSpace(options.Path))
        {
            options = new ContentOptions();
        }

        var catalog = ContentStartup.TryLoad(ContentStartup.ResolveRoot(options, builder.Environment.ContentRootPath), Console.Error);
        if (catalog is null)
        {
            // The problems are printed; a stack trace would only hide them.
            Environment.Exit(1);
        }

        builder.Services.AddContentServices(catalog);
        return builder;
    }

    /// <summary>The loaded catalog and the pure services built on it; the test hosts register them the same way.</summary>
    public static IServiceCollection AddContentServices(this IServiceCollection services, ContentCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        services.AddSingleton(catalog);
        // Built on the first search, not on the way to the first response (cold start, docs/PERFORMANCE.md).
        services.AddSingleton(_ => new GuideSearch(catalog));
        services.AddSingleton<VerdictEngine>();
        services.AddSingleton<MessageComposer>();
        services.AddSingleton<DraftLinter>();
        services.TryAddSingleton(TimeProvider.System);
        return services;
    }
}
