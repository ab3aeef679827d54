using Bunit;
using InterviewCompass.Web.Features.Guides;
using InterviewCompass.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace InterviewCompass.Web.Tests.Features.Guides;

public sealed class GuidePageTests : BunitContext
{
    public GuidePageTests() => Services.AddRealContent();

    [Fact]
    public void TableOfContentsLinksToEverySectionAnchorInTheArticle()
    {
        var guide = RealContent.Catalog.GuidesById["walking-out"];

        var cut = Render<GuidePage>(p => p.Add(x => x.Id, guide.Id));

        var tocLinks = cut.FindAll(".toc a").Select(a => a.GetAttribute("href")!).ToList();
        Assert.Equal(guide.Sections.Count, tocLinks.Count);
        Assert.Contains("/guides/walking-out#pay-below-the-posted-range", tocLinks);
        foreach (var href in tocLinks)
        {
            var anchor = href.Split('#')[1];
            Assert.NotNull(cut.Find(".guide-body").QuerySelector($"h2[id='{anchor}']"));
        }
    }

    [Fact]
    public void ShowsTitleReviewedDateAndTheArticle()
    {
        var guide = RealContent.Catalog.GuidesById["withdrawing"];

        var cut = Render<GuidePage>(p => p.Add(x => x.Id, guide.Id));

        Assert.Equal(guide.Title, cut.Find("h1").TextContent);
        Assert.StartsWith("Reviewed ", cut.Find("time.reviewed").TextContent, StringComparison.Ordinal);
        Assert.Contains("The shape of a graceful note", cut.Find(".guide-body").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void RelatedChecklistsLeadToTheCheckAndMessageKindsToTheComposer()
    {
        var cut = Render<GuidePage>(p => p.Add(x => x.Id, "withdrawing"));

        var related = cut.FindAll(".related a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("/check/withdrawal", related);
        Assert.Contains("/drafts/new?kind=withdrawal-note", related);
    }
}
