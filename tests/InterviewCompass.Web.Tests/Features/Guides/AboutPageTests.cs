using Bunit;
using InterviewCompass.Web.Features.Guides;
using InterviewCompass.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace InterviewCompass.Web.Tests.Features.Guides;

/// <summary>Issue 20: "About this guidance" says who writes it, every guide's sources and review date, what it is not, and how to report a mistake.</summary>
public sealed class AboutPageTests : BunitContext
{
    public AboutPageTests() => Services.AddRealContent();

    [Fact]
    public void ListsEveryGuideWithItsSourcesAndReviewDate()
    {
        var cut = Render<AboutPage>();

        foreach (var guide in RealContent.Catalog.Guides)
        {
            var section = cut.Find($"section[aria-labelledby=about-{guide.Id}]");
            Assert.Equal($"/guides/{guide.Id}", section.QuerySelector("h3 a")!.GetAttribute("href"));
            Assert.Equal(guide.Reviewed.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), section.QuerySelector("time")!.GetAttribute("datetime"));
            var items = section.QuerySelectorAll(".sources li").Select(li => li.TextContent).ToList();
            Assert.Equal(guide.Sources.Count, items.Count);
            foreach (var (source, text) in guide.Sources.Zip(items))
            {
                Assert.Contains(source.Title, text, StringComparison.Ordinal);
                Assert.Contains(source.Site, text, StringComparison.Ordinal);
                if (source.Address is not null)
                {
                    Assert.Contains(source.Address, text, StringComparison.Ordinal);
                }
            }
        }

        var sites = cut.FindAll(".sources li").Select(li => li.TextContent).ToList();
        Assert.Contains(sites, s => s.Contains("MyPerfectResume", StringComparison.Ordinal));
        Assert.Contains(sites, s => s.Contains("A Life After Layoff", StringComparison.Ordinal));
        Assert.Contains(sites, s => s.Contains("Kent Legal", StringComparison.Ordinal));
    }

    [Fact]
    public void SaysWhatItIsNotAndHowToReportAMistake()
    {
        var cut = Render<AboutPage>();

        Assert.Equal("About this guidance", cut.Find("h1").TextContent);
        Assert.Contains("not legal advice", cut.Find("section[aria-labelledby=not-heading]").TextContent, StringComparison.Ordinal);
        Assert.Contains("issue tracker", cut.Find("section[aria-labelledby=mistake-heading]").TextContent, StringComparison.Ordinal);
        Assert.Contains("review date", cut.Find("section[aria-labelledby=updates-heading]").TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("walking-out")]
    [InlineData("interviewer-red-flags")]
    [InlineData("exit-interviews")]
    [InlineData("withdrawing")]
    public void EveryGuidesFootNamesItsSourcesAndLinksToTheAboutPage(string id)
    {
        var cut = Render<GuidePage>(p => p.Add(x => x.Id, id));

        var foot = cut.Find(".guide-foot");
        Assert.Contains(foot.QuerySelectorAll("a"), a => a.GetAttribute("href") == "/about" && a.TextContent == "About this guidance");
        Assert.Contains(RealContent.Catalog.GuidesById[id].Sources[0].Site, foot.TextContent, StringComparison.Ordinal);
    }
}
