using Bunit;
using InterviewCompass.Web.Features.Checks;
using InterviewCompass.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace InterviewCompass.Web.Tests.Features.Checks;

/// <summary>Issue 20: a cheat sheet says each line once, with the questions it answers.</summary>
public sealed class CheatSheetTests : BunitContext
{
    public CheatSheetTests() => Services.AddRealContent();

    [Theory]
    [InlineData("walk-out")]
    [InlineData("exit-interview")]
    [InlineData("withdrawal")]
    public void EachOutcomeSaysEachLineOnce(string checklist)
    {
        var cut = Render<CheatSheet>(p => p.Add(x => x.ChecklistId, checklist));

        foreach (var outcome in cut.FindAll("section.outcome"))
        {
            var lines = outcome.QuerySelectorAll("p.say, dd").Select(e => e.TextContent.Trim()).ToList();
            Assert.Equal(lines.Distinct(StringComparer.Ordinal).Count(), lines.Count);
        }
    }

    [Fact]
    public void TheSharedLeaveLineIsPrintedOnceForAllTheInterviewersBehaviours()
    {
        var cut = Render<CheatSheet>(p => p.Add(x => x.ChecklistId, "walk-out"));

        var conductLine = RealContent.Catalog.ChecklistsById["walk-out"].FindItem("aggressive-behaviour")!.Scripts["leave"];
        var leave = cut.Find("section.outcome[data-outcome=leave]");
        Assert.Single(leave.QuerySelectorAll("dd"), dd => dd.TextContent == conductLine);
        var dt = leave.QuerySelectorAll("dt").Single(dt => dt.NextElementSibling!.TextContent == conductLine);
        Assert.Contains("shouted, cursed", dt.TextContent, StringComparison.Ordinal);
        Assert.Contains("grilling you", dt.TextContent, StringComparison.Ordinal);
    }
}
