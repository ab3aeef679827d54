using InterviewCompass.EndToEnd.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace InterviewCompass.EndToEnd.Features.History;

/// <summary>The private pages a person reaches from their history, empty and with something kept: axe finds nothing.</summary>
public sealed class HistoryAccessibilityTests(BrowserFixture browser, AppServer server, ITestOutputHelper output)
    : BrowserTest(browser, server, output), IClassFixture<AppServer>
{
    [Theory]
    [InlineData("/history")]
    [InlineData("/history/transfer")]
    [InlineData("/history/delete-everything")]
    [InlineData("/check/exit-interview")]
    [InlineData("/check/withdrawal")]
    public async Task PageHasNoAccessibilityViolations(string path)
    {
        var page = await OpenAsync(Viewport.Phone, path, label: path);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();

        await AssertAccessibleAsync(page);
    }

    [Fact]
    public async Task AKeptCheckAndItsPagesHaveNoAccessibilityViolations()
    {
        var page = await OpenAsync(Viewport.Phone, "/check/withdrawal", javaScript: false);
        var item = RealContent.Item("withdrawal", "still-interested");
        await page.GetByRole(AriaRole.Group, new() { Name = item.Prompt, Exact = true })
            .GetByRole(AriaRole.Radio, new() { Name = "No", Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Show my verdict" }).ClickAsync();
        await Expect(page.Locator("#verdict-headline")).ToBeVisibleAsync();
        await AssertAccessibleAsync(page);

        await page.GotoAsync("/history");
        await AssertAccessibleAsync(page);
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Listitem).GetByRole(AriaRole.Link).First.ClickAsync();
        var withdraw = RealContent.Outcome("withdrawal", "withdraw");
        await Expect(page.GetByRole(AriaRole.Main).GetByText(withdraw.Headline).First).ToBeVisibleAsync();
        await AssertAccessibleAsync(page);
    }
}
