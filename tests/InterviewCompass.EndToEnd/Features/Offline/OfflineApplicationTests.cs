using System.Text.Json;
using System.Text.RegularExpressions;
using InterviewCompass.EndToEnd.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace InterviewCompass.EndToEnd.Features.Offline;

/// <summary>
/// Issue 21, applications offline: after one visit, with no connection, a check is run and added to a new application by
/// typing a company; back online, the application exists once with the check linked once (the check's save first, then
/// the application's, in the order made, through the one outbox).
/// </summary>
public sealed class OfflineApplicationTests(BrowserFixture browser, AppServer server, ITestOutputHelper output)
    : BrowserTest(browser, server, output), IClassFixture<AppServer>
{
    [Fact]
    public async Task ACheckAddedToANewApplicationOfflineIsSavedOnceAndLinkedOnceBackOnline()
    {
        var page = await OpenAsync(Viewport.Phone, "/");
        await page.WaitForFunctionAsync("() => navigator.serviceWorker.controller !== null", null, new() { Timeout = 30_000 });

        await Server.StopAsync();
        await page.Context.SetOfflineAsync(true);
        AllowConsoleError(page, new Regex("net::ERR_INTERNET_DISCONNECTED|Failed to fetch|ERR_CONNECTION_REFUSED"));

        await page.GotoAsync("/check/walk-out");
        var pay = RealContent.Item("walk-out", "salary-below-posted");
        await page.GetByRole(AriaRole.Group, new() { Name = pay.Prompt }).GetByRole(AriaRole.Radio, new() { Name = "Yes", Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Show my verdict" }).ClickAsync();
        await Expect(page.Locator("#verdict")).ToBeVisibleAsync();

        var add = page.GetByRole(AriaRole.Region, new() { Name = "Add to an application" });
        await add.GetByLabel("Company").FillAsync("Birch Labs");
        await add.GetByRole(AriaRole.Button, new() { Name = "Add", Exact = true }).ClickAsync();
        await Expect(page.Locator("#linked-application")).ToHaveTextAsync("Birch Labs");
        await Expect(page.Locator(".add-to-application")).ToContainTextAsync("not saved yet");
        await AssertAccessibleAsync(page);

        // A page that is not kept lists what waits for a connection, the application among it.
        await page.GotoAsync("/history");
        await Expect(page).ToHaveURLAsync(Server.Url("/offline"));
        await Expect(page.Locator("#unsaved")).ToContainTextAsync("A check added to Birch Labs");

        Server.StartAgain();
        await page.Context.SetOfflineAsync(false);
        await Expect(page.Locator("#unsaved")).ToHaveCountAsync(0, new() { Timeout = 15_000 });

        var list = await GetJsonAsync(page, "/api/v1/applications");
        Assert.Equal(1, list.GetProperty("total").GetInt32());
        var application = list.GetProperty("items")[0];
        Assert.Equal("Birch Labs", application.GetProperty("company").GetString());
        var id = application.GetProperty("id").GetString();

        var sessions = await GetJsonAsync(page, "/api/v1/sessions");
        Assert.Equal(1, sessions.GetProperty("total").GetInt32());
        var session = await GetJsonAsync(page, $"/api/v1/sessions/{sessions.GetProperty("items")[0].GetProperty("id").GetString()}");
        Assert.Equal(id, session.GetProperty("application").GetString());

        var details = await GetJsonAsync(page, $"/api/v1/applications/{id}");
        var linked = details.GetProperty("timeline").EnumerateArray().Where(e => e.GetProperty("type").GetString() == "check").ToList();
        Assert.Single(linked);

        // The application's page shows the check; opening the app again sends nothing a second time.
        await page.GotoAsync($"/applications/{id}");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Birch Labs", Level = 1 })).ToBeVisibleAsync();
        await page.ReloadAsync();
        Assert.Equal(1, (await GetJsonAsync(page, "/api/v1/applications")).GetProperty("total").GetInt32());

        // The page open (its scripts loaded), the connection gone: an outcome, then a note, kept in order and saved once
        // back online.
        await Expect(page.Locator("html[data-application-outbox=ready]")).ToHaveCountAsync(1);
        await page.Context.SetOfflineAsync(true);
        await page.Locator("#outcome-choice").SelectOptionAsync("walked-out");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the outcome" }).ClickAsync();
        await page.GetByLabel("Add a note").FillAsync("They asked for a week of unpaid work.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add the note" }).ClickAsync();
        await Expect(page.Locator(".kept-write")).ToHaveCountAsync(2);
        await Expect(page.Locator(".kept-write").First).ToContainTextAsync("not saved yet");
        await page.Context.SetOfflineAsync(false);
        await Expect(page.Locator(".kept-write .write-status").Filter(new() { HasText = "(saved)" })).ToHaveCountAsync(2);
        var changed = await GetJsonAsync(page, $"/api/v1/applications/{id}");
        Assert.Equal("walked-out", changed.GetProperty("outcome").GetString());
        var types = changed.GetProperty("timeline").EnumerateArray().Select(e => e.GetProperty("type").GetString()).ToList();
        Assert.Equal(1, types.Count(t => t == "outcome"));
        Assert.Equal(1, types.Count(t => t == "note"));
    }

    private static async Task<JsonElement> GetJsonAsync(IPage page, string path)
    {
        var response = await page.APIRequest.GetAsync(path);
        Assert.True(response.Ok, $"GET {path}: {response.Status}");
        return JsonDocument.Parse(await response.TextAsync()).RootElement.Clone();
    }
}
