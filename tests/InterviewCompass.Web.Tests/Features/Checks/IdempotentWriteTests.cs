using System.Net;
using InterviewCompass.Core.Content;
using InterviewCompass.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using static InterviewCompass.Web.Tests.Support.OwnerDataClient;

namespace InterviewCompass.Web.Tests.Features.Checks;

public sealed class IdempotentWritesOnSqlite(SqliteApp app) : IdempotentWriteTests(app), IClassFixture<SqliteApp>;

public sealed class IdempotentWritesOnPostgres(PostgresApp app) : IdempotentWriteTests(app), IClassFixture<PostgresApp>;

/// <summary>Issue 11, defect 4: a retried or double-submitted write is stored once and answered with the first result.</summary>
public abstract class IdempotentWriteTests(StorageApp app)
{
    private const string Session = """{"checklist": "walk-out", "answers": {"aggressive-behaviour": "yes"}, "label": "Acme"}""";

    private static HttpRequestMessage Post(string path, string json, string key, string? cookie = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = ApiAssert.Json(json) }.WithCookie(cookie);
        request.Headers.Add("Idempotency-Key", key);
        return request;
    }

    private static string NewKey() => Guid.NewGuid().ToString();

    [Fact]
    public async Task ARetriedSessionPostReturnsTheFirstSessionAndKeepsOne()
    {
        using var browser = app.NewBrowser();
        var key = NewKey();

        using var first = await browser.SendAsync(Post("/api/v1/sessions", Session, key), Ct);
        using var retry = await browser.SendAsync(Post("/api/v1/sessions", Session, key), Ct);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        Assert.Equal(first.Headers.Location, retry.Headers.Location);
        Assert.Equal((await first.JsonAsync()).GetProperty("id").GetString(), (await retry.JsonAsync()).GetProperty("id").GetString());
        var list = await (await browser.GetAsync("/api/v1/sessions", Ct)).JsonAsync();
        Assert.Equal(1, list.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task ARetryWhoseReplyWasLostFindsTheFirstSessionAndItsOwner()
    {
        using var phone = app.Factory.CreateClient(new() { HandleCookies = false });
        var key = NewKey();

        // The first reply (with its cookie) never arrived: the retry carries no cookie either.
        using var first = await phone.SendAsync(Post("/api/v1/sessions", Session, key), Ct);
        using var retry = await phone.SendAsync(Post("/api/v1/sessions", Session, key), Ct);

        var id = (await first.JsonAsync()).GetProperty("id").GetString();
        Assert.Equal(id, (await retry.JsonAsync()).GetProperty("id").GetString());
        using var read = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/sessions/{id}").WithCookie(OwnerCookieOf(retry));
        using var found = await phone.SendAsync(read, Ct);
        Assert.Equal(HttpStatusCode.OK, found.StatusCode);
    }

    [Fact]
    public async Task ConcurrentRetriesOfADraftKeepOneDraft()
    {
        using var browser = app.NewBrowser();
        await browser.SaveSessionAsync();
        var kind = app.Factory.Services.GetRequiredService<ContentCatalog>().MessageKinds[0];
        var situation = kind.Situations.Count > 0 ? $"\"{kind.Situations[0]}\"" : "null";
        var draft = $$"""{"kind": "{{kind.Id}}", "tone": "warm", "situation": {{situation}}, "body": "Dear Sam"}""";
        var key = NewKey();

        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(async _ =>
        {
            using var response = await browser.SendAsync(Post("/api/v1/drafts", draft, key), Ct);
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            return (await response.JsonAsync()).GetProperty("id").GetString();
        }));

        Assert.Single(responses.Distinct());
        Assert.Equal(1, (await (await browser.GetAsync("/api/v1/drafts", Ct)).JsonAsync()).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task ARetriedTransferCodeRequestGetsACodeThatWorks()
    {
        // Issue 19: only a code's hash is kept, so a retry cannot be shown the first code again; it gets a new one.
        using var browser = app.NewBrowser();
        await browser.SaveSessionAsync();
        var key = NewKey();

        using var first = await browser.SendAsync(Post("/api/v1/owner/transfer", "{}", key), Ct);
        using var retry = await browser.SendAsync(Post("/api/v1/owner/transfer", "{}", key), Ct);

        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        using var phone = app.NewBrowser();
        using var redeemed = await phone.PostJsonAsync("/api/v1/owner/transfer/redeem", new { code = (await retry.JsonAsync()).GetProperty("code").GetString() });
        Assert.Equal(HttpStatusCode.NoContent, redeemed.StatusCode);
        Assert.Equal(1, (await (await phone.GetAsync("/api/v1/sessions", Ct)).JsonAsync()).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task AKeyUsedAgainForADifferentRequestIsRefused()
    {
        using var browser = app.NewBrowser();
        var key = NewKey();
        using var first = await browser.SendAsync(Post("/api/v1/sessions", Session, key), Ct);

        using var other = await browser.SendAsync(Post("/api/v1/sessions", Session.Replace("Acme", "Globex", StringComparison.Ordinal), key), Ct);

        var problem = await ApiAssert.ProblemAsync(other, HttpStatusCode.UnprocessableEntity);
        Assert.Contains("Idempotency-Key", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(1, (await (await browser.GetAsync("/api/v1/sessions", Ct)).JsonAsync()).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task DoubleSubmittingTheCheckFormKeepsOneSession()
    {
        using var browser = app.NewBrowser();
        using var opened = await browser.GetAsync("/check/walk-out", Ct);
        var fields = (await opened.ReadDocumentAsync()).QuerySelector("#check-form")!.QuerySelectorAll("input[type=hidden]")
            .ToDictionary(i => i.GetAttribute("name")!, i => i.GetAttribute("value") ?? "");
        fields["Answer[aggressive-behaviour]"] = "yes";

        var posts = await Task.WhenAll(Enumerable.Range(0, 2).Select(async _ =>
        {
            using var posted = await browser.PostAsync("/check/walk-out", new FormUrlEncodedContent(fields), Ct);
            Assert.Equal(HttpStatusCode.Found, posted.StatusCode);
            return posted.Headers.Location!.OriginalString;
        }));
        using var again = await browser.PostAsync("/check/walk-out", new FormUrlEncodedContent(fields), Ct);

        Assert.Single(posts.Append(again.Headers.Location!.OriginalString).Distinct());
        Assert.Equal(1, (await (await browser.GetAsync("/api/v1/sessions", Ct)).JsonAsync()).GetProperty("total").GetInt32());
    }
}
