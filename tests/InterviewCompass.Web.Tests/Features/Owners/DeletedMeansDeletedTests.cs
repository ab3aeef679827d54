using System.Net;
using InterviewCompass.Core.Content;
using InterviewCompass.Web.Data;
using InterviewCompass.Web.Shared;
using InterviewCompass.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static InterviewCompass.Web.Tests.Support.OwnerDataClient;

namespace InterviewCompass.Web.Tests.Features.Owners;

public sealed class DeletedMeansDeletedOnSqlite(SqliteApp app) : DeletedMeansDeletedTests(app), IClassFixture<SqliteApp>;

public sealed class DeletedMeansDeletedOnPostgres(PostgresApp app) : DeletedMeansDeletedTests(app), IClassFixture<PostgresApp>;

/// <summary>
/// Issue 19, defects 2, 4 and 5: the records of keyed writes keep no words and go with the owner; a retry after a delete gets
/// nothing back; the records expire by a cleanup that runs; a transfer leaves nothing behind; a crash strands no key.
/// </summary>
public abstract class DeletedMeansDeletedTests(StorageApp app)
{
    private const string Secret = "Words only I wrote, 7f3a";

    private string DraftJson(string body)
    {
        var kind = app.Factory.Services.GetRequiredService<ContentCatalog>().MessageKinds[0];
        var situation = kind.Situations.Count > 0 ? $"\"{kind.Situations[0]}\"" : "null";
        return $$"""{"kind": "{{kind.Id}}", "tone": "warm", "situation": {{situation}}, "subject": "{{body}}", "body": "{{body}}"}""";
    }

    private static HttpRequestMessage Keyed(HttpMethod method, string path, string? json, string key, string? cookie) =>
        new HttpRequestMessage(method, path) { Content = json is null ? null : ApiAssert.Json(json) }.WithCookie(cookie)
            .Also(r => r.Headers.Add("Idempotency-Key", key));

    private static HttpRequestMessage Plain(HttpMethod method, string path, string? cookie) => new HttpRequestMessage(method, path).WithCookie(cookie);

    /// <summary>Every text column of every kept row, of every owner.</summary>
    private async Task<List<string>> EverythingStoredAsync()
    {
        await using var db = app.OpenUnfiltered();
        var texts = new List<string>();
        foreach (var records in await db.IdempotentRequests.ToListAsync(Ct))
        {
            texts.AddRange(typeof(IdempotentRequest).GetProperties().Select(p => p.GetValue(records)?.ToString() ?? ""));
        }

        texts.AddRange(await db.Drafts.IgnoreQueryFilters().Select(d => d.Subject + d.Body).ToListAsync(Ct));
        texts.AddRange(await db.DraftVersions.IgnoreQueryFilters().Select(d => d.Subject + d.Body).ToListAsync(Ct));
        texts.AddRange(await db.Sessions.IgnoreQueryFilters().Select(s => s.Label ?? "").ToListAsync(Ct));
        return texts;
    }

