using InterviewCompass.Core.Content;
using InterviewCompass.Testing;

namespace InterviewCompass.Benchmarks;

/// <summary>The repository's real <c>content/</c> folder.</summary>
internal static class RepositoryContent
{
    public static string Root => RepositoryPaths.Content;

    public static ContentCatalog Load() => new ContentLoader().LoadOrThrow(Root);
}
