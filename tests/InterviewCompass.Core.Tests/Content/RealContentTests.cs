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

    private static ContentCatalog LoadRepositoryContent() =>
        ContentAssert.Loads(new ContentLoader().Load(RepositoryPaths.Content));
}
