using System.Net;
using InterviewCompass.Core.Content;
using InterviewCompass.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using static InterviewCompass.Web.Tests.Support.OwnerDataClient;

namespace InterviewCompass.Web.Tests.Features.History;

/// <summary>The <c>/history</c> pages, rendered on the server and usable without JavaScript.</summary>
public sealed class HistoryPageTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task AnEmptyHistoryExplainsWhatIsKeptAndThatNoAccountIsNeeded()
    {
        using var browser = app.NewBrowser();

        var page = await browser.GetStringAsync("/history", Ct);

        Assert.Contains("Nothing is kept here yet", page, StringComparison.Ordinal);
        Assert.Contains("no account", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SessionsAndDraftsAreListedNewestFirstWithLabelAndOutcome()
    {
        using var browser = app.NewBrowser();
        await browser.SaveSessionAsync(label: "Older interview");
        app.Clock.Advance(TimeSpan.FromMinutes(5));
        var kind = app.Factory.Services.GetRequiredService<ContentCatalog>().MessageKinds[0];
        await browser.PostJsonAsync("/api/v1/drafts", new
        {
            kind = kind.Id,
            tone = "warm",
            situation = kind.Situations.Count > 0 ? kind.Situations[0] : null,
            subject = "Newer draft",
            body = "Text",
        });
        app.Clock.Advance(TimeSpan.FromMinutes(5));
        await browser.SaveSessionAsync(label: "Newest interview", completed: false);

        var page = await browser.GetStringAsync("/history", Ct);

        var newest = page.IndexOf("Newest interview", StringComparison.Ordinal);
        var draft = page.IndexOf("Newer draft", StringComparison.Ordinal);
        var older = page.IndexOf("Older interview", StringComparison.Ordinal);
        Assert.True(newest >= 0 && newest < draft && draft < older, page);
        Assert.Contains("Not finished", page, StringComparison.Ordinal);
        Assert.Contains("Verdict:", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheHistoryIsPagedByTwenty()
    {
        using var browser = app.NewBrowser();
        for (var i = 1; i <= 21; i++)
        {
            await browser.SaveSessionAsync(label: $"Interview number {i:00}");
            app.Clock.Advance(TimeSpan.FromSeconds(1));
        }

        var first = await browser.GetStringAsync("/history", Ct);
        var second = await browser.GetStringAsync("/history?page=2", Ct);

        Assert.Contains("Interview number 21", first, StringComparison.Ordinal);
        Assert.DoesNotContain("Interview number 01", first, StringComparison.Ordinal);
        Assert.Contains("Interview number 01", second, StringComparison.Ordinal);
        Assert.Contains("/history?page=2", first, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("99999999999")]
    [InlineData("2147483647")]
    [InlineData("-5")]
    public async Task APageNumberThatIsNotOneStillShowsTheHistory(string page)
    {
        using var browser = app.NewBrowser();
        await browser.SaveSessionAsync(label: "Kept check");

        using var response = await browser.GetAsync($"/history?page={page}", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task MarkupInALabelIsShownEscapedNeverRun()
    {
        using var browser = app.NewBrowser();
        var id = await browser.SaveSessionAsync(label: "<script>alert(1)</script>");

        var list = await browser.GetStringAsync("/history", Ct);
        var details = await browser.GetStringAsync($"/history/sessions/{id}", Ct);

        foreach (var page in new[] { list, details })
        {
            Assert.DoesNotContain("<script>alert(1)</script>", page, StringComparison.Ordinal);
            Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", page, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task AFinishedSessionShowsItsVerdictAgain()
    {
        using var browser = app.NewBrowser();
        var id = await browser.SaveSessionAsync(label: "Acme");
        var verdict = await (await browser.GetAsync($"/api/v1/sessions/{id}", Ct)).JsonAsync();

        var page = await browser.GetStringAsync($"/history/sessions/{id}", Ct);

        Assert.Contains(System.Net.WebUtility.HtmlEncode(verdict.GetProperty("headline").GetString()!), page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnfinishedSessionOffersToContinueInTheChecklist()
    {
        using var browser = app.NewBrowser();
        var id = await browser.SaveSessionAsync(completed: false);

        var page = await browser.GetStringAsync($"/history/sessions/{id}", Ct);

        Assert.Contains($"/check/walk-out?session={Guid.Parse(id):N}", page, StringComparison.Ordinal);
        Assert.Contains("Continue", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASessionIsDeletedThroughItsConfirmationForm()
    {
        using var browser = app.NewBrowser();
        var id = await browser.SaveSessionAsync();

        var response = await browser.SubmitFormAsync($"/history/sessions/{id}/delete", "delete-session");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/history", response.Headers.Location?.AbsolutePath);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync($"/api/v1/sessions/{id}", Ct)).StatusCode);
    }

    [Fact]
    public async Task ADeleteWithoutTheAntiforgeryTokenIsRefused()
    {
        using var browser = app.NewBrowser();
        var id = await browser.SaveSessionAsync();

        var response = await browser.PostAsync(
            $"/history/sessions/{id}/delete",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["_handler"] = "delete-session" }),
            Ct);

        // Refused: sent back to the page with the "form had expired" message, and the session is still there.
        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal($"/history/sessions/{id}/delete?expired=1", response.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync($"/api/v1/sessions/{id}", Ct)).StatusCode);
    }

    [Fact]
    public async Task ADraftShowsItsTextAndEarlierVersionsAndCanBeDeleted()
    {
        using var browser = app.NewBrowser();
        var kind = app.Factory.Services.GetRequiredService<ContentCatalog>().MessageKinds[0];
        object Draft(string body) => new
        {
            kind = kind.Id,
            tone = "warm",
            situation = kind.Situations.Count > 0 ? kind.Situations[0] : null,
            body,
        };
        var id = (await (await browser.PostJsonAsync("/api/v1/drafts", Draft("Old <b>words</b>"))).JsonAsync()).GetProperty("id").GetString();
        await browser.PutJsonAsync($"/api/v1/drafts/{id}", Draft("New words"));

        var page = await browser.GetStringAsync($"/history/drafts/{id}", Ct);
        var deleted = await browser.SubmitFormAsync($"/history/drafts/{id}/delete", "delete-draft");

        Assert.Contains("New words", page, StringComparison.Ordinal);
        Assert.Contains("Old &lt;b&gt;words&lt;/b&gt;", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync($"/api/v1/drafts/{id}", Ct)).StatusCode);
    }

    [Fact]
    public async Task AnUnknownIdIsNotFound()
    {
        using var browser = app.NewBrowser();
        await browser.SaveSessionAsync();

        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync($"/history/sessions/{Guid.NewGuid()}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync("/history/sessions/1", Ct)).StatusCode);
    }
}
