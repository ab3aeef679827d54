using System.Net;
using InterviewCompass.Web.Tests.Support;
using static InterviewCompass.Web.Tests.Support.OwnerDataClient;

namespace InterviewCompass.Web.Tests.Features.Owners;

public sealed class OwnerRacesOnSqlite(SqliteApp app) : OwnerRaceTests(app), IClassFixture<SqliteApp>;

public sealed class OwnerRacesOnPostgres(PostgresApp app) : OwnerRaceTests(app), IClassFixture<PostgresApp>;

/// <summary>
/// Issue 11, defects 3 and 9: saves racing "delete everything", and the first saves of a browser whose owner was deleted,
/// end in a defined answer; a deleted owner's cookie never brings that owner back.
/// </summary>
public abstract class OwnerRaceTests(StorageApp app)
{
    private const string Session = """{"checklist": "walk-out", "answers": {"aggressive-behaviour": "yes"}}""";

    private async Task<string> FirstSaveAsync()
    {
        using var client = app.NewBrowser();
        using var saved = await client.PostAsync("/api/v1/sessions", ApiAssert.Json(Session), Ct);
        Assert.Equal(HttpStatusCode.Created, saved.StatusCode);
        return OwnerCookieOf(saved);
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string path, string? cookie, string? json = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = json is null ? null : ApiAssert.Json(json) }.WithCookie(cookie);
        return await client.SendAsync(request, Ct);
    }

    private HttpClient NewDevice() => app.Factory.CreateClient(new() { HandleCookies = false, AllowAutoRedirect = false });

    [Fact]
    public async Task FirstSavesAfterTheOwnerWasDeletedAllSucceed()
    {
        using var device = NewDevice();
        for (var round = 0; round < 5; round++)
        {
            var cookie = await FirstSaveAsync();
            using (var deleted = await SendAsync(device, HttpMethod.Delete, "/api/v1/owner", cookie))
            {
                Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
            }

            var saves = await Task.WhenAll(Enumerable.Range(0, 16).Select(async _ =>
            {
                using var response = await SendAsync(device, HttpMethod.Post, "/api/v1/sessions", cookie, Session);
                return response.StatusCode;
            }));

            Assert.All(saves, s => Assert.Equal(HttpStatusCode.Created, s));
        }
    }

    [Fact]
    public async Task SavesRacingDeleteEverythingEndInADefinedAnswer()
    {
        using var device = NewDevice();
        for (var round = 0; round < 8; round++)
        {
            var cookie = await FirstSaveAsync();

            var saves = Enumerable.Range(0, 8).Select(async _ =>
            {
                using var response = await SendAsync(device, HttpMethod.Post, "/api/v1/sessions", cookie, Session);
                if (response.StatusCode != HttpStatusCode.Created)
                {
                    await ApiAssert.ProblemAsync(response, HttpStatusCode.Conflict);
                }

                return response.StatusCode;
            }).ToList();
            using var deleted = await SendAsync(device, HttpMethod.Delete, "/api/v1/owner", cookie);
            var statuses = await Task.WhenAll(saves);

            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
            Assert.All(statuses, s => Assert.Contains(s, new[] { HttpStatusCode.Created, HttpStatusCode.Conflict }));
        }
    }

    [Fact]
    public async Task ADeletedOwnersOldCookieGetsANewOwnerOnItsNextSave()
    {
        using var device = NewDevice();
        var cookie = await FirstSaveAsync();
        using (var deleted = await SendAsync(device, HttpMethod.Delete, "/api/v1/owner", cookie))
        {
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        }

        // Another device still holds the deleted owner's cookie and saves again.
        using var saved = await SendAsync(device, HttpMethod.Post, "/api/v1/sessions", cookie, Session);

        Assert.Equal(HttpStatusCode.Created, saved.StatusCode);
        var renewed = OwnerCookieOf(saved);
        Assert.NotEqual(cookie, renewed);
        using var withOld = await SendAsync(device, HttpMethod.Get, "/api/v1/sessions", cookie);
        Assert.Equal(0, (await withOld.JsonAsync()).GetProperty("total").GetInt32());
        using var withNew = await SendAsync(device, HttpMethod.Get, "/api/v1/sessions", renewed);
        Assert.Equal(1, (await withNew.JsonAsync()).GetProperty("total").GetInt32());
    }
}
