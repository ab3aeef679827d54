using InterviewCompass.Core.Content;
using InterviewCompass.Web.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace InterviewCompass.Web.Tests.Support;

/// <summary>The repository's real content, loaded once for component tests, and the services the app registers on it.</summary>
internal static class RealContent
{
    private static readonly Lazy<ContentCatalog> Loaded = new(() => new ContentLoader().LoadOrThrow(RepositoryPaths.Content));

    public static ContentCatalog Catalog => Loaded.Value;

    public static IServiceCollection AddRealContent(this IServiceCollection services)
    {
        return services.AddContentServices(Catalog);
    }
}
