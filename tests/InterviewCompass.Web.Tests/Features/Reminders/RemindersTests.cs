using System.Globalization;
using System.Net;
using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Ical.Net.CalendarComponents;
using InterviewCompass.Core.Reminders;
using InterviewCompass.Web.Tests.Support;
using static InterviewCompass.Web.Tests.Support.OwnerDataClient;

namespace InterviewCompass.Web.Tests.Features.Reminders;

public sealed class RemindersOnSqlite(SqliteApp app) : RemindersTests(app), IClassFixture<SqliteApp>;

public sealed class RemindersOnPostgres(PostgresApp app) : RemindersTests(app), IClassFixture<PostgresApp>;

/// <summary>
/// Dates on an application, the person's reminder choices, the calendar files and what is due, through the API and the
/// pages (JavaScript off), on both providers. The app's clock is a fake one the class shares (it only moves forward), so
/// every date here is taken from it.
/// </summary>
public abstract class RemindersTests(StorageApp app)
{
    private DateOnly Today => DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime);

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Words(DateOnly date) => date.ToString("dddd d MMMM yyyy", CultureInfo.InvariantCulture);

    private static async Task<string> CreateAsync(HttpClient browser, string company, string? decideBy = null, string? expectReplyBy = null)
    {
        var response = await browser.PostJsonAsync("/api/v1/applications", new
        {
            company,
            role = "Data analyst",
            contact = new { name = "Sam Patel" },
            decideBy,
            expectReplyBy,
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.JsonAsync()).GetProperty("id").GetString()!;
    }

    private static async Task<JsonElement> PutAsync(HttpClient browser, string id, object body)
    {
        var response = await browser.PutJsonAsync($"/api/v1/applications/{id}", body);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.JsonAsync();
    }

    private static async Task<int> VersionAsync(HttpClient browser, string id) =>
        (await (await browser.GetAsync($"/api/v1/applications/{id}", Ct)).JsonAsync()).GetProperty("version").GetInt32();

    private static async Task<CalendarEvent> SingleEventAsync(HttpClient browser, string url)
    {
        using var response = await browser.GetAsync(url, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var calendar = Ical.Net.Calendar.Load(await response.Content.ReadAsStringAsync(Ct));
        return Assert.Single(calendar!.Events);
    }

    [Fact]
    public async Task DatesSetChangedAndClearedEachAddATimelineLineInWords()
    {
        using var browser = app.NewBrowser();
        var first = Today.AddDays(10);
        var second = Today.AddDays(12);
        var id = await CreateAsync(browser, "Cedar", decideBy: Iso(first));

        await PutAsync(browser, id, new { company = "Cedar", decideBy = Iso(second), version = 1 });
        var same = await PutAsync(browser, id, new { company = "Cedar", decideBy = Iso(second), version = 2 });
        var cleared = await PutAsync(browser, id, new { company = "Cedar", decideBy = "", expectReplyBy = Iso(first), version = same.GetProperty("version").GetInt32() });

        var lines = cleared.GetProperty("timeline").EnumerateArray()
            .Select(e => (e.GetProperty("type").GetString(), e.GetProperty("date").ValueKind == JsonValueKind.Null ? null : e.GetProperty("date").GetString()))
            .ToList();
        Assert.Equal(
            [("created", null), ("decide-by", Iso(first)), ("decide-by", Iso(second)), ("decide-by", null), ("expect-reply-by", Iso(first))],
            lines);
        Assert.Equal(JsonValueKind.Null, cleared.GetProperty("decideBy").ValueKind);
        Assert.Equal(Iso(first), cleared.GetProperty("expectReplyBy").GetString());
        var summary = Assert.Single((await (await browser.GetAsync("/api/v1/applications", Ct)).JsonAsync()).GetProperty("items").EnumerateArray());
        Assert.Equal(Iso(first), summary.GetProperty("expectReplyBy").GetString());

        var page = await (await browser.GetAsync($"/applications/{id}?order=oldest", Ct)).ReadDocumentAsync();
        var timeline = page.QuerySelectorAll("#timeline .what").Select(e => e.Text()).ToList();
        Assert.Contains($"Decide by set to {Words(second)}", timeline);
        Assert.Contains("Cleared the decide-by date", timeline);
        Assert.Contains($"They said you would hear by {Words(first)}", timeline);

        var markdown = await browser.GetStringAsync("/api/v1/export?format=markdown", Ct);
        Assert.Contains($"They said you would hear by: {Words(first)}", markdown, StringComparison.Ordinal);
        Assert.Contains("Cleared the decide-by date", markdown, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("decideBy", "2026-13-01")]
    [InlineData("decideBy", "next Friday")]
    [InlineData("expectReplyBy", "9999-12-31")]
    [InlineData("expectReplyBy", "04/12/2026")]
    public async Task ABadDateIsA400ThatSaysHowToWriteIt(string field, string value)
    {
        using var browser = app.NewBrowser();
        var body = new Dictionary<string, object?> { ["company"] = "Cedar", [field] = value };

        var created = await browser.PostJsonAsync("/api/v1/applications", body);
        var id = await CreateAsync(browser, "Cedar");
        body["version"] = 1;
        var changed = await browser.PutJsonAsync($"/api/v1/applications/{id}", body);

        foreach (var response in new[] { created, changed })
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var errors = (await response.JsonAsync()).GetProperty("errors").GetProperty(field);
            Assert.Matches("year-month-day|between the years", errors[0].GetString()!);
        }

        Assert.Equal(1, await VersionAsync(browser, id));
    }

    [Fact]
    public async Task ReminderChoicesAreKeptAndBadOnesAre400()
    {
        using var browser = app.NewBrowser();
        var defaults = await (await browser.GetAsync("/api/v1/reminders/options", Ct)).JsonAsync();
        Assert.Equal(ReminderOptions.DefaultReplyOverdueDays, defaults.GetProperty("replyOverdueDays").GetInt32());

        foreach (var (body, field) in new (object Body, string Field)[]
        {
            (new { replyOverdueDays = 31 }, "replyOverdueDays"),
            (new { remindAt = "25:00", timeZone = "Europe/London" }, "remindAt"),
            (new { remindAt = "09:00", timeZone = "Mars/Olympus_Mons" }, "timeZone"),
            (new { remindAt = "09:00" }, "timeZone"),
        })
        {
            var refused = await browser.PutJsonAsync("/api/v1/reminders/options", body);
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.True((await refused.JsonAsync()).GetProperty("errors").TryGetProperty(field, out _), field);
        }

        var saved = await browser.PutJsonAsync("/api/v1/reminders/options", new { replyOverdueDays = 5, remindAt = "09:30", timeZone = "Europe/London" });
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.True(saved.Headers.CacheControl?.NoStore);
        var kept = await (await browser.GetAsync("/api/v1/reminders/options", Ct)).JsonAsync();
        Assert.Equal((5, "09:30", "Europe/London"), (kept.GetProperty("replyOverdueDays").GetInt32(), kept.GetProperty("remindAt").GetString(), kept.GetProperty("timeZone").GetString()));
        var export = await (await browser.GetAsync("/api/v1/export", Ct)).JsonAsync();
        Assert.Equal("Europe/London", export.GetProperty("reminders").GetProperty("timeZone").GetString());
        Assert.Contains(
            "Reminder settings: a follow-up is due 5 business days after the date they gave, calendar reminders at 09:30, time zone Europe/London.",
            await browser.GetStringAsync("/api/v1/export?format=markdown", Ct),
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASecondDownloadUpdatesTheSameEntryAndAClearedDateCancelsIt()
    {
        using var browser = app.NewBrowser();
        using var stranger = app.NewBrowser();
        var id = await CreateAsync(browser, "Birch & Sons", expectReplyBy: Iso(Today.AddDays(3)));
        var url = $"/api/v1/applications/{id}/calendar.ics";

        using (var response = await browser.GetAsync(url, Ct))
        {
            Assert.Equal("text/calendar; charset=utf-8", response.Content.Headers.ContentType?.ToString());
            Assert.True(response.Headers.CacheControl?.NoStore);
            Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
            Assert.Equal("interviewcompass-birch-sons-reminders.ics", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        }

        var first = await SingleEventAsync(browser, url);
        Assert.Equal(0, first.Sequence);
        Assert.Null(first.Status);
        Assert.Equal("No reply from Birch & Sons yet: follow up", first.Summary);
        Assert.Equal(ReminderBuilder.FollowUpDay(Today.AddDays(3), ReminderOptions.DefaultReplyOverdueDays), DateOnly.FromDateTime(first.DtStart!.Value));
        Assert.False(first.DtStart.HasTime);
        Assert.StartsWith("http://localhost/drafts/new?kind=follow-up", first.Url!.AbsoluteUri, StringComparison.Ordinal);
        var alarm = Assert.Single(first.Alarms);
        Assert.Equal("DISPLAY", alarm.Action);
        Assert.NotNull(alarm.Trigger?.Duration);
        Assert.False(string.IsNullOrWhiteSpace(alarm.Description));

        await PutAsync(browser, id, new { company = "Birch & Sons", expectReplyBy = Iso(Today.AddDays(5)), version = 1 });
        var second = await SingleEventAsync(browser, url);
        Assert.Equal((first.Uid, 1), (second.Uid, second.Sequence));
        Assert.True(second.DtStart!.Value > first.DtStart.Value);

        await PutAsync(browser, id, new { company = "Birch & Sons", expectReplyBy = "", version = 2 });
        var cancelled = await SingleEventAsync(browser, url);
        Assert.Equal((first.Uid, 2, "CANCELLED"), (cancelled.Uid, cancelled.Sequence, cancelled.Status));
        var everything = await SingleEventAsync(browser, "/api/v1/calendar.ics");
        Assert.Equal((first.Uid, "CANCELLED"), (everything.Uid, everything.Status));

        using var other = await stranger.GetAsync(url, Ct);
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        Assert.DoesNotContain("Birch", await other.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        var strangers = Ical.Net.Calendar.Load(await stranger.GetStringAsync("/api/v1/calendar.ics", Ct));
        Assert.Empty(strangers!.Events);
    }

    [Fact]
    public async Task ATimedReminderCarriesTheZoneAndAClosedApplicationsReminderIsCancelled()
    {
        using var browser = app.NewBrowser();
        var decide = Today.AddDays(20);
        var id = await CreateAsync(browser, "Maple", decideBy: Iso(decide));
        var options = await browser.PutJsonAsync("/api/v1/reminders/options", new { remindAt = "09:00", timeZone = "America/Toronto" });
        Assert.Equal(HttpStatusCode.OK, options.StatusCode);

        var text = await browser.GetStringAsync($"/api/v1/applications/{id}/calendar.ics", Ct);
        Assert.Contains("BEGIN:VTIMEZONE", text, StringComparison.Ordinal);
        Assert.Contains($"DTSTART;TZID=America/Toronto:{decide:yyyyMMdd}T090000", text, StringComparison.Ordinal);
        var timed = Assert.Single(Ical.Net.Calendar.Load(text)!.Events);
        Assert.Equal(("America/Toronto", 9), (timed.DtStart!.TzId, timed.DtStart.Hour));
        Assert.Equal("Decide on Maple's offer", timed.Summary);

        await PutAsync(browser, id, new { company = "Maple", outcome = "declined-offer", version = 1 });
        var closed = await SingleEventAsync(browser, "/api/v1/calendar.ics");
        Assert.Equal((timed.Uid, "CANCELLED"), (closed.Uid, closed.Status));
        Assert.True(closed.Sequence > timed.Sequence);
        var state = await (await browser.GetAsync("/api/v1/reminders", Ct)).JsonAsync();
        Assert.Empty(state.GetProperty("applications").EnumerateArray());
        Assert.Empty(state.GetProperty("due").EnumerateArray());
    }

    [Fact]
    public async Task ADecisionDueTodayComesFirstAndAnOverdueReplyOpensItsFollowUpDrafted()
    {
        using var browser = app.NewBrowser();
        var reply = await CreateAsync(browser, "Birch", expectReplyBy: Iso(Today.AddDays(-7)));
        var decide = await CreateAsync(browser, "Alder", decideBy: Iso(Today));
        await CreateAsync(browser, "Later Co", decideBy: Iso(Today.AddDays(1)), expectReplyBy: Iso(Today));

        var page = await (await browser.GetAsync("/applications", Ct)).ReadDocumentAsync();
        var items = page.QuerySelectorAll("#due-now [data-reminder-uid]");
        Assert.Equal(
            [ReminderBuilder.Uid(Guid.Parse(decide), ReminderBuilder.DecideByUid), ReminderBuilder.Uid(Guid.Parse(reply), ReminderBuilder.ReplyOverdueUid)],
            items.Select(i => i.GetAttribute("data-reminder-uid")));
        Assert.Contains($"Decide today: {Words(Today)} (UTC)", items[0].Text(), StringComparison.Ordinal);
        Assert.Equal("/check/withdrawal", items[0].QuerySelector("a")!.GetAttribute("href"));
        Assert.NotNull(page.QuerySelector("#due-now a[href='/guides/following-up']"));

        var followUp = items[1].QuerySelector("a")!.GetAttribute("href")!;
        var composer = await (await browser.GetAsync(followUp, Ct)).ReadDocumentAsync();
        Assert.Equal("follow-up", composer.QuerySelector<IHtmlSelectElement>("#draft-kind")!.Value);
        Assert.Equal("Birch", composer.QuerySelector<IHtmlInputElement>("#draft-company")!.Value);
        Assert.Equal(Words(Today.AddDays(-7)), composer.QuerySelector<IHtmlInputElement>("#draft-date")!.Value);
        Assert.Equal(Guid.Parse(reply).ToString("D"), composer.QuerySelector<IHtmlSelectElement>("#draft-application")!.Value);

        var state = await (await browser.GetAsync("/api/v1/reminders", Ct)).JsonAsync();
        Assert.Equal(Iso(Today), state.GetProperty("today").GetString());
        Assert.Equal(ReminderOptions.DefaultReplyOverdueDays, state.GetProperty("options").GetProperty("replyOverdueDays").GetInt32());
        Assert.Equal(JsonValueKind.Null, state.GetProperty("options").GetProperty("timeZone").ValueKind);
        Assert.Equal(3, state.GetProperty("applications").GetArrayLength());
        var birch = state.GetProperty("applications").EnumerateArray().Single(a => a.GetProperty("id").GetString() == reply);
        Assert.Equal(("Sam Patel", 1), (birch.GetProperty("contact").GetString(), birch.GetProperty("expectReplyBy").GetProperty("changes").GetInt32()));
        Assert.Equal(0, birch.GetProperty("decideBy").GetProperty("changes").GetInt32());
        var due = state.GetProperty("due").EnumerateArray().Select(d => d.GetProperty("uid").GetString()).ToList();
        Assert.Equal(items.Select(i => i.GetAttribute("data-reminder-uid")), due);
        var reminder = state.GetProperty("reminders").EnumerateArray().Single(r => r.GetProperty("uid").GetString() == due[1]);
        Assert.Equal(("reply-overdue", followUp), (reminder.GetProperty("kind").GetString(), reminder.GetProperty("href").GetString()));
    }

    [Fact]
    public async Task AReplyBecomesDueOnceTheChosenBusinessDaysHavePassed()
    {
        using var browser = app.NewBrowser();
        var saved = await browser.PutJsonAsync("/api/v1/reminders/options", new { replyOverdueDays = 1 });
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var replyBy = Today;
        var id = await CreateAsync(browser, "Quiet Ltd", expectReplyBy: Iso(replyBy));
        var uid = ReminderBuilder.Uid(Guid.Parse(id), ReminderBuilder.ReplyOverdueUid);

        Assert.Empty((await (await browser.GetAsync("/applications", Ct)).ReadDocumentAsync()).QuerySelectorAll("#due-now [data-reminder-uid]"));

        // One business day after any day is at most three calendar days later (a Friday's is the Monday).
        app.Clock.Advance(TimeSpan.FromDays(3));
        var page = await (await browser.GetAsync("/applications", Ct)).ReadDocumentAsync();
        var item = Assert.Single(page.QuerySelectorAll("#due-now [data-reminder-uid]"));
        Assert.Equal(uid, item.GetAttribute("data-reminder-uid"));
        Assert.Contains(Words(ReminderBuilder.FollowUpDay(replyBy, 1)), item.Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheDateAndSettingsFormsWorkWithJavaScriptOff()
    {
        using var browser = app.NewBrowser();
        var id = await CreateAsync(browser, "Formco");

        var details = await (await browser.GetAsync($"/applications/{id}", Ct)).ReadDocumentAsync();
        Assert.Equal($"/api/v1/applications/{Guid.Parse(id):N}/calendar.ics", details.QuerySelector("#calendar-link")!.GetAttribute("href"));
        var quick = details.QuerySelectorAll("#dates button[name='quickExpectReplyBy']")[0];
        using (var posted = await PostAsync(browser, (IHtmlFormElement)quick.Closest("form")!, (quick.GetAttribute("name")!, quick.GetAttribute("value")!)))
        {
            Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        }

        var afterQuick = await (await browser.GetAsync($"/api/v1/applications/{id}", Ct)).JsonAsync();
        Assert.Equal(Iso(Today.AddDays(7)), afterQuick.GetProperty("expectReplyBy").GetString());

        details = await (await browser.GetAsync($"/applications/{id}", Ct)).ReadDocumentAsync();
        Assert.Equal(Words(Today.AddDays(7)) + " (UTC)", details.QuerySelector("#expect-reply-by-words")!.Text());
        var form = (IHtmlFormElement)details.QuerySelector(".dates-form")!;
        using (var posted = await PostAsync(browser, form, ("decideBy", Iso(Today.AddDays(2))), ("expectReplyBy", "")))
        {
            Assert.Equal($"/applications/{Guid.Parse(id):N}?done=dates#dates", posted.Headers.Location?.OriginalString);
        }

        var afterForm = await (await browser.GetAsync($"/api/v1/applications/{id}", Ct)).JsonAsync();
        Assert.Equal((Iso(Today.AddDays(2)), JsonValueKind.Null), (afterForm.GetProperty("decideBy").GetString(), afterForm.GetProperty("expectReplyBy").ValueKind));

        details = await (await browser.GetAsync($"/applications/{id}", Ct)).ReadDocumentAsync();
        using (var refused = await PostAsync(browser, (IHtmlFormElement)details.QuerySelector(".dates-form")!, ("decideBy", "2026-02-30")))
        {
            Assert.EndsWith("problem=date#dates", refused.Headers.Location?.OriginalString, StringComparison.Ordinal);
        }

        var list = await (await browser.GetAsync("/applications", Ct)).ReadDocumentAsync();
        using (var posted = await PostAsync(browser, (IHtmlFormElement)list.QuerySelector("#reminder-options form")!, ("replyOverdueDays", "4"), ("remindAt", "08:15"), ("timeZone", "Europe/Paris")))
        {
            Assert.Equal("/applications?reminders=saved#reminder-options", posted.Headers.Location?.OriginalString);
        }

        list = await (await browser.GetAsync("/applications", Ct)).ReadDocumentAsync();
        Assert.Equal("Europe/Paris", list.QuerySelector<IHtmlInputElement>("#reminder-zone")!.Value);
        Assert.Equal("4", list.QuerySelector<IHtmlInputElement>("#reminder-days")!.Value);
        Assert.Equal("/api/v1/calendar.ics", list.QuerySelector("#calendar-all")!.GetAttribute("href"));
    }

    [Fact]
    public async Task TheHomePageStaysTheSameForEveryoneWithAnEmptyDueListForTheBrowserToFill()
    {
        using var browser = app.NewBrowser();
        using var stranger = app.NewBrowser();
        await CreateAsync(browser, "Secretive Inc", decideBy: Iso(Today));

        var mine = await browser.GetStringAsync("/", Ct);
        var theirs = await stranger.GetStringAsync("/", Ct);
        Assert.DoesNotContain("Secretive", mine, StringComparison.Ordinal);
        var home = await (await browser.GetAsync("/", Ct)).ReadDocumentAsync();
        var section = home.QuerySelector("section#due-now")!;
        Assert.True(section.HasAttribute("hidden"));
        Assert.Empty(section.QuerySelectorAll("li"));
        Assert.NotNull(home.QuerySelector("a[href='/applications#due-now']"));
        Assert.Equal(Strip(theirs), Strip(mine));
    }

    [Fact]
    public async Task AWaitVerdictAndALinkedDraftEachLeadToTheApplicationsDates()
    {
        using var browser = app.NewBrowser();
        var id = await CreateAsync(browser, "Hazel");
        var session = await browser.PostJsonAsync("/api/v1/sessions", new
        {
            checklist = "withdrawal",
            answers = new Dictionary<string, string> { ["still-interested"] = "unsure" },
            completed = true,
            application = id,
        });
        Assert.Equal(HttpStatusCode.Created, session.StatusCode);
        var sessionJson = await session.JsonAsync();
        Assert.Equal("wait", sessionJson.GetProperty("outcome").GetString());
        var draft = await browser.PostJsonAsync("/api/v1/drafts", new { kind = "follow-up", tone = "warm", body = "Dear Sam,", application = id });
        Assert.Equal(HttpStatusCode.Created, draft.StatusCode);
        var dates = $"/applications/{Guid.Parse(id):N}#dates";

        var check = await (await browser.GetAsync($"/history/sessions/{sessionJson.GetProperty("id").GetString()}", Ct)).ReadDocumentAsync();
        Assert.Equal(dates, check.QuerySelector("#decide-by-link")!.GetAttribute("href"));
        var kept = await (await browser.GetAsync($"/history/drafts/{(await draft.JsonAsync()).GetProperty("id").GetString()}", Ct)).ReadDocumentAsync();
        Assert.Equal(dates, kept.QuerySelector("#application-dates-link")!.GetAttribute("href"));
        var details = await (await browser.GetAsync(dates.Split('#')[0], Ct)).ReadDocumentAsync();
        Assert.NotNull(details.QuerySelector("section#dates input#decide-by[type=date]"));
    }

    /// <summary>The page without its per-request antiforgery tokens and nonces.</summary>
    private static string Strip(string html) =>
        System.Text.RegularExpressions.Regex.Replace(html, "(value|nonce)=\"[^\"]*\"", "$1=\"\"");

    /// <summary>Posts a page's form as a browser with JavaScript off would: its hidden fields, then the values given.</summary>
    private static Task<HttpResponseMessage> PostAsync(HttpClient browser, IHtmlFormElement form, params (string Name, string Value)[] values)
    {
        var fields = form.QuerySelectorAll<IHtmlInputElement>("input[type=hidden]").Select(i => new KeyValuePair<string, string>(i.Name!, i.Value)).ToList();
        fields.AddRange(values.Select(v => new KeyValuePair<string, string>(v.Name, v.Value)));
        return browser.PostAsync(form.GetAttribute("action"), new FormUrlEncodedContent(fields), Ct);
    }
}
