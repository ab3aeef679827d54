using System.Net;
using InterviewCompass.Core.Content;
using InterviewCompass.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using static InterviewCompass.Web.Tests.Support.OwnerDataClient;

namespace InterviewCompass.Web.Tests.Features.Drafts;

public sealed class DraftsApiOnSqlite(SqliteApp app) : DraftsApiTests(app), IClassFixture<SqliteApp>;

public sealed class DraftsApiOnPostgres(PostgresApp app) : DraftsApiTests(app), IClassFixture<PostgresApp>;

/// <summary>The drafts API with its versions, the same on every provider.</summary>
public abstract class DraftsApiTests(StorageApp app)
{
    private MessageKind Kind => app.Factory.Services.GetRequiredService<ContentCatalog>().MessageKinds[0];

    private Dictionary<string, object?> Draft(string body, string tone = "warm", Dictionary<string, string>? fields = null, string? subject = "Thank you") => new()
    {
        ["kind"] = Kind.Id,
        ["tone"] = tone,
        ["situation"] = Kind.Situations.Count > 0 ? Kind.Situations[0] : null,
        ["fields"] = fields ?? new Dictionary<string, string> { ["name"] = "Sam", ["company"] = "Acme" },
        ["subject"] = subject,
        ["body"] = body,
    };

