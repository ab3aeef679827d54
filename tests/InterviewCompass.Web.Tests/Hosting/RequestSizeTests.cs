using System.Net;
using System.Text;
using InterviewCompass.Web.Tests.Support;
using static InterviewCompass.Web.Tests.Support.OwnerDataClient;

namespace InterviewCompass.Web.Tests.Hosting;

/// <summary>Issue 11, defect 5: a flood of answers gets a short refusal, and a body over the limit gets 413.</summary>
public sealed class RequestSizeTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    private static string ManyAnswers(int count) =>
        "{\"checklist\": \"walk-out\", \"answers\": {" +
        string.Join(',', Enumerable.Range(0, count).Select(i => $"\"no-such-item-{i}\": \"yes\"")) + "}}";

    [Theory]
    [InlineData("/api/v1/checklists/walk-out/assess")]
    [InlineData("/api/v1/sessions")]
    public async Task ThousandsOfUnknownAnswersGetAShortRefusal(string path)
    {
        using var browser = app.NewBrowser();

        using var response = await browser.PostAsync(path, ApiAssert.Json(ManyAnswers(2000)), Ct);

        var problem = await ApiAssert.ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetRawText().Length < 4_000, $"{problem.GetRawText().Length} characters of errors");
        Assert.Contains("answers", problem.GetProperty("errors").EnumerateObject().Select(e => e.Name));
    }

    [Theory]
    [InlineData("/api/v1/checklists/walk-out/assess")]
    [InlineData("/api/v1/sessions")]
    public async Task TheListOfProblemsIsCapped(string path)
    {
        using var browser = app.NewBrowser();

        using var response = await browser.PostAsync(path, ApiAssert.Json(ManyAnswers(60)), Ct);

        var problem = await ApiAssert.ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.InRange(problem.GetProperty("errors").EnumerateObject().Count(), 1, 21);
    }

    [Fact]
    public async Task ABodyOverTheLimitIsRefusedWith413()
    {
        using var browser = app.NewBrowser();
        var json = "{\"kind\": \"withdrawal-note\", \"tone\": \"warm\", \"body\": \"" + new string('a', 300_000) + "\"}";

        using var response = await browser.PostAsync("/api/v1/drafts", new StringContent(json, Encoding.UTF8, "application/json"), Ct);

        var problem = await ApiAssert.ProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
        Assert.Contains("KB", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }
}
