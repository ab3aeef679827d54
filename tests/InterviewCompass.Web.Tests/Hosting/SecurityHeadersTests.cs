using System.Net;
using InterviewCompass.Web.Tests.Support;

namespace InterviewCompass.Web.Tests.Hosting;

[Collection(SharedAppGroup.Name)]
public sealed class SecurityHeadersTests(SharedApp app)
{
    private readonly HttpClient _client = app.CreateClient();

    [Theory]
    [InlineData("/")]
    [InlineData("/check/walk-out")]
    [InlineData("/guides/no-such-guide")]
    [InlineData("/api/v1/guides")]
    public async Task EveryResponseCarriesAStrictPolicy(string path)
    {
        using var response = await _client.GetAsync(path, TestContext.Current.CancellationToken);

        var csp = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        var directives = csp.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains("frame-ancestors 'none'", directives);
        Assert.Contains("script-src 'self'", directives);
        Assert.Contains("style-src 'self'", directives);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
        Assert.True(response.Headers.Contains("Permissions-Policy"));
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/guides/walking-out")]
    [InlineData("/check/walk-out?a=salary-below-posted:yes")]
    public async Task PagesHaveNoInlineScriptOrStyleTheirPolicyWouldBlock(string path)
    {
        using var response = await _client.GetAsync(path, TestContext.Current.CancellationToken);
        var page = await response.ReadDocumentAsync();

        Assert.All(page.QuerySelectorAll("script"), s => Assert.False(string.IsNullOrEmpty(s.GetAttribute("src")), "inline script: " + s.OuterHtml));
        Assert.Empty(page.QuerySelectorAll("style"));
        Assert.Empty(page.QuerySelectorAll("[style]"));
        Assert.Empty(page.QuerySelectorAll("[onclick], [onload], [onsubmit]"));
    }

    [Fact]
    public async Task GuidePagesSetNoCookieSoTheyCanBeShared()
    {
        using var list = await _client.GetAsync("/guides?cookie-test=1", TestContext.Current.CancellationToken);
        using var guide = await _client.GetAsync("/guides/walking-out?cookie-test=1", TestContext.Current.CancellationToken);

        Assert.False(list.Headers.Contains("Set-Cookie"));
        Assert.False(guide.Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public async Task TheCheckFormCarriesAnAntiforgeryToken()
    {
        using var response = await _client.GetAsync("/check/walk-out", TestContext.Current.CancellationToken);
        var page = await response.ReadDocumentAsync();

        Assert.True(response.Headers.Contains("Set-Cookie"));
        Assert.NotNull(page.QuerySelector("form[method=post] input[name=__RequestVerificationToken]"));
    }

    [Fact]
    public async Task HealthCheckAnswersHealthy()
    {
        using var response = await _client.GetAsync("/healthz", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }
}
