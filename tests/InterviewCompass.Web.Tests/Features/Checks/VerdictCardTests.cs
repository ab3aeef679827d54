using Bunit;
using InterviewCompass.Core.Rules;
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

    private static Verdict Real(string checklist, params (string Item, string Answer)[] answers) =>
        new VerdictEngine().Assess(RealContent.Catalog.ChecklistsById[checklist], answers.ToDictionary(a => a.Item, a => a.Answer, StringComparer.Ordinal)).Verdict!;

    [Fact]
    public void TwoMessagesToTwoPeopleAreTwoLabelledBlocksEachWithItsOwnCopy()
    {
        var verdict = Real("withdrawal", ("still-interested", "no"), ("offer-would-decide", "no"), ("has-recruiter", "yes"));

        var cut = Render<VerdictCard>(p => p.Add(x => x.Verdict, verdict));

        var blocks = cut.FindAll("#verdict > .words-block");
        Assert.Equal(2, blocks.Count);
        Assert.Equal(["For the hiring manager", "For your recruiter"], blocks.Select(b => b.QuerySelector(".words-for")!.TextContent));
        var copies = blocks.Select(b => b.QuerySelector("button[data-copy-target]")!).ToList();
        Assert.Equal(["verdict-words", "verdict-words-2"], copies.Select(c => c.GetAttribute("data-copy-target")));
        Assert.Equal(["Copy the words for the hiring manager", "Copy the words for your recruiter"], copies.Select(c => c.TextContent.Trim()));
        Assert.Contains("withdraw from the process", cut.Find("#verdict-words").TextContent, StringComparison.Ordinal);
        Assert.Contains("help me word my note", cut.Find("#verdict-words-2").TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("help me word my note", cut.Find("#verdict-words").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void TheWhyNamesTheAnswerWithItsOwnReasonAndANotSureWithWhatWouldMakeItSure()
    {
        var verdict = Real("walk-out", ("family-or-marital-questions", "yes"), ("unexplained-lateness", "unsure"));

        var cut = Render<VerdictCard>(p => p.Add(x => x.Verdict, verdict));

        var notes = cut.FindAll(".reasons .reason-note").Select(n => n.TextContent).ToList();
        Assert.Equal(2, notes.Count);
        Assert.StartsWith("You said they commented on your family", notes[0], StringComparison.Ordinal);
        Assert.StartsWith("You weren't sure their lateness was unexplained", notes[1], StringComparison.Ordinal);
        Assert.Contains("Not sure", cut.FindAll(".reasons li")[1].TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void TheOtherOptionComesWithItsOwnWordsToSay()
    {
        var verdict = Real("walk-out", ("unexplained-lateness", "yes"));

        var cut = Render<VerdictCard>(p => p.Add(x => x.Verdict, verdict));

        var other = cut.Find(".other-option");
        Assert.Contains("accept this person as your manager", other.TextContent, StringComparison.Ordinal);
        Assert.Equal(
            RealContent.Catalog.ChecklistsById["walk-out"].FindItem("unexplained-lateness")!.Scripts["stay"],
            other.QuerySelector("#verdict-other-words p")!.TextContent);
        Assert.NotNull(other.QuerySelector("button[data-copy-target=verdict-other-words]"));
    }
}
