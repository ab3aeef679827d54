using InterviewCompass.Core.Content;

namespace InterviewCompass.Core.Tests.Builders;

/// <summary>
/// The repository's real content (message kinds and lint rules included), loaded once through <see cref="ContentLoader"/>.
/// </summary>
internal static class RepositoryMessages
{
    private static readonly Lazy<ContentCatalog> Loaded = new(Load);

    public static ContentCatalog Catalog => Loaded.Value;

    public static string ContentRoot => RepositoryPaths.Content;

    private static ContentCatalog Load()
    {
        var result = new ContentLoader().Load(ContentRoot);
        return result.Catalog ?? throw new InvalidOperationException(string.Join(Environment.NewLine, result.Errors));
    }
}
