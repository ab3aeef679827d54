using System.Text.RegularExpressions;
using InterviewCompass.EndToEnd.Support;
using Microsoft.Data.Sqlite;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace InterviewCompass.EndToEnd.Features.Offline;

/// <summary>
/// Issue 18 (1): a new browser's first saves, made offline, end under one owner. With no owner cookie yet, a finished
/// walk-out check and a typed draft wait in the outbox; back online they are sent one after the other (the first answer
/// sets the cookie the second goes with), so the history shows both, once each, and the database holds one owner.
/// Its own class: the database of its server holds nothing else.
/// </summary>
public sealed partial class FirstSavesOneOwnerTests(BrowserFixture browser, AppServer server, ITestOutputHelper output)
    : BrowserTest(browser, server, output), IClassFixture<AppServer>
{
    [Fact]
    public async Task AFreshBrowsersOfflineCheckAndDraftAreSavedOnceUnderOneOwner()
    {
        var leave = RealContent.Outcome("walk-out", "leave");
        // A cheap first answer, then the home page with time for a new server on a loaded machine.
        var page = await OpenAsync(Viewport.Phone, "/manifest.webmanifest");
        await page.GotoAsync("/", new() { Timeout = 90_000 });
        await page.WaitForFunctionAsync("() => navigator.serviceWorker.controller !== null", null, new() { Timeout = 30_000 });

        await Server.StopAsync();
        await page.Context.SetOfflineAsync(true);
        AllowConsoleError(page, new Regex("net::ERR_INTERNET_DISCONNECTED|Failed to fetch|ERR_CONNECTION_REFUSED"));

        await page.GotoAsync("/check/walk-out");
        var aggressive = RealContent.Item("walk-out", "aggressive-behaviour");
        await page.GetByRole(AriaRole.Group, new() { Name = aggressive.Prompt, Exact = true }).GetByRole(AriaRole.Radio, new() { Name = "Yes", Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Show my verdict" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = leave.Headline, Level = 2 })).ToBeVisibleAsync();

        await page.GotoAsync("/drafts/new?kind=withdrawal-note");
        await Expect(page.Locator("form[data-composer][data-script='ready']")).ToBeAttachedAsync();
        await page.GetByLabel("Who it is to").FillAsync("Dana Reyes");
        await Expect(page.GetByLabel("Message text")).ToHaveValueAsync(new Regex("^Dear Dana Reyes,"));
        await Expect(page.Locator("#unsaved")).ToContainTextAsync("1 check and 1 draft not saved yet");

        Server.StartAgain();
        await page.Context.SetOfflineAsync(false);
        await Expect(page.Locator("#unsaved")).ToHaveCountAsync(0, new() { Timeout = 20_000 });

        await page.GotoAsync("/history");
        var entries = page.Locator("ol.entries > li");
        await Expect(entries.Filter(new() { HasText = RealContent.Checklist("walk-out").Title })).ToHaveCountAsync(1);
        await Expect(page.Locator("ol.entries > li a[href^='/history/drafts/']")).ToHaveCountAsync(1);

        // Nothing anywhere else: one owner holds exactly these two.
        await using var db = new SqliteConnection($"Data Source={Directory.GetFiles(Server.DataPath, "interviewcompass.db", SearchOption.AllDirectories).Single()}");
        await db.OpenAsync(Cancellation);
        Assert.Equal(1L, await ScalarAsync(db, "SELECT COUNT(*) FROM Owners"));
        Assert.Equal(1L, await ScalarAsync(db, "SELECT COUNT(*) FROM Sessions"));
        Assert.Equal(1L, await ScalarAsync(db, "SELECT COUNT(*) FROM Drafts"));

        // Opening the app again sends nothing a second time.
        await page.GotoAsync("/");
        await page.GotoAsync("/history");
        await Expect(page.Locator("ol.entries > li a[href^='/history/drafts/']")).ToHaveCountAsync(1);
        Assert.Equal(1L, await ScalarAsync(db, "SELECT COUNT(*) FROM Sessions"));
    }

    private static async Task<long> ScalarAsync(SqliteConnection db, string sql)
    {
        await using var command = db.CreateCommand();
        command.CommandText = sql;
        return (long)(await command.ExecuteScalarAsync(Cancellation))!;
    }
}
