using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using InterviewCompass.Web.Tests.Support;

namespace InterviewCompass.Web.Tests.Hosting;

/// <summary>Issue 13: compression where it is safe (never next to a secret: BREACH), entity tags and 304 on public answers.</summary>
[Collection(SharedAppGroup.Name)]
public sealed class WebDeliveryTests(SharedApp app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly HttpClient _client = app.CreateClient(new() { AllowAutoRedirect = false });

    public static TheoryData<string> PageTypes => new(
        "/", "/guides", "/guides/walking-out", "/check/walk-out", "/check/walk-out?a=salary-below-posted:yes",
        "/check/walk-out/cheat-sheet", "/about", "/drafts/new?kind=withdrawal-note", "/history", "/history/transfer", "/no-such-page");

    [Theory]
    [MemberData(nameof(PageTypes))]
    public async Task APageWithAnAntiforgeryTokenIsNeverCompressed(string path)
    {
        using var response = await GetAsync(path, "br, gzip");
        var html = await ReadTextAsync(response);

        if (html.Contains("__RequestVerificationToken", StringComparison.Ordinal))
        {
            Assert.Empty(response.Content.Headers.ContentEncoding);
        }
    }

    [Fact]
    public async Task TheCheckPageCarriesAFormTokenAndTravelsUncompressed()
    {
        using var response = await GetAsync("/check/walk-out", "br, gzip");

        Assert.Contains("__RequestVerificationToken", await ReadTextAsync(response), StringComparison.Ordinal);
        Assert.Empty(response.Content.Headers.ContentEncoding);
    }

    [Theory]
    [InlineData("/", "br")]
    [InlineData("/guides/walking-out", "br")]
    [InlineData("/check/walk-out/cheat-sheet", "gzip")]
    [InlineData("/api/v1/checklists/walk-out", "br")]
    public async Task PublicAnswersAreCompressed(string path, string encoding)
    {
        using var response = await GetAsync(path, encoding);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([encoding], response.Content.Headers.ContentEncoding);
        Assert.NotEmpty(await ReadTextAsync(response));
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/guides")]
    [InlineData("/guides/walking-out")]
    [InlineData("/check/walk-out/cheat-sheet")]
    [InlineData("/api/v1/guides")]
    [InlineData("/api/v1/checklists")]
    [InlineData("/robots.txt")]
    public async Task PublicAnswersAreRevalidatedWithTheirEntityTag(string path)
    {
        using var first = await GetAsync(path);
        var tag = first.Headers.ETag;
        Assert.NotNull(tag);
        // Shared caches (nginx) and browsers keep it for a minute, then revalidate it with the tag (deploy/README.md).
        Assert.Equal("public, max-age=60, stale-while-revalidate=60", string.Join(", ", first.Headers.GetValues("Cache-Control")));

        using var again = new HttpRequestMessage(HttpMethod.Get, path);
        again.Headers.IfNoneMatch.Add(tag);
        using var second = await _client.SendAsync(again, Ct);

        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
        Assert.Empty(await second.Content.ReadAsByteArrayAsync(Ct));
    }

    [Fact]
    public async Task AStaleEntityTagGetsTheWholePage()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/guides");
        request.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"yesterday\"", isWeak: true));

        using var response = await _client.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<h1", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/check/walk-out")]
    [InlineData("/history")]
    [InlineData("/guides/no-such-guide")]
    public async Task PrivateOrMissingPagesGetNoEntityTag(string path)
    {
        using var response = await GetAsync(path);

        Assert.Null(response.Headers.ETag);
    }

    [Fact]
    public async Task RobotsWelcomePagesAndKeepCrawlersOutOfTheApi()
    {
        var robots = await _client.GetStringAsync("/robots.txt", Ct);

        Assert.Contains("Disallow: /api/", robots, StringComparison.Ordinal);
        Assert.DoesNotContain("Disallow: /history", robots, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(PageTypes))]
    public async Task EveryPageHasADescription(string path)
    {
        using var response = await GetAsync(path);
        var page = await response.ReadDocumentAsync();

        var description = page.QuerySelectorAll("meta[name=description]");
        Assert.Single(description);
        Assert.False(string.IsNullOrWhiteSpace(description[0].GetAttribute("content")));
    }

    [Fact]
    public async Task AGuideNamesItsCanonicalAddress()
    {
        using var response = await GetAsync("/guides/walking-out?utm=x");
        var page = await response.ReadDocumentAsync();

        Assert.EndsWith("/guides/walking-out", page.QuerySelector("link[rel=canonical]")?.GetAttribute("href"), StringComparison.Ordinal);
    }

    private async Task<HttpResponseMessage> GetAsync(string path, string? acceptEncoding = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (acceptEncoding is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept-Encoding", acceptEncoding);
        }

        return await _client.SendAsync(request, Ct);
    }

    private static async Task<string> ReadTextAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStreamAsync(Ct);
        Stream decoded = response.Content.Headers.ContentEncoding.FirstOrDefault() switch
        {
            "br" => new BrotliStream(body, CompressionMode.Decompress),
            "gzip" => new GZipStream(body, CompressionMode.Decompress),
            _ => body,
        };
        using var reader = new StreamReader(decoded);
        return await reader.ReadToEndAsync(Ct);
    }
}
