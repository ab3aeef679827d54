using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using InterviewCompass.Core.Reminders;
using InterviewCompass.EndToEnd.Features.Calendar;
using InterviewCompass.EndToEnd.Support;
using InterviewCompass.Web.Features.Calendar;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace InterviewCompass.EndToEnd.Features.Offline;

/// <summary>
/// Issue 22, due now in the browser (js/due-now.js): an application whose reply date passed weeks ago shows a follow-up
/// due on the home page (which is the same for everyone), one tap from the prefilled follow-up note; with no connection
/// the home page still shows it, from this device's own copy, and "Add all to calendar" downloads the file the server
/// writes for the same reminders (read back by ical.js: its UID and a DISPLAY alarm); "Delete everything" removes the copy.
/// Its own class: the database of its server holds nothing else.
/// </summary>
public sealed partial class DueNowTests(BrowserFixture browser, AppServer server, ITestOutputHelper output)
    : BrowserTest(browser, server, output), IClassFixture<AppServer>
{
    private const string Company = "Cedar Analytics";
    private const string Role = "data analyst";
    private const string Contact = "Dana Reyes";

    [Fact]
    public async Task AnOverdueReplyIsDueOnTheHomePageOnlineAndOfflineGoesToTheCalendarAndIsDeletedWithEverything()
    {
        var asked = 0;
        var page = await OpenAsync(Viewport.Phone, "/manifest.webmanifest");
        page.Request += (_, request) => asked += request.Url.Contains("/api/v1/reminders", StringComparison.Ordinal) ? 1 : 0;
        await page.GotoAsync("/");
        await page.WaitForFunctionAsync("() => navigator.serviceWorker.controller !== null", null, new() { Timeout = 30_000 });
        var section = page.Locator("#due-now");
        await Expect(section).ToHaveAttributeAsync("data-drawn", "kept");
        await Expect(section).ToBeHiddenAsync();
        Assert.Equal(0, asked); // A browser that kept nothing does not ask for reminders on the home page.

        // Three weeks after the date they gave, in the browser's own zone (the machine's here).
        var replyBy = DateOnly.FromDateTime(DateTime.Now).AddDays(-21);
        var application = await SeedAsync(page, replyBy);
        var reminders = ReminderBuilder.For(application, new ReminderOptions());
        var followUp = Assert.Single(reminders);

        // The server's file for these reminders, to compare with the one the browser writes offline.
        var serverFile = await (await page.APIRequest.GetAsync("/api/v1/calendar.ics")).TextAsync();

        // The applications list keeps this device's copy; the home page draws from it, then from the server's answer.
        await KeepACopyAsync(page);
        await page.GotoAsync("/");
        var step = section.GetByRole(AriaRole.Link, new() { Name = $"No reply from {Company} yet: follow up" });
        await Expect(step).ToBeVisibleAsync();
        await Expect(section).ToHaveAttributeAsync("data-drawn", "fresh");
        await Expect(section.GetByRole(AriaRole.Link, new() { Name = "How to follow up" })).ToHaveAttributeAsync("href", "/guides/following-up");
        await ScreenshotAsync(page, "due-online");
        await AssertAccessibleAsync(page);

        // The person's reminders are never in the service worker's shared cache.
        Assert.False(await page.EvaluateAsync<bool>("""
            async () => {
                for (const name of await caches.keys()) {
                    for (const request of await (await caches.open(name)).keys()) {
                        if (new URL(request.url).pathname.startsWith("/api/v1/reminders")) return true;
                    }
                }
                return false;
            }
            """));

        // One tap: the follow-up note, its fields filled in from the application.
        await step.ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/drafts/new\\?kind=follow-up&"));
        await Expect(page.GetByLabel("Company", new() { Exact = true })).ToHaveValueAsync(Company);
        await Expect(page.GetByLabel("Who it is to")).ToHaveValueAsync(Contact);
        await Expect(page.GetByLabel("The date they gave")).ToHaveValueAsync(ReminderBuilder.Day(replyBy));

        // No connection: the kept home page draws the same item from this device's copy.
        await page.Context.SetOfflineAsync(true);
        AllowConsoleError(page, new Regex("net::ERR_INTERNET_DISCONNECTED|Failed to fetch"));
        await page.GotoAsync("/");
        await Expect(step).ToBeVisibleAsync();
        await Expect(section).ToHaveAttributeAsync("data-drawn", "kept");

        var download = await page.RunAndWaitForDownloadAsync(() => section.GetByRole(AriaRole.Button, new() { Name = "Add all to calendar" }).ClickAsync());
        Assert.Equal("interviewcompass-reminders.ics", download.SuggestedFilename);
        var file = await File.ReadAllTextAsync((await download.PathAsync())!, Cancellation);

        // The bytes the server writes for these reminders and this stamp, links to this site.
        var stamp = StampLine().Match(file).Groups[1].Value;
        Assert.Equal(StampLine().Replace(serverFile, $"DTSTAMP:{stamp}"), file);

        await CalendarConformanceTests.LoadIcalJsAsync(page);
        var read = await page.EvaluateAsync<JsonElement>("""
            (text) => new ICAL.Component(ICAL.parse(text)).getAllSubcomponents("vevent").map(e => ({
                uid: e.getFirstPropertyValue("uid"),
                url: e.getFirstPropertyValue("url"),
                alarm: e.getFirstSubcomponent("valarm")?.getFirstPropertyValue("action") ?? null,
                trigger: String(e.getFirstSubcomponent("valarm")?.getFirstPropertyValue("trigger") ?? ""),
            }))
            """, file);
        var calendarEvent = Assert.Single(read.EnumerateArray());
        Assert.Equal(followUp.Uid, calendarEvent.GetProperty("uid").GetString());
        Assert.Equal("DISPLAY", calendarEvent.GetProperty("alarm").GetString());
        Assert.False(string.IsNullOrEmpty(calendarEvent.GetProperty("trigger").GetString()));
        Assert.Equal(Server.BaseAddress.GetLeftPart(UriPartial.Authority) + CalendarEntries.PathOf(followUp), calendarEvent.GetProperty("url").GetString());

        // Delete everything (online): the copy goes too. The home page, its reminders answer kept from it, has nothing to draw.
        await page.Context.SetOfflineAsync(false);
        await page.GotoAsync("/history/delete-everything");
        await page.GetByLabel("Yes, delete everything I kept here").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Delete everything" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/history\\?deleted=everything"));
        Assert.Null(await page.EvaluateAsync<string?>("() => localStorage.getItem('ic-reminders')"));
        await page.Context.RouteAsync("**/api/v1/reminders", route => route.AbortAsync());
        AllowConsoleError(page, new Regex("net::ERR_FAILED"));
        await page.GotoAsync("/");
        await Expect(section).ToHaveAttributeAsync("data-drawn", "kept");
        await Expect(section).ToBeHiddenAsync();
        await Expect(section.Locator("li")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task ADecideByDateKeptOfflineInTheOutboxIsDueOnTheHomePageFirst()
    {
        var page = await PhoneWithServiceWorkerAsync();
        var replyBy = DateOnly.FromDateTime(DateTime.Now).AddDays(-21);
        var application = await SeedAsync(page, replyBy);
        await KeepACopyAsync(page);

        // No connection: the person sets today as the day to decide; the change waits in the outbox.
        await page.Context.SetOfflineAsync(true);
        AllowConsoleError(page, new Regex("net::ERR_INTERNET_DISCONNECTED|Failed to fetch"));
        await page.GotoAsync("/");
        var today = DateOnly.FromDateTime(DateTime.Now).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await page.EvaluateAsync("""
            async ({ id, today }) => {
                const { enqueue } = await import("/js/outbox.js");
                await enqueue({ method: "PUT", url: `/api/v1/applications/${id}`, body: { company: "Cedar Analytics", version: 1, decideBy: today },
                    title: "Decide-by date for Cedar Analytics", href: `/applications/${id}` });
            }
            """, new { id = application.Id.ToString("D"), today });

        var items = page.Locator("#due-now li");
        await Expect(items).ToHaveCountAsync(2);
        await Expect(items.First.GetByRole(AriaRole.Link).First).ToHaveTextAsync("Decide on Cedar Analytics' offer");
        await Expect(items.First).ToContainTextAsync("Decide today.");
        await Expect(items.First.GetByRole(AriaRole.Link).First).ToHaveAttributeAsync("href", "/check/withdrawal");
        await Expect(items.Nth(1).GetByRole(AriaRole.Link).First).ToHaveTextAsync($"No reply from {Company} yet: follow up");
        await AssertAccessibleAsync(page);
    }

    [Fact]
    public async Task AnOutcomeKeptOfflineThatClosesAnApplicationTakesItsItemOffAndCancelsItsCalendarEntryAsTheServerWill()
    {
        var page = await PhoneWithServiceWorkerAsync();
        var replyBy = DateOnly.FromDateTime(DateTime.Now).AddDays(-21);
        var closing = await SeedAsync(page, replyBy);
        await SeedAsync(page, replyBy, "Birch Labs");
        await KeepACopyAsync(page);
        await page.GotoAsync("/");
        var section = page.Locator("#due-now");
        await Expect(section).ToHaveAttributeAsync("data-drawn", "fresh");
        await Expect(section.Locator("li")).ToHaveCountAsync(2);

        // The application's page open, the connection gone: the person withdraws; the outcome waits in the outbox.
        await page.GotoAsync($"/applications/{closing.Id:N}");
        await Expect(page.Locator("html[data-application-outbox=ready]")).ToHaveCountAsync(1);
        await page.Context.SetOfflineAsync(true);
        AllowConsoleError(page, new Regex("net::ERR_INTERNET_DISCONNECTED|Failed to fetch"));
        await page.Locator("#outcome-choice").SelectOptionAsync("withdrew");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the outcome" }).ClickAsync();
        await Expect(page.Locator(".kept-write")).ToContainTextAsync("not saved yet");
        await AssertAccessibleAsync(page);

        // Still offline: the home page no longer lists the withdrawn application; the other one is still due.
        await page.GotoAsync("/");
        await Expect(section).ToHaveAttributeAsync("data-drawn", "kept");
        await Expect(section.Locator("li")).ToHaveCountAsync(1);
        await Expect(section.GetByRole(AriaRole.Link, new() { Name = "No reply from Birch Labs yet: follow up" })).ToBeVisibleAsync();
        var download = await page.RunAndWaitForDownloadAsync(() => section.GetByRole(AriaRole.Button, new() { Name = "Add all to calendar" }).ClickAsync());
        var offlineFile = await File.ReadAllTextAsync((await download.PathAsync())!, Cancellation);

        // Back online: the outbox sends the outcome once and the list is drawn from the server's answer; the file written
        // offline is the server's own for the same reminders (the withdrawn one cancelled, its sequence raised).
        await page.Context.SetOfflineAsync(false);
        await Expect(section).ToHaveAttributeAsync("data-drawn", "fresh");
        await Expect(section.Locator("li")).ToHaveCountAsync(1);
        var application = await page.APIRequest.GetAsync($"/api/v1/applications/{closing.Id}");
        using (var saved = JsonDocument.Parse(await application.TextAsync()))
        {
            Assert.Equal("withdrew", saved.RootElement.GetProperty("outcome").GetString());
        }

        var serverFile = await (await page.APIRequest.GetAsync("/api/v1/calendar.ics")).TextAsync();
        Assert.Contains("STATUS:CANCELLED", serverFile, StringComparison.Ordinal);
        Assert.Equal(Events(serverFile), Events(offlineFile));
    }

    [Fact]
    public async Task ADateSetOfflineOnTheApplicationPageIsDueOnTheHomePageAtOnceAndSavedOnceBackOnline()
    {
        var page = await PhoneWithServiceWorkerAsync();
        var application = await SeedAsync(page, DateOnly.FromDateTime(DateTime.Now).AddDays(10));
        await KeepACopyAsync(page);

        // The application's page open, the connection gone: the person sets today as the day to decide.
        await page.GotoAsync($"/applications/{application.Id:N}");
        await Expect(page.Locator("html[data-application-outbox=ready]")).ToHaveCountAsync(1);
        await page.Context.SetOfflineAsync(true);
        AllowConsoleError(page, new Regex("net::ERR_INTERNET_DISCONNECTED|Failed to fetch"));
        var today = DateOnly.FromDateTime(DateTime.Now).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await page.Locator("#decide-by").FillAsync(today);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the dates" }).ClickAsync();
        await Expect(page.Locator(".kept-write")).ToContainTextAsync("The dates kept on this device (not saved yet)");

        // And, in one tap, that they will reply within a week: a second change, kept after the first.
        var inAWeek = page.GetByRole(AriaRole.Button, new() { Name = "They'll reply within a week" });
        var replyBy = await inAWeek.GetAttributeAsync("value");
        await inAWeek.ClickAsync();
        await Expect(page.Locator(".kept-write")).ToHaveCountAsync(2);
        await Expect(page.Locator(".kept-write").Last).ToContainTextAsync("\"They'll reply within a week\" kept on this device");
        await AssertAccessibleAsync(page);

        // Still offline: the home page shows it due today.
        await page.GotoAsync("/");
        var section = page.Locator("#due-now");
        await Expect(section).ToHaveAttributeAsync("data-drawn", "kept");
        await Expect(section.GetByRole(AriaRole.Link, new() { Name = $"Decide on {Company}' offer" })).ToBeVisibleAsync();
        await Expect(section.Locator("li")).ToContainTextAsync("Decide today.");

        // Back online: sent once, and the server's list says the same.
        await page.Context.SetOfflineAsync(false);
        await Expect(section).ToHaveAttributeAsync("data-drawn", "fresh");
        await Expect(section.Locator("li")).ToHaveCountAsync(1);
        var saved = await page.APIRequest.GetAsync($"/api/v1/applications/{application.Id}");
        using var body = JsonDocument.Parse(await saved.TextAsync());
        Assert.Equal(today, body.RootElement.GetProperty("decideBy").GetString());
        Assert.Equal(replyBy, body.RootElement.GetProperty("expectReplyBy").GetString());
        var types = body.RootElement.GetProperty("timeline").EnumerateArray().Select(e => e.GetProperty("type").GetString()).ToList();
        Assert.Equal(1, types.Count(t => t == "decide-by"));
        Assert.Equal(2, types.Count(t => t == "expect-reply-by")); // The date seeded, then the one kept offline.

    }

    [Fact]
    public async Task OnASlowLinkTheKeptCopyIsDrawnBeforeTheServerAnswers()
    {
        var page = await OpenAsync(Viewport.Phone, "/");
        await SeedAsync(page, DateOnly.FromDateTime(DateTime.Now).AddDays(-21));
        await KeepACopyAsync(page);

        // The server's answer is held until the list is on screen: it is drawn from this device's copy, not waited for.
        var answer = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await page.Context.RouteAsync("**/api/v1/reminders", async route =>
        {
            await answer.Task;
            await route.FallbackAsync();
        });
        await page.GotoAsync("/");
        var section = page.Locator("#due-now");
        await Expect(section.GetByRole(AriaRole.Link, new() { Name = $"No reply from {Company} yet: follow up" })).ToBeVisibleAsync();
        Assert.Null(await section.GetAttributeAsync("data-drawn"));

        answer.SetResult();
        await Expect(section).ToHaveAttributeAsync("data-drawn", "fresh");
        await Expect(section.Locator("li")).ToHaveCountAsync(1);
    }

    /// <summary>A phone-sized page on the home page, once the service worker controls it (so pages are kept for offline).</summary>
    private async Task<IPage> PhoneWithServiceWorkerAsync()
    {
        var page = await OpenAsync(Viewport.Phone, "/");
        await page.WaitForFunctionAsync("() => navigator.serviceWorker.controller !== null", null, new() { Timeout = 30_000 });
        return page;
    }

    /// <summary>The applications list, which keeps this device's copy of the dated applications the home page draws from.</summary>
    private static async Task KeepACopyAsync(IPage page)
    {
        await page.GotoAsync("/applications");
        await page.WaitForFunctionAsync("() => localStorage.getItem('ic-reminders') !== null");
    }

    /// <summary>An application with a reply date, kept through the API in the page's own browser (its owner cookie).</summary>
    private static async Task<DatedApplication> SeedAsync(IPage page, DateOnly replyBy, string company = Company)
    {
        var response = await page.APIRequest.PostAsync("/api/v1/applications", new()
        {
            DataObject = new { company, role = Role, contact = new { name = Contact }, expectReplyBy = replyBy.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) },
        });
        Assert.True(response.Ok, $"POST /api/v1/applications: {response.Status} {await response.TextAsync()}");
        using var created = JsonDocument.Parse(await response.TextAsync());
        return new DatedApplication(created.RootElement.GetProperty("id").GetGuid(), company, Role, Contact, DateTrack.None, DateTrack.Set(replyBy));
    }

    // The calendar's events, each without its stamp (the time the file was written), sorted: the order is not the point.
    private static List<string> Events(string file) => [.. EventBlock().Matches(StampLine().Replace(file, "DTSTAMP:-"))
        .Select(m => m.Value).Order(StringComparer.Ordinal)];

    [GeneratedRegex("BEGIN:VEVENT.*?END:VEVENT", RegexOptions.Singleline)]
    private static partial Regex EventBlock();

    [GeneratedRegex(@"DTSTAMP:(\d{8}T\d{6}Z)")]
    private static partial Regex StampLine();
}
