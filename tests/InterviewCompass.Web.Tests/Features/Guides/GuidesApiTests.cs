using System.Net;
using InterviewCompass.Web.Tests.Support;

namespace InterviewCompass.Web.Tests.Features.Guides;

[Collection(SharedAppGroup.Name)]
public sealed class GuidesApiTests(SharedApp app)
{
    private readonly HttpClient _client = app.CreateClient();

    [Fact]
    public async Task ListHasEveryGuideWithItsMetadata()
    {
        using var response = await _client.GetAsync("/api/v1/guides", TestContext.Current.CancellationToken);
        var guides = await ApiAssert.JsonAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(RealContent.Catalog.Guides.Count, guides.GetArrayLength());
        var first = guides[0];
        foreach (var field in new[] { "id", "title", "summary", "tags", "reviewed", "score" })
        {
            Assert.True(first.TryGetProperty(field, out _), $"missing {field}");
        }
    }

    [Fact]
    public async Task SearchPutsTheBestMatchFirstAndTagFilters()
    {
        using var search = await _client.GetAsync("/api/v1/guides?q=exit%20interview", TestContext.Current.CancellationToken);
        using var tagged = await _client.GetAsync("/api/v1/guides?tag=withdrawing", TestContext.Current.CancellationToken);

        Assert.Equal("exit-interviews", (await ApiAssert.JsonAsync(search))[0].GetProperty("id").GetString());
        var withTag = await ApiAssert.JsonAsync(tagged);
        Assert.All(withTag.EnumerateArray(), g => Assert.Contains("withdrawing", g.GetProperty("tags").EnumerateArray().Select(t => t.GetString())));
    }

    [Fact]
    public async Task OneGuideHasSectionsWithAnchorsAndHtml()
    {
        using var response = await _client.GetAsync("/api/v1/guides/walking-out", TestContext.Current.CancellationToken);
        var guide = await ApiAssert.JsonAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(guide.GetProperty("sections").EnumerateArray(), s => s.GetProperty("anchor").GetString() == "pay-below-the-posted-range");
        Assert.Contains("id=\"pay-below-the-posted-range\"", guide.GetProperty("html").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownGuideIsNotFoundProblem()
    {
        using var response = await _client.GetAsync("/api/v1/guides/no-such-guide", TestContext.Current.CancellationToken);

        var problem = await ApiAssert.ProblemAsync(response, HttpStatusCode.NotFound);
        Assert.Contains("no-such-guide", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenApiDocumentDescribesTheContentApi()
    {
        using var response = await _client.GetAsync("/openapi/v1.json", TestContext.Current.CancellationToken);
        var document = await ApiAssert.JsonAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/v1/guides", paths);
        Assert.Contains("/api/v1/checklists/{id}/assess", paths);
        Assert.Contains("/api/v1/messages/lint", paths);
    }
}
