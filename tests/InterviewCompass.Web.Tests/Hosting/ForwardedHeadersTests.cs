using System.Net;
using InterviewCompass.Web.Tests.Support;
using static InterviewCompass.Web.Tests.Support.OwnerDataClient;

namespace InterviewCompass.Web.Tests.Hosting;

/// <summary>
/// Issue 11, defect 1: forwarded headers are believed only from a configured proxy, so a client cannot pick its own
/// rate-limit bucket or claim HTTPS; transfer-code guessing has its own, much lower limit per client and per code.
/// </summary>
public sealed class ForwardedHeadersTests
{
    private const string AssessPath = "/api/v1/checklists/walk-out/assess";

    [Fact]
    public async Task ForwardedForFromAnUnknownSenderDoesNotEscapeTheWriteLimit()
    {
        await using var app = KestrelApp.Start(new Dictionary<string, string?> { ["RateLimits:WritesPerMinute"] = "2" });
        using var client = app.NewClient();

        var statuses = new List<HttpStatusCode>();
        for (var i = 1; i <= 3; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, AssessPath) { Content = ApiAssert.Json("""{"answers": {}}""") };
            request.Headers.Add("X-Forwarded-For", $"203.0.113.{i}");
            using var response = await client.SendAsync(request, Ct);
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task ForwardedProtoFromAnUnknownSenderDoesNotMakeTheRequestHttps()
    {
        await using var app = KestrelApp.Start();
        using var client = app.NewClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/sessions")
        {
            Content = ApiAssert.Json("""{"checklist": "walk-out", "answers": {"aggressive-behaviour": "yes"}}"""),
        };
        request.Headers.Add("X-Forwarded-Proto", "https");

        using var response = await client.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("ic-owner=", StringComparison.Ordinal));
        Assert.DoesNotContain("secure", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task AConfiguredLoopbackProxyIsBelieved()
    {
        await using var app = KestrelApp.Start(new Dictionary<string, string?>
        {
            ["RateLimits:WritesPerMinute"] = "2",
            ["ReverseProxy:KnownProxies"] = "127.0.0.1",
        });
        using var client = app.NewClient();

        for (var i = 1; i <= 3; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, AssessPath) { Content = ApiAssert.Json("""{"answers": {}}""") };
            request.Headers.Add("X-Forwarded-For", $"203.0.113.{i}");
            using var response = await client.SendAsync(request, Ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }

    [Fact]
    public async Task TransferCodeGuessesFromOneClientAreRefusedLongBeforeTheWriteLimit()
    {
        await using var app = new AppFactory();
        using var browser = app.CreateClient();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 11; i++)
        {
            using var response = await browser.PostJsonAsync("/api/v1/owner/transfer/redeem", new { code = $"ABCD-EFG{"HJKMNPQRSTU"[i]}" });
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                await ApiAssert.ProblemAsync(response, HttpStatusCode.TooManyRequests);
            }
        }

        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.BadRequest, 10), HttpStatusCode.TooManyRequests], statuses);

        // The page's form shares the same budget, and says why it refuses.
        using var page = await browser.SubmitFormAsync("/history/transfer", "redeem-code", new Dictionary<string, string> { ["Code"] = "WXYZ-2345" });
        Assert.Equal(HttpStatusCode.TooManyRequests, page.StatusCode);
        Assert.Contains("Too many codes were tried", await page.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OneCodeIsRefusedAfterFiveTriesFromAnyNumberOfClients()
    {
        await using var app = KestrelApp.Start(new Dictionary<string, string?> { ["ReverseProxy:KnownProxies"] = "127.0.0.1" });
        using var client = app.NewClient();

        var statuses = new List<HttpStatusCode>();
        for (var i = 1; i <= 6; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/owner/transfer/redeem") { Content = ApiAssert.Json("""{"code": "ABCD-EFGH"}""") };
            request.Headers.Add("X-Forwarded-For", $"198.51.100.{i}");
            using var response = await client.SendAsync(request, Ct);
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.BadRequest, 5), HttpStatusCode.TooManyRequests], statuses);
    }
}
