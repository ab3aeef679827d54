using System.Text.RegularExpressions;
using InterviewCompass.Core.Content;
using InterviewCompass.EndToEnd.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace InterviewCompass.EndToEnd.Features.Checks;

/// <summary>Issue 3: in an interview break, on a phone, with or without JavaScript, from the walk-out check to a verdict and its guidance.</summary>
public sealed class WalkOutCheckTests(BrowserFixture browser, AppServer server, ITestOutputHelper output)
    : BrowserTest(browser, server, output), IClassFixture<AppServer>
{
    private const string WalkOut = "walk-out";

    /// <summary>Pay below the posted range, raised and not resolved; the rest calm or unsure.</summary>
    private static readonly (string Item, string Choice)[] PayNotResolved =
    [
        ("salary-below-posted", "I raised it and it was not resolved"),
        ("aggressive-behaviour", "No"),
        ("unexplained-lateness", "Not sure"),
    ];


    [Fact]
    public async Task UnresolvedPayConcernGivesLeaveWithReasonWordsAndGuideSectionWithoutJavaScript() =>
        await UnresolvedPayConcernGivesLeaveWithReasonWordsAndGuideSectionAsync(javaScript: false);

    [Fact]
    public async Task UnresolvedPayConcernGivesLeaveWithReasonWordsAndGuideSectionWithJavaScript() =>
        await UnresolvedPayConcernGivesLeaveWithReasonWordsAndGuideSectionAsync(javaScript: true);

    [Fact]
    public async Task GuideLinkOpensAGuideAlreadyInTheCache()
    {
        var pay = RealContent.Item(WalkOut, "salary-below-posted");
        var earlier = await OpenAsync(Viewport.Phone, pay.Guide.Href, javaScript: false, label: "earlier-reader");
        await Expect(earlier.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
        var page = await OpenAsync(Viewport.Phone, $"/check/{WalkOut}?a=salary-below-posted:raised-unresolved");

        await page.GetByRole(AriaRole.Main).Locator($"a[href='{pay.Guide.Href}']").First.ClickAsync();

        await ExpectGuideSectionAsync(page, pay.Guide);
    }

    private async Task UnresolvedPayConcernGivesLeaveWithReasonWordsAndGuideSectionAsync(bool javaScript)
    {
        var leave = RealContent.Outcome(WalkOut, "leave");
        var pay = RealContent.Item(WalkOut, "salary-below-posted");
        var page = await OpenAsync(Viewport.Phone, $"/check/{WalkOut}", javaScript);
        var taps = new Taps(page);

        await AnswerAsync(page, taps, PayNotResolved);
        await taps.OnAsync(page.GetByRole(AriaRole.Button, new() { Name = "Show my verdict" }));

        var verdict = page.GetByRole(AriaRole.Region, new() { Name = leave.Headline });
        await Expect(verdict.GetByRole(AriaRole.Heading, new() { Name = leave.Headline })).ToBeVisibleAsync();
        await Expect(verdict).ToContainTextAsync(pay.Scripts["leave"]);
        Output.WriteLine($"walk-out check, JavaScript {(javaScript ? "on" : "off")}: {PayNotResolved.Length} answers, {taps.Count} taps from opening the check to the verdict");
        Assert.Equal(PayNotResolved.Length + 1, taps.Count);
        await ScreenshotAsync(page, "verdict");
        await AssertAccessibleAsync(page);

        await verdict.Locator($"a[href='{pay.Guide.Href}']").ClickAsync();

        await ExpectGuideSectionAsync(page, pay.Guide);
    }

    [Fact]
    public async Task VerdictIsOnScreenAfterSubmittingWithoutJavaScript() => await ExpectVerdictOnScreenAsync(javaScript: false);

    [Fact]
    public async Task VerdictIsOnScreenAfterSubmittingWithJavaScript() => await ExpectVerdictOnScreenAsync(javaScript: true);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task CheckPageHasNoAccessibilityViolations(bool javaScript)
    {
        var checklist = RealContent.Checklist(WalkOut);
        var page = await OpenAsync(Viewport.Phone, $"/check/{WalkOut}", javaScript);

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = checklist.Title, Level = 1 })).ToBeVisibleAsync();
        foreach (var item in checklist.Items)
        {
            await Expect(page.GetByRole(AriaRole.Group, new() { Name = item.Prompt, Exact = true })).ToBeVisibleAsync();
        }

        await AssertAccessibleAsync(page);
    }

    [Fact]
    public async Task NoAnswersGiveTheDefaultVerdict()
    {
        var checklist = RealContent.Checklist(WalkOut);
        var stay = RealContent.Outcome(WalkOut, checklist.DefaultOutcome);
        var page = await OpenAsync(Viewport.Phone, $"/check/{WalkOut}");

        await page.GetByRole(AriaRole.Button, new() { Name = "Show my verdict" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = stay.Headline, Level = 2 })).ToBeVisibleAsync();
    }

    /// <summary>On a phone the submit button is far below the top: after tapping it, the verdict must be what the screen shows.</summary>
    private async Task ExpectVerdictOnScreenAsync(bool javaScript)
    {
        var leave = RealContent.Outcome(WalkOut, "leave");
        var page = await OpenAsync(Viewport.Phone, $"/check/{WalkOut}", javaScript);
        var taps = new Taps(page);

        await AnswerAsync(page, taps, PayNotResolved);
        await taps.OnAsync(page.GetByRole(AriaRole.Button, new() { Name = "Show my verdict" }));

        // Issue 13: at 360 x 740 the label, the headline, the words to say and Copy are all on the first screen.
        var whole = new LocatorAssertionsToBeInViewportOptions { Ratio = 1 };
        var verdict = page.Locator("#verdict");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = leave.Headline, Level = 2 })).ToBeInViewportAsync(whole);
        await Expect(verdict.GetByText("Verdict", new() { Exact = true })).ToBeInViewportAsync(whole);
        await Expect(verdict.Locator("#verdict-words")).ToBeInViewportAsync(whole);
        if (javaScript)
        {
            // The words' own Copy (the other option has a Copy of its own, further down).
            await Expect(verdict.Locator("button[data-copy-target='verdict-words']")).ToBeInViewportAsync(whole);
        }

        await ScreenshotAsync(page, "after-submit");
    }

    private static async Task AnswerAsync(IPage page, Taps taps, IEnumerable<(string Item, string Choice)> answers)
    {
        foreach (var (itemId, choice) in answers)
        {
            var question = page.GetByRole(AriaRole.Group, new() { Name = RealContent.Item(WalkOut, itemId).Prompt, Exact = true });
            var radio = question.GetByRole(AriaRole.Radio, new() { Name = choice, Exact = true });
            await taps.OnAsync(radio);
            await Expect(radio).ToBeCheckedAsync();
        }
    }

    private static async Task ExpectGuideSectionAsync(IPage page, GuideLink link)
    {
        await Expect(page).ToHaveURLAsync(new Regex($"/guides/{Regex.Escape(link.GuideId)}#{Regex.Escape(link.Anchor ?? "")}$"));
        var heading = page.Locator($"[id='{link.Anchor}']");
        await Expect(heading).ToHaveTextAsync(RealContent.SectionTitle(link));
        await Expect(heading).ToBeInViewportAsync();
    }
}
