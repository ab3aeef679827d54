using System.Net;
using System.Text.Json;
using InterviewCompass.Core.Content;
using InterviewCompass.Web.Features.Drafts;
using InterviewCompass.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static InterviewCompass.Web.Tests.Support.OwnerDataClient;

namespace InterviewCompass.Web.Tests.Features.Drafts;

public sealed class VersionFloodOnSqlite(SqliteApp app) : VersionFloodTests(app), IClassFixture<SqliteApp>;

public sealed class VersionFloodOnPostgres(PostgresApp app) : VersionFloodTests(app), IClassFixture<PostgresApp>;

/// <summary>
/// Issue 19, defect 1: one client saving a 5,000-character draft over and over while others read its versions and the
/// exports. Every answer is 2xx (or 413/429), never 500; a draft keeps its newest 50 versions, the versions come a page at
/// a time, and the exports carry at most 50 versions of it.
/// </summary>
public abstract class VersionFloodTests(StorageApp app)
{
    private const int Saves = SavedDrafts.KeptVersions + 20;

    [Fact]
    public async Task AFloodOfSavesWithConcurrentReadersKeepsAnsweringAndKeepsTheNewestFifty()
    {
        using var attacker = app.NewBrowser();
        var kind = app.Factory.Services.GetRequiredService<ContentCatalog>().MessageKinds[0];
        object Draft(int i) => new
        {
            kind = kind.Id,
            tone = "brief",
            situation = kind.Situations.Count > 0 ? kind.Situations[0] : null,
            body = $"Save {i} " + new string('x', 4_990),
        };
        using var created = await attacker.PostJsonAsync("/api/v1/drafts", Draft(0));
        var id = (await created.JsonAsync()).GetProperty("id").GetString()!;

        var statuses = new System.Collections.Concurrent.ConcurrentBag<(string What, HttpStatusCode Status)>();
        using var done = new CancellationTokenSource();
        var readers = Enumerable.Range(0, 4).Select(reader => Task.Run(async () =>
        {
            string[] reads = [$"/api/v1/drafts/{id}/versions", "/api/v1/export", "/api/v1/export?format=markdown", $"/history/drafts/{id}", $"/drafts/{id}"];
            for (var n = reader; !done.IsCancellationRequested; n++)
            {
                using var response = await attacker.GetAsync(reads[n % reads.Length], HttpCompletionOption.ResponseContentRead, Ct);
                statuses.Add((reads[n % reads.Length], response.StatusCode));
            }
        })).ToList();

        for (var i = 1; i <= Saves; i++)
        {
            using var saved = await attacker.PutJsonAsync($"/api/v1/drafts/{id}", Draft(i));
            statuses.Add(("PUT", saved.StatusCode));
        }

        await done.CancelAsync();
        await Task.WhenAll(readers);

        Assert.All(statuses, s => Assert.True(
            (int)s.Status is >= 200 and < 300 or 413 or 429, $"{s.What} answered {(int)s.Status}"));
        Assert.Contains(statuses, s => s.What.StartsWith("/api/v1/export", StringComparison.Ordinal));
        await using (var db = app.OpenUnfiltered())
        {
            Assert.Equal(SavedDrafts.KeptVersions, await db.DraftVersions.IgnoreQueryFilters().CountAsync(v => v.DraftId == Guid.Parse(id), Ct));
        }

        var page = await (await attacker.GetAsync($"/api/v1/drafts/{id}/versions", Ct)).JsonAsync();
        Assert.Equal(SavedDrafts.VersionsPageSize, page.GetProperty("items").GetArrayLength());
        Assert.Equal(SavedDrafts.KeptVersions, page.GetProperty("total").GetInt32());
        Assert.StartsWith($"Save {Saves - 1} ", page.GetProperty("items")[0].GetProperty("body").GetString(), StringComparison.Ordinal);

        var export = await (await attacker.GetAsync("/api/v1/export", Ct)).JsonAsync();
        var versions = export.GetProperty("drafts")[0].GetProperty("versions");
        Assert.Equal(SavedDrafts.KeptVersions, versions.GetArrayLength());
        Assert.Equal(JsonValueKind.Array, export.GetProperty("sessions").ValueKind);
    }
}
