using System.Net;
using System.Text;
using InterviewCompass.Core.Content;
using InterviewCompass.Core.Rules;
using InterviewCompass.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using static InterviewCompass.Web.Tests.Support.OwnerDataClient;

namespace InterviewCompass.Web.Tests.Features.Checks;

public sealed class SessionsApiOnSqlite(SqliteApp app) : SessionsApiTests(app), IClassFixture<SqliteApp>;

public sealed class SessionsApiOnPostgres(PostgresApp app) : SessionsApiTests(app), IClassFixture<PostgresApp>;

/// <summary>The sessions API, the same on every provider.</summary>
public abstract class SessionsApiTests(StorageApp app)
{
    private static readonly Dictionary<string, string> Aggression = new() { ["aggressive-behaviour"] = "yes" };

    private Verdict Expected(IReadOnlyDictionary<string, string> answers)
    {
        var services = app.Factory.Services;
        var checklist = services.GetRequiredService<ContentCatalog>().ChecklistsById["walk-out"];
        return services.GetRequiredService<VerdictEngine>().Assess(checklist, answers).Verdict!;
    }

    [Fact]
    public async Task SavingASessionReturnsItsIdAndTheVerdictTheRulesGive()
    {
        using var browser = app.NewBrowser();

        var response = await browser.PostJsonAsync("/api/v1/sessions", new { checklist = "walk-out", answers = Aggression, label = "Acme — Data analyst" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.JsonAsync();
        var id = body.GetProperty("id").GetString();
        Assert.True(Guid.TryParse(id, out _));
        Assert.Equal($"/api/v1/sessions/{id}", response.Headers.Location?.OriginalString);
        var expected = Expected(Aggression);
        Assert.Equal(expected.Outcome, body.GetProperty("outcome").GetString());
        Assert.Equal(expected.Confidence, body.GetProperty("confidence").GetDouble(), 6);
        Assert.Equal(expected.Reasons.Count, body.GetProperty("reasons").GetArrayLength());
        Assert.Equal(expected.Words.Count, body.GetProperty("words").GetArrayLength());
        Assert.Equal("Acme — Data analyst", body.GetProperty("label").GetString());
    }

    [Fact]
    public async Task ASavedSessionReadsBackWithItsAnswersAndVerdict()
    {
        using var browser = app.NewBrowser();
        var answers = new Dictionary<string, string> { ["salary-below-posted"] = "yes", ["demeaning-questions"] = "unsure" };
        var id = await browser.SaveSessionAsync(answers, completed: false);

        var body = await (await browser.GetAsync($"/api/v1/sessions/{id}", Ct)).JsonAsync();

        Assert.Equal("yes", body.GetProperty("answers").GetProperty("salary-below-posted").GetString());
        Assert.Equal("unsure", body.GetProperty("answers").GetProperty("demeaning-questions").GetString());
        Assert.False(body.GetProperty("completed").GetBoolean());
        Assert.Equal(Expected(answers).Outcome, body.GetProperty("outcome").GetString());
    }

    [Fact]
    public async Task UpdatingASessionReplacesItsAnswersAndVerdict()
    {
        using var browser = app.NewBrowser();
        var id = await browser.SaveSessionAsync(new Dictionary<string, string> { ["salary-below-posted"] = "yes" }, completed: false);
        var later = new Dictionary<string, string> { ["salary-below-posted"] = "raised-unresolved" };

        var response = await browser.PutJsonAsync($"/api/v1/sessions/{id}", new { checklist = "walk-out", answers = later, completed = true });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await (await browser.GetAsync($"/api/v1/sessions/{id}", Ct)).JsonAsync();
        Assert.Equal("raised-unresolved", body.GetProperty("answers").GetProperty("salary-below-posted").GetString());
        Assert.Equal(Expected(later).Outcome, body.GetProperty("outcome").GetString());
        Assert.True(body.GetProperty("completed").GetBoolean());
    }

    [Fact]
    public async Task ADeletedSessionIsGone()
    {
        using var browser = app.NewBrowser();
        var id = await browser.SaveSessionAsync();

        var delete = await browser.DeleteAsync($"/api/v1/sessions/{id}", Ct);

        Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync($"/api/v1/sessions/{id}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.DeleteAsync($"/api/v1/sessions/{id}", Ct)).StatusCode);
    }

    [Fact]
    public async Task TheListIsNewestFirstAndPagedByTwenty()
    {
        using var browser = app.NewBrowser();
        var ids = new List<string>();
        for (var i = 0; i < 21; i++)
        {
            ids.Add(await browser.SaveSessionAsync(label: $"Interview {i}"));
            app.Clock.Advance(TimeSpan.FromMinutes(1));
        }

        var first = await (await browser.GetAsync("/api/v1/sessions", Ct)).JsonAsync();
        var second = await (await browser.GetAsync("/api/v1/sessions?page=2", Ct)).JsonAsync();

        Assert.Equal(21, first.GetProperty("total").GetInt32());
        Assert.Equal(20, first.GetProperty("items").GetArrayLength());
        Assert.Equal(ids[20], first.GetProperty("items")[0].GetProperty("id").GetString());
        Assert.Equal(ids[0], Assert.Single(second.GetProperty("items").EnumerateArray()).GetProperty("id").GetString());
    }

    [Fact]
    public async Task AnUnknownChecklistIsRejectedNamingTheField()
    {
        using var browser = app.NewBrowser();

        var response = await browser.PostJsonAsync("/api/v1/sessions", new { checklist = "no-such-list", answers = Aggression });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.JsonAsync()).GetProperty("errors").TryGetProperty("checklist", out _));
    }

    [Fact]
    public async Task AnUnknownItemOrAnswerIsRejectedNamingTheItem()
    {
        using var browser = app.NewBrowser();

        var response = await browser.PostJsonAsync("/api/v1/sessions", new
        {
            checklist = "walk-out",
            answers = new Dictionary<string, string> { ["no-such-item"] = "yes", ["aggressive-behaviour"] = "maybe" },
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.JsonAsync()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("answers.no-such-item", out _));
        Assert.True(errors.TryGetProperty("answers.aggressive-behaviour", out _));
    }

    [Fact]
    public async Task AnOverLongLabelIsRejectedNamingTheFieldAndNothingIsKept()
    {
        using var browser = app.NewBrowser();

        var response = await browser.PostJsonAsync("/api/v1/sessions", new { checklist = "walk-out", answers = Aggression, label = new string('x', 121) });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.JsonAsync()).GetProperty("errors").TryGetProperty("label", out _));
        Assert.False(response.Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public async Task ALabelOfExactlyTheLimitIsKept()
    {
        using var browser = app.NewBrowser();

        var response = await browser.PostJsonAsync("/api/v1/sessions", new { checklist = "walk-out", answers = Aggression, label = new string('x', 120) });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Theory]
    [InlineData("Acme\u0000")]
    [InlineData("Acme\u001b[31m")]
    [InlineData("Acme\u007f")]
    public async Task ControlCharactersInALabelAreRejected(string label)
    {
        using var browser = app.NewBrowser();

        var response = await browser.PostJsonAsync("/api/v1/sessions", new { checklist = "walk-out", answers = Aggression, label });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.JsonAsync()).GetProperty("errors").TryGetProperty("label", out _));
    }

