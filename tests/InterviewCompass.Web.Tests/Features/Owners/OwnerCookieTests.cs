using System.Net;
using InterviewCompass.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static InterviewCompass.Web.Tests.Support.OwnerDataClient;

namespace InterviewCompass.Web.Tests.Features.Owners;

/// <summary>The owner cookie is issued on the first save only, is private, and personal responses are never cached.</summary>
public sealed class OwnerCookieTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Theory]
    [InlineData("/history")]
    [InlineData("/api/v1/sessions")]
    [InlineData("/api/v1/drafts")]
    [InlineData("/api/v1/export")]
    public async Task ReadingWithoutHavingSavedIssuesNoOwnerCookie(string url)
    {
        using var browser = app.NewBrowser();

        var response = await browser.GetAsync(url, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var cookies = response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [];
        Assert.DoesNotContain(cookies, c => c.StartsWith("ic-owner=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheFirstSaveIssuesAnHttpOnlyLaxCookieThatDoesNotShowTheOwnerId()
    {
        using var browser = app.NewBrowser();

        var response = await browser.PostJsonAsync("/api/v1/sessions", new { checklist = "walk-out", answers = new Dictionary<string, string>() });

        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("ic-owner=", StringComparison.Ordinal));
        var attributes = cookie.Split(';', StringSplitOptions.TrimEntries).Skip(1).ToList();
        Assert.Contains("httponly", attributes, StringComparer.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", attributes, StringComparer.OrdinalIgnoreCase);
        Assert.Contains(attributes, a => a.StartsWith("expires=", StringComparison.OrdinalIgnoreCase));

        var id = Guid.Parse((await response.JsonAsync()).GetProperty("id").GetString()!);
        await using var db = app.OpenUnfiltered();
        var owner = await db.Sessions.IgnoreQueryFilters().Where(s => s.Id == id).Select(s => s.OwnerId).SingleAsync(Ct);
        var value = Uri.UnescapeDataString(cookie.Split(';')[0]["ic-owner=".Length..]);
        foreach (var format in new[] { "N", "D", "B" })
        {
            Assert.DoesNotContain(owner.ToString(format), value, StringComparison.OrdinalIgnoreCase);
        }

        Assert.DoesNotContain(Convert.ToBase64String(owner.ToByteArray()).TrimEnd('='), value, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ALaterSaveKeepsTheSameOwner()
    {
        using var browser = app.NewBrowser();
        await browser.SaveSessionAsync(label: "One");

        await browser.SaveSessionAsync(label: "Two");

        var list = await (await browser.GetAsync("/api/v1/sessions", Ct)).JsonAsync();
        Assert.Equal(2, list.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task ATamperedCookieIsIgnored()
    {
        using var browser = app.NewBrowser();
        browser.DefaultRequestHeaders.Add("Cookie", "ic-owner=CfDJ8AAAAAAAAAAAAAAAAAAAAAA");

        var response = await browser.GetAsync("/api/v1/sessions", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0, (await response.JsonAsync()).GetProperty("total").GetInt32());
    }

    [Theory]
    [InlineData("/history")]
    [InlineData("/api/v1/sessions")]
    [InlineData("/api/v1/drafts")]
    [InlineData("/api/v1/export")]
    [InlineData("/api/v1/export?format=markdown")]
    [InlineData("/history/transfer")]
    [InlineData("/history/delete-everything")]
    public async Task PersonalResponsesAreNeverStored(string url)
    {
        using var browser = app.NewBrowser();
        await browser.SaveSessionAsync();

        var response = await browser.GetAsync(url, Ct);

        Assert.True(response.Headers.CacheControl?.NoStore, $"{url}: Cache-Control {response.Headers.CacheControl}");
    }

    [Fact]
    public async Task ASessionResponseAndItsPageAreNeverStored()
    {
        using var browser = app.NewBrowser();
        var id = await browser.SaveSessionAsync();

        var api = await browser.GetAsync($"/api/v1/sessions/{id}", Ct);
        var page = await browser.GetAsync($"/history/sessions/{id}", Ct);
        var missing = await browser.GetAsync($"/api/v1/sessions/{Guid.NewGuid()}", Ct);

        Assert.True(api.Headers.CacheControl?.NoStore);
        Assert.True(page.Headers.CacheControl?.NoStore);
        Assert.True(missing.Headers.CacheControl?.NoStore);
    }
}
