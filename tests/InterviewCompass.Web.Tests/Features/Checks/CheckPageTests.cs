using Bunit;
using InterviewCompass.Web.Features.Checks;
using InterviewCompass.Web.Tests.Support;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace InterviewCompass.Web.Tests.Features.Checks;

public sealed class CheckPageTests : BunitContext
{
    public CheckPageTests() => Services.AddRealContent().AddStorageWithoutOwner();

    [Fact]
    public void EveryItemIsAQuestionInOneStaticForm()
    {
        var checklist = RealContent.Catalog.ChecklistsById["walk-out"];

        var cut = Render<CheckPage>(p => p.Add(x => x.ChecklistId, "walk-out"));

        var form = cut.Find("form");
        Assert.Equal("post", form.GetAttribute("method"));
        Assert.True(form.HasAttribute("data-enhance"));
        Assert.Equal(checklist.Items.Select(i => i.Prompt), cut.FindAll("fieldset legend").Select(l => l.TextContent));
        Assert.Equal(3, cut.FindAll("input[value=raised-unresolved]").Count);
        Assert.Empty(cut.FindAll("#verdict"));
    }

    [Fact]
    public void AnswersInTheAddressShowTheVerdictWithTheAnswersStillChosen()
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo("/check/walk-out?a=salary-below-posted:raised-unresolved,culture-mismatch:no");

        var cut = Render<CheckPage>(p => p.Add(x => x.ChecklistId, "walk-out"));

        Assert.Equal("You can leave, politely", cut.Find("#verdict-headline").TextContent);
        Assert.Contains("/guides/walking-out#pay-below-the-posted-range", cut.FindAll(".reasons a").Select(a => a.GetAttribute("href")));
        Assert.Equal(["raised-unresolved", "no"], cut.FindAll("input[checked]").Select(i => i.GetAttribute("value")));
        Assert.StartsWith("/drafts/new?kind=walk-out-line&situation=pay&checklist=walk-out&outcome=leave", cut.Find(".drafts a").GetAttribute("href"), StringComparison.Ordinal);
    }

    [Fact]
    public void AnAnswerTheItemDoesNotTakeIsExplainedNotThrown()
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo("/check/walk-out?a=culture-mismatch:maybe");

        var cut = Render<CheckPage>(p => p.Add(x => x.ChecklistId, "walk-out"));

        var alert = cut.Find("[role=alert]");
        Assert.Contains("culture-mismatch", alert.TextContent, StringComparison.Ordinal);
        Assert.Contains("maybe", alert.TextContent, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("#verdict"));
    }
}
