using System.Net;
using InterviewCompass.Web.Tests.Support;

namespace InterviewCompass.Web.Tests.Features.Checks;

[Collection(SharedAppGroup.Name)]
public sealed class ChecklistsApiTests(SharedApp app)
{
    private readonly HttpClient _client = app.CreateClient();

    [Fact]
    public async Task ListHasTheThreeChecklists()
    {
        using var response = await _client.GetAsync("/api/v1/checklists", TestContext.Current.CancellationToken);
        var list = await ApiAssert.JsonAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["exit-interview", "walk-out", "withdrawal"], list.EnumerateArray().Select(c => c.GetProperty("id").GetString()).Order(StringComparer.Ordinal));
        Assert.All(list.EnumerateArray(), c => Assert.Equal($"/check/{c.GetProperty("id").GetString()}", c.GetProperty("href").GetString()));
    }

    [Fact]
    public async Task ChecklistItemsCarryAnswersTierAndGuideLink()
    {
        using var response = await _client.GetAsync("/api/v1/checklists/walk-out", TestContext.Current.CancellationToken);
        var checklist = await ApiAssert.JsonAsync(response);

        var salary = checklist.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("id").GetString() == "salary-below-posted");
        Assert.True(salary.GetProperty("raiseFirst").GetBoolean());
        Assert.Equal("dealbreaker", salary.GetProperty("tier").GetString());
        Assert.Equal(["no", "unsure", "yes", "raised-resolved", "raised-unresolved"], salary.GetProperty("allowedAnswers").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal("/guides/walking-out#pay-below-the-posted-range", salary.GetProperty("guide").GetString());
        Assert.Equal(["stay", "raise", "leave"], checklist.GetProperty("outcomes").EnumerateArray().Select(o => o.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task AssessGivesTheVerdictWithReasonsAndWords()
    {
        using var response = await _client.PostAsync(
            "/api/v1/checklists/walk-out/assess",
            ApiAssert.Json("""{"answers": {"salary-below-posted": "yes"}}"""),
            TestContext.Current.CancellationToken);
        var verdict = await ApiAssert.JsonAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("walk-out", verdict.GetProperty("checklist").GetString());
        Assert.Equal("raise", verdict.GetProperty("outcome").GetString());
        Assert.False(string.IsNullOrEmpty(verdict.GetProperty("headline").GetString()));
        Assert.InRange(verdict.GetProperty("confidence").GetDouble(), 0, 1);
        var reason = verdict.GetProperty("reasons")[0];
        Assert.Equal("salary-below-posted", reason.GetProperty("item").GetString());
        Assert.Equal("/guides/walking-out#pay-below-the-posted-range", reason.GetProperty("guide").GetString());
        Assert.NotEqual(0, verdict.GetProperty("words").GetArrayLength());
    }

    [Fact]
    public async Task UnknownItemIsABadRequestNamingIt()
    {
        using var response = await _client.PostAsync(
            "/api/v1/checklists/walk-out/assess",
            ApiAssert.Json("""{"answers": {"no-such-item": "yes"}}"""),
            TestContext.Current.CancellationToken);

        var problem = await ApiAssert.ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("answers.no-such-item", out _));
    }

    [Fact]
    public async Task UnknownAnswerIsABadRequestNamingTheValue()
    {
        using var response = await _client.PostAsync(
            "/api/v1/checklists/walk-out/assess",
            ApiAssert.Json("""{"answers": {"culture-mismatch": "raised-resolved"}}"""),
            TestContext.Current.CancellationToken);

        var problem = await ApiAssert.ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("raised-resolved", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownChecklistIsNotFound()
    {
        using var get = await _client.GetAsync("/api/v1/checklists/no-such-check", TestContext.Current.CancellationToken);
        using var assess = await _client.PostAsync("/api/v1/checklists/no-such-check/assess", ApiAssert.Json("""{"answers": {}}"""), TestContext.Current.CancellationToken);

        await ApiAssert.ProblemAsync(get, HttpStatusCode.NotFound);
        await ApiAssert.ProblemAsync(assess, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ABodyThatIsNotJsonIsUnsupportedMediaType()
    {
        using var response = await _client.PostAsync(
            "/api/v1/checklists/walk-out/assess",
            new StringContent("salary-below-posted=yes", System.Text.Encoding.UTF8, "application/x-www-form-urlencoded"),
            TestContext.Current.CancellationToken);

        await ApiAssert.ProblemAsync(response, HttpStatusCode.UnsupportedMediaType);
    }

    [Theory]
    [InlineData("{\"answers\": ")]
    [InlineData("{\"answers\": {\"culture-mismatch\": 3}}")]
    [InlineData("")]
    public async Task MalformedJsonIsABadRequestNeverAServerError(string body)
    {
        using var response = await _client.PostAsync("/api/v1/checklists/walk-out/assess", ApiAssert.Json(body), TestContext.Current.CancellationToken);

        await ApiAssert.ProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task AssessNamesTheOtherOptionAndWhyEachReasonMatters()
    {
        using var response = await _client.PostAsync(
            "/api/v1/checklists/walk-out/assess",
            ApiAssert.Json("""{"answers": {"aggressive-behaviour": "yes"}}"""),
            TestContext.Current.CancellationToken);
        var verdict = await ApiAssert.JsonAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("leave", verdict.GetProperty("outcome").GetString());
        var other = verdict.GetProperty("otherOption");
        Assert.Equal("stay", other.GetProperty("outcome").GetString());
        Assert.False(string.IsNullOrWhiteSpace(other.GetProperty("line").GetString()));
        var reason = Assert.Single(verdict.GetProperty("reasons").EnumerateArray());
        Assert.False(string.IsNullOrWhiteSpace(reason.GetProperty("why").GetString()));
    }
}