    [Fact]
    public async Task UpdatingASessionWithBadInputIsRejectedAndKeepsTheOldAnswers()
    {
        using var browser = app.NewBrowser();
        var id = await browser.SaveSessionAsync();

        var response = await browser.PutJsonAsync($"/api/v1/sessions/{id}", new { checklist = "walk-out", answers = Aggression, label = "a\u0007b" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await (await browser.GetAsync($"/api/v1/sessions/{id}", Ct)).JsonAsync();
        Assert.Equal("yes", body.GetProperty("answers").GetProperty("aggressive-behaviour").GetString());
    }

    [Theory]
    [InlineData("POST", "/api/v1/sessions")]
    [InlineData("PUT", "/api/v1/sessions/6d1c2b0e-8f43-4c1e-9b9a-2f1f0e5d7a11")]
    [InlineData("POST", "/api/v1/drafts")]
    [InlineData("PUT", "/api/v1/drafts/6d1c2b0e-8f43-4c1e-9b9a-2f1f0e5d7a11")]
    [InlineData("POST", "/api/v1/owner/transfer")]
    [InlineData("POST", "/api/v1/owner/transfer/redeem")]
    [InlineData("DELETE", "/api/v1/owner")]
    public async Task AWriteWithAFormBodyGets415(string method, string url)
    {
        using var browser = app.NewBrowser();
        using var request = new HttpRequestMessage(new HttpMethod(method), url)
        {
            Content = new StringContent("checklist=walk-out", Encoding.UTF8, "application/x-www-form-urlencoded"),
        };

        var response = await browser.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Fact]
    public async Task MarkupInALabelIsKeptAsText()
    {
        using var browser = app.NewBrowser();
        const string Markup = "<script>alert(1)</script>";
        var id = await browser.SaveSessionAsync(label: Markup);

        var body = await (await browser.GetAsync($"/api/v1/sessions/{id}", Ct)).JsonAsync();

        Assert.Equal(Markup, body.GetProperty("label").GetString());
    }
}
