using Bunit;
using InterviewCompass.Core.Guides;
using InterviewCompass.Web.Features.Guides;
using InterviewCompass.Web.Tests.Support;

namespace InterviewCompass.Web.Tests.Features.Guides;

public sealed class GuideResultsTests : BunitContext
{
    [Fact]
    public void EachGuideShowsTitleSummaryTagsAndReviewedDate()
    {
        var guide = TestData.Guide("walking-out", "When to walk out", "interview", "walk-out");

        var cut = Render<GuideResults>(p => p.Add(x => x.Hits, [new SearchHit(guide, 0)]));

        var result = cut.Find(".result");
        Assert.Equal("/guides/walking-out", result.QuerySelector("h2 a")!.GetAttribute("href"));
        Assert.Equal("When to walk out", result.QuerySelector("h2 a")!.TextContent);
        Assert.Contains("Summary of When to walk out.", result.TextContent, StringComparison.Ordinal);
        Assert.Equal(["/guides?tag=interview", "/guides?tag=walk-out"], result.QuerySelectorAll(".tags a").Select(a => a.GetAttribute("href")));
        var reviewed = result.QuerySelector("time")!;
        Assert.Equal("2026-11-22", reviewed.GetAttribute("datetime"));
        Assert.Equal("Reviewed 22 November 2026", reviewed.TextContent);
    }

    [Fact]
    public void ResultsKeepTheOrderTheSearchGave()
    {
        var hits = new[] { new SearchHit(TestData.Guide("b", "Best match"), 9), new SearchHit(TestData.Guide("a", "Also relevant"), 1) };

        var cut = Render<GuideResults>(p => p.Add(x => x.Hits, hits).Add(x => x.Query, "pay"));

        Assert.Equal(["Best match", "Also relevant"], cut.FindAll(".result h2").Select(h => h.TextContent));
        Assert.Contains("2 guides matching \u201cpay\u201d", cut.Find(".count").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void NoResultsOffersAllGuidesAndTheThreeChecks()
    {
        var cut = Render<GuideResults>(p => p.Add(x => x.Hits, []).Add(x => x.Query, "zebra"));

        Assert.Contains("No guide matches \u201czebra\u201d", cut.Find(".no-results h2").TextContent, StringComparison.Ordinal);
        var links = cut.FindAll(".no-results a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(["/guides", "/check/walk-out", "/check/exit-interview", "/check/withdrawal"], links);
    }

    [Fact]
    public void ASearchShowsTheWordsAroundTheMatchWithTheMatchMarked()
    {
        var guide = TestData.Guide("interviewer-red-flags", "Red flags in the interviewer");
        SnippetSegment[] snippet = [new("\u2026 an interviewer who is ", false), new("rude", true), new(" to you <b>now</b>", false)];

        var cut = Render<GuideResults>(p => p.Add(x => x.Hits, [new SearchHit(guide, 3, snippet)]).Add(x => x.Query, "rude"));

        var shown = cut.Find(".result .snippet");
        Assert.Equal("\u2026 an interviewer who is rude to you <b>now</b>", shown.TextContent);
        Assert.Equal(["rude"], shown.QuerySelectorAll("mark").Select(m => m.TextContent));
        Assert.Empty(shown.QuerySelectorAll("b"));
    }
}
