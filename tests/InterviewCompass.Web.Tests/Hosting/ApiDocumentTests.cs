using System.Net;
using System.Text;
using System.Text.Json;
using InterviewCompass.Web.Tests.Support;
using static InterviewCompass.Web.Tests.Support.OwnerDataClient;

namespace InterviewCompass.Web.Tests.Hosting;

/// <summary>
/// The OpenAPI document tells the truth: every status a route is seen to answer (here, and in the race and error tests
/// named below) is documented for that route, optional fields are optional, ids and answers are enums, and the owner's
/// routes name the ic-owner cookie.
/// </summary>
public sealed class ApiDocumentTests
{
    // Seen in other tests, which cannot be provoked on demand here: the races (DraftRaceTests, OwnerRaceTests) and a
    // broken database (ApiErrorTests).
    private static readonly (string Method, string Route, int Status)[] SeenElsewhere =
    [
        ("put", "/api/v1/drafts/{id}", 409),
        ("post", "/api/v1/sessions", 409),
        ("get", "/api/v1/drafts", 500),
        ("post", "/api/v1/drafts", 500),
        ("put", "/api/v1/drafts/{id}", 500),
        ("delete", "/api/v1/drafts/{id}", 500),
    ];

    [Fact]
    public async Task EveryStatusARouteAnswersIsDocumentedForThatRoute()
    {
        await using var app = new AppFactory(new Dictionary<string, string?> { ["RateLimits:WritesPerMinute"] = "1000" });
        using var browser = app.CreateClient();
        var document = await (await browser.GetAsync("/openapi/v1.json", Ct)).JsonAsync();
        var seen = new List<(string Method, string Route, int Status)>(SeenElsewhere);

        async Task See(string method, string route, string url, int expected, string? json = null, string contentType = "application/json", string? key = null)
        {
            using var request = new HttpRequestMessage(new HttpMethod(method.ToUpperInvariant()), url);
            if (json is not null)
            {
                request.Content = new StringContent(json, Encoding.UTF8, contentType);
            }

            if (key is not null)
            {
                request.Headers.Add("Idempotency-Key", key);
            }

            using var response = await browser.SendAsync(request, Ct);
            Assert.True((int)response.StatusCode == expected, $"{method} {url}: expected {expected}, got {(int)response.StatusCode}");
            seen.Add((method, route, expected));
        }

        var session = await browser.SaveSessionAsync();
        using var created = await browser.PostJsonAsync("/api/v1/drafts", new { kind = "withdrawal-note", tone = "warm", body = "Hello" });
        var draft = (await created.JsonAsync()).GetProperty("id").GetString();
        var missing = Guid.NewGuid();
        const string Session = """{"checklist": "walk-out", "answers": {"aggressive-behaviour": "yes"}}""";
        const string Draft = """{"kind": "withdrawal-note", "tone": "warm", "body": "Hello again"}""";
        var big = "{\"answers\": {\"x\": \"" + new string('a', 70_000) + "\"}}";
        var key = Guid.NewGuid().ToString();

        await See("get", "/api/v1/checklists", "/api/v1/checklists", 200);
        await See("get", "/api/v1/checklists/{id}", "/api/v1/checklists/walk-out", 200);
        await See("get", "/api/v1/checklists/{id}", "/api/v1/checklists/no-such", 404);
        await See("post", "/api/v1/checklists/{id}/assess", "/api/v1/checklists/walk-out/assess", 200, """{"answers": {}}""");
        await See("post", "/api/v1/checklists/{id}/assess", "/api/v1/checklists/walk-out/assess", 400, """{"answers": {"aggressive-behaviour": "maybe"}}""");
        await See("post", "/api/v1/checklists/{id}/assess", "/api/v1/checklists/no-such/assess", 404, """{"answers": {}}""");
        await See("post", "/api/v1/checklists/{id}/assess", "/api/v1/checklists/walk-out/assess", 413, big);
        await See("post", "/api/v1/checklists/{id}/assess", "/api/v1/checklists/walk-out/assess", 415, "answers", "text/plain");
        await See("get", "/api/v1/offline", "/api/v1/offline", 200);
        await See("get", "/api/v1/guides", "/api/v1/guides?q=pay", 200);
        await See("get", "/api/v1/guides/{id}", "/api/v1/guides/no-such-guide", 404);
        await See("get", "/api/v1/messages", "/api/v1/messages", 200);
        await See("post", "/api/v1/messages/compose", "/api/v1/messages/compose", 200, """{"kind": "withdrawal-note", "tone": "warm"}""");
        await See("post", "/api/v1/messages/compose", "/api/v1/messages/compose", 400, "{}");
        await See("post", "/api/v1/messages/compose", "/api/v1/messages/compose", 415, "hello", "text/plain");
        await See("post", "/api/v1/messages/lint", "/api/v1/messages/lint", 200, """{"kind": "withdrawal-note", "text": "Thank you"}""");
        await See("post", "/api/v1/messages/lint", "/api/v1/messages/lint", 400, "{}");
        await See("get", "/api/v1/sessions", "/api/v1/sessions", 200);
        await See("get", "/api/v1/sessions", "/api/v1/sessions?page=abc", 400);
        await See("get", "/api/v1/sessions", "/api/v1/sessions?page=0", 400);
        await See("post", "/api/v1/sessions", "/api/v1/sessions", 201, Session, key: key);
        await See("post", "/api/v1/sessions", "/api/v1/sessions", 422, Session.Replace("yes", "no", StringComparison.Ordinal), key: key);
        var chosen = $$$"""{"id": "{{{Guid.NewGuid()}}}", "checklist": "walk-out", "answers": {}}""";
        await See("post", "/api/v1/sessions", "/api/v1/sessions", 201, chosen);
        await See("post", "/api/v1/sessions", "/api/v1/sessions", 200, chosen);
        await See("post", "/api/v1/sessions", "/api/v1/sessions", 400, """{"checklist": "no-such"}""");
        await See("post", "/api/v1/sessions", "/api/v1/sessions", 400, "{not json");
        await See("post", "/api/v1/sessions", "/api/v1/sessions", 413, big);
        await See("post", "/api/v1/sessions", "/api/v1/sessions", 415, "x", "text/plain");
        await See("get", "/api/v1/sessions/{id}", $"/api/v1/sessions/{session}", 200);
        await See("get", "/api/v1/sessions/{id}", $"/api/v1/sessions/{missing}", 404);
        await See("put", "/api/v1/sessions/{id}", $"/api/v1/sessions/{session}", 200, Session);
        await See("put", "/api/v1/sessions/{id}", $"/api/v1/sessions/{session}", 400, """{"checklist": "walk-out", "label": "\u0000"}""");
        await See("put", "/api/v1/sessions/{id}", $"/api/v1/sessions/{missing}", 404, Session);
        await See("get", "/api/v1/drafts", "/api/v1/drafts", 200);
        await See("get", "/api/v1/drafts", "/api/v1/drafts?page=107374184", 400);
        await See("post", "/api/v1/drafts", "/api/v1/drafts", 201, Draft);
        await See("post", "/api/v1/drafts", "/api/v1/drafts", 400, """{"kind": "withdrawal-note"}""");
        await See("get", "/api/v1/drafts/{id}", $"/api/v1/drafts/{draft}", 200);
        await See("get", "/api/v1/drafts/{id}", $"/api/v1/drafts/{missing}", 404);
        await See("put", "/api/v1/drafts/{id}", $"/api/v1/drafts/{draft}", 200, Draft);
        await See("put", "/api/v1/drafts/{id}", $"/api/v1/drafts/{draft}", 400, """{"kind": "withdrawal-note", "tone": "sarcastic"}""");
        await See("put", "/api/v1/drafts/{id}", $"/api/v1/drafts/{missing}", 404, Draft);
        await See("get", "/api/v1/drafts/{id}/versions", $"/api/v1/drafts/{draft}/versions", 200);
        await See("get", "/api/v1/drafts/{id}/versions", $"/api/v1/drafts/{missing}/versions", 404);
        await See("get", "/api/v1/export", "/api/v1/export", 200);
        await See("get", "/api/v1/export", "/api/v1/export?format=pdf", 400);
        await See("post", "/api/v1/owner/transfer", "/api/v1/owner/transfer", 200);
        await See("post", "/api/v1/owner/transfer", "/api/v1/owner/transfer", 415, "x", "text/plain");
        await See("post", "/api/v1/owner/transfer/redeem", "/api/v1/owner/transfer/redeem", 400, """{"code": "ABCD-EFGH"}""");
        using var applicationMade = await browser.PostJsonAsync("/api/v1/applications", new { company = "Acme", role = "Analyst" });
        var application = (await applicationMade.JsonAsync()).GetProperty("id").GetString();
        const string Application = """{"company": "Birch", "role": "Analyst"}""";
        await See("get", "/api/v1/applications", "/api/v1/applications", 200);
        await See("get", "/api/v1/applications", "/api/v1/applications?outcome=hired", 400);
        await See("post", "/api/v1/applications", "/api/v1/applications", 201, Application, key: Guid.NewGuid().ToString());
        await See("post", "/api/v1/applications", "/api/v1/applications", 400, """{"company": "Birch", "outcome": "hired"}""");
        await See("get", "/api/v1/applications/{id}", $"/api/v1/applications/{application}", 200);
        await See("get", "/api/v1/applications/{id}", $"/api/v1/applications/{missing}", 404);
        await See("put", "/api/v1/applications/{id}", $"/api/v1/applications/{application}", 200, """{"company": "Acme", "outcome": "accepted-offer", "version": 1}""");
        await See("put", "/api/v1/applications/{id}", $"/api/v1/applications/{application}", 409, """{"company": "Acme", "outcome": "withdrew", "version": 1}""");
        var clientChosen = $$$"""{"id": "{{{Guid.NewGuid()}}}", "company": "Cedar", "session": "{{{session}}}"}""";
        await See("post", "/api/v1/applications", "/api/v1/applications", 201, clientChosen);
        await See("post", "/api/v1/applications", "/api/v1/applications", 404, $$$"""{"company": "Cedar", "session": "{{{missing}}}"}""");
        await See("post", "/api/v1/applications/{id}/links", $"/api/v1/applications/{application}/links", 200, $$$"""{"session": "{{{session}}}"}""");
        await See("post", "/api/v1/applications/{id}/links", $"/api/v1/applications/{application}/links", 400, "{}");
        await See("post", "/api/v1/applications/{id}/links", $"/api/v1/applications/{missing}/links", 404, $$$"""{"session": "{{{session}}}"}""");
        await See("put", "/api/v1/applications/{id}", $"/api/v1/applications/{application}", 400, """{"company": "Acme", "outcome": "hired", "version": 2}""");
        await See("put", "/api/v1/applications/{id}", $"/api/v1/applications/{missing}", 404, Application);
        await See("put", "/api/v1/applications/{id}", $"/api/v1/applications/{application}", 400, """{"company": "Acme", "decideBy": "2026-02-30", "version": 2}""");
        await See("get", "/api/v1/applications/{id}/calendar.ics", $"/api/v1/applications/{application}/calendar.ics", 200);
        await See("get", "/api/v1/applications/{id}/calendar.ics", $"/api/v1/applications/{missing}/calendar.ics", 404);
        await See("get", "/api/v1/calendar.ics", "/api/v1/calendar.ics", 200);
        await See("get", "/api/v1/reminders", "/api/v1/reminders", 200);
        await See("get", "/api/v1/reminders/options", "/api/v1/reminders/options", 200);
        await See("put", "/api/v1/reminders/options", "/api/v1/reminders/options", 200, """{"replyOverdueDays": 3}""");
        await See("put", "/api/v1/reminders/options", "/api/v1/reminders/options", 400, """{"timeZone": "Nowhere/Atall"}""");
        await See("post", "/api/v1/applications/{id}/close-out", $"/api/v1/applications/{application}/close-out", 200, "{}");
        await See("post", "/api/v1/applications/{id}/close-out", $"/api/v1/applications/{application}/close-out", 400, """{"tone": "sarcastic"}""");
        await See("post", "/api/v1/applications/{id}/close-out", $"/api/v1/applications/{missing}/close-out", 404, "{}");
        await See("post", "/api/v1/applications/{id}/withdrawal-sent", $"/api/v1/applications/{application}/withdrawal-sent", 400, """{"subject": "x"}""");
        await See("post", "/api/v1/applications/{id}/withdrawal-sent", $"/api/v1/applications/{application}/withdrawal-sent", 200, """{"body": "Thank you", "version": 2}""");
        await See("post", "/api/v1/applications/{id}/withdrawal-sent", $"/api/v1/applications/{missing}/withdrawal-sent", 404, """{"body": "x", "version": 1}""");
        await See("delete", "/api/v1/applications/{id}", $"/api/v1/applications/{application}?linked=maybe", 400);
        await See("delete", "/api/v1/applications/{id}", $"/api/v1/applications/{application}", 204);
        await See("delete", "/api/v1/applications/{id}", $"/api/v1/applications/{missing}", 404);
        await See("delete", "/api/v1/drafts/{id}", $"/api/v1/drafts/{draft}", 204);
        await See("delete", "/api/v1/drafts/{id}", $"/api/v1/drafts/{missing}", 404);
        await See("delete", "/api/v1/sessions/{id}", $"/api/v1/sessions/{session}", 204);
        await See("delete", "/api/v1/sessions/{id}", $"/api/v1/sessions/{missing}", 404);
        await See("delete", "/api/v1/owner", "/api/v1/owner", 415, "x", "text/plain");
        await See("delete", "/api/v1/owner", "/api/v1/owner", 204);
        for (var i = 0; i < 9; i++)
        {
            await See("post", "/api/v1/owner/transfer/redeem", "/api/v1/owner/transfer/redeem", 400, $$"""{"code": "WXYZ-234{{i + 2}}"}""");
        }

        await See("post", "/api/v1/owner/transfer/redeem", "/api/v1/owner/transfer/redeem", 429, """{"code": "WXYZ-2345"}""");

        await using (var limited = new AppFactory(new Dictionary<string, string?> { ["RateLimits:WritesPerMinute"] = "1" }))
        {
            using var client = limited.CreateClient();
            foreach (var (route, url, json) in new[]
            {
                ("/api/v1/checklists/{id}/assess", "/api/v1/checklists/walk-out/assess", """{"answers": {}}"""),
                ("/api/v1/sessions", "/api/v1/sessions", Session),
            })
            {
                using var first = await client.PostAsync(url, ApiAssert.Json(json), Ct);
                using var second = await client.PostAsync(url, ApiAssert.Json(json), Ct);
                Assert.Equal(HttpStatusCode.TooManyRequests, second.StatusCode);
                seen.Add(("post", route, 429));
            }
        }

        var paths = document.GetProperty("paths");
        var undocumented = seen
            .Where(s => !paths.TryGetProperty(s.Route, out var path)
                || !path.TryGetProperty(s.Method, out var operation)
                || !operation.GetProperty("responses").TryGetProperty(s.Status.ToString(System.Globalization.CultureInfo.InvariantCulture), out _))
            .Select(s => $"{s.Method} {s.Route} {s.Status}")
            .Distinct()
            .ToList();
        Assert.Empty(undocumented);

        // Every route of the API was probed.
        var probed = seen.Select(s => $"{s.Method} {s.Route}").ToHashSet();
        var routes = paths.EnumerateObject().SelectMany(p => p.Value.EnumerateObject().Select(m => $"{m.Name} {p.Name}"));
        var unprobed = routes.Where(r => !probed.Contains(r)).ToList();
        Assert.Empty(unprobed);
    }

