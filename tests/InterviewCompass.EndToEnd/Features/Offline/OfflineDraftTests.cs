using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using InterviewCompass.EndToEnd.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace InterviewCompass.EndToEnd.Features.Offline;

/// <summary>
/// Issue 12, "compose a note from a template, and copy it" with no connection; back online, the draft typed offline is
/// in the history exactly once.
/// </summary>
public sealed partial class OfflineDraftTests(BrowserFixture browser, AppServer server, ITestOutputHelper output)
    : BrowserTest(browser, server, output), IClassFixture<AppServer>
{
    private static readonly Dictionary<string, string> Fields = new()
    {
        ["name"] = "Dana Reyes",
        ["contact"] = "Sam Lee",
        ["company"] = "Acme  Ltd",
        ["role"] = "data analyst",
    };

    private const string Reason = "the timing no longer works for me";

    [Fact]
    public async Task AWithdrawalNoteIsFilledAndCopiedOfflineAndSavedOnceBackOnline()
    {
        // What the server writes for the same fields, asked while it is up: with no reason, and with one.
        var withoutReason = await ComposeOnServerAsync(Fields);
        var withReason = await ComposeOnServerAsync(new Dictionary<string, string>(Fields) { ["reason"] = Reason });
        Assert.DoesNotContain("{", withoutReason.Body, StringComparison.Ordinal);

        var page = await OpenAsync(Viewport.Phone, "/");
        await page.Context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"], new() { Origin = Server.BaseAddress.GetLeftPart(UriPartial.Authority) });
        await page.WaitForFunctionAsync("() => navigator.serviceWorker.controller !== null", null, new() { Timeout = 30_000 });

        await Server.StopAsync();
        await page.Context.SetOfflineAsync(true);
        AllowConsoleError(page, new Regex("net::ERR_INTERNET_DISCONNECTED|Failed to fetch|ERR_CONNECTION_REFUSED"));

        // From the home screen: the withdrawal door's guide, then its note.
        await page.GotoAsync("/");
        var door = page.Locator("li.door").Filter(new() { HasText = "No longer interested" });
        await door.GetByRole(AriaRole.Link, new() { Name = "Read the guide first" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
        await page.Locator("aside.related").GetByRole(AriaRole.Link, new() { Name = "Withdrawal note" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(Server.Url("/drafts/new?kind=withdrawal-note"));
        await Expect(page.Locator("form[data-composer][data-script='ready']")).ToBeAttachedAsync();

        await page.GetByLabel("Who it is to").FillAsync(Fields["name"]);
        await page.GetByLabel("Your name").FillAsync(Fields["contact"]);
        await page.GetByLabel("Company").FillAsync(Fields["company"]);
        await page.GetByLabel("Role", new() { Exact = true }).FillAsync(Fields["role"]);

        // The same note the server would write, the empty reason's line left out.
        var subject = page.GetByLabel("Subject");
        var body = page.GetByLabel("Message text");
        await Expect(subject).ToHaveValueAsync(withoutReason.Subject);
        await Expect(body).ToHaveValueAsync(withoutReason.Body);

        await page.GetByLabel("A short reason").FillAsync(Reason);
        await Expect(body).ToHaveValueAsync(withReason.Body);
        await Expect(page.Locator("#findings-summary")).ToHaveTextAsync(new Regex("wait for a connection"));
        await Expect(page.Locator(".save-status")).ToHaveTextAsync(new Regex("^Not saved yet"));

        await page.GetByRole(AriaRole.Button, new() { Name = "Copy", Exact = true }).ClickAsync();
        await Expect(page.Locator(".action-status")).ToHaveTextAsync("Copied");
        Assert.Equal(withReason.Body, await page.EvaluateAsync<string>("navigator.clipboard.readText()"));
        await ScreenshotAsync(page, "composer-offline");
        await AssertAccessibleAsync(page);

        Server.StartAgain();
        await page.Context.SetOfflineAsync(false);
        await Expect(page.Locator(".save-status")).ToHaveTextAsync(SavedStatus(), new() { Timeout = 20_000 });

        await page.GotoAsync("/history");
        var drafts = page.Locator("ol.entries > li a[href^='/history/drafts/']");
        await Expect(drafts).ToHaveCountAsync(1);
        var list = await (await page.APIRequest.GetAsync("/api/v1/drafts")).JsonAsync();
        var saved = Assert.Single(list!.Value.GetProperty("items").EnumerateArray());
        var draft = await (await page.APIRequest.GetAsync($"/api/v1/drafts/{saved.GetProperty("id").GetString()}")).JsonAsync();
        Assert.Equal(withReason.Body, draft!.Value.GetProperty("body").GetString());
        Assert.Equal(withReason.Subject, draft.Value.GetProperty("subject").GetString());

        // Opening the app again sends nothing a second time.
        await page.GotoAsync("/");
        await page.GotoAsync("/history");
        await Expect(drafts).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task ADraftLeftOfflineIsSavedOnceFromAnotherPageAndAnyKindOpensOffline()
    {
        var recruiterNote = await ComposeOnServerAsync(new Dictionary<string, string>(), "recruiter-note");
        var page = await OpenAsync(Viewport.Phone, "/");
        await page.WaitForFunctionAsync("() => navigator.serviceWorker.controller !== null", null, new() { Timeout = 30_000 });
        await Server.StopAsync();
        await page.Context.SetOfflineAsync(true);
        AllowConsoleError(page, new Regex("net::ERR_INTERNET_DISCONNECTED|Failed to fetch|ERR_CONNECTION_REFUSED"));

        await page.GotoAsync("/drafts/new?kind=withdrawal-note");
        await Expect(page.Locator("form[data-composer][data-script='ready']")).ToBeAttachedAsync();
        await page.GetByLabel("Who it is to").FillAsync(Fields["name"]);
        var body = page.GetByLabel("Message text");
        await Expect(body).ToHaveValueAsync(new Regex("^Dear Dana Reyes,"));
        var typed = await body.InputValueAsync();

        // Another kind, from the one kept composer page: its own template, and the note left behind listed as not saved.
        await page.GotoAsync("/drafts/new?kind=recruiter-note");
        await Expect(page.Locator("form[data-composer][data-script='ready']")).ToBeAttachedAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Draft: Note to your recruiter", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByLabel("Message", new() { Exact = true })).ToHaveValueAsync("recruiter-note");
        await Expect(body).ToHaveValueAsync(recruiterNote.Body);
        await Expect(page.Locator("#unsaved")).ToContainTextAsync("1 draft not saved yet");
        await AssertAccessibleAsync(page);

        Server.StartAgain();
        await page.Context.SetOfflineAsync(false);
        await Expect(page.Locator("#unsaved")).ToHaveCountAsync(0, new() { Timeout = 15_000 });

        await page.GotoAsync("/history");
        await Expect(page.Locator("ol.entries > li a[href^='/history/drafts/']")).ToHaveCountAsync(1);
        var list = await (await page.APIRequest.GetAsync("/api/v1/drafts")).JsonAsync();
        var saved = Assert.Single(list!.Value.GetProperty("items").EnumerateArray());
        var draft = await (await page.APIRequest.GetAsync($"/api/v1/drafts/{saved.GetProperty("id").GetString()}")).JsonAsync();
        Assert.Equal("withdrawal-note", draft!.Value.GetProperty("kind").GetString());
        Assert.Equal(typed, draft.Value.GetProperty("body").GetString());
    }

    private async Task<(string Subject, string Body)> ComposeOnServerAsync(Dictionary<string, string> fields, string kind = "withdrawal-note")
    {
        using var http = new HttpClient { BaseAddress = Server.BaseAddress };
        var response = await http.PostAsJsonAsync(
            "/api/v1/messages/compose", new { kind, tone = "warm", fields }, Cancellation);
        response.EnsureSuccessStatusCode();
        var message = await response.Content.ReadFromJsonAsync<JsonElement>(Cancellation);
        return (message.GetProperty("subject").GetString()!, message.GetProperty("body").GetString()!);
    }

    [GeneratedRegex(@"^Saved \d{1,2}:\d{2}")]
    private static partial Regex SavedStatus();
}
