using System.Net;
using InterviewCompass.Web.Tests.Support;
using static InterviewCompass.Web.Tests.Support.OwnerDataClient;

namespace InterviewCompass.Web.Tests.Features.Checks;

public sealed class ClientChosenIdOnSqlite(SqliteApp app) : ClientChosenIdTests(app), IClassFixture<SqliteApp>;

public sealed class ClientChosenIdOnPostgres(PostgresApp app) : ClientChosenIdTests(app), IClassFixture<PostgresApp>;

/// <summary>
/// Issue 12: a save sent with an id the browser chose (an offline check synced later, a retry after a lost answer)
/// is kept once, however often it arrives.
/// </summary>
public abstract class ClientChosenIdTests(StorageApp app)
{
    private static readonly Dictionary<string, string> Pay = new() { ["salary-below-posted"] = "yes" };

    [Fact]
    public async Task SendingTheSameSaveTwiceKeepsOneSession()
    {
        using var browser = app.NewBrowser();
        var id = Guid.NewGuid();
        var save = new { id, checklist = "walk-out", answers = Pay, completed = true };

        var first = await browser.PostJsonAsync("/api/v1/sessions", save);
        var again = await browser.PostJsonAsync("/api/v1/sessions", save);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(id.ToString(), (await again.JsonAsync()).GetProperty("id").GetString());
        var list = await (await browser.GetAsync("/api/v1/sessions", Ct)).JsonAsync();
        Assert.Equal(1, list.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task ALaterSaveWithTheSameIdUpdatesThatSession()
    {
        using var browser = app.NewBrowser();
        var id = Guid.NewGuid();
        await browser.PostJsonAsync("/api/v1/sessions", new { id, checklist = "walk-out", answers = Pay, completed = false });

        var finished = await browser.PostJsonAsync("/api/v1/sessions", new
        {
            id,
            checklist = "walk-out",
            answers = new Dictionary<string, string> { ["salary-below-posted"] = "raised-unresolved" },
            completed = true,
        });

        var body = await finished.JsonAsync();
        Assert.Equal("leave", body.GetProperty("outcome").GetString());
        Assert.True(body.GetProperty("completed").GetBoolean());
        var list = await (await browser.GetAsync("/api/v1/sessions", Ct)).JsonAsync();
        Assert.Equal(1, list.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task AnIdAnotherBrowserHoldsIsAConflictAndChangesNothing()
    {
        using var owner = app.NewBrowser();
        using var stranger = app.NewBrowser();
        var id = Guid.NewGuid();
        await owner.PostJsonAsync("/api/v1/sessions", new { id, checklist = "walk-out", answers = Pay, completed = true });

        var taken = await stranger.PostJsonAsync("/api/v1/sessions", new
        {
            id,
            checklist = "walk-out",
            answers = new Dictionary<string, string> { ["culture-mismatch"] = "yes" },
            completed = true,
        });

        Assert.Equal(HttpStatusCode.Conflict, taken.StatusCode);
        var kept = await (await owner.GetAsync($"/api/v1/sessions/{id}", Ct)).JsonAsync();
        Assert.Equal("yes", kept.GetProperty("answers").GetProperty("salary-below-posted").GetString());
        Assert.False(kept.GetProperty("answers").TryGetProperty("culture-mismatch", out _));
    }
}