    [Fact]
    public async Task TheRecordOfAKeyedSaveHoldsNoneOfItsWords()
    {
        using var phone = app.Factory.CreateClient(new() { HandleCookies = false });

        using var created = await phone.SendAsync(Keyed(HttpMethod.Post, "/api/v1/drafts", DraftJson(Secret + " record"), Guid.NewGuid().ToString(), null), Ct);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        await using var db = app.OpenUnfiltered();
        var records = await db.IdempotentRequests.ToListAsync(Ct);
        Assert.NotEmpty(records);
        Assert.All(records, r => Assert.All(typeof(IdempotentRequest).GetProperties(), p =>
            Assert.DoesNotContain(Secret, p.GetValue(r)?.ToString() ?? "", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task DeleteEverythingLeavesNoCopyAndAReplayGetsNeitherTheTextNorTheOwner()
    {
        using var phone = app.Factory.CreateClient(new() { HandleCookies = false });
        var key = Guid.NewGuid().ToString();
        var text = Secret + " everything";
        using var created = await phone.SendAsync(Keyed(HttpMethod.Post, "/api/v1/drafts", DraftJson(text), key, null), Ct);
        var cookie = OwnerCookieOf(created);
        var draft = (await created.JsonAsync()).GetProperty("id").GetString();

        using var deleted = await phone.SendAsync(Plain(HttpMethod.Delete, "/api/v1/owner", cookie), Ct);

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.DoesNotContain(await EverythingStoredAsync(), t => t.Contains(text, StringComparison.Ordinal));

        // Someone who holds the key (not the text) learns nothing; the deleted owner's cookie is never issued again.
        using var stranger = await phone.SendAsync(Keyed(HttpMethod.Post, "/api/v1/drafts", DraftJson("guess"), key, null), Ct);
        var strangerText = await stranger.Content.ReadAsStringAsync(Ct);
        Assert.DoesNotContain(text, strangerText, StringComparison.Ordinal);
        Assert.DoesNotContain(draft!, strangerText, StringComparison.Ordinal);
        if (stranger.Headers.TryGetValues("Set-Cookie", out _))
        {
            using var asStranger = await phone.SendAsync(Plain(HttpMethod.Get, $"/api/v1/drafts/{draft}", OwnerCookieOf(stranger)), Ct);
            Assert.Equal(HttpStatusCode.NotFound, asStranger.StatusCode);
        }

        using var oldCookie = await phone.SendAsync(Plain(HttpMethod.Get, $"/api/v1/drafts/{draft}", cookie), Ct);
        Assert.Equal(HttpStatusCode.NotFound, oldCookie.StatusCode);
    }

    [Fact]
    public async Task AReplayAfterDeletingOneDraftAnswersGoneWithoutItsText()
    {
        using var phone = app.Factory.CreateClient(new() { HandleCookies = false });
        var key = Guid.NewGuid().ToString();
        var json = DraftJson(Secret + " one");
        using var created = await phone.SendAsync(Keyed(HttpMethod.Post, "/api/v1/drafts", json, key, null), Ct);
        var cookie = OwnerCookieOf(created);
        var draft = (await created.JsonAsync()).GetProperty("id").GetString();
        using var deleted = await phone.SendAsync(Plain(HttpMethod.Delete, $"/api/v1/drafts/{draft}", cookie), Ct);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);

        using var replay = await phone.SendAsync(Keyed(HttpMethod.Post, "/api/v1/drafts", json, key, cookie), Ct);

        var problem = await ApiAssert.ProblemAsync(replay, HttpStatusCode.Gone);
        Assert.DoesNotContain(Secret, problem.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(await EverythingStoredAsync(), t => t.Contains(Secret + " one", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AReplayAnswersWithTheDraftAsItIsNow()
    {
        using var browser = app.NewBrowser();
        var key = Guid.NewGuid().ToString();
        var json = DraftJson("First");
        using var created = await browser.SendAsync(Keyed(HttpMethod.Post, "/api/v1/drafts", json, key, null), Ct);
        var draft = (await created.JsonAsync()).GetProperty("id").GetString();
        await browser.PutAsync($"/api/v1/drafts/{draft}", ApiAssert.Json(DraftJson("Changed since")), Ct);

        using var replay = await browser.SendAsync(Keyed(HttpMethod.Post, "/api/v1/drafts", json, key, null), Ct);

        Assert.Equal(HttpStatusCode.Created, replay.StatusCode);
        Assert.Equal(created.Headers.Location, replay.Headers.Location);
        Assert.Equal("Changed since", (await replay.JsonAsync()).GetProperty("body").GetString());
    }

    [Fact]
    public async Task AKeyedSaveWhoseProcessDiedIsTakenOverByTheNextRetry()
    {
        using var browser = app.NewBrowser();
        var key = Guid.NewGuid().ToString();
        var json = DraftJson("Sent just before the crash");

        // What a kill -9 in the middle of a keyed save leaves: the key's record, started, with no answer.
        await using (var db = app.OpenUnfiltered())
        {
            db.IdempotentRequests.Add(new IdempotentRequest
            {
                Id = Guid.NewGuid(),
                KeyHash = Idempotency.Hash(key),
                RequestHash = "unknown",
                Created = app.Clock.GetUtcNow(),
            });
            await db.SaveChangesAsync(Ct);
        }

        app.Clock.Advance(Idempotency.Lease + TimeSpan.FromSeconds(1));
        using var retry = await browser.SendAsync(Keyed(HttpMethod.Post, "/api/v1/drafts", json, key, null), Ct);
        using var again = await browser.SendAsync(Keyed(HttpMethod.Post, "/api/v1/drafts", json, key, null), Ct);

        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        Assert.Equal(retry.Headers.Location, again.Headers.Location);
        Assert.Equal(1, (await (await browser.GetAsync("/api/v1/drafts", Ct)).JsonAsync()).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task RecordsOfKeyedSavesAreDeletedAfterADayByTheCleanup()
    {
        using var browser = app.NewBrowser();
        var key = Guid.NewGuid().ToString();
        using var created = await browser.SendAsync(Keyed(HttpMethod.Post, "/api/v1/drafts", DraftJson("Kept a day"), key, null), Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var hash = Idempotency.Hash(key);

        // Nobody sends this key again: only the cleanup can delete its record. The clock moves an hour at a time until it has.
        app.Clock.Advance(Idempotency.Lifetime);
        for (var hours = 0; ; hours++)
        {
            await using var db = app.OpenUnfiltered();
            if (!await db.IdempotentRequests.AnyAsync(r => r.KeyHash == hash, Ct))
            {
                break;
            }

            Assert.True(hours < 48, "The record of a keyed save was still there two days after it was made.");
            app.Clock.Advance(IdempotencyCleanup.Every);
            await Task.Delay(50, Ct);
        }

        Assert.Equal(1, (await (await browser.GetAsync("/api/v1/drafts", Ct)).JsonAsync()).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task RedeemingACodeMergesWhatThisBrowserHadAndTheOldCookieReadsNothing()
    {
        using var laptop = app.NewBrowser();
        using var phone = app.Factory.CreateClient(new() { HandleCookies = false });
        var laptopSession = await laptop.SaveSessionAsync(label: "Laptop check");
        using var firstSave = await phone.SendAsync(Keyed(HttpMethod.Post, "/api/v1/sessions",
            """{"checklist": "walk-out", "answers": {"aggressive-behaviour": "yes"}, "label": "Phone check"}""", Guid.NewGuid().ToString(), null), Ct);
        var oldCookie = OwnerCookieOf(firstSave);
        var phoneSession = (await firstSave.JsonAsync()).GetProperty("id").GetString();
        using var phoneDraft = await phone.SendAsync(Keyed(HttpMethod.Post, "/api/v1/drafts", DraftJson("Phone draft"), Guid.NewGuid().ToString(), oldCookie), Ct);
        var code = (await (await laptop.PostJsonAsync("/api/v1/owner/transfer", new { })).JsonAsync()).GetProperty("code").GetString();

        using var redeem = new HttpRequestMessage(HttpMethod.Post, "/api/v1/owner/transfer/redeem") { Content = ApiAssert.Json($$"""{"code": "{{code}}"}""") }
            .WithCookie(oldCookie);
        using var redeemed = await phone.SendAsync(redeem, Ct);

        Assert.Equal(HttpStatusCode.NoContent, redeemed.StatusCode);
        var newCookie = OwnerCookieOf(redeemed);
        using var sessions = await phone.SendAsync(Plain(HttpMethod.Get, "/api/v1/sessions", newCookie), Ct);
        Assert.Equal(2, (await sessions.JsonAsync()).GetProperty("total").GetInt32());
        Assert.Equal(2, (await (await laptop.GetAsync("/api/v1/sessions", Ct)).JsonAsync()).GetProperty("total").GetInt32());
        Assert.Equal(1, (await (await laptop.GetAsync("/api/v1/drafts", Ct)).JsonAsync()).GetProperty("total").GetInt32());
        using var oldRead = await phone.SendAsync(Plain(HttpMethod.Get, $"/api/v1/sessions/{phoneSession}", oldCookie), Ct);
        Assert.Equal(HttpStatusCode.NotFound, oldRead.StatusCode);

        // Nothing is left under an owner nobody holds: every row belongs to the laptop's owner, and deleting it deletes all.
        await using var db = app.OpenUnfiltered();
        var laptopOwner = await db.Sessions.IgnoreQueryFilters().Where(s => s.Id == Guid.Parse(laptopSession)).Select(s => s.OwnerId).SingleAsync(Ct);
        Assert.Equal(laptopOwner, await db.Sessions.IgnoreQueryFilters().Where(s => s.Id == Guid.Parse(phoneSession!)).Select(s => s.OwnerId).SingleAsync(Ct));
        using var deleted = await laptop.DeleteAsync("/api/v1/owner", Ct);
        Assert.Equal(0, await db.Sessions.IgnoreQueryFilters().CountAsync(s => s.Id == Guid.Parse(phoneSession!), Ct));
        Assert.Equal(0, await db.Drafts.IgnoreQueryFilters().CountAsync(d => d.Subject == "Phone draft", Ct));
    }
}

internal static class RequestExtensions
{
    public static HttpRequestMessage Also(this HttpRequestMessage request, Action<HttpRequestMessage> change)
    {
        change(request);
        return request;
    }
}
