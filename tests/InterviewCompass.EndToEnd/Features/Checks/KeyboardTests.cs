using InterviewCompass.EndToEnd.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace InterviewCompass.EndToEnd.Features.Checks;

/// <summary>The walk-out check done with a keyboard alone: every answer and the verdict button are reachable.</summary>
public sealed class KeyboardTests(BrowserFixture browser, AppServer server, ITestOutputHelper output)
    : BrowserTest(browser, server, output), IClassFixture<AppServer>
{
    // The page has well under this many stops; a bound keeps a focus trap from looping forever.
    private const int MaxTabs = 200;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task TheCheckCanBeAnsweredAndSubmittedWithTheKeyboardAlone(bool javaScript)
    {
        var leave = RealContent.Outcome("walk-out", "leave");
        var page = await OpenAsync(Viewport.Desktop, "/check/walk-out", javaScript);

        // Tab into the first question; the first radio of an unanswered group takes focus; arrow keys move the choice.
        await TabUntilAsync(page, "#salary-below-posted-yes");
        await page.Keyboard.PressAsync("Space");
        await Expect(page.Locator("#salary-below-posted-yes")).ToBeCheckedAsync();
        await page.Keyboard.PressAsync("ArrowRight");
        await page.Keyboard.PressAsync("ArrowRight");
        await page.Keyboard.PressAsync("ArrowRight");
        await page.Keyboard.PressAsync("ArrowRight");
        await Expect(page.Locator("#salary-below-posted-raised-unresolved")).ToBeCheckedAsync();

        await TabUntilAsync(page, "#check-form button[type=submit]");
        await page.Keyboard.PressAsync("Enter");

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = leave.Headline, Level = 2 })).ToBeVisibleAsync();
    }

    private static async Task TabUntilAsync(IPage page, string selector)
    {
        for (var i = 0; i < MaxTabs; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            if (await page.Locator(selector).EvaluateAsync<bool>("e => e === document.activeElement"))
            {
                return;
            }
        }

        Assert.Fail($"{selector} was not reached with {MaxTabs} presses of Tab");
    }
}
