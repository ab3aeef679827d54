using System.Net;
using AngleSharp.Dom;
using InterviewCompass.Web.Tests.Support;
using Microsoft.Data.Sqlite;
using static InterviewCompass.Web.Tests.Support.OwnerDataClient;

namespace InterviewCompass.Web.Tests.Features.Checks;

/// <summary>
/// "Nothing lost" on the check page, as a browser without JavaScript sees it (the autosave script calls the same
/// sessions API): the verdict is kept, reopened only by its owner, unfinished runs are offered again, restarts lose nothing.
/// </summary>
public sealed class CheckSessionTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    private static readonly (string, string)[] LeaveAnswers =
        [("Answer[salary-below-posted]", "raised-unresolved"), ("Answer[culture-mismatch]", "no")];

    [Fact]
    public async Task TheFormPostKeepsAFinishedSessionAndRedirectsToIt()
    {
        using var browser = app.NewBrowser();

        using var posted = await PostCheckAsync(browser, "/check/walk-out", [.. LeaveAnswers, ("Label", "Acme, data analyst")]);

        Assert.Equal(HttpStatusCode.Found, posted.StatusCode);
        Assert.Matches("^/check/walk-out\\?session=[0-9a-f]{32}$", posted.Headers.Location!.PathAndQuery);
        Assert.Contains(posted.Headers.GetValues("Set-Cookie"), c => c.StartsWith("ic-owner=", StringComparison.Ordinal));
        var kept = await (await browser.GetAsync($"/api/v1/sessions/{SessionIdOf(posted)}", Ct)).JsonAsync();
        Assert.True(kept.GetProperty("completed").GetBoolean());
        Assert.Equal("leave", kept.GetProperty("outcome").GetString());
        Assert.Equal("Acme, data analyst", kept.GetProperty("label").GetString());
        Assert.Equal("raised-unresolved", kept.GetProperty("answers").GetProperty("salary-below-posted").GetString());
    }

    [Fact]
    public async Task TheSessionAddressShowsTheSameAnswersCheckedAndTheVerdictAndIsNotStored()
    {
        using var browser = app.NewBrowser();
        using var posted = await PostCheckAsync(browser, "/check/walk-out", [.. LeaveAnswers, ("Label", "Acme, data analyst")]);
        var id = SessionIdOf(posted);

        using var response = await browser.GetAsync(posted.Headers.Location, Ct);
        var page = await response.ReadDocumentAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl?.NoStore);
        Assert.Equal("You can leave, politely", page.QuerySelector("#verdict-headline")!.TextContent);
        Assert.Equal(["raised-unresolved", "no"], page.QuerySelectorAll("#check-form input[type=radio][checked]").Select(i => i.GetAttribute("value")));
        Assert.Equal("Acme, data analyst", page.QuerySelector("#check-label")!.GetAttribute("value"));
        Assert.Equal(id, page.QuerySelector("#check-session")!.GetAttribute("value"));
        Assert.EndsWith($"&session={id}", page.QuerySelector(".drafts a")!.GetAttribute("href"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnotherBrowserSeesAnEmptyCheckAndNothingOfThatSession()
    {
        using var owner = app.NewBrowser();
        using var posted = await PostCheckAsync(owner, "/check/walk-out", [.. LeaveAnswers, ("Label", "Private label")]);
        using var stranger = app.NewBrowser();
        await stranger.SaveSessionAsync();

        using var response = await stranger.GetAsync(posted.Headers.Location, Ct);
        var html = await response.Content.ReadAsStringAsync(Ct);

        // The same page as for an id the server does not have yet (issue 18: a reload never says "not found"),
        // so it tells the stranger nothing, not even that the session exists.
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("id=\"check-not-on-server\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Private label", html, StringComparison.Ordinal);
        Assert.DoesNotContain("checked", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASessionTheServerDoesNotHaveYetShowsTheCheckSayingSo()
    {
        using var browser = app.NewBrowser();
        await browser.SaveSessionAsync();

        using var response = await browser.GetAsync("/check/walk-out?session=0123456789abcdef0123456789abcdef", Ct);
        var html = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("This check is not saved on the server (yet).", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AMalformedSessionIdIsNotFound()
    {
        using var browser = app.NewBrowser();
        await browser.SaveSessionAsync();

        using var response = await browser.GetAsync("/check/walk-out?session=not-an-id", Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task ASessionOpensOnlyOnItsOwnChecklist()
    {
        using var browser = app.NewBrowser();
        var id = await browser.SaveSessionAsync();

        using var response = await browser.GetAsync($"/check/exit-interview?session={id}", Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task AnUnfinishedSessionIsOfferedWhenTheCheckIsOpenedAgain()
    {
        using var browser = app.NewBrowser();
        var id = await browser.SaveSessionAsync(
            new Dictionary<string, string> { ["salary-below-posted"] = "yes", ["culture-mismatch"] = "no" }, label: "Acme", completed: false);

        using var response = await browser.GetAsync("/check/walk-out", Ct);
        var page = await response.ReadDocumentAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl?.NoStore);
        var offer = page.QuerySelector("#continue-offer")!;
        // Without a script the time reads in UTC, saying so; the page's script rewrites it into the reader's zone.
        Assert.StartsWith("You have an unfinished check from 22 November 2026, 09:00 UTC", offer.QuerySelector("h2")!.Text(), StringComparison.Ordinal);
        Assert.Equal("2026-11-22T09:00:00Z", offer.QuerySelector("time[data-local-time]")!.GetAttribute("datetime"));
        Assert.Contains("Acme: 2 answers so far", offer.Text(), StringComparison.Ordinal);
        Assert.Equal($"/check/walk-out?session={Compact(id)}", offer.QuerySelector("#continue-session")!.GetAttribute("href"));
        Assert.Equal("/check/walk-out?start=new", offer.QuerySelector("#start-again")!.GetAttribute("href"));
        Assert.Empty(page.QuerySelectorAll("#check-form input[checked]"));
    }

    [Fact]
    public async Task ContinuingShowsTheAnswersSoFarWithoutAVerdictAndStartAgainShowsNoOffer()
    {
        using var browser = app.NewBrowser();
        var id = await browser.SaveSessionAsync(new Dictionary<string, string> { ["aggressive-behaviour"] = "unsure" }, completed: false);

        var continued = await (await browser.GetAsync($"/check/walk-out?session={Compact(id)}", Ct)).ReadDocumentAsync();
        var fresh = await (await browser.GetAsync("/check/walk-out?start=new", Ct)).ReadDocumentAsync();

        Assert.Equal("unsure", continued.QuerySelector("input[name='Answer[aggressive-behaviour]'][checked]")!.GetAttribute("value"));
        Assert.NotNull(continued.QuerySelector("#check-resumed"));
        Assert.Null(continued.QuerySelector("#verdict"));
        Assert.Null(continued.QuerySelector("#continue-offer"));
        Assert.Equal(Compact(id), continued.QuerySelector("#check-session")!.GetAttribute("value"));
        Assert.Null(fresh.QuerySelector("#continue-offer"));
    }

    [Fact]
    public async Task ABrowserThatKeptNothingIsOfferedNothing()
    {
        using var someoneElse = app.NewBrowser();
        await someoneElse.SaveSessionAsync(completed: false);
        using var browser = app.NewBrowser();

        var page = await (await browser.GetAsync("/check/walk-out", Ct)).ReadDocumentAsync();

        Assert.Null(page.QuerySelector("#continue-offer"));
    }

    [Fact]
    public async Task TheVerdictFinishesTheSessionTheAutosaveStarted()
    {
        using var browser = app.NewBrowser();
        var id = await browser.SaveSessionAsync(new Dictionary<string, string> { ["salary-below-posted"] = "raised-unresolved" }, completed: false);

        using var posted = await PostCheckAsync(browser, "/check/walk-out", [.. LeaveAnswers, ("session", Compact(id))]);

        Assert.Equal(Compact(id), SessionIdOf(posted));
        var list = await (await browser.GetAsync("/api/v1/sessions", Ct)).JsonAsync();
        var only = Assert.Single(list.GetProperty("items").EnumerateArray());
        Assert.True(only.GetProperty("completed").GetBoolean());
        var again = await (await browser.GetAsync("/check/walk-out", Ct)).ReadDocumentAsync();
        Assert.Null(again.QuerySelector("#continue-offer"));
    }

    [Fact]
    public async Task AFormOpenedBeforeTheFirstAutosaveStillPostsAfterIt()
    {
        // The order a browser with JavaScript follows: open the check, answer (the autosave's first save issues the
        // owner cookie), then "Show my verdict" with the antiforgery token the page was opened with.
        using var browser = app.NewBrowser();
        using var opened = await browser.GetAsync("/check/walk-out", Ct);
        var form = (await opened.ReadDocumentAsync()).QuerySelector("#check-form")!;
        var id = await browser.SaveSessionAsync(new Dictionary<string, string> { ["salary-below-posted"] = "raised-unresolved" }, completed: false);
        var values = form.QuerySelectorAll("input[type=hidden]")
            .ToDictionary(i => i.GetAttribute("name")!, i => i.GetAttribute("value") ?? "");
        foreach (var (name, value) in LeaveAnswers)
        {
            values[name] = value;
        }

        values["session"] = Compact(id);

        using var posted = await browser.PostAsync(Action(form, "/check/walk-out"), new FormUrlEncodedContent(values), Ct);

        Assert.Equal(HttpStatusCode.Found, posted.StatusCode);
        Assert.Equal(Compact(id), SessionIdOf(posted));
    }

    [Fact]
    public async Task AnotherOwnersSessionIdInTheFormIsNeverChangedTheAnswersGoToANewSession()
    {
        using var owner = app.NewBrowser();
        var theirs = await owner.SaveSessionAsync(new Dictionary<string, string> { ["culture-mismatch"] = "no" }, label: "Theirs", completed: false);
        using var stranger = app.NewBrowser();

        using var posted = await PostCheckAsync(stranger, "/check/walk-out", [.. LeaveAnswers, ("session", Compact(theirs))]);

        Assert.Equal(HttpStatusCode.Found, posted.StatusCode);
        Assert.NotEqual(Compact(theirs), SessionIdOf(posted));
        var kept = await (await owner.GetAsync($"/api/v1/sessions/{theirs}", Ct)).JsonAsync();
        Assert.False(kept.GetProperty("completed").GetBoolean());
        Assert.Equal("Theirs", kept.GetProperty("label").GetString());
        Assert.Equal("no", Assert.Single(kept.GetProperty("answers").EnumerateObject()).Value.GetString());
    }

    [Fact]
    public async Task ALabelOverTheLimitIsExplainedAndNothingIsKept()
    {
        using var browser = app.NewBrowser();

        using var posted = await PostCheckAsync(browser, "/check/walk-out", [.. LeaveAnswers, ("Label", new string('x', 121))]);
        var page = await posted.ReadDocumentAsync();

        Assert.Equal(HttpStatusCode.BadRequest, posted.StatusCode);
        var error = page.QuerySelector("#check-label-error")!.Text();
        Assert.Contains("121 characters", error, StringComparison.Ordinal);
        Assert.Contains("120 characters or fewer", error, StringComparison.Ordinal);
        Assert.Equal("true", page.QuerySelector("#check-label")!.GetAttribute("aria-invalid"));
        Assert.Equal(["raised-unresolved", "no"], page.QuerySelectorAll("#check-form input[type=radio][checked]").Select(i => i.GetAttribute("value")));
        Assert.False(posted.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("ic-owner=", StringComparison.Ordinal)));
        var list = await (await browser.GetAsync("/api/v1/sessions", Ct)).JsonAsync();
        Assert.Equal(0, list.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task MarkupInTheLabelIsKeptAsTextAndShownEscaped()
    {
        const string label = "<script>alert(1)</script><b>Acme</b> & \"Co\"";
        using var browser = app.NewBrowser();
        using var posted = await PostCheckAsync(browser, "/check/walk-out", [.. LeaveAnswers, ("Label", label)]);
        await browser.SaveSessionAsync(label: label, completed: false);

        var verdictPage = await (await browser.GetAsync(posted.Headers.Location, Ct)).ReadDocumentAsync();
        var offerPage = await (await browser.GetAsync("/check/walk-out", Ct)).ReadDocumentAsync();

        Assert.Equal(label, verdictPage.QuerySelector("#check-label")!.GetAttribute("value"));
        Assert.Equal(label, offerPage.QuerySelector(".continue-label")!.TextContent);
        foreach (var page in new[] { verdictPage, offerPage })
        {
            Assert.Empty(page.QuerySelectorAll("main b, main script"));
            Assert.All(page.QuerySelectorAll("script"), s => Assert.False(string.IsNullOrEmpty(s.GetAttribute("src"))));
        }
    }

    [Fact]
    public async Task AKeptSessionSurvivesARestart()
    {
        var folder = Path.Combine(Path.GetTempPath(), "ic-tests", Guid.NewGuid().ToString("N"));
        var settings = new Dictionary<string, string?> { ["Storage:DataPath"] = folder };
        try
        {
            string location;
            IEnumerable<string> cookies;
            await using (var first = new AppFactory(settings))
            {
                using var browser = first.CreateClient(new() { AllowAutoRedirect = false });
                using var posted = await PostCheckAsync(browser, "/check/walk-out", [.. LeaveAnswers, ("Label", "Before the restart")]);
                location = posted.Headers.Location!.PathAndQuery;
                cookies = [.. posted.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0])];
            }

            await using var second = new AppFactory(settings);
            using var again = second.CreateClient();
            again.DefaultRequestHeaders.Add("Cookie", string.Join("; ", cookies));

            using var response = await again.GetAsync(location, Ct);
            var page = await response.ReadDocumentAsync();

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("You can leave, politely", page.QuerySelector("#verdict-headline")!.TextContent);
            Assert.Equal(["raised-unresolved", "no"], page.QuerySelectorAll("#check-form input[type=radio][checked]").Select(i => i.GetAttribute("value")));
            Assert.Equal("Before the restart", page.QuerySelector("#check-label")!.GetAttribute("value"));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task TheFormCarriesWhatTheAutosaveScriptNeeds()
    {
        using var browser = app.NewBrowser();

        var page = await (await browser.GetAsync("/check/walk-out", Ct)).ReadDocumentAsync();

        var form = page.QuerySelector("form#check-form[data-autosave]")!;
        Assert.Equal("walk-out", form.GetAttribute("data-checklist"));
        Assert.Equal("hidden", form.QuerySelector("#check-session")!.GetAttribute("type"));
        Assert.Equal("session", form.QuerySelector("#check-session")!.GetAttribute("name"));
        Assert.Equal("status", form.QuerySelector("#check-autosave-status")!.GetAttribute("role"));
        // Loaded by js/page-scripts.js from the page's own modulepreload link (Shared/PageScript.razor), by its fingerprinted name.
        Assert.Contains(page.QuerySelectorAll("link[rel=modulepreload][data-page-script]"), s => s.GetAttribute("href")!.Contains("js/check-autosave.", StringComparison.Ordinal));
    }

    /// <summary>Opens the page and posts its form as a browser without JavaScript would, with <paramref name="fields"/> set.</summary>
    private static async Task<HttpResponseMessage> PostCheckAsync(HttpClient browser, string path, (string Name, string Value)[] fields)
    {
        using var opened = await browser.GetAsync(path, Ct);
        var form = (await opened.ReadDocumentAsync()).QuerySelector("#check-form")!;
        var values = form.QuerySelectorAll("input[type=hidden]")
            .ToDictionary(i => i.GetAttribute("name")!, i => i.GetAttribute("value") ?? "");
        foreach (var (name, value) in fields)
        {
            values[name] = value;
        }

        return await browser.PostAsync(Action(form, path), new FormUrlEncodedContent(values), Ct);
    }

    private static string Action(IElement form, string path) =>
        form.GetAttribute("action") is { Length: > 0 } action ? action : path;

    private static string SessionIdOf(HttpResponseMessage redirect) =>
        redirect.Headers.Location!.Query.Split("session=")[1];

    private static string Compact(string id) => Guid.Parse(id).ToString("N");
}
