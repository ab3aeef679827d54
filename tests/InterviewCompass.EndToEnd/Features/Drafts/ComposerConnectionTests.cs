using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using InterviewCompass.EndToEnd.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace InterviewCompass.EndToEnd.Features.Drafts;

/// <summary>
/// Issue 9: typing into the composer on a slow or dropped connection. A proxy of the test's own sits between Chromium and
/// the real Kestrel and holds every chunk 150 ms each way; the person types at 40 ms a key, moves the cursor back to
/// insert words in the middle, and pastes. What is saved (read back through the API with the page's cookie), copied and
/// shown is exactly what was typed.
/// </summary>
public sealed partial class ComposerConnectionTests(BrowserFixture browser, AppServer server, ITestOutputHelper output)
    : BrowserTest(browser, server, output), IClassFixture<AppServer>
{
    private static readonly TimeSpan Latency = TimeSpan.FromMilliseconds(150);
    // A whole sentence at 40 ms a key takes seconds, longer on a busy machine: the action gets its own time limit.
    private static readonly LocatorPressSequentiallyOptions AtTypingSpeed = new() { Delay = 40, Timeout = 60_000 };

    private const string Name = "Dana Whitfield";
    private const string Opening = "Dear Dana,\nThank you for meeting me on Tuesday. I have decided to withdraw my application.";
    private const string Decision = "I have decided to withdraw my application.";
    private const string Inserted = "Having learned more about the role, ";
    private const string Closing = "\nI wish you and the team another good year.\nBest wishes,\n";
    private const string Pasted = "Alex Morgan\nalex.morgan@example.com";

    [Fact]
    public async Task TypingThroughASlowConnectionSavesAndCopiesExactlyWhatWasTyped()
    {
        await using var proxy = SlowProxy.Start(Server.BaseAddress, Latency);
        var page = await OpenComposerAsync(proxy);

        var expected = await TypeTheNoteAsync(page, whileTypingTheClosing: null);

        var body = page.GetByLabel("Message text");
        await Expect(body).ToHaveValueAsync(expected);
        await Expect(page.Locator("form[data-composer]")).ToHaveAttributeAsync("data-save-state", "saved", new() { Timeout = 20_000 });
        await Expect(page.Locator("#draft-save-status")).ToHaveTextAsync(SavedStatus());
        var saved = await ReadBackAsync(page);
        Assert.Equal(expected, saved.GetProperty("body").GetString());
        Assert.Equal(Name, saved.GetProperty("fields").GetProperty("name").GetString());

        await page.GetByRole(AriaRole.Button, new() { Name = "Copy", Exact = true }).ClickAsync();
        await Expect(page.Locator("#draft-action-status")).ToHaveTextAsync("Copied");
        Assert.Equal(expected, await page.EvaluateAsync<string>("navigator.clipboard.readText()"));
        await Expect(body).ToHaveValueAsync(expected);
    }

    [Fact]
    public async Task TypingWhileTheConnectionIsCutForFiveSecondsLosesNothingAndSavesOnceItIsBack()
    {
        await using var proxy = SlowProxy.Start(Server.BaseAddress, Latency);
        var page = await OpenComposerAsync(proxy);
        // Requests made while the connection is down fail in the console; that is the point of the test.
        AllowConsoleError(page, new Regex("net::ERR_|Failed to load resource|Failed to fetch"));

        var expected = await TypeTheNoteAsync(page, whileTypingTheClosing: async typeClosing =>
        {
            proxy.Cut();
            var down = Stopwatch.StartNew();
            await typeClosing();
            // The person keeps typing while the signal is gone: at least five seconds of keys.
            while (down.Elapsed < TimeSpan.FromSeconds(5))
            {
                await page.GetByLabel("Message text").PressSequentiallyAsync(" ", AtTypingSpeed);
                await page.Keyboard.PressAsync("Backspace", new() { Delay = 40 });
            }

            await Expect(page.Locator("#draft-save-status")).ToHaveTextAsync("Not saved yet, your text is still here");
            Assert.True(proxy.Refused > 0, "the cut connection was felt by the page");
            proxy.Restore();
        });

        var body = page.GetByLabel("Message text");
        await Expect(body).ToHaveValueAsync(expected);
        await Expect(page.Locator("form[data-composer]")).ToHaveAttributeAsync("data-save-state", "saved", new() { Timeout = 30_000 });
        await Expect(page.Locator("#draft-save-status")).ToHaveTextAsync(SavedStatus());
        var saved = await ReadBackAsync(page);
        Assert.Equal(expected, saved.GetProperty("body").GetString());
        Assert.Equal(Name, saved.GetProperty("fields").GetProperty("name").GetString());
    }

    [Fact]
    public async Task AReloadRightAfterTheLastKeystrokeLosesNothing()
    {
        await using var proxy = SlowProxy.Start(Server.BaseAddress, Latency);
        var page = await OpenComposerAsync(proxy);
        var body = page.GetByLabel("Message text");
        await body.ClickAsync();
        await page.Keyboard.PressAsync("Control+A");
        await body.PressSequentiallyAsync("Dear Sam,\nThank you. I am withdrawing.", AtTypingSpeed);
        await Expect(page.Locator("form[data-composer]")).ToHaveAttributeAsync("data-save-state", "saved", new() { Timeout = 20_000 });
        await Expect(page).ToHaveURLAsync(DraftAddress());

        // Within a second of the last key: the autosave has not run yet.
        await body.PressSequentiallyAsync(" Kept.", AtTypingSpeed);
        await page.ReloadAsync();
        await ComposerTests.WaitUntilInteractiveAsync(page);

        const string Expected = "Dear Sam,\nThank you. I am withdrawing. Kept.";
        await Expect(page.GetByLabel("Message text")).ToHaveValueAsync(Expected);
        await Expect(page.Locator("form[data-composer]")).ToHaveAttributeAsync("data-save-state", "saved", new() { Timeout = 20_000 });
        Assert.Equal(Expected, (await ReadBackAsync(page)).GetProperty("body").GetString());
    }

    private async Task<IPage> OpenComposerAsync(SlowProxy proxy)
    {
        var page = await OpenAsync(Viewport.Desktop, "/drafts/new?kind=withdrawal-note", through: proxy.BaseAddress);
        await page.Context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"], new() { Origin = proxy.BaseAddress.GetLeftPart(UriPartial.Authority) });
        await ComposerTests.WaitUntilInteractiveAsync(page);
        return page;
    }

    /// <summary>
    /// Types the name (the template follows it), then the person's own note over the template: an opening, words
    /// inserted before "I have decided", a closing (during <paramref name="whileTypingTheClosing"/>, if given) and a
    /// pasted signature. Returns the note as it should now be, character for character.
    /// </summary>
    private static async Task<string> TypeTheNoteAsync(IPage page, Func<Func<Task>, Task>? whileTypingTheClosing)
    {
        await page.GetByLabel("Who it is to").PressSequentiallyAsync(Name, AtTypingSpeed);
        var body = page.GetByLabel("Message text");
        await Expect(body).ToHaveValueAsync(new Regex($"^Dear {Name},"));

        await body.ClickAsync();
        await page.Keyboard.PressAsync("Control+A");
        await body.PressSequentiallyAsync(Opening, AtTypingSpeed);

        // Back to just before "I have decided", one key at a time, and insert there.
        for (var i = 0; i < Decision.Length; i++)
        {
            await page.Keyboard.PressAsync("ArrowLeft", new() { Delay = 40 });
        }

        await body.PressSequentiallyAsync(Inserted, AtTypingSpeed);
        await page.Keyboard.PressAsync("Control+End");

        async Task TypeClosing() => await body.PressSequentiallyAsync(Closing, AtTypingSpeed);
        if (whileTypingTheClosing is null)
        {
            await TypeClosing();
        }
        else
        {
            await whileTypingTheClosing(TypeClosing);
        }

        await page.EvaluateAsync("text => navigator.clipboard.writeText(text)", Pasted);
        await page.Keyboard.PressAsync("Control+V");

        return Opening.Replace(Decision, Inserted + Decision, StringComparison.Ordinal) + Closing + Pasted;
    }

    /// <summary>The draft as the API keeps it, asked with the page's own cookie.</summary>
    private static async Task<JsonElement> ReadBackAsync(IPage page)
    {
        var id = DraftAddress().Match(page.Url).Groups["id"].Value;
        Assert.NotEmpty(id);
        var response = await page.Context.APIRequest.GetAsync($"/api/v1/drafts/{id}");
        Assert.Equal(200, response.Status);
        return (await response.JsonAsync())!.Value;
    }

    [GeneratedRegex(@"^Saved \d{1,2}:\d{2}")]
    private static partial Regex SavedStatus();

    [GeneratedRegex(@"/drafts/(?<id>[0-9a-f-]{36})$")]
    private static partial Regex DraftAddress();
}
