using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using InterviewCompass.Web.Tests.Support;
using Microsoft.Data.Sqlite;
using static InterviewCompass.Web.Tests.Support.OwnerDataClient;

namespace InterviewCompass.Web.Tests.Hosting;

/// <summary>
/// Issue 23: the app warms itself up after a start (its own requests over loopback) and says so on <c>/healthz</c>;
/// what it saved is gone afterwards, and its writes never count against a visitor's budget.
/// </summary>
public sealed partial class WarmUpTests
{
    [Fact]
    public async Task TheWarmUpLeavesNoDataAndSpendsNoVisitorsWriteBudget()
    {
        var folder = Path.Combine(Path.GetTempPath(), "ic-tests", "warm-up-" + Guid.NewGuid().ToString("N"));
        await using var app = AppProcess.Start(new Dictionary<string, string?>
        {
            ["Storage:DataPath"] = folder,
            ["WarmUp:Enabled"] = "true",
            ["WarmUp:Rounds"] = "4",
            ["RateLimits:WritesPerMinute"] = "5",
        });

        Assert.True(await app.WaitForLineAsync("Now listening on:"), app.Output);
        var address = ListeningOn().Match(app.Output).Groups["address"].Value;
        using var client = new HttpClient { BaseAddress = new Uri(address) };

        // Ready only once warmed up: 4 rounds of the hot requests, 12 writes among them (more than the budget of 5).
        Assert.True(await app.WaitForLineAsync("Warmed up:"), app.Output);
        var warmed = WarmedUp().Match(app.Output);
        Assert.Equal("4", warmed.Groups["rounds"].Value);
        Assert.Equal("0", warmed.Groups["failed"].Value);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz", Ct)).StatusCode);

        // Nothing it saved is left.
        await using (var db = new SqliteConnection($"Data Source={Path.Combine(folder, "interviewcompass.db")};Mode=ReadOnly;Pooling=False"))
        {
            await db.OpenAsync(Ct);
            await using var count = db.CreateCommand();
            count.CommandText = "SELECT (SELECT COUNT(*) FROM Owners) + (SELECT COUNT(*) FROM Drafts)";
            Assert.Equal(0L, (long)(await count.ExecuteScalarAsync(Ct))!);
        }

        // A visitor on the same loopback address still has the whole budget; guessing the warm-up's key buys nothing.
        client.DefaultRequestHeaders.Add("X-Warm-Up-Key", new string('0', 64));
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 6; i++)
        {
            using var saved = await client.PostAsJsonAsync("/api/v1/sessions", new
            {
                checklist = "walk-out",
                answers = new Dictionary<string, string> { ["salary-below-posted"] = "yes" },
            }, Ct);
            statuses.Add(saved.StatusCode);
        }

        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.Created, 5), HttpStatusCode.TooManyRequests], statuses);
    }

    [GeneratedRegex(@"Now listening on: (?<address>http://127\.0\.0\.1:\d+)")]
    private static partial Regex ListeningOn();

    [GeneratedRegex(@"Warmed up: \d+ requests to itself \((?<rounds>\d+) rounds, (?<failed>\d+) not answered")]
    private static partial Regex WarmedUp();
}
