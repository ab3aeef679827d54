using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AngleSharp.Dom;
using InterviewCompass.Core.Messages;
using InterviewCompass.Web.Tests.Support;

namespace InterviewCompass.Web.Tests.Features.Drafts;

/// <summary>The composer pages over HTTP: the first, static render of the real app.</summary>
public sealed class DraftPagesTests : IClassFixture<DraftPagesTests.App>
{
    private readonly App _app;

    public DraftPagesTests(App app) => _app = app;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task NewDraftPageIsServedAndNeverCached()
    {
        using var client = _app.CreateClient();

        using var response = await client.GetAsync("/drafts/new", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl?.NoStore, "Cache-Control: no-store");
        var html = await response.Content.ReadAsStringAsync(Ct);
        Assert.Contains("id=\"draft-body\"", html, StringComparison.Ordinal);
        Assert.Contains("for=\"draft-body\"", html, StringComparison.Ordinal);
        // The composer's own script, from this site by its fingerprinted name (Shared/PageScript.razor, imported by
        // js/page-scripts.js also after enhanced navigation); the page needs no live connection.
        Assert.Matches(@"<link rel=""modulepreload"" href=""js/composer\.[a-z0-9]+\.js"" data-page-script", html);
        Assert.DoesNotContain("components-reconnect", html, StringComparison.Ordinal);
        Assert.Contains("name=\"__RequestVerificationToken\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheAppOpensNoInteractiveCircuit()
    {
        using var client = _app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        // With an interactive render mode this is where the SignalR connection of a circuit starts.
        using var negotiate = await client.PostAsync("/_blazor/negotiate?negotiateVersion=1", content: null, Ct);
        var answer = await negotiate.Content.ReadAsStringAsync(Ct);
        var page = await client.GetStringAsync("/drafts/new", Ct);

        Assert.NotEqual(HttpStatusCode.OK, negotiate.StatusCode);
        Assert.DoesNotContain("connectionId", answer, StringComparison.Ordinal);
        Assert.DoesNotContain("<!--Blazor:", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownKindInTheQueryIsExplainedNotAnError()
    {
        using var client = _app.CreateClient();

        using var response = await client.GetAsync("/drafts/new?kind=%3Cscript%3Ealert(1)%3C%2Fscript%3E&situation=nope", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync(Ct);
        Assert.Contains("There is no message kind called", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert(1)", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownDraftIdIsNotFound()
    {
        using var client = _app.CreateClient();

        using var response = await client.GetAsync($"/drafts/{Guid.NewGuid()}", Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task AKeptDraftOpensForItsOwnerAndIsNotFoundForAnotherOwner()
    {
        using var owner = _app.CreateClient();
        using var created = await owner.PostAsJsonAsync("/api/v1/drafts", new
        {
            kind = "withdrawal-note",
            tone = "brief",
            fields = new Dictionary<string, string> { ["name"] = "Sam" },
            subject = "Withdrawing",
            body = "Dear Sam,\nThank you. My own <b>words</b>.",
        }, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetString();

        using var mine = await owner.GetAsync($"/drafts/{id}", Ct);
        Assert.Equal(HttpStatusCode.OK, mine.StatusCode);
        Assert.True(mine.Headers.CacheControl?.NoStore, "Cache-Control: no-store");
        var html = await mine.Content.ReadAsStringAsync(Ct);
        Assert.Contains("My own &lt;b&gt;words&lt;/b&gt;.", html, StringComparison.Ordinal);
        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html);
        Assert.Equal("Sam", page.QuerySelector("#draft-name")!.GetAttribute("value"));
        Assert.Contains(page.QuerySelectorAll("button"), b => b.TextContent == "Start again from the template");

        using var stranger = _app.CreateClient();
        using var theirs = await stranger.GetAsync($"/drafts/{id}", Ct);
        Assert.Equal(HttpStatusCode.NotFound, theirs.StatusCode);
        Assert.DoesNotContain("My own", await theirs.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ALeaveVerdictOnPayFromASavedSessionOpensThePayWalkOutLine()
    {
        using var client = _app.CreateClient();
        using var saved = await client.PostAsJsonAsync("/api/v1/sessions", new
        {
            checklist = "walk-out",
            answers = new Dictionary<string, string> { ["salary-below-posted"] = "raised-unresolved" },
        }, Ct);
        Assert.Equal(HttpStatusCode.Created, saved.StatusCode);
        var session = (await saved.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetString();

        var html = await client.GetStringAsync($"/drafts/new?session={session}", Ct);

        var catalog = new InterviewCompass.Core.Content.ContentLoader().LoadOrThrow(RepositoryPaths.Content);
        var line = new MessageComposer(catalog).Compose(new ComposeRequest("walk-out-line", "warm", "pay", new Dictionary<string, string>())).Message!;
        var firstLines = line.Body.Split('\n').Where(l => l.Length > 20).Take(2).ToList();
        Assert.NotEmpty(firstLines);
        Assert.All(firstLines, l => Assert.Contains(WebUtility.HtmlEncode(l), html, StringComparison.Ordinal));
        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html);
        Assert.Equal("walk-out-line", page.QuerySelector("#draft-kind option[selected]")!.GetAttribute("value"));
        Assert.Equal("pay", page.QuerySelector("#draft-situation option[selected]")!.GetAttribute("value"));
        Assert.Equal(line.Body, page.QuerySelector<AngleSharp.Html.Dom.IHtmlTextAreaElement>("#draft-body")!.Value.ReplaceLineEndings("\n"));
        Assert.Equal(session!.Replace("-", "", StringComparison.Ordinal), page.QuerySelector("#draft-session")!.GetAttribute("value")!.Replace("-", "", StringComparison.Ordinal));
    }

    /// <summary>One app (and SQLite file) for the class.</summary>
    public sealed class App : AppFactory
    {
        public App()
            : base(null)
        {
        }
    }
}
