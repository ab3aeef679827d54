using System.Net;
using InterviewCompass.Web.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using static InterviewCompass.Web.Tests.Support.OwnerDataClient;

namespace InterviewCompass.Web.Tests.Hosting;

/// <summary>Issue 11, defect 9: the antiforgery cookie is Secure in production, HEAD works on pages, the server is not named.</summary>
public sealed class HttpBasicsTests
{
    [Fact]
    public async Task TheAntiforgeryCookieIsSecureOutsideDevelopment()
    {
        await using var app = new ProductionAppFactory();
        using var browser = app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost") });

        using var page = await browser.GetAsync("/check/walk-out", Ct);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var cookie = Assert.Single(page.Headers.GetValues("Set-Cookie"), c => c.StartsWith("__Host-ic-antiforgery=", StringComparison.Ordinal));
        Assert.Contains("; secure", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task APageWithAFormAnswersAPlainHttpRequestOutsideDevelopment()
    {
        // Deployed, HTTPS comes from the proxy; a plain-HTTP request (a health probe, a misconfigured proxy) still gets
        // the page, never a 500.
        await using var app = new ProductionAppFactory();
        using var browser = app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://localhost") });

        using var page = await browser.GetAsync("/check/walk-out", Ct);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("__RequestVerificationToken", await page.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/guides")]
    [InlineData("/check/walk-out")]
    [InlineData("/history")]
    public async Task HeadOnAPageAnswersLikeGet(string path)
    {
        await using var app = KestrelApp.Start();
        using var client = app.NewClient();

        using var get = await client.GetAsync(path, Ct);
        using var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, path), Ct);

        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal(get.Content.Headers.ContentType?.MediaType, head.Content.Headers.ContentType?.MediaType);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync(Ct));
    }

    [Fact]
    public async Task TheServerDoesNotNameItself()
    {
        await using var app = KestrelApp.Start();
        using var client = app.NewClient();

        foreach (var path in new[] { "/", "/api/v1/checklists", "/no-such-page" })
        {
            using var response = await client.GetAsync(path, Ct);
            Assert.False(response.Headers.Contains("Server"), $"{path}: Server: {string.Join(',', response.Headers.TryGetValues("Server", out var v) ? v : [])}");
        }
    }

    private sealed class ProductionAppFactory : AppFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseEnvironment("Production");
        }
    }
}
