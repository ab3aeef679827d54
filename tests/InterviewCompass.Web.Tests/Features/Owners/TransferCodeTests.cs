using System.Net;
using InterviewCompass.Web.Tests.Support;
using static InterviewCompass.Web.Tests.Support.OwnerDataClient;

namespace InterviewCompass.Web.Tests.Features.Owners;

public sealed class TransferCodeOnSqlite(SqliteApp app) : TransferCodeTests(app), IClassFixture<SqliteApp>;

public sealed class TransferCodeOnPostgres(PostgresApp app) : TransferCodeTests(app), IClassFixture<PostgresApp>;

/// <summary>"Keep this on another device": a code that works once, for ten minutes.</summary>
public abstract class TransferCodeTests(StorageApp app)
{
    private static async Task<string> CodeAsync(HttpClient browser)
    {
        var response = await browser.PostJsonAsync("/api/v1/owner/transfer", new { });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.JsonAsync();
        var code = body.GetProperty("code").GetString()!;
        Assert.Matches("^[A-Z2-9]{4}-[A-Z2-9]{4}$", code);
        return code;
    }

    [Fact]
    public async Task ACodeGivesASecondBrowserTheSameHistory()
    {
        using var phone = app.NewBrowser();
        using var laptop = app.NewBrowser();
        var session = await laptop.SaveSessionAsync(label: "Acme");
        var code = await CodeAsync(laptop);

        var redeem = await phone.PostJsonAsync("/api/v1/owner/transfer/redeem", new { code = code.ToLowerInvariant() });

        Assert.Equal(HttpStatusCode.NoContent, redeem.StatusCode);
        Assert.Contains(redeem.Headers.GetValues("Set-Cookie"), c => c.StartsWith("ic-owner=", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.OK, (await phone.GetAsync($"/api/v1/sessions/{session}", Ct)).StatusCode);
        Assert.Contains("Acme", await phone.GetStringAsync("/history", Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ACodeWorksOnlyOnce()
    {
        using var laptop = app.NewBrowser();
        using var phone = app.NewBrowser();
        using var thief = app.NewBrowser();
        var session = await laptop.SaveSessionAsync();
        var code = await CodeAsync(laptop);
        await phone.PostJsonAsync("/api/v1/owner/transfer/redeem", new { code });

        var second = await thief.PostJsonAsync("/api/v1/owner/transfer/redeem", new { code });

        Assert.Equal(HttpStatusCode.BadRequest, second.StatusCode);
        Assert.True((await second.JsonAsync()).GetProperty("errors").TryGetProperty("code", out _));
        Assert.Equal(HttpStatusCode.NotFound, (await thief.GetAsync($"/api/v1/sessions/{session}", Ct)).StatusCode);
    }

    [Fact]
    public async Task ACodeFailsAfterTenMinutes()
    {
        using var laptop = app.NewBrowser();
        using var phone = app.NewBrowser();
        var session = await laptop.SaveSessionAsync();
        var code = await CodeAsync(laptop);

        app.Clock.Advance(TimeSpan.FromMinutes(10) + TimeSpan.FromSeconds(1));
        var redeem = await phone.PostJsonAsync("/api/v1/owner/transfer/redeem", new { code });

        Assert.Equal(HttpStatusCode.BadRequest, redeem.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await phone.GetAsync($"/api/v1/sessions/{session}", Ct)).StatusCode);
    }

    [Theory]
    [InlineData("")]
    [InlineData("ABCD-EFGH")]
    [InlineData("<script>")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public async Task AWrongCodeIsRejected(string code)
    {
        using var phone = app.NewBrowser();

        var redeem = await phone.PostJsonAsync("/api/v1/owner/transfer/redeem", new { code });

        Assert.Equal(HttpStatusCode.BadRequest, redeem.StatusCode);
        Assert.False(redeem.Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public async Task TheHistoryPageCreatesAndRedeemsACodeWithoutJavaScript()
    {
        using var laptop = app.NewBrowser();
        using var phone = app.NewBrowser();
        await laptop.SaveSessionAsync(label: "Kept on the laptop");

        var created = await laptop.SubmitFormAsync("/history/transfer", "create-code");
        var code = System.Text.RegularExpressions.Regex.Match(await created.Content.ReadAsStringAsync(Ct), "[A-Z2-9]{4}-[A-Z2-9]{4}").Value;
        var redeemed = await phone.SubmitFormAsync("/history/transfer", "redeem-code", new Dictionary<string, string> { ["Code"] = code });

        Assert.Equal(HttpStatusCode.Redirect, redeemed.StatusCode);
        Assert.Contains("Kept on the laptop", await phone.GetStringAsync("/history", Ct), StringComparison.Ordinal);
    }
}