    private async Task<string> CreateAsync(HttpClient browser, string body)
    {
        var response = await browser.PostJsonAsync("/api/v1/drafts", Draft(body));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.JsonAsync()).GetProperty("id").GetString()!;
    }

    [Fact]
    public async Task ASavedDraftReadsBackAsWritten()
    {
        using var browser = app.NewBrowser();
        var id = await CreateAsync(browser, "Dear Sam,\n\nThank you for your time.\n\tBest wishes");

        var body = await (await browser.GetAsync($"/api/v1/drafts/{id}", Ct)).JsonAsync();

        Assert.Equal("Dear Sam,\n\nThank you for your time.\n\tBest wishes", body.GetProperty("body").GetString());
        Assert.Equal(Kind.Id, body.GetProperty("kind").GetString());
        Assert.Equal("Acme", body.GetProperty("fields").GetProperty("company").GetString());
    }

    [Fact]
    public async Task UpdatingADraftKeepsThePreviousTextAsAVersion()
    {
        using var browser = app.NewBrowser();
        var id = await CreateAsync(browser, "First text");
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        await browser.PutJsonAsync($"/api/v1/drafts/{id}", Draft("Second text"));
        app.Clock.Advance(TimeSpan.FromMinutes(1));

        var response = await browser.PutJsonAsync($"/api/v1/drafts/{id}", Draft("Third text", tone: "formal"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Third text", (await response.JsonAsync()).GetProperty("body").GetString());
        var versions = await browser.AllVersionsAsync(id);
        Assert.Equal(["Second text", "First text"], versions.Select(v => v.GetProperty("body").GetString()));
        Assert.Equal([2, 1], versions.Select(v => v.GetProperty("number").GetInt32()));
    }

    [Fact]
    public async Task SavingTheSameTextAgainAddsNoVersion()
    {
        using var browser = app.NewBrowser();
        var id = await CreateAsync(browser, "Same text");

        await browser.PutJsonAsync($"/api/v1/drafts/{id}", Draft("Same text"));

        Assert.Empty(await browser.AllVersionsAsync(id));
    }

    [Fact]
    public async Task RestoringAVersionIsAnUpdateThatKeepsTheTextItReplaces()
    {
        using var browser = app.NewBrowser();
        var id = await CreateAsync(browser, "Good first text");
        await browser.PutJsonAsync($"/api/v1/drafts/{id}", Draft("Worse second text"));
        var old = (await browser.AllVersionsAsync(id))[0];

        await browser.PutJsonAsync($"/api/v1/drafts/{id}", Draft(old.GetProperty("body").GetString()!));

        Assert.Equal("Good first text", (await (await browser.GetAsync($"/api/v1/drafts/{id}", Ct)).JsonAsync()).GetProperty("body").GetString());
        Assert.Equal("Worse second text", (await browser.AllVersionsAsync(id))[0].GetProperty("body").GetString());
    }

    [Fact]
    public async Task ADeletedDraftAndItsVersionsAreGone()
    {
        using var browser = app.NewBrowser();
        var id = await CreateAsync(browser, "One");
        await browser.PutJsonAsync($"/api/v1/drafts/{id}", Draft("Two"));

        Assert.Equal(HttpStatusCode.NoContent, (await browser.DeleteAsync($"/api/v1/drafts/{id}", Ct)).StatusCode);

        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync($"/api/v1/drafts/{id}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync($"/api/v1/drafts/{id}/versions", Ct)).StatusCode);
        await using var db = app.OpenUnfiltered();
        Assert.Equal(0, db.DraftVersions.Count(v => v.DraftId == Guid.Parse(id)));
    }

    [Fact]
    public async Task ADraftCanPointAtTheOwnersSessionButNotAtAnotherOwners()
    {
        using var mine = app.NewBrowser();
        using var theirs = app.NewBrowser();
        var mySession = await mine.SaveSessionAsync();
        var theirSession = await theirs.SaveSessionAsync();
        var draft = Draft("Text");

        draft["session"] = mySession;
        Assert.Equal(HttpStatusCode.Created, (await mine.PostJsonAsync("/api/v1/drafts", draft)).StatusCode);
        draft["session"] = theirSession;
        var rejected = await mine.PostJsonAsync("/api/v1/drafts", draft);

        Assert.Equal(HttpStatusCode.BadRequest, rejected.StatusCode);
        Assert.True((await rejected.JsonAsync()).GetProperty("errors").TryGetProperty("session", out _));
    }

    [Theory]
    [InlineData("body", 5001)]
    [InlineData("subject", 201)]
    public async Task OverLongTextIsRejectedNamingTheField(string field, int length)
    {
        using var browser = app.NewBrowser();
        var draft = Draft("Text");
        draft[field] = new string('a', length);

        var response = await browser.PostJsonAsync("/api/v1/drafts", draft);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.JsonAsync()).GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task AnOverLongFieldIsRejectedNamingIt()
    {
        using var browser = app.NewBrowser();

        var response = await browser.PostJsonAsync("/api/v1/drafts", Draft("Text", fields: new() { ["company"] = new string('a', 201) }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var fields = (await response.JsonAsync()).GetProperty("errors").GetProperty("fields");
        Assert.Contains(fields.EnumerateArray(), e => e.GetString()!.StartsWith("company ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnUpdateWithAnOverLongBodyIsRejectedAndKeepsTheText()
    {
        using var browser = app.NewBrowser();
        var id = await CreateAsync(browser, "Kept");

        var response = await browser.PutJsonAsync($"/api/v1/drafts/{id}", Draft(new string('a', 5001)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.JsonAsync()).GetProperty("errors").TryGetProperty("body", out _));
        Assert.Equal("Kept", (await (await browser.GetAsync($"/api/v1/drafts/{id}", Ct)).JsonAsync()).GetProperty("body").GetString());
    }

    [Theory]
    [InlineData("body", "Hello\u0000")]
    [InlineData("subject", "Hi\u0008")]
    public async Task ControlCharactersAreRejected(string field, string value)
    {
        using var browser = app.NewBrowser();
        var draft = Draft("Text");
        draft[field] = value;

        var response = await browser.PostJsonAsync("/api/v1/drafts", draft);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.JsonAsync()).GetProperty("errors").TryGetProperty(field, out _));
    }

    [Theory]
    [InlineData("kind", "no-such-kind")]
    [InlineData("tone", "sarcastic")]
    public async Task AnUnknownKindOrToneIsRejectedNamingIt(string field, string value)
    {
        using var browser = app.NewBrowser();
        var draft = Draft("Text");
        draft[field] = value;

        var response = await browser.PostJsonAsync("/api/v1/drafts", draft);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.JsonAsync()).GetProperty("errors").TryGetProperty(field, out _));
    }
}
