using System.Net;
using InterviewCompass.Web.Tests.Support;

namespace InterviewCompass.Web.Tests.Features.Guides;

[Collection(SharedAppGroup.Name)]
public sealed class GuideRoutesTests(SharedApp app)
{
    private readonly HttpClient _client = app.CreateClient();

    [Theory]
    [InlineData("/")]
    [InlineData("/guides")]
    [InlineData("/guides?q=pay")]
    [InlineData("/guides?tag=walk-out")]
    [InlineData("/guides/walking-out")]
    [InlineData("/guides/exit-interviews")]
    [InlineData("/healthz")]
    public async Task PageAnswersOk(string path)
    {
        using var response = await _client.GetAsync(path, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task HomeHasThreeDoorsAndASearchBox()
    {
        using var response = await _client.GetAsync("/", TestContext.Current.CancellationToken);
        var page = await response.ReadDocumentAsync();

        var doors = page.QuerySelectorAll(".door h2 a").Select(a => a.GetAttribute("href"));
        Assert.Equal(["/check/walk-out", "/check/exit-interview", "/check/withdrawal"], doors);
        Assert.All(page.QuerySelectorAll(".door .guide-link"), a => Assert.StartsWith("/guides/", a.GetAttribute("href"), StringComparison.Ordinal));
        var search = page.QuerySelector("form[role=search]")!;
        Assert.Equal("get", search.GetAttribute("method"));
        Assert.Equal("/guides", search.GetAttribute("action"));
        Assert.NotNull(search.QuerySelector("input[name=q]"));
    }

    [Fact]
    public async Task SearchWithNoMatchGivesAHelpfulPage()
    {
        using var response = await _client.GetAsync("/guides?q=xylophone", TestContext.Current.CancellationToken);
        var page = await response.ReadDocumentAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("xylophone", page.QuerySelector(".no-results h2")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector(".no-results a[href='/check/walk-out']"));
    }

    [Theory]
    [InlineData("/guides/no-such-guide")]
    [InlineData("/no/such/page")]
    public async Task UnknownAddressIsARealNotFoundWithAWayBack(string path)
    {
        using var response = await _client.GetAsync(path, TestContext.Current.CancellationToken);
        var page = await response.ReadDocumentAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("We couldn't find that page", page.QuerySelector("main h1")!.TextContent);
        Assert.NotNull(page.QuerySelector("main a[href='/']"));
        Assert.NotNull(page.QuerySelector("main a[href='/guides']"));
    }

    [Fact]
    public async Task GuidePagesAreServedFromTheOutputCache()
    {
        using var first = await _client.GetAsync("/guides/withdrawing?cache-test=1", TestContext.Current.CancellationToken);
        using var second = await _client.GetAsync("/guides/withdrawing?cache-test=1", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.True(second.Headers.Age.HasValue, "the second response should come from the output cache (Age header)");
        Assert.Equal(await first.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), await second.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task EnhancedNavigationToACachedGuideIsAllowedAsBlazorWroteIt()
    {
        // blazor.web.js only accepts "blazor-enhanced-nav: allow" verbatim; a cached copy came back as "Allow" and the
        // browser fetched the page again and again without showing it.
        using var full = await _client.GetAsync("/guides/exit-interviews?enhanced-test=1", TestContext.Current.CancellationToken);
        using var enhanced = new HttpRequestMessage(HttpMethod.Get, "/guides/exit-interviews?enhanced-test=1");
        enhanced.Headers.TryAddWithoutValidation("Accept", "text/html; blazor-enhanced-nav=on");

        using var response = await _client.SendAsync(enhanced, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["allow"], response.Headers.GetValues("blazor-enhanced-nav"));
    }

    [Fact]
    public async Task LayoutHasSkipLinkLandmarksAndTheMainNavigation()
    {
        using var response = await _client.GetAsync("/guides/walking-out", TestContext.Current.CancellationToken);
        var page = await response.ReadDocumentAsync();

        Assert.Equal("/guides/walking-out#main", page.QuerySelector("a.skip-link")!.GetAttribute("href"));
        Assert.NotNull(page.QuerySelector("main#main"));
        Assert.NotNull(page.QuerySelector("header.site-header"));
        Assert.NotNull(page.QuerySelector("footer"));
        var nav = page.QuerySelectorAll("nav[aria-label=Main] a").Select(a => a.GetAttribute("href"));
        Assert.Equal(["/check/walk-out", "/check/exit-interview", "/check/withdrawal", "/guides", "/applications", "/history", "/about"], nav);
    }
}
