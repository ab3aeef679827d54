using System.Net;
using System.Text.Json;
using InterviewCompass.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static InterviewCompass.Web.Tests.Support.OwnerDataClient;

namespace InterviewCompass.Web.Tests.Features.Applications;

public sealed class ApplicationsApiOnSqlite(SqliteApp app) : ApplicationsApiTests(app), IClassFixture<SqliteApp>;

public sealed class ApplicationsApiOnPostgres(PostgresApp app) : ApplicationsApiTests(app), IClassFixture<PostgresApp>;

/// <summary>Applications through the API: outcomes and timeline, owner isolation, races, close-out, export and delete.</summary>
public abstract class ApplicationsApiTests(StorageApp app)
{
    private static async Task<JsonElement> CreateAsync(HttpClient browser, string company, string? contact = null)
    {
        var response = await browser.PostJsonAsync("/api/v1/applications", new
        {
            company,
            role = "Data analyst",
            contact = contact is null ? null : new { name = contact, email = "hiring@example.com" },
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.JsonAsync();
    }

    private static string[] Types(JsonElement application) =>
        [.. application.GetProperty("timeline").EnumerateArray().Select(e => e.GetProperty("type").GetString()!)];

    [Fact]
    public async Task AnOutcomeChangeIsKeptWithADatedTimelineLine()
    {
        using var browser = app.NewBrowser();
        var created = await CreateAsync(browser, "Acme");
        var id = created.GetProperty("id").GetString();
        Assert.Equal("in-progress", created.GetProperty("outcome").GetString());
        Assert.Equal(["created"], Types(created));

        var changed = await browser.PutJsonAsync($"/api/v1/applications/{id}", new
        {
            company = "Acme",
            outcome = "walked-out",
            note = "They asked for unpaid work.",
            version = 1,
        });
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        var body = await changed.JsonAsync();
        Assert.Equal("walked-out", body.GetProperty("outcome").GetString());
        Assert.Equal(["created", "outcome", "note"], Types(body));
        Assert.Equal("Data analyst", body.GetProperty("role").GetString());

        var list = await (await browser.GetAsync("/api/v1/applications?outcome=walked-out", Ct)).JsonAsync();
        Assert.Equal(id, Assert.Single(list.GetProperty("items").EnumerateArray()).GetProperty("id").GetString());
        var none = await (await browser.GetAsync("/api/v1/applications?outcome=in-progress", Ct)).JsonAsync();
        Assert.Equal(0, none.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task AnUnknownOutcomeIsA400ListingTheValidOnes()
    {
        using var browser = app.NewBrowser();
        var response = await browser.PostJsonAsync("/api/v1/applications", new { company = "Acme", outcome = "hired" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.Contains("in-progress, walked-out, withdrew, declined-offer, accepted-offer, no-reply, not-selected", text, StringComparison.Ordinal);

        var leaving = await browser.PostJsonAsync("/api/v1/applications", new { company = "Oldco", kind = "leaving", outcome = "walked-out" });
        Assert.Contains("leaving, exit-interview-declined, exit-interview-done, left", await leaving.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        var list = await browser.GetAsync("/api/v1/applications?outcome=hired", Ct);
        Assert.Equal(HttpStatusCode.BadRequest, list.StatusCode);
    }

    [Fact]
    public async Task AnotherOwnerGets404OnEveryApplicationRouteAndCannotLinkToIt()
    {
        using var owner = app.NewBrowser();
        using var stranger = app.NewBrowser();
        var id = (await CreateAsync(owner, "Private Co", contact: "Private Person")).GetProperty("id").GetString();
        var strangerSession = await stranger.SaveSessionAsync();

        var routes = new (HttpMethod Method, string Url, object? Body)[]
        {
            (HttpMethod.Get, $"/api/v1/applications/{id}", null),
            (HttpMethod.Put, $"/api/v1/applications/{id}", new { company = "Mine", outcome = "withdrew", version = 1 }),
            (HttpMethod.Delete, $"/api/v1/applications/{id}", null),
            (HttpMethod.Post, $"/api/v1/applications/{id}/close-out", new { }),
            (HttpMethod.Post, $"/api/v1/applications/{id}/withdrawal-sent", new { body = "x", version = 1 }),
            (HttpMethod.Post, $"/api/v1/applications/{id}/links", new { session = strangerSession }),
            (HttpMethod.Post, "/api/v1/sessions", new { checklist = "walk-out", answers = new Dictionary<string, string>(), application = id }),
            (HttpMethod.Put, $"/api/v1/sessions/{strangerSession}", new { checklist = "walk-out", answers = new Dictionary<string, string>(), application = id }),
            (HttpMethod.Post, "/api/v1/drafts", new { kind = "withdrawal-note", tone = "warm", body = "x", application = id }),
            (HttpMethod.Get, $"/applications/{id}", null),
            (HttpMethod.Get, $"/applications/{id}/close-out", null),
        };

        foreach (var (method, url, body) in routes)
        {
            using var request = new HttpRequestMessage(method, url);
            if (body is not null)
            {
                request.Content = System.Net.Http.Json.JsonContent.Create(body);
            }

            var response = await stranger.SendAsync(request, Ct);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{method} {url}: {(int)response.StatusCode}");
            Assert.DoesNotContain("Private", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        }

        var list = await (await stranger.GetAsync("/api/v1/applications", Ct)).JsonAsync();
        Assert.Equal(0, list.GetProperty("total").GetInt32());
        Assert.DoesNotContain("Private", await stranger.GetStringAsync("/applications", Ct), StringComparison.Ordinal);
        var kept = await (await owner.GetAsync($"/api/v1/applications/{id}", Ct)).JsonAsync();
        Assert.Equal("in-progress", kept.GetProperty("outcome").GetString());
        Assert.Equal(["created"], Types(kept));
    }

    [Fact]
    public async Task AnIdTheBrowserChoseKeepsOneApplicationLinkedOnceAndIsA409ForAnotherOwner()
    {
        using var owner = app.NewBrowser();
        using var stranger = app.NewBrowser();
        var session = await owner.SaveSessionAsync();
        var id = Guid.NewGuid().ToString();
        var body = new { id, company = "Birch Labs", session };

        // Sent twice (an answer lost offline, a new key): one application, the check linked once.
        foreach (var _ in new[] { 1, 2 })
        {
            var sent = await owner.PostJsonAsync("/api/v1/applications", body);
            Assert.Equal(HttpStatusCode.Created, sent.StatusCode);
            Assert.Equal(id, (await sent.JsonAsync()).GetProperty("id").GetString());
        }

        var again = await owner.PostJsonAsync($"/api/v1/applications/{id}/links", new { session });
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var kept = await (await owner.GetAsync($"/api/v1/applications/{id}", Ct)).JsonAsync();
        Assert.Equal(["created", "check"], Types(kept));
        Assert.Equal(1, (await (await owner.GetAsync("/api/v1/applications", Ct)).JsonAsync()).GetProperty("total").GetInt32());

        var taken = await stranger.PostJsonAsync("/api/v1/applications", new { id, company = "Mine" });
        Assert.Equal(HttpStatusCode.Conflict, taken.StatusCode);
        var noSuchCheck = await stranger.PostJsonAsync("/api/v1/applications", new { company = "Mine", session });
        Assert.Equal(HttpStatusCode.NotFound, noSuchCheck.StatusCode);
        var neither = await owner.PostJsonAsync($"/api/v1/applications/{id}/links", new { });
        Assert.Equal(HttpStatusCode.BadRequest, neither.StatusCode);
    }

    [Fact]
    public async Task TwoDevicesChangingOneApplicationEndInOne200AndOne409()
    {
        using var phone = app.NewBrowser();
        var created = await phone.PostJsonAsync("/api/v1/applications", new { company = "Acme" });
        var cookie = OwnerCookieOf(created);
        var id = (await created.JsonAsync()).GetProperty("id").GetString();

        using var laptop = app.NewBrowser();
        using var tablet = app.NewBrowser();
        Task<HttpResponseMessage> Change(HttpClient device, string outcome)
        {
            var request = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/applications/{id}")
            {
                Content = System.Net.Http.Json.JsonContent.Create(new { company = "Acme", outcome, version = 1 }),
            }.WithCookie(cookie);
            return device.SendAsync(request, Ct);
        }

        // Both read version 1, both change it at once.
        var answers = await Task.WhenAll(Change(laptop, "withdrew"), Change(tablet, "accepted-offer"));

        var statuses = answers.Select(a => a.StatusCode).Order().ToList();
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], statuses);
        var winner = await answers.Single(a => a.StatusCode == HttpStatusCode.OK).JsonAsync();
        using var read = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/applications/{id}").WithCookie(cookie);
        var now = await (await laptop.SendAsync(read, Ct)).JsonAsync();
        Assert.Equal(winner.GetProperty("outcome").GetString(), now.GetProperty("outcome").GetString());
        Assert.Equal(2, now.GetProperty("version").GetInt32());
        Assert.Equal(["created", "outcome"], Types(now));
    }

    [Fact]
    public async Task CloseOutDraftsAWithdrawalNoteForEveryOtherOpenApplicationAndStoresNothing()
    {
        using var browser = app.NewBrowser();
        var cedar = (await CreateAsync(browser, "Cedar")).GetProperty("id").GetString();
        var acme = (await CreateAsync(browser, "Acme", contact: "Sam Patel")).GetProperty("id").GetString();
        await CreateAsync(browser, "Birch");
        var done = (await CreateAsync(browser, "Done Ltd")).GetProperty("id").GetString();
        await browser.PutJsonAsync($"/api/v1/applications/{done}", new { company = "Done Ltd", outcome = "not-selected", version = 1 });
        await browser.PutJsonAsync($"/api/v1/applications/{cedar}", new { company = "Cedar", outcome = "accepted-offer", version = 1 });
        await using var before = app.OpenUnfiltered();
        var draftsBefore = await before.Drafts.IgnoreQueryFilters().CountAsync(Ct);

        var response = await browser.PostJsonAsync($"/api/v1/applications/{cedar}/close-out", new { tone = "brief" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var others = (await response.JsonAsync()).GetProperty("others").EnumerateArray().ToList();
        Assert.Equal(["Acme", "Birch"], others.Select(o => o.GetProperty("company").GetString()).Order().ToList());
        var toAcme = others.Single(o => o.GetProperty("company").GetString() == "Acme");
        Assert.Equal("withdrawal-note", toAcme.GetProperty("kind").GetString());
        Assert.Equal("brief", toAcme.GetProperty("tone").GetString());
        Assert.Equal(acme, toAcme.GetProperty("application").GetString());
        Assert.Contains("Dear Sam Patel", toAcme.GetProperty("body").GetString(), StringComparison.Ordinal);
        Assert.Contains("accepted another offer", toAcme.GetProperty("body").GetString(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Array, toAcme.GetProperty("findings").ValueKind);
        await using var after = app.OpenUnfiltered();
        Assert.Equal(draftsBefore, await after.Drafts.IgnoreQueryFilters().CountAsync(Ct));
    }

    [Fact]
    public async Task ChecksAndDraftsLinkToAnApplicationAndSurviveItsDeletionUnlessAsked()
    {
        using var browser = app.NewBrowser();
        var keep = (await CreateAsync(browser, "Keep Co")).GetProperty("id").GetString();
        var gone = (await CreateAsync(browser, "Gone Co")).GetProperty("id").GetString();
        async Task<(string Session, string Draft)> LinkBothAsync(string? application)
        {
            var session = await browser.PostJsonAsync("/api/v1/sessions", new
            {
                checklist = "walk-out",
                answers = new Dictionary<string, string> { ["aggressive-behaviour"] = "yes" },
                application,
            });
            var draft = await browser.PostJsonAsync("/api/v1/drafts", new { kind = "withdrawal-note", tone = "warm", body = "Hello", application });
            var s = await session.JsonAsync();
            Assert.Equal(application, s.GetProperty("application").GetString());
            return (s.GetProperty("id").GetString()!, (await draft.JsonAsync()).GetProperty("id").GetString()!);
        }

        var (keptSession, keptDraft) = await LinkBothAsync(keep);
        var (goneSession, goneDraft) = await LinkBothAsync(gone);
        var linked = await (await browser.GetAsync($"/api/v1/applications/{keep}", Ct)).JsonAsync();
        Assert.Equal(["created", "check", "draft"], Types(linked));

        Assert.Equal(HttpStatusCode.NoContent, (await browser.DeleteAsync($"/api/v1/applications/{keep}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await browser.DeleteAsync($"/api/v1/applications/{gone}?linked=delete", Ct)).StatusCode);

        var session = await (await browser.GetAsync($"/api/v1/sessions/{keptSession}", Ct)).JsonAsync();
        Assert.Equal(JsonValueKind.Null, session.GetProperty("application").ValueKind);
        var draft = await (await browser.GetAsync($"/api/v1/drafts/{keptDraft}", Ct)).JsonAsync();
        Assert.Equal(JsonValueKind.Null, draft.GetProperty("application").ValueKind);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync($"/api/v1/sessions/{goneSession}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync($"/api/v1/drafts/{goneDraft}", Ct)).StatusCode);
    }

    [Fact]
    public async Task ExportDeleteEverythingAndTransferIncludeApplications()
    {
        using var browser = app.NewBrowser();
        var id = (await CreateAsync(browser, "Export Co")).GetProperty("id").GetString();
        await browser.PutJsonAsync($"/api/v1/applications/{id}", new { company = "Export Co", outcome = "no-reply", note = "Chased twice", version = 1 });

        var json = await (await browser.GetAsync("/api/v1/export", Ct)).JsonAsync();
        var exported = Assert.Single(json.GetProperty("applications").EnumerateArray());
        Assert.Equal("no-reply", exported.GetProperty("outcome").GetString());
        Assert.Equal(["created", "outcome", "note"], Types(exported));
        var markdown = await browser.GetStringAsync("/api/v1/export?format=markdown", Ct);
        Assert.Contains("## Applications", markdown, StringComparison.Ordinal);
        Assert.Contains("Outcome: No reply.", markdown, StringComparison.Ordinal);
        Assert.Contains("Chased twice", markdown, StringComparison.Ordinal);

        var code = (await (await browser.PostJsonAsync("/api/v1/owner/transfer", new { })).JsonAsync()).GetProperty("code").GetString();
        using var phone = app.NewBrowser();
        var redeem = await phone.PostJsonAsync("/api/v1/owner/transfer/redeem", new { code });
        using var onPhone = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/applications/{id}").WithCookie(OwnerCookieOf(redeem));
        Assert.Equal(HttpStatusCode.OK, (await phone.SendAsync(onPhone, Ct)).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await browser.DeleteAsync("/api/v1/owner", Ct)).StatusCode);
        await using var db = app.OpenUnfiltered();
        var appId = Guid.Parse(id!);
        Assert.False(await db.Applications.IgnoreQueryFilters().AnyAsync(a => a.Id == appId, Ct));
        Assert.False(await db.ApplicationEvents.IgnoreQueryFilters().AnyAsync(e => e.ApplicationId == appId, Ct));
    }
}
