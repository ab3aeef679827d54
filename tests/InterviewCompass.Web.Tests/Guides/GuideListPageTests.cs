using Bunit;
using InterviewCompass.Web.Components.Pages.Guides;
using InterviewCompass.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace InterviewCompass.Web.Tests.Guides;

public sealed class GuideListPageTests : BunitContext
{
    public GuideListPageTests() => Services.AddRealContent();

    [Fact]
    public void WithoutASearchEveryGuideIsListed()
    {
        var cut = Render<GuideList>();

        Assert.Equal(RealContent.Catalog.Guides.Count, cut.FindAll(".result").Count);
    }

    [Fact]
    public void SearchPutsTheBestMatchFirstAndKeepsTheQueryInTheBox()
    {
        var cut = Render<GuideList>(p => p.Add(x => x.Q, "exit interview"));

        Assert.Equal("/guides/exit-interviews", cut.FindAll(".result h2 a")[0].GetAttribute("href"));
        Assert.Equal("exit interview", cut.Find("input[name=q]").GetAttribute("value"));
    }

    [Fact]
    public void TagLinksKeepTheSearchAndMarkTheCurrentTag()
    {
        var cut = Render<GuideList>(p => p.Add(x => x.Q, "pay").Add(x => x.Tag, "walk-out"));

        var current = cut.Find("nav[aria-label='Filter by tag'] a[aria-current=page]");
        Assert.Equal("walk-out", current.TextContent);
        Assert.Equal("/guides?q=pay&tag=walk-out", current.GetAttribute("href"));
        Assert.Equal("walk-out", cut.Find("input[type=hidden][name=tag]").GetAttribute("value"));
        Assert.All(cut.FindAll(".result"), r => Assert.Contains("walk-out", r.QuerySelectorAll(".tags a").Select(a => a.TextContent)));
    }
}
