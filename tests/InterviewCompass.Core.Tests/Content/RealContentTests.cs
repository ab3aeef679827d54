using InterviewCompass.Core.Content;
using InterviewCompass.Core.Guides;
using InterviewCompass.Core.Tests.TestSupport;

namespace InterviewCompass.Core.Tests.Content;

/// <summary>The repository's own <c>content/</c> folder: what the app serves must load cleanly.</summary>
public sealed class RealContentTests
{
    [Fact]
    public void RepositoryContentLoadsWithoutErrors()
    {
        var catalog = LoadRepositoryContent();

        Assert.Contains("walking-out", catalog.GuidesById.Keys);
        Assert.Contains("exit-interviews", catalog.GuidesById.Keys);
        Assert.Contains("withdrawing", catalog.GuidesById.Keys);
        Assert.All(catalog.Guides, g => Assert.NotEmpty(g.Sections));
    }

    [Fact]
    public void EveryRepositoryGuideIsFoundByItsOwnTitleFirst()
    {
        var catalog = LoadRepositoryContent();
        var search = new GuideSearch(catalog.Guides);

        Assert.All(catalog.Guides, g => Assert.Equal(g.Id, search.Search(g.Title)[0].Guide.Id));
    }

    /// <summary>
    /// Until <c>content/messages/</c> is written, links to message kinds cannot resolve; every
    /// other error still fails the test, and the test is skipped rather than passed.
    /// </summary>
    private static ContentCatalog LoadRepositoryContent()
    {
        var content = RepositoryContent();
        var result = new ContentLoader().Load(content);
        var messages = Path.Combine(content, "messages");
        if (result.Catalog is null && (!Directory.Exists(messages) || Directory.GetFiles(messages, "*.yml").Length == 0))
        {
            var others = result.Errors
                .Where(e => !e.Problem.Contains("unknown message kind", StringComparison.Ordinal)
                    && !e.Problem.Contains("is neither a checklist id nor a message kind id", StringComparison.Ordinal))
                .ToList();
            Assert.True(others.Count == 0, string.Join(Environment.NewLine, others));
            Assert.Skip($"content/messages is not written yet: {result.Errors.Count} links to message kinds cannot resolve; guides and checklists load cleanly otherwise");
        }

        return ContentAssert.Loads(result);
    }

    private static string RepositoryContent()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "InterviewCompass.sln")))
        {
            directory = directory.Parent;
        }

        Assert.NotNull(directory);
        var content = Path.Combine(directory!.FullName, "content");
        if (!Directory.Exists(Path.Combine(content, "guides")) || Directory.GetFiles(Path.Combine(content, "guides"), "*.md").Length == 0)
        {
            Assert.Skip("content/guides has no guides yet on this branch");
        }

        return content;
    }
}
