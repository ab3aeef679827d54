using System.Text.RegularExpressions;
using InterviewCompass.EndToEnd.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace InterviewCompass.EndToEnd.Features.Drafts;

/// <summary>Issue 5: from a verdict to a ready message, checked against the guidance and kept.</summary>
public sealed partial class ComposerTests(BrowserFixture browser, AppServer server, ITestOutputHelper output)
    : BrowserTest(browser, server, output), IClassFixture<AppServer>
{
    // The link a walk-out verdict of "leave" on pay gives (see Checklists/DraftLinks).
    private const string LeaveOnPay = "/drafts/new?kind=walk-out-line&situation=pay&checklist=walk-out&outcome=leave";

    [Theory]
    [MemberData(nameof(Viewport.Both), MemberType = typeof(Viewport))]
    public async Task LeaveVerdictGivesALineThatIsCopiedSavedAndFoundInHistory(string viewportName)
    {
        var page = await OpenAsync(Viewport.Named(viewportName), LeaveOnPay);
        await page.Context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"], new() { Origin = Server.BaseAddress.GetLeftPart(UriPartial.Authority) });
        await WaitUntilInteractiveAsync(page);
        await Expect(page.GetByLabel("Message", new() { Exact = true })).ToHaveValueAsync("walk-out-line");
        await Expect(page.GetByLabel("Situation")).ToHaveValueAsync("pay");

        var body = page.GetByLabel("Message text");
        await Expect(body).ToHaveValueAsync(new Regex("below the range in the posting"));
        // Words to say aloud: no names to fill in, no subject, nothing to mail.
        await Expect(page.GetByLabel("Who it is to")).ToBeHiddenAsync();
        await Expect(page.GetByLabel("Subject")).ToBeHiddenAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Open in mail app" })).ToHaveCountAsync(0);
        await page.GetByLabel("Situation").SelectOptionAsync("safety");
        await page.GetByLabel("What you need").FillAsync("step-free access");
        await Expect(body).ToHaveValueAsync(new Regex("^I need step-free access\\."));
        await page.GetByLabel("Company").FillAsync("Acme");
        await Expect(body).ToHaveValueAsync(new Regex("learn about Acme\\."));

        await page.GetByRole(AriaRole.Button, new() { Name = "Copy", Exact = true }).ClickAsync();
        await Expect(page.Locator(".action-status")).ToHaveTextAsync("Copied");
        Assert.Equal(await body.InputValueAsync(), await page.EvaluateAsync<string>("navigator.clipboard.readText()"));

        await Expect(page.Locator(".save-status")).ToHaveTextAsync(SavedStatus());
        await Expect(page).ToHaveURLAsync(DraftAddress());
        var id = DraftAddress().Match(page.Url).Groups["id"].Value;
        await ScreenshotAsync(page, "saved");
        await AssertAccessibleAsync(page);

        await page.GotoAsync("/history");
        await Expect(page.Locator($"a[href='/history/drafts/{Guid.Parse(id):N}']")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task CopyingANoteThatStillHasAGapSaysWhichFieldToFill()
    {
        var page = await OpenAsync(Viewport.Phone, "/drafts/new?kind=withdrawal-note&checklist=withdrawal&outcome=withdraw");
        await page.Context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"], new() { Origin = Server.BaseAddress.GetLeftPart(UriPartial.Authority) });
        await WaitUntilInteractiveAsync(page);
        var body = page.GetByLabel("Message text");
        await Expect(body).ToHaveValueAsync(new Regex("\\{name\\}"));

        await page.GetByRole(AriaRole.Button, new() { Name = "Copy", Exact = true }).ClickAsync();

        await Expect(page.Locator(".action-status")).ToContainTextAsync("\u201cWho it is to\u201d");
        Assert.Equal(await body.InputValueAsync(), await page.EvaluateAsync<string>("navigator.clipboard.readText()"));
    }

    [Fact]
    public async Task DetailedComplaintsInAWithdrawalNoteAreFlaggedUntilTheyAreTakenOut()
    {
        var page = await OpenAsync(Viewport.Phone, "/drafts/new?kind=withdrawal-note&checklist=withdrawal&outcome=withdraw");
        await WaitUntilInteractiveAsync(page);
        var body = page.GetByLabel("Message text");
        var template = await body.InputValueAsync();
        var finding = page.Locator("li.finding[data-rule='too-much-detail']");
        await Expect(finding).ToHaveCountAsync(0);

        await body.FillAsync(template + "\nHonestly, the office was dirty and the computers were ancient.");
        await Expect(finding).ToBeVisibleAsync();
        await Expect(finding).ToContainTextAsync("dirty");
        await ScreenshotAsync(page, "finding");
        await AssertAccessibleAsync(page);

        await body.FillAsync(template);
        await Expect(finding).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task DraftTextSurvivesAReload()
    {
        var page = await OpenAsync(Viewport.Phone, "/drafts/new?kind=withdrawal-note");
        await WaitUntilInteractiveAsync(page);
        const string Own = "Dear Sam,\nThank you for your time. I have decided to withdraw.\nMy own words, kept.\nBest wishes,\nAlex";

        await page.GetByLabel("Message text").FillAsync(Own);
        await Expect(page.Locator(".save-status")).ToHaveTextAsync(SavedStatus());
        await Expect(page).ToHaveURLAsync(DraftAddress());

        await page.ReloadAsync();
        await WaitUntilInteractiveAsync(page);
        await Expect(page.GetByLabel("Message text")).ToHaveValueAsync(Own);
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Start again from the template" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task AnUnknownKindIsExplainedAndTheComposerStillWorks()
    {
        var page = await OpenAsync(Viewport.Phone, "/drafts/new?kind=love-letter");
        await WaitUntilInteractiveAsync(page);

        await Expect(page.Locator(".notice")).ToContainTextAsync("no message kind called \"love-letter\"");
        await Expect(page.GetByLabel("Message", new() { Exact = true })).ToHaveValueAsync("withdrawal-note");
        await AssertAccessibleAsync(page);
    }

    [Fact]
    public async Task WithoutJavaScriptANoteIsFilledInCheckedSavedAndFoundInHistory()
    {
        var page = await OpenAsync(Viewport.Phone, "/drafts/new?kind=withdrawal-note&checklist=withdrawal&outcome=withdraw", javaScript: false);
        await AssertAccessibleAsync(page);

        await page.GetByLabel("Who it is to").FillAsync("Dana Whitfield");
        await page.GetByLabel("Company").FillAsync("Acme");
        await page.GetByRole(AriaRole.Button, new() { Name = "Fill in and check" }).ClickAsync();
        var body = page.GetByLabel("Message text");
        await Expect(body).ToHaveValueAsync(new Regex("^Dear Dana Whitfield,"));
        await Expect(page.Locator("#findings-summary")).ToBeVisibleAsync();

        var own = await body.InputValueAsync() + "\nHonestly, the office was dirty and the computers were ancient.";
        await body.FillAsync(own);
        await page.GetByRole(AriaRole.Button, new() { Name = "Fill in and check" }).ClickAsync();
        var finding = page.Locator("li.finding[data-rule='too-much-detail']");
        await Expect(finding).ToBeVisibleAsync();
        await Expect(finding).ToContainTextAsync("dirty");
        await Expect(body).ToHaveValueAsync(own);
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Start again from the template" })).ToBeVisibleAsync();
        await ScreenshotAsync(page, "finding");
        await AssertAccessibleAsync(page);

        await page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(DraftAddress());
        await Expect(body).ToHaveValueAsync(own);
        await Expect(page.Locator("#draft-save-status")).ToContainTextAsync("Saved");
        var id = DraftAddress().Match(page.Url).Groups["id"].Value;

        await page.GotoAsync("/history");
        await Expect(page.Locator($"a[href='/history/drafts/{Guid.Parse(id):N}']")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task EarlierVersionsAreListedAndOneIsRestoredWithTheKeyboard()
    {
        var page = await OpenAsync(Viewport.Desktop, "/drafts/new?kind=withdrawal-note");
        await WaitUntilInteractiveAsync(page);
        var body = page.GetByLabel("Message text");
        var form = page.Locator("form[data-composer]");

        await body.FillAsync("The first text.");
        await Expect(form).ToHaveAttributeAsync("data-save-state", "saved");
        await Expect(page).ToHaveURLAsync(DraftAddress());
        await body.FillAsync("The second text.");
        await Expect(form).ToHaveAttributeAsync("data-save-state", "saved");
        // The list is read when asked for (issue 19), not after every save.
        await page.GetByRole(AriaRole.Button, new() { Name = "Show the latest versions" }).ClickAsync();
        var restore = page.GetByRole(AriaRole.Button, new() { Name = "Restore version 1" });
        await Expect(restore).ToBeVisibleAsync();
        await AssertAccessibleAsync(page);

        await restore.FocusAsync();
        await page.Keyboard.PressAsync("Enter");

        await Expect(page.Locator("#draft-action-status")).ToContainTextAsync("Restored version 1");
        await Expect(body).ToHaveValueAsync("The first text.");
        await Expect(page.Locator("#versions-list")).ToContainTextAsync("The second text.");
        await WaitUntilInteractiveAsync(page);
        await AssertAccessibleAsync(page);
    }

    /// <summary>The composer's script has started (the form works without it; these tests are about its live parts).</summary>
    internal static async Task WaitUntilInteractiveAsync(IPage page) =>
        await Expect(page.Locator("form[data-composer][data-script='ready']")).ToBeAttachedAsync();

    [GeneratedRegex(@"^Saved \d{1,2}:\d{2}")]
    private static partial Regex SavedStatus();

    [GeneratedRegex(@"/drafts/(?<id>[0-9a-f-]{36})$")]
    private static partial Regex DraftAddress();
}
