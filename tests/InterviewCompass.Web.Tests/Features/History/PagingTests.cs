using System.Net;
using InterviewCompass.Core.Content;
using InterviewCompass.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using static InterviewCompass.Web.Tests.Support.OwnerDataClient;

namespace InterviewCompass.Web.Tests.Features.History;

public sealed class PagingOnSqlite(SqliteApp app) : PagingTests(app), IClassFixture<SqliteApp>;

public sealed class PagingOnPostgres(PostgresApp app) : PagingTests(app), IClassFixture<PostgresApp>;

/// <summary>Issue 11, defects 7 and 9: page numbers are bounded on every provider, and a bad one is named.</summary>
public abstract class PagingTests(StorageApp app)
{
    private async Task<HttpClient> BrowserWithOneOfEachAsync()
    {
        var browser = app.NewBrowser();
        await browser.SaveSessionAsync();
        var kind = app.Factory.Services.GetRequiredService<ContentCatalog>().MessageKinds[0];
        using var draft = await browser.PostJsonAsync("/api/v1/drafts", new
        {
            kind = kind.Id,
            tone = "warm",
            situation = kind.Situations.Count > 0 ? kind.Situations[0] : null,
            body = "Hello",
        });
        Assert.Equal(HttpStatusCode.Created, draft.StatusCode);
        return browser;
    }

    [Theory]
    [InlineData("sessions", "107374184")]
    [InlineData("drafts", "107374184")]
    [InlineData("sessions", "2147483647")]
    [InlineData("drafts", "0")]
    public async Task APageNumberOutsideTheRangeIsRefusedAndNamed(string list, string page)
    {
        using var browser = await BrowserWithOneOfEachAsync();

        using var response = await browser.GetAsync($"/api/v1/{list}?page={page}", Ct);

        var problem = await ApiAssert.ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("page", problem.GetProperty("errors").EnumerateObject().Select(e => e.Name));
    }

    [Theory]
    [InlineData("sessions")]
    [InlineData("drafts")]
    public async Task APageAfterTheLastIsEmpty(string list)
    {
        using var browser = await BrowserWithOneOfEachAsync();

        var body = await (await browser.GetAsync($"/api/v1/{list}?page=2", Ct)).JsonAsync();

        Assert.Equal(0, body.GetProperty("items").GetArrayLength());
        Assert.Equal(1, body.GetProperty("total").GetInt32());
    }

    [Theory]
    [InlineData("/api/v1/sessions?page=abc", "page")]
    [InlineData("/api/v1/drafts?page=1.5", "page")]
    [InlineData("/api/v1/export?format=pdf", "format")]
    [InlineData("/api/v1/export?format=json&format=markdown", "format")]
    public async Task ABadQueryValueSaysWhatIsWrongWithIt(string url, string name)
    {
        using var browser = await BrowserWithOneOfEachAsync();

        using var response = await browser.GetAsync(url, Ct);

        var problem = await ApiAssert.ProblemAsync(response, HttpStatusCode.BadRequest);
        var text = problem.GetRawText();
        Assert.Contains(name, text, StringComparison.Ordinal);
        Assert.DoesNotContain("JSON", text, StringComparison.Ordinal);
    }
}
