using System.Text.RegularExpressions;
using InterviewCompass.EndToEnd.Support;
using Microsoft.Data.Sqlite;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace InterviewCompass.EndToEnd.Features.History;

/// <summary>
/// Issue 19 (3), this device: "Delete everything" first shows the work this device has not saved yet (so it is seen
/// before it is discarded); after deleting, the outbox is empty and nothing is ever sent again, under any owner.
/// Its own class: the database of its server holds nothing else.
/// </summary>
public sealed class DeleteEverythingDeviceTests(BrowserFixture browser, AppServer server, ITestOutputHelper output)
    : BrowserTest(browser, server, output), IClassFixture<AppServer>
{
    private const string OutboxCount = """
        () => new Promise((resolve, reject) => {
            const open = indexedDB.open("interviewcompass");
            open.onsuccess = () => {
                const db = open.result;
                if (!db.objectStoreNames.contains("writes")) { resolve(0); return; }
                const count = db.transaction("writes").objectStore("writes").count();
                count.onsuccess = () => resolve(count.result);
                count.onerror = () => reject(count.error);
            };
            open.onerror = () => reject(open.error);
        })
        """;

    [Fact]
    public async Task UnsavedWorkIsListedBeforeDeletingAndNeverSentAfter()
    {
        // A cheap first answer, then the home page with time for a new server on a loaded machine.
        var page = await OpenAsync(Viewport.Phone, "/manifest.webmanifest");
        await page.GotoAsync("/", new() { Timeout = 90_000 });
        await KeptThings.KeepAsync(page);

        // A draft the server never gets: every draft save fails on the way.
        await page.Context.RouteAsync("**/api/v1/drafts**", route => route.AbortAsync());
        AllowConsoleError(page, new Regex("net::ERR_FAILED|Failed to fetch"));
        await page.GotoAsync("/drafts/new?kind=withdrawal-note");
        await Expect(page.Locator("form[data-composer][data-script='ready']")).ToBeAttachedAsync();
        await page.GetByLabel("Who it is to").FillAsync("Dana Reyes");
        await Expect(page.Locator("form[data-composer]")).ToHaveAttributeAsync("data-save-state", "failed", new() { Timeout = 20_000 });

        await page.GotoAsync("/history/delete-everything");
        var unsaved = page.Locator("#unsaved-here");
        await Expect(unsaved).ToBeVisibleAsync();
        await Expect(unsaved.GetByRole(AriaRole.Link)).ToContainTextAsync(["Draft: "]);
        await ScreenshotAsync(page, "unsaved-before-delete");
        await AssertAccessibleAsync(page);

        await page.GetByLabel("Yes, delete everything I kept here").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Delete everything" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/history\\?deleted=everything"));
        Assert.Equal(0, await page.EvaluateAsync<int>(OutboxCount));

        // The connection is fine again and the person goes on: nothing kept is sent, so no owner comes back.
        await page.Context.UnrouteAllAsync();
        await page.GotoAsync("/");
        await page.GotoAsync("/history");
        await Expect(page.Locator("#unsaved")).ToHaveCountAsync(0);
        await using var db = new SqliteConnection($"Data Source={Directory.GetFiles(Server.DataPath, "interviewcompass.db", SearchOption.AllDirectories).Single()}");
        await db.OpenAsync(Cancellation);
        await using var command = db.CreateCommand();
        command.CommandText = "SELECT (SELECT COUNT(*) FROM Owners) + (SELECT COUNT(*) FROM Drafts) + (SELECT COUNT(*) FROM Sessions)";
        Assert.Equal(0L, (long)(await command.ExecuteScalarAsync(Cancellation))!);
    }
}
