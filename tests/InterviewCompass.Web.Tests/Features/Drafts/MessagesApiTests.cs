using System.Net;
using InterviewCompass.Web.Tests.Support;

namespace InterviewCompass.Web.Tests.Features.Drafts;

[Collection(SharedAppGroup.Name)]
public sealed class MessagesApiTests(SharedApp app)
{
    private readonly HttpClient _client = app.CreateClient();

    [Fact]
    public async Task ComposeFillsTheTemplateWithTheFields()
    {
        using var response = await _client.PostAsync(
            "/api/v1/messages/compose",
            ApiAssert.Json("""{"kind": "withdrawal-note", "tone": "warm", "fields": {"name": "Dana", "contact": "Sam", "company": "Acme", "role": "Analyst"}}"""),
            TestContext.Current.CancellationToken);
        var message = await ApiAssert.JsonAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(string.IsNullOrWhiteSpace(message.GetProperty("subject").GetString()));
        var body = message.GetProperty("body").GetString()!;
        Assert.Contains("Dana", body, StringComparison.Ordinal);
        Assert.DoesNotContain("{name}", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheTemplatesAreServedAsDataVersionedLikeTheOfflineList()
    {
        var ct = TestContext.Current.CancellationToken;
        using var response = await _client.GetAsync("/api/v1/messages", ct);
        var catalog = await ApiAssert.JsonAsync(response);
        using var offlineResponse = await _client.GetAsync("/api/v1/offline", ct);
        var offline = await ApiAssert.JsonAsync(offlineResponse);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(offline.GetProperty("version").GetString(), catalog.GetProperty("version").GetString());
        var kinds = catalog.GetProperty("kinds").EnumerateArray().ToList();
        var withdrawal = Assert.Single(kinds, k => k.GetProperty("id").GetString() == "withdrawal-note");
        Assert.Contains(withdrawal.GetProperty("templates").EnumerateArray(), t =>
            t.GetProperty("tone").GetString() == "warm" && t.GetProperty("body").GetString()!.Contains("{company}", StringComparison.Ordinal));
        var fields = catalog.GetProperty("fields").EnumerateArray().ToList();
        Assert.Contains(fields, f => f.GetProperty("id").GetString() == "reason" && f.GetProperty("optional").GetBoolean());
        Assert.Contains(fields, f => f.GetProperty("id").GetString() == "company" && !f.GetProperty("optional").GetBoolean());

        // The service worker keeps the templates and the composer page (its script shows any kind from them).
        var kept = offline.GetProperty("urls").EnumerateArray().Select(u => u.GetString()).ToList();
        Assert.Contains("/api/v1/messages", kept);
        Assert.Contains("/drafts/new", kept);
    }

    [Theory]
    [InlineData("""{"kind": "love-letter", "tone": "warm"}""", "love-letter")]
    [InlineData("""{"kind": "withdrawal-note", "tone": "grumpy"}""", "grumpy")]
    public async Task UnknownKindOrToneIsABadRequestNamingIt(string body, string named)
    {
        using var response = await _client.PostAsync("/api/v1/messages/compose", ApiAssert.Json(body), TestContext.Current.CancellationToken);

        var problem = await ApiAssert.ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains(named, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task LintFindsTooMuchDetailAndLinksTheGuide()
    {
        const string draft = "Dear Dana, I am withdrawing. The office was filthy, the chairs were broken and the manager was rude and lazy. Regards, Sam";

        using var response = await _client.PostAsync(
            "/api/v1/messages/lint",
            ApiAssert.Json($$"""{"kind": "withdrawal-note", "text": "{{draft}}"}"""),
            TestContext.Current.CancellationToken);
        var result = await ApiAssert.JsonAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var findings = result.GetProperty("findings").EnumerateArray().ToList();
        Assert.NotEmpty(findings);
        Assert.All(findings, f => Assert.StartsWith("/guides/", f.GetProperty("guide").GetString(), StringComparison.Ordinal));
        Assert.Contains(findings, f => f.GetProperty("rule").GetString() == "thanks-first");
    }

    [Fact]
    public async Task LintOfAnUnknownKindIsABadRequestNamingIt()
    {
        using var response = await _client.PostAsync("/api/v1/messages/lint", ApiAssert.Json("""{"kind": "love-letter", "text": "Hi"}"""), TestContext.Current.CancellationToken);

        var problem = await ApiAssert.ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("love-letter", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task MissingFieldsAreNamed()
    {
        using var response = await _client.PostAsync("/api/v1/messages/lint", ApiAssert.Json("{}"), TestContext.Current.CancellationToken);

        var problem = await ApiAssert.ProblemAsync(response, HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty("kind", out _));
        Assert.True(errors.TryGetProperty("text", out _));
    }

    [Fact]
    public async Task PlainTextBodyIsUnsupportedMediaType()
    {
        using var response = await _client.PostAsync("/api/v1/messages/compose", new StringContent("withdrawal-note"), TestContext.Current.CancellationToken);

        await ApiAssert.ProblemAsync(response, HttpStatusCode.UnsupportedMediaType);
    }
}
