using System.Net;
using InterviewCompass.Core.Content;
using InterviewCompass.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using static InterviewCompass.Web.Tests.Support.OwnerDataClient;

namespace InterviewCompass.Web.Tests.Features.Owners;

public sealed class OwnerIsolationOnSqlite(SqliteApp app) : OwnerIsolationTests(app), IClassFixture<SqliteApp>;

public sealed class OwnerIsolationOnPostgres(PostgresApp app) : OwnerIsolationTests(app), IClassFixture<PostgresApp>;

/// <summary>Another browser (another owner) never gets someone's data: 404 on every id, an empty history.</summary>
public abstract class OwnerIsolationTests(StorageApp app)
{
    private async Task<(string Session, string Draft)> SaveBothAsync(HttpClient owner)
    {
        var session = await owner.SaveSessionAsync(label: "Private label");
        var messageKind = app.Factory.Services.GetRequiredService<ContentCatalog>().MessageKinds[0];
        var response = await owner.PostJsonAsync("/api/v1/drafts", new
        {
            kind = messageKind.Id,
            tone = "warm",
            situation = messageKind.Situations.Count > 0 ? messageKind.Situations[0] : null,
            body = "Private body",
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (session, (await response.JsonAsync()).GetProperty("id").GetString()!);
    }

    [Fact]
    public async Task AnotherOwnerGets404OnEveryRouteThatTakesAnId()
    {
        using var owner = app.NewBrowser();
        using var stranger = app.NewBrowser();
        var (session, draft) = await SaveBothAsync(owner);
        await stranger.SaveSessionAsync();

        var routes = new (HttpMethod Method, string Url, object? Body)[]
        {
            (HttpMethod.Get, $"/api/v1/sessions/{session}", null),
            (HttpMethod.Put, $"/api/v1/sessions/{session}", new { checklist = "walk-out", answers = new Dictionary<string, string>() }),
            (HttpMethod.Delete, $"/api/v1/sessions/{session}", null),
            (HttpMethod.Get, $"/api/v1/drafts/{draft}", null),
            (HttpMethod.Put, $"/api/v1/drafts/{draft}", new { kind = "x", tone = "warm", body = "Mine now" }),
            (HttpMethod.Delete, $"/api/v1/drafts/{draft}", null),
            (HttpMethod.Get, $"/api/v1/drafts/{draft}/versions", null),
            (HttpMethod.Get, $"/history/sessions/{session}", null),
            (HttpMethod.Get, $"/history/sessions/{session}/delete", null),
            (HttpMethod.Get, $"/history/drafts/{draft}", null),
            (HttpMethod.Get, $"/history/drafts/{draft}/delete", null),
        };

        foreach (var (method, url, body) in routes)
        {
            using var request = new HttpRequestMessage(method, url);
            if (body is not null)
            {
                request.Content = System.Net.Http.Json.JsonContent.Create(body);
            }

            var response = await stranger.SendAsync(request, Ct);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{method} {url}: {(int)response.StatusCode}");
            var text = await response.Content.ReadAsStringAsync(Ct);
            Assert.DoesNotContain("Private", text, StringComparison.Ordinal);
        }

        // Still there for its owner, untouched.
        Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync($"/api/v1/sessions/{session}", Ct)).StatusCode);
        var kept = await (await owner.GetAsync($"/api/v1/drafts/{draft}", Ct)).JsonAsync();
        Assert.Equal("Private body", kept.GetProperty("body").GetString());
    }

    [Fact]
    public async Task ABrowserWithoutACookieGets404AndAnEmptyHistory()
    {
        using var owner = app.NewBrowser();
        using var stranger = app.NewBrowser();
        var (session, _) = await SaveBothAsync(owner);

        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/v1/sessions/{session}", Ct)).StatusCode);
        var sessions = await (await stranger.GetAsync("/api/v1/sessions", Ct)).JsonAsync();
        var drafts = await (await stranger.GetAsync("/api/v1/drafts", Ct)).JsonAsync();
        var export = await (await stranger.GetAsync("/api/v1/export", Ct)).JsonAsync();
        var page = await stranger.GetStringAsync("/history", Ct);

        Assert.Equal(0, sessions.GetProperty("total").GetInt32());
        Assert.Equal(0, drafts.GetProperty("total").GetInt32());
        Assert.Equal(0, export.GetProperty("sessions").GetArrayLength());
        Assert.Equal(0, export.GetProperty("drafts").GetArrayLength());
        Assert.DoesNotContain("Private", page, StringComparison.Ordinal);
        Assert.Contains("Nothing is kept here yet", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnotherOwnersHistoryListsOnlyTheirOwnItems()
    {
        using var owner = app.NewBrowser();
        using var stranger = app.NewBrowser();
        await SaveBothAsync(owner);
        await stranger.SaveSessionAsync(label: "Stranger own label");

        var page = await stranger.GetStringAsync("/history", Ct);

        Assert.Contains("Stranger own label", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Private", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeletingEverythingLeavesOtherOwnersAlone()
    {
        using var owner = app.NewBrowser();
        using var stranger = app.NewBrowser();
        var (session, _) = await SaveBothAsync(owner);
        await stranger.SaveSessionAsync();

        await stranger.DeleteAsync("/api/v1/owner", Ct);

        Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync($"/api/v1/sessions/{session}", Ct)).StatusCode);
    }
}
