using InterviewCompass.Web.Features.Checks;
using InterviewCompass.Web.Tests.Support;

namespace InterviewCompass.Web.Tests.Features.Checks;

public sealed class AnswerQueryTests
{
    [Fact]
    public void AddressListsAnswersInChecklistOrderAndReadsBackTheSame()
    {
        var checklist = RealContent.Catalog.ChecklistsById["walk-out"];
        var answers = new Dictionary<string, string> { ["culture-mismatch"] = "unsure", ["salary-below-posted"] = "yes" };

        var href = AnswerQuery.Href(checklist, answers);

        Assert.Equal("/check/walk-out?a=salary-below-posted:yes,culture-mismatch:unsure", href);
        var parsed = AnswerQuery.Parse(href.Split("?a=")[1]);
        Assert.Empty(parsed.Errors);
        Assert.Equal(answers.OrderBy(a => a.Key), parsed.Answers.OrderBy(a => a.Key));
    }

    [Theory]
    [InlineData("culture-mismatch")]
    [InlineData(":yes")]
    [InlineData("culture-mismatch:")]
    public void APairNotWrittenItemColonAnswerIsAnError(string value)
    {
        var parsed = AnswerQuery.Parse(value);

        Assert.Single(parsed.Errors);
    }

    [Fact]
    public void UnansweredPostedItemsAreLeftOut()
    {
        var answers = AnswerQuery.FromForm(new Dictionary<string, string> { ["a"] = "yes", ["b"] = "" });

        Assert.Equal(["a"], answers.Keys);
    }
}
