using Bunit;
using InterviewCompass.Web.Features.Checks;
using InterviewCompass.Web.Tests.Support;

namespace InterviewCompass.Web.Tests.Features.Checks;

public sealed class ChecklistQuestionTests : BunitContext
{
    [Fact]
    public void PromptIsTheLegendAndEachChoiceIsALabelledRadio()
    {
        var item = TestData.Item("culture-mismatch", prompt: "Could you never accept this culture?");

        var cut = Render<ChecklistQuestion>(p => p.Add(x => x.Item, item).Add(x => x.FieldName, "Answer[culture-mismatch]"));

        Assert.Equal("Could you never accept this culture?", cut.Find("fieldset > legend").TextContent);
        var labels = cut.FindAll("label.choice");
        Assert.Equal(["Yes", "No", "Not sure"], labels.Select(l => l.TextContent.Trim()));
        foreach (var label in labels)
        {
            var radio = cut.Find($"#{label.GetAttribute("for")}");
            Assert.Equal("radio", radio.GetAttribute("type"));
            Assert.Equal("Answer[culture-mismatch]", radio.GetAttribute("name"));
        }
    }

    [Fact]
    public void RaiseFirstItemsOfferTheFollowUpChoices()
    {
        var item = TestData.Item("salary-below-posted", raiseFirst: true);

        var cut = Render<ChecklistQuestion>(p => p.Add(x => x.Item, item).Add(x => x.FieldName, "Answer[salary-below-posted]"));

        Assert.Equal(
            ["yes", "no", "unsure", "raised-resolved", "raised-unresolved"],
            cut.FindAll("input[type=radio]").Select(r => r.GetAttribute("value")));
        Assert.Contains("I raised it and it was not resolved", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void TheCurrentAnswerIsCheckedAndTheWhyIsOnDemandWithItsGuideLink()
    {
        var item = TestData.Item("culture-mismatch");

        var cut = Render<ChecklistQuestion>(p => p.Add(x => x.Item, item).Add(x => x.FieldName, "Answer[culture-mismatch]").Add(x => x.Answer, "unsure"));

        Assert.Equal("unsure", cut.Find("input[checked]").GetAttribute("value"));
        var why = cut.Find("details.why");
        Assert.Null(why.GetAttribute("open"));
        Assert.Contains("Because it matters.", why.TextContent, StringComparison.Ordinal);
        Assert.Equal("/guides/walking-out#pay-below-the-posted-range", why.QuerySelector("a")!.GetAttribute("href"));
    }
}
