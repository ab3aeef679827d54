using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using InterviewCompass.EndToEnd.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace InterviewCompass.EndToEnd.Features.Offline;

/// <summary>
/// Issue 12, break-room mode: installable; after one visit online the app works with no connection at all (the
/// server stopped and the browser offline): home, guides, every check to its verdict, the same verdict the API gives;
/// back online, what was done offline is in the history exactly once.
/// </summary>
public sealed class BreakRoomTests(BrowserFixture browser, AppServer server, ITestOutputHelper output)
    : BrowserTest(browser, server, output), IClassFixture<AppServer>
{
    /// <summary>Each check answered offline: its answers, as (item, choice on screen, answer value).</summary>
    private static readonly (string Checklist, (string Item, string Choice, string Value)[] Answers)[] Checks =
    [
        ("exit-interview", [("might-return", "No", "no"), ("certain-never-return", "Yes", "yes"), ("want-to-say-your-piece", "Yes", "yes")]),
        ("withdrawal", [("still-interested", "No", "no"), ("has-recruiter", "Yes", "yes")]),
    ];

    [Fact]
    public async Task InstallCriteriaAreMet()
    {
        var page = await OpenAsync(Viewport.Phone, "/");

        await WaitForServiceWorkerAsync(page);

        var manifestHref = await page.Locator("link[rel=manifest]").GetAttributeAsync("href");
        Assert.NotNull(manifestHref);
        var manifestResponse = await page.APIRequest.GetAsync(manifestHref);
        Assert.Equal("application/manifest+json", manifestResponse.Headers["content-type"]);
        var manifest = JsonDocument.Parse(await manifestResponse.TextAsync()).RootElement;
        Assert.False(string.IsNullOrWhiteSpace(manifest.GetProperty("name").GetString()));
        Assert.InRange(manifest.GetProperty("short_name").GetString()!.Length, 1, 12);
        Assert.Equal("/", manifest.GetProperty("start_url").GetString());
        Assert.Equal("standalone", manifest.GetProperty("display").GetString());
        Assert.Matches("^#[0-9a-f]{6}$", manifest.GetProperty("theme_color").GetString()!);
        Assert.Matches("^#[0-9a-f]{6}$", manifest.GetProperty("background_color").GetString()!);
        var icons = manifest.GetProperty("icons").EnumerateArray().ToList();
        foreach (var size in new[] { "192x192", "512x512" })
        {
            var icon = icons.First(i => i.GetProperty("sizes").GetString() == size && i.GetProperty("type").GetString() == "image/png");
            var image = await page.APIRequest.GetAsync(icon.GetProperty("src").GetString()!);
            Assert.Equal(200, image.Status);
            Assert.Equal("image/png", image.Headers["content-type"]);
        }

        Assert.Contains(icons, i => i.GetProperty("purpose").GetString() == "maskable");
        // The light theme's colour (the dark theme has its own meta for the browser's chrome).
        await Expect(page.Locator("meta[name=theme-color]:not([media*=dark])")).ToHaveAttributeAsync("content", manifest.GetProperty("theme_color").GetString()!);
        var touchIcon = await page.Locator("link[rel=apple-touch-icon]").GetAttributeAsync("href");
        Assert.Equal(200, (await page.APIRequest.GetAsync(touchIcon!)).Status);

        var worker = await page.APIRequest.GetAsync("/sw.js");
        Assert.Equal("no-cache", worker.Headers["cache-control"]);
        Assert.Equal(Server.Url("/"), await page.EvaluateAsync<string>("async () => (await navigator.serviceWorker.ready).scope"));
    }

    [Fact]
    public async Task AfterOneVisitEveryCheckGivesTheServersVerdictOfflineAndIsSavedOnceBackOnline()
    {
        var walkOutAnswers = new Dictionary<string, string> { ["salary-below-posted"] = "yes" };
        var walkOutVerdict = await ApiVerdictAsync("walk-out", walkOutAnswers);
        var verdicts = new Dictionary<string, JsonElement>();
        foreach (var (checklist, answers) in Checks)
        {
            verdicts[checklist] = await ApiVerdictAsync(checklist, answers.ToDictionary(a => a.Item, a => a.Value));
        }

        var page = await OpenAsync(Viewport.Phone, "/");
        await WaitForServiceWorkerAsync(page);

        await GoOfflineAsync(page);

        // Home, from the kept copy.
        await page.GotoAsync("/");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();

        // A guide, read in full.
        var guide = RealContent.Guide("walking-out");
        await page.GotoAsync($"/guides/{guide.Id}");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = guide.Title, Level = 1 })).ToBeVisibleAsync();
        await Expect(page.Locator("time.reviewed")).ToBeVisibleAsync();

        // The walk-out check in three taps from the home page: what happened, the answer, the verdict.
        await page.GotoAsync("/");
        var taps = new Taps(page);
        await taps.OnAsync(page.GetByRole(AriaRole.Link, new() { Name = "The pay", Exact = true }));
        var pay = RealContent.Item("walk-out", "salary-below-posted");
        await taps.OnAsync(page.GetByRole(AriaRole.Group, new() { Name = pay.Prompt }).GetByRole(AriaRole.Radio, new() { Name = "Yes", Exact = true }));
        await taps.OnAsync(page.GetByRole(AriaRole.Button, new() { Name = "Show my verdict" }));
        Assert.Equal(3, taps.Count);
        await ExpectSameVerdictAsApiAsync(page, walkOutVerdict);
        await Expect(page.Locator("#verdict-not-saved")).ToBeVisibleAsync();
        await ScreenshotAsync(page, "walk-out-offline-verdict");
        await AssertAccessibleAsync(page);

        foreach (var (checklist, answers) in Checks)
        {
            await page.GotoAsync($"/check/{checklist}");
            foreach (var (item, choice, _) in answers)
            {
                var prompt = RealContent.Item(checklist, item).Prompt;
                await page.GetByRole(AriaRole.Group, new() { Name = prompt, Exact = true }).GetByRole(AriaRole.Radio, new() { Name = choice, Exact = true }).CheckAsync();
            }

            await page.GetByRole(AriaRole.Button, new() { Name = "Show my verdict" }).ClickAsync();
            await ExpectSameVerdictAsApiAsync(page, verdicts[checklist]);
        }

        // A page that is not kept (the history) says what waits for a connection.
        await page.GotoAsync("/history");
        await Expect(page).ToHaveURLAsync(Server.Url("/offline"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "You are offline", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.Locator("#unsaved")).ToContainTextAsync("3 checks not saved yet");
        await AssertAccessibleAsync(page);

        await GoOnlineAsync(page);
        await Expect(page.Locator("#unsaved")).ToHaveCountAsync(0, new() { Timeout = 15_000 });

        await page.GotoAsync("/history");
        var entries = page.Locator("ol.entries > li");
        await Expect(entries).ToHaveCountAsync(3);
        foreach (var checklist in new[] { "walk-out" }.Concat(Checks.Select(c => c.Checklist)))
        {
            await Expect(entries.Filter(new() { HasText = RealContent.Checklist(checklist).Title })).ToHaveCountAsync(1);
        }

        // Opening the app again does not send anything a second time.
        await page.ReloadAsync();
        await Expect(entries).ToHaveCountAsync(3);
    }

    /// <summary>The verdict card shows what the API says for the same answers: headline, reasons and words.</summary>
    private static async Task ExpectSameVerdictAsApiAsync(IPage page, JsonElement expected)
    {
        var card = page.Locator("#verdict");
        await Expect(card.GetByRole(AriaRole.Heading, new() { Level = 2 })).ToHaveTextAsync(expected.GetProperty("headline").GetString()!);
        var reasons = expected.GetProperty("reasons").EnumerateArray().Select(r => r.GetProperty("text").GetString()!).ToArray();
        await Expect(card.Locator(".reasons > li > a")).ToHaveTextAsync(reasons);
        // The words come in blocks, one per person (issue 20); the verdict's own, not the other option's.
        var words = expected.GetProperty("words").EnumerateArray().SelectMany(b => b.GetProperty("lines").EnumerateArray()).Select(w => w.GetString()!).ToArray();
        await Expect(card.Locator(":scope > .words-block .words > p")).ToHaveTextAsync(words);
    }

    /// <summary>What the API says for these answers (asked while the server is up).</summary>
    private async Task<JsonElement> ApiVerdictAsync(string checklistId, Dictionary<string, string> answers)
    {
        using var http = new HttpClient { BaseAddress = Server.BaseAddress };
        var response = await http.PostAsJsonAsync($"/api/v1/checklists/{checklistId}/assess", new { answers }, Cancellation);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>(Cancellation);
    }

    private async Task GoOfflineAsync(IPage page)
    {
        await Server.StopAsync();
        await page.Context.SetOfflineAsync(true);
        // Blazor's enhanced navigation falls back to a full page load with a warning; fetches that fail are expected.
        AllowConsoleError(page, new Regex("net::ERR_INTERNET_DISCONNECTED|Failed to fetch|ERR_CONNECTION_REFUSED"));
    }

    private async Task GoOnlineAsync(IPage page)
    {
        Server.StartAgain();
        await page.Context.SetOfflineAsync(false);
    }

    private static async Task WaitForServiceWorkerAsync(IPage page) =>
        await page.WaitForFunctionAsync("() => navigator.serviceWorker.controller !== null", null, new() { Timeout = 30_000 });
}