    [Fact]
    public async Task TheDocumentNamesEnumsOptionalFieldsAndTheOwnerCookie()
    {
        await using var app = new AppFactory();
        using var client = app.CreateClient();

        var document = await (await client.GetAsync("/openapi/v1.json", Ct)).JsonAsync();

        var schemas = document.GetProperty("components").GetProperty("schemas");
        var session = schemas.GetProperty("SessionInput");
        Assert.Equal(["checklist"], Strings(session.GetProperty("required")));
        Assert.Equal(["exit-interview", "walk-out", "withdrawal"], Strings(session.GetProperty("properties").GetProperty("checklist").GetProperty("enum")).Order());
        Assert.Contains("raised-unresolved", Strings(session.GetProperty("properties").GetProperty("answers").GetProperty("additionalProperties").GetProperty("enum")));
        var draft = schemas.GetProperty("DraftInput");
        Assert.Equal(["kind", "tone"], Strings(draft.GetProperty("required")).Order());
        Assert.Contains("withdrawal-note", Strings(draft.GetProperty("properties").GetProperty("kind").GetProperty("enum")));
        Assert.Equal(["brief", "formal", "warm"], Strings(draft.GetProperty("properties").GetProperty("tone").GetProperty("enum")).Order());

        var scheme = document.GetProperty("components").GetProperty("securitySchemes").GetProperty("ic-owner");
        Assert.Equal("cookie", scheme.GetProperty("in").GetString());
        var paths = document.GetProperty("paths");
        foreach (var route in new[] { "/api/v1/sessions", "/api/v1/drafts", "/api/v1/export" })
        {
            Assert.True(paths.GetProperty(route).GetProperty("get").TryGetProperty("security", out _), route);
        }

        Assert.False(paths.GetProperty("/api/v1/checklists").GetProperty("get").TryGetProperty("security", out _));
        var idParameter = paths.GetProperty("/api/v1/checklists/{id}").GetProperty("get").GetProperty("parameters")[0];
        Assert.Contains("walk-out", Strings(idParameter.GetProperty("schema").GetProperty("enum")));
    }

    private static List<string> Strings(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetString()!)];
}
