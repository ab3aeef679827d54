using Bunit;
using InterviewCompass.Web.Features.Checks;
using InterviewCompass.Web.Tests.Support;

namespace InterviewCompass.Web.Tests.Features.Checks;

public sealed class VerdictCardTests : BunitContext
{
    [Fact]
    public void ShowsHeadlineExplanationAndConfidenceInWords()
    {
        var cut = Render<VerdictCard>(p => p.Add(x => x.Verdict, TestData.Verdict(confidence: 0.9)));

        Assert.Equal("You can leave, politely", cut.Find("#verdict-headline").TextContent);
        Assert.Contains("Staying gains you nothing.", cut.Markup, StringComparison.Ordinal);
        Assert.Equal("Fairly sure", cut.Find(".confidence").TextContent);
    }

    [Fact]
    public void LowConfidenceSaysSomeAnswersWereNotSure()
    {
        var cut = Render<VerdictCard>(p => p.Add(x => x.Verdict, TestData.Verdict(confidence: 0.55)));

        Assert.StartsWith("Less sure", cut.Find(".confidence").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void EachReasonLinksToItsGuideSectionWithTheAnswerGiven()
    {
        var verdict = TestData.Verdict(0.9, TestData.Reason("salary-below-posted", "Pay is below the posted range", "walking-out#pay-below-the-posted-range"));

        var cut = Render<VerdictCard>(p => p.Add(x => x.Verdict, verdict));

        var reason = cut.Find(".reasons li");
        Assert.Equal("/guides/walking-out#pay-below-the-posted-range", reason.QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal("Pay is below the posted range", reason.QuerySelector("a")!.TextContent);
        Assert.Contains("I raised it and it was not resolved", reason.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void TheWordsToSayComeWithACopyButtonThatOnlyScriptReveals()
    {
        var cut = Render<VerdictCard>(p => p.Add(x => x.Verdict, TestData.Verdict()));

        Assert.Equal(["Thank you for your time today.", "I'll leave it here."], cut.FindAll("#verdict-words p").Select(p => p.TextContent));
        var copy = cut.Find("button[data-copy-target=verdict-words]");
        Assert.Equal("button", copy.GetAttribute("type"));
        Assert.True(copy.HasAttribute("hidden"));
        var status = cut.Find($"#{copy.GetAttribute("data-copy-status")}");
        Assert.Equal("polite", status.GetAttribute("aria-live"));
    }

    [Fact]
    public void DraftLinkCarriesKindSituationChecklistAndOutcome()
    {
        var links = new[] { new DraftLink("/drafts/new?kind=walk-out-line&situation=pay&checklist=walk-out&outcome=leave", "A line to leave with") };

        var cut = Render<VerdictCard>(p => p.Add(x => x.Verdict, TestData.Verdict()).Add(x => x.DraftLinks, links));

        var draft = cut.Find(".drafts a");
        Assert.Equal("Draft a message from this", draft.TextContent);
        Assert.Equal(links[0].Href, draft.GetAttribute("href"));
    }
}
