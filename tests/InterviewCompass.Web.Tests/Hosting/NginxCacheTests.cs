using System.Net;
using InterviewCompass.Web.Tests.Support;
using static InterviewCompass.Web.Tests.Support.OwnerDataClient;

namespace InterviewCompass.Web.Tests.Hosting;

/// <summary>
/// The deployed stack: nginx with the repository's <c>deploy/nginx.conf</c> (its shared cache on) in front of the app on a
/// real Kestrel. Two people, each with their own cookies, keep a check and a draft through nginx: each sees only their own
/// history and pages, however often the other asked first, while public pages come from nginx's cache.
/// </summary>
public sealed class NginxCacheTests : IAsyncLifetime
{
    private KestrelApp? _app;
    private NginxProxy? _nginx;

    public async ValueTask InitializeAsync()
    {
        NginxProxy.RequireInstalled();
        _app = KestrelApp.Start(new Dictionary<string, string?> { ["ReverseProxy:KnownProxies"] = "127.0.0.1" });
        _nginx = await NginxProxy.StartAsync(_app.Address, Ct);
    }

    public async ValueTask DisposeAsync()
    {
        _nginx?.Dispose();
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    [Fact]
    public async Task TwoOwnersBehindTheProxyNeverSeeEachOthersPages()
    {
        using var ann = _nginx!.NewBrowser();
        using var ben = _nginx.NewBrowser();
        var annSession = await ann.SaveSessionAsync(label: "Ann-label Acme analyst");
        var benSession = await ben.SaveSessionAsync(label: "Ben-label Globex tester");
        var annDraft = await SaveDraftAsync(ann, "Ann-note about the offer.");
        var benDraft = await SaveDraftAsync(ben, "Ben-note about the offer.");

        // Each reads every personal page twice, the other person right after: a stored copy would show up in the
        // other's answer.
        for (var round = 0; round < 2; round++)
        {
            foreach (var (me, mine, theirs) in new[] { (ann, "Ann-", "Ben-"), (ben, "Ben-", "Ann-") })
            {
                var history = await ReadPersonalAsync(me, "/history");
                Assert.Contains(mine + "label", history, StringComparison.Ordinal);
                Assert.DoesNotContain(theirs, history, StringComparison.Ordinal);
            }

            Assert.Contains("Ann-label", await ReadPersonalAsync(ann, $"/check/walk-out?session={annSession}"), StringComparison.Ordinal);
            Assert.Contains("Ben-label", await ReadPersonalAsync(ben, $"/check/walk-out?session={benSession}"), StringComparison.Ordinal);
            Assert.Contains("Ann-note", await ReadPersonalAsync(ann, $"/history/drafts/{annDraft}"), StringComparison.Ordinal);
            Assert.Contains("Ben-note", await ReadPersonalAsync(ben, $"/history/drafts/{benDraft}"), StringComparison.Ordinal);
            Assert.Contains("Ann-label", await ReadPersonalAsync(ann, "/api/v1/sessions"), StringComparison.Ordinal);
            Assert.DoesNotContain("Ann-", await ReadPersonalAsync(ben, "/api/v1/sessions"), StringComparison.Ordinal);

            // The other person's session and draft, by their addresses, right after their owner read them.
            await AssertNotShownAsync(ben, $"/check/walk-out?session={annSession}", "Ann-");
            await AssertNotShownAsync(ann, $"/check/walk-out?session={benSession}", "Ben-");
            await AssertNotShownAsync(ben, $"/history/drafts/{annDraft}", "Ann-");
            await AssertNotShownAsync(ann, $"/history/drafts/{benDraft}", "Ben-");
        }
    }

    [Fact]
    public async Task PublicPagesAreServedFromTheProxysCacheToEveryone()
    {
        using var ann = _nginx!.NewBrowser();
        using var ben = _nginx.NewBrowser();
        await ann.SaveSessionAsync(label: "Ann-label");

        foreach (var path in new[] { "/", "/guides", "/guides/walking-out", "/guides?q=exit+interview", "/check/walk-out/cheat-sheet" })
        {
            using var first = await ben.GetAsync(path, Ct);
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
            Assert.Equal("public, max-age=60, stale-while-revalidate=60", string.Join(", ", first.Headers.GetValues("Cache-Control")));
            Assert.NotNull(first.Headers.ETag);

            // Another person, with an owner cookie: the same stored page, and no cookie comes with it.
            using var second = await ann.GetAsync(path, Ct);
            Assert.Equal(HttpStatusCode.OK, second.StatusCode);
            Assert.Equal("HIT", CacheStatus(second));
            Assert.False(second.Headers.Contains("Set-Cookie"), $"{path} set a cookie through the cache");
            Assert.Equal(await first.Content.ReadAsStringAsync(Ct), await second.Content.ReadAsStringAsync(Ct));
        }
    }

    [Fact]
    public async Task TheCheckPageWithItsFormTokenIsNeverStored()
    {
        using var ann = _nginx!.NewBrowser();
        using var ben = _nginx.NewBrowser();

        // The form carries a token made for each visitor's antiforgery cookie: a shared copy would fail everyone else.
        var annPage = await ReadPersonalAsync(ann, "/check/walk-out");
        var benPage = await ReadPersonalAsync(ben, "/check/walk-out");
        Assert.NotEqual(HiddenFields(annPage, "checklist")["__RequestVerificationToken"], HiddenFields(benPage, "checklist")["__RequestVerificationToken"]);

        // And the form posted through the proxy keeps the check.
        using var saved = await ben.SubmitFormAsync("/check/walk-out", "checklist", new Dictionary<string, string>
        {
            ["Answer[aggressive-behaviour]"] = "yes",
            ["Label"] = "Ben-posted check",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains("Ben-posted check", await ReadPersonalAsync(ben, "/history"), StringComparison.Ordinal);
        Assert.DoesNotContain("Ben-posted check", await ReadPersonalAsync(ann, "/history"), StringComparison.Ordinal);
    }

    /// <summary>A personal answer through the proxy: 200, <c>no-store</c>, and never a cache hit.</summary>
    private static async Task<string> ReadPersonalAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl?.NoStore, $"{path} is not no-store");
        Assert.NotEqual("HIT", CacheStatus(response));
        return await response.Content.ReadAsStringAsync(Ct);
    }

    /// <summary>
    /// Another owner's page by its address: not found, or (the check page) the empty check; never a stored copy, never
    /// their words.
    /// </summary>
    private static async Task AssertNotShownAsync(HttpClient client, string path, string theirs)
    {
        using var response = await client.GetAsync(path, Ct);
        Assert.Contains(response.StatusCode, new[] { HttpStatusCode.NotFound, HttpStatusCode.OK });
        Assert.NotEqual("HIT", CacheStatus(response));
        Assert.True(response.StatusCode == HttpStatusCode.NotFound || response.Headers.CacheControl?.NoStore == true, $"{path} is not no-store");
        Assert.DoesNotContain(theirs, await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    private static string? CacheStatus(HttpResponseMessage response) =>
        response.Headers.TryGetValues("X-Cache-Status", out var values) ? values.SingleOrDefault() : null;

    private static async Task<string> SaveDraftAsync(HttpClient client, string body)
    {
        using var created = await client.PostJsonAsync("/api/v1/drafts", new { kind = "withdrawal-note", tone = "warm", body });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return Guid.Parse((await created.JsonAsync()).GetProperty("id").GetString()!).ToString("N");
    }
}
