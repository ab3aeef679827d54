using System.Net;
using InterviewCompass.Core.Content;
using InterviewCompass.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static InterviewCompass.Web.Tests.Support.OwnerDataClient;

namespace InterviewCompass.Web.Tests.Features.Drafts;

public sealed class DraftRacesOnSqlite(SqliteApp app) : DraftRaceTests(app), IClassFixture<SqliteApp>;

public sealed class DraftRacesOnPostgres(PostgresApp app) : DraftRaceTests(app), IClassFixture<PostgresApp>;

/// <summary>Issue 11, defect 3: saves of one draft from several tabs, and a save racing a delete, each end in a defined answer.</summary>
public abstract class DraftRaceTests(StorageApp app)
{
    private static readonly HttpStatusCode[] Defined = [HttpStatusCode.OK, HttpStatusCode.NotFound, HttpStatusCode.Conflict];

    private MessageKind Kind => app.Factory.Services.GetRequiredService<ContentCatalog>().MessageKinds[0];

    private object Draft(string body) => new
    {
        kind = Kind.Id,
        tone = "warm",
        situation = Kind.Situations.Count > 0 ? Kind.Situations[0] : null,
        subject = "Thank you",
        body,
    };

    private async Task<string> CreateAsync(HttpClient browser, string body)
    {
        using var response = await browser.PostJsonAsync("/api/v1/drafts", Draft(body));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.JsonAsync()).GetProperty("id").GetString()!;
    }

    [Fact]
    public async Task ConcurrentSavesOfOneDraftEachEndWellAndNoAcknowledgedTextIsLost()
    {
        using var browser = app.NewBrowser();
        var id = await CreateAsync(browser, "Text 0");

        var saves = await Task.WhenAll(Enumerable.Range(1, 24).Select(async i =>
        {
            using var response = await browser.PutJsonAsync($"/api/v1/drafts/{id}", Draft($"Text {i}"));
            if (response.StatusCode != HttpStatusCode.OK)
            {
                await ApiAssert.ProblemAsync(response, HttpStatusCode.Conflict);
            }

            return (Text: $"Text {i}", response.StatusCode);
        }));

        var current = (await (await browser.GetAsync($"/api/v1/drafts/{id}", Ct)).JsonAsync()).GetProperty("body").GetString();
        var versions = (await browser.AllVersionsAsync(id)).Select(v => v.GetProperty("body").GetString()).ToList();
        var kept = versions.Append(current).ToHashSet();
        Assert.Contains("Text 0", kept);
        Assert.All(saves.Where(s => s.StatusCode == HttpStatusCode.OK), s => Assert.Contains(s.Text, kept));
        Assert.Equal(versions.Count, versions.Distinct().Count());
    }

    [Fact]
    public async Task ASaveRacingADeleteOfTheSameDraftEndsIn200Or404()
    {
        using var browser = app.NewBrowser();
        for (var round = 0; round < 20; round++)
        {
            var id = await CreateAsync(browser, "Before");

            var save = browser.PutJsonAsync($"/api/v1/drafts/{id}", Draft("After"));
            var delete = browser.DeleteAsync($"/api/v1/drafts/{id}", Ct);
            using var saved = await save;
            using var deleted = await delete;

            Assert.Contains(saved.StatusCode, Defined);
            if (saved.StatusCode != HttpStatusCode.OK)
            {
                await ApiAssert.ProblemAsync(saved, saved.StatusCode);
            }

            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
            await using var db = app.OpenUnfiltered();
            Assert.False(await db.DraftVersions.IgnoreQueryFilters().AnyAsync(v => v.DraftId == Guid.Parse(id), Ct));
        }
    }
}
