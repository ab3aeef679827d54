using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using InterviewCompass.Core.Messages;
using InterviewCompass.Web.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;

namespace InterviewCompass.Web.Tests.Features.Drafts;

/// <summary>The composer as a browser without JavaScript uses it: a plain form, posted, and a redirect after a save.</summary>
public sealed class DraftFormTests : IClassFixture<DraftFormTests.App>
{
    private readonly App _app;

    public DraftFormTests(App app) => _app = app;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private HttpClient NewBrowser() => _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    private static ComposedMessage Compose(string kind, string tone, Dictionary<string, string>? fields = null) =>
        new MessageComposer(RealContent.Catalog).Compose(new ComposeRequest(kind, tone, null, fields ?? [])).Message!;

    [Fact]
    public async Task FillInAndCheckShowsTheFilledTemplateAndItsFindings()
    {
        using var browser = NewBrowser();
        var page = await OpenAsync(browser, "/drafts/new?kind=withdrawal-note");

        using var posted = await PostAsync(browser, page, ("Action", "preview"), ("Field[name]", "Dana Whitfield"), ("Tone", "brief"));
        var shown = await posted.ReadDocumentAsync();

        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.Equal(Compose("withdrawal-note", "brief", new() { ["name"] = "Dana Whitfield" }).Body, BodyOf(shown));
        Assert.Equal("Dana Whitfield", shown.QuerySelector<IHtmlInputElement>("#draft-name")!.Value);
        Assert.NotNull(shown.QuerySelector("#findings-summary"));
        Assert.True(posted.Headers.CacheControl?.NoStore, "Cache-Control: no-store");
        Assert.False(posted.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("ic-owner=", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task OwnTextIsNeverReplacedByAnotherKindOrFieldUntilStartingAgain()
    {
        using var browser = NewBrowser();
        var page = await OpenAsync(browser, "/drafts/new?kind=withdrawal-note");
        const string Own = "Dear Sam,\nThank you for your time. I have decided to withdraw.\nHonestly, the office was dirty.\nBest wishes,\nAlex";

        using var first = await PostAsync(browser, page, ("Action", "preview"), ("Body", Own.ReplaceLineEndings("\r\n")));
        var afterFirst = await first.ReadDocumentAsync();
        Assert.Equal(Own, BodyOf(afterFirst));
        Assert.NotNull(afterFirst.QuerySelector("li.finding[data-rule=too-much-detail]"));
        Assert.False(afterFirst.QuerySelector("#draft-edited")!.HasAttribute("hidden"));

        using var second = await PostAsync(browser, afterFirst, ("Action", "preview"), ("Kind", "recruiter-note"), ("Field[name]", "Jordan"));
        var afterSecond = await second.ReadDocumentAsync();
        Assert.Equal(Own, BodyOf(afterSecond));

        using var again = await PostAsync(browser, afterSecond, ("Action", "start-again"));
        var template = Compose("recruiter-note", "warm", new() { ["name"] = "Jordan" });
        Assert.Equal(template.Body, BodyOf(await again.ReadDocumentAsync()));
    }

    [Fact]
    public async Task SavingIssuesTheOwnerCookieAndRedirectsToTheKeptDraft()
    {
        using var browser = NewBrowser();
        var page = await OpenAsync(browser, "/drafts/new?kind=withdrawal-note");
        const string Own = "Dear Sam,\nThank you. My own <b>words</b>.";

        using var saved = await PostAsync(browser, page, ("Action", "save"), ("Body", Own.ReplaceLineEndings("\r\n")), ("Field[name]", "Sam"));

        Assert.Equal(HttpStatusCode.Found, saved.StatusCode);
        Assert.Contains(saved.Headers.GetValues("Set-Cookie"), c => c.StartsWith("ic-owner=", StringComparison.Ordinal));
        var location = saved.Headers.Location!.PathAndQuery;
        Assert.Matches("^/drafts/[0-9a-f-]{36}$", location);

        using var reopened = await browser.GetAsync(location, Ct);
        var kept = await reopened.ReadDocumentAsync();
        Assert.Equal(Own, BodyOf(kept));
        Assert.Equal("Sam", kept.QuerySelector<IHtmlInputElement>("#draft-name")!.Value);
        Assert.StartsWith("Saved", kept.QuerySelector("#draft-save-status")!.Text(), StringComparison.Ordinal);
        Assert.Contains(kept.QuerySelectorAll("button"), b => b.TextContent == "Start again from the template");

        var history = await browser.GetStringAsync("/history", Ct);
        Assert.Contains($"/history/drafts/{Guid.Parse(location["/drafts/".Length..]):N}", history, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SavingAgainKeepsTheEarlierTextAndRestoreBringsItBackKeepingTheLaterOne()
    {
        using var browser = NewBrowser();
        var page = await OpenAsync(browser, "/drafts/new?kind=withdrawal-note");
        using var first = await PostAsync(browser, page, ("Action", "save"), ("Body", "First words."));
        var address = first.Headers.Location!.PathAndQuery;
        var kept = await OpenAsync(browser, address);
        using var second = await PostAsync(browser, kept, ("Action", "save"), ("Body", "Second words."));
        Assert.Equal(address, second.Headers.Location!.PathAndQuery);

        var withVersion = await OpenAsync(browser, address);
        Assert.Equal("Second words.", BodyOf(withVersion));
        var restore = withVersion.QuerySelector("#versions-list button[name=Restore]")!;
        Assert.Equal("Restore version 1", restore.GetAttribute("aria-label"));

        using var restored = await PostAsync(browser, withVersion, ("Restore", restore.GetAttribute("value")!));
        Assert.Equal(HttpStatusCode.Found, restored.StatusCode);
        var after = await OpenAsync(browser, restored.Headers.Location!.PathAndQuery);
        Assert.Equal("First words.", BodyOf(after));
        Assert.Contains("Restored version 1", after.QuerySelector("#draft-action-status")!.TextContent, StringComparison.Ordinal);
        var previews = after.QuerySelectorAll("#versions-list .preview").Select(p => p.TextContent).ToList();
        Assert.Contains("Second words.", previews);
        Assert.Contains("First words.", previews);
    }

    [Fact]
    public async Task ASaveThatIsRefusedIsExplainedAndTheTextStaysOnThePage()
    {
        using var browser = NewBrowser();
        var page = await OpenAsync(browser, "/drafts/new?kind=withdrawal-note");

        using var posted = await PostAsync(browser, page, ("Action", "save"), ("Session", Guid.NewGuid().ToString()), ("Body", "Kept on screen."));
        var shown = await posted.ReadDocumentAsync();

        Assert.Equal(HttpStatusCode.BadRequest, posted.StatusCode);
        Assert.Contains("checklist session", shown.QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Kept on screen.", BodyOf(shown));
    }

    [Fact]
    public async Task AKeptDraftOfAnotherBrowserIsNotFoundAndItsFormCannotUpdateIt()
    {
        using var owner = NewBrowser();
        var page = await OpenAsync(owner, "/drafts/new?kind=withdrawal-note");
        using var saved = await PostAsync(owner, page, ("Action", "save"), ("Body", "Only mine."));
        var address = saved.Headers.Location!.PathAndQuery;

        using var stranger = NewBrowser();
        using var theirs = await stranger.GetAsync(address, Ct);
        Assert.Equal(HttpStatusCode.NotFound, theirs.StatusCode);

        var blank = await OpenAsync(stranger, "/drafts/new");
        using var posted = await PostAsync(stranger, blank, ("Action", "save"), ("Draft", address["/drafts/".Length..]), ("Body", "Overwritten?"));
        Assert.Equal(HttpStatusCode.Found, posted.StatusCode);
        Assert.NotEqual(address, posted.Headers.Location!.PathAndQuery);
        Assert.Equal("Only mine.", BodyOf(await OpenAsync(owner, address)));
    }

    [Fact]
    public async Task ComposerPostsSpendTheWriteBudgetButViewingItDoesNot()
    {
        await using var limited = new AppFactory(new Dictionary<string, string?> { ["RateLimits:WritesPerMinute"] = "2" });
        using var browser = limited.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        for (var i = 0; i < 4; i++)
        {
            using var view = await browser.GetAsync("/drafts/new?kind=withdrawal-note", Ct);
            Assert.Equal(HttpStatusCode.OK, view.StatusCode);
        }

        var page = await OpenAsync(browser, "/drafts/new?kind=withdrawal-note");
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            using var posted = await PostAsync(browser, page, ("Action", "preview"));
            statuses.Add(posted.StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
    }

    private static async Task<IDocument> OpenAsync(HttpClient browser, string path)
    {
        using var response = await browser.GetAsync(path, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.ReadDocumentAsync();
    }

    private static string BodyOf(IDocument page) => page.QuerySelector<IHtmlTextAreaElement>("#draft-body")!.Value.ReplaceLineEndings("\n");

    /// <summary>Posts the composer's form as a browser without JavaScript: every field as shown, with <paramref name="changes"/>.</summary>
    private static Task<HttpResponseMessage> PostAsync(HttpClient browser, IDocument page, params (string Name, string Value)[] changes)
    {
        var form = page.QuerySelector<IHtmlFormElement>("form#composer")!;
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var element in form.QuerySelectorAll("input, select, textarea"))
        {
            switch (element)
            {
                case IHtmlInputElement { Type: "radio" or "checkbox", IsChecked: false }:
                    break;
                case IHtmlInputElement input when !string.IsNullOrEmpty(input.Name):
                    fields.Add(new(input.Name!, input.Value));
                    break;
                case IHtmlSelectElement select when !string.IsNullOrEmpty(select.Name):
                    var selected = select.QuerySelector("option[selected]") ?? select.QuerySelector("option:not([disabled])");
                    fields.Add(new(select.Name!, selected?.GetAttribute("value") ?? ""));
                    break;
                case IHtmlTextAreaElement area when !string.IsNullOrEmpty(area.Name):
                    fields.Add(new(area.Name!, area.Value.ReplaceLineEndings("\r\n")));
                    break;
            }
        }

        foreach (var (name, value) in changes)
        {
            fields.RemoveAll(f => f.Key == name);
            fields.Add(new(name, value));
        }

        return browser.PostAsync(form.GetAttribute("action"), new FormUrlEncodedContent(fields), Ct);
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
