using System.Text.RegularExpressions;
using InterviewCompass.EndToEnd.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace InterviewCompass.EndToEnd.Features.Guides;

/// <summary>Issue 2: a person finds and reads guidance, on a phone and on a desktop.</summary>
public sealed partial class FindingGuidanceTests(BrowserFixture browser, AppServer server, ITestOutputHelper output)
    : BrowserTest(browser, server, output), IClassFixture<AppServer>
{
    [Theory]
    [MemberData(nameof(Viewport.Both), MemberType = typeof(Viewport))]
    public async Task SearchFromHomeLeadsToTheGuideWithItsContents(string viewportName)
    {
        var viewport = Viewport.Named(viewportName);
        var guide = RealContent.Guide("exit-interviews");
        var page = await OpenAsync(viewport, "/");

        await page.GetByLabel("Search words").FillAsync("exit interview");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search", Exact = true }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex(@"/guides\?q=exit(\+|%20)interview$"));
        var result = page.GetByRole(AriaRole.Link, new() { Name = guide.Title, Exact = true });
        await Expect(result).ToBeVisibleAsync();
        await ScreenshotAsync(page, "results");
        await result.ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex($"/guides/{guide.Id}$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = guide.Title, Level = 1 })).ToBeVisibleAsync();
        var contents = page.GetByRole(AriaRole.Navigation, new() { Name = "On this page" });
        await Expect(contents).ToBeVisibleAsync();
        foreach (var section in guide.Sections)
        {
            await Expect(contents.GetByRole(AriaRole.Link, new() { Name = section.Title, Exact = true })).ToBeVisibleAsync();
        }
    }

    [Theory]
    [MemberData(nameof(Viewport.Both), MemberType = typeof(Viewport))]
    public async Task ContentsLinkTakesTheReaderToItsSection(string viewportName)
    {
        var guide = RealContent.Guide("walking-out");
        var section = guide.Sections[^2];
        var page = await OpenAsync(Viewport.Named(viewportName), $"/guides/{guide.Id}");

        await page.GetByRole(AriaRole.Navigation, new() { Name = "On this page" })
            .GetByRole(AriaRole.Link, new() { Name = section.Title, Exact = true })
            .ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex($"/guides/{guide.Id}#{section.Anchor}$"));
        var heading = page.Locator($"[id='{section.Anchor}']");
        await Expect(heading).ToHaveTextAsync(section.Title);
        await Expect(heading).ToBeInViewportAsync();
    }

    [Fact]
    public async Task SearchWithNoMatchSaysSoAndOffersAWayOn()
    {
        var page = await OpenAsync(Viewport.Phone, "/guides");

        await page.GetByLabel("Search the guides").FillAsync("zebra quantum marmalade");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search", Exact = true }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { NameRegex = new Regex("No guide matches") })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = "All guides" })).ToBeVisibleAsync();
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/guides")]
    [InlineData("/guides?q=exit+interview")]
    [InlineData("/guides/walking-out")]
    [InlineData("/guides/exit-interviews")]
    [InlineData("/about")]
    public async Task PageHasNoAccessibilityViolations(string path)
    {
        var page = await OpenAsync(Viewport.Phone, path, label: path);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();

        await AssertAccessibleAsync(page);
    }

    [Fact]
    public async Task UnknownGuideShowsANotFoundPageWithAWayBack()
    {
        var page = await OpenAsync(Viewport.Phone, "/");
        AllowConsoleError(page, MissingPage());

        var response = await page.GotoAsync("/guides/no-such-guide");

        Assert.Equal(404, response?.Status);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("couldn't find");
        await AssertAccessibleAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "Back to the start" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(Server.Url("/"));
    }

    [GeneratedRegex(@"status of 404 .*/guides/no-such-guide")]
    private static partial Regex MissingPage();
}
