using Bunit;
using InterviewCompass.Web.Features.Guides;
using InterviewCompass.Web.Tests.Support;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace InterviewCompass.Web.Tests.Features.Guides;

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
        Services.GetRequiredService<NavigationManager>().NavigateTo("/guides?q=exit%20interview");

        var cut = Render<GuideList>();

        Assert.Equal("/guides/exit-interviews", cut.FindAll(".result h2 a")[0].GetAttribute("href"));
        Assert.Equal("exit interview", cut.Find("input[name=q]").GetAttribute("value"));
    }

    [Fact]
    public void TagLinksKeepTheSearchAndMarkTheCurrentTag()
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo("/guides?q=pay&tag=walk-out");

        var cut = Render<GuideList>();

        var current = cut.Find("nav[aria-label='Filter by tag'] a[aria-current=page]");
        // Tags read as words; the address keeps the id.
        Assert.Equal("Walk out", current.TextContent);
        Assert.Equal("/guides?q=pay&tag=walk-out", current.GetAttribute("href"));
        Assert.Equal("walk-out", cut.Find("input[type=hidden][name=tag]").GetAttribute("value"));
        Assert.All(cut.FindAll(".result"), r => Assert.Contains("Walk out", r.QuerySelectorAll(".tags a").Select(a => a.TextContent)));
    }
}
