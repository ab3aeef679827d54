using InterviewCompass.Core.Content;

namespace InterviewCompass.Benchmarks;

/// <summary>The repository's real <c>content/</c> folder, found by walking up to the solution file.</summary>
internal static class RepositoryContent
{
    public static string Root { get; } = Find();

    public static ContentCatalog Load() => new ContentLoader().LoadOrThrow(Root);

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "InterviewCompass.sln")))
            {
                return Path.Combine(dir.FullName, "content");
            }
        }

        throw new InvalidOperationException("InterviewCompass.sln not found above " + AppContext.BaseDirectory);
    }
}
