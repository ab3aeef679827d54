using System.Net;
using InterviewCompass.Web.Tests.Support;
using static InterviewCompass.Web.Tests.Support.OwnerDataClient;

namespace InterviewCompass.Web.Tests.Features.Drafts;

/// <summary>A composer form whose antiforgery token no longer validates (JavaScript off): the text comes back, nothing is saved.</summary>
public sealed class ExpiredComposerFormTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task AnExpiredComposerFormShowsThePersonsOwnTextAgainAndSavesNothing()
    {
        using var browser = app.NewBrowser();
        using var opened = await browser.GetAsync("/drafts/new?kind=withdrawal-note", Ct);
        var form = (await opened.ReadDocumentAsync()).QuerySelector("#composer")!;
        var values = form.QuerySelectorAll("input[type=hidden]")
            .ToDictionary(i => i.GetAttribute("name")!, i => i.GetAttribute("value") ?? "");
        values["__RequestVerificationToken"] = "stale-token-from-a-cleared-browser";
        values["Kind"] = "withdrawal-note";
        values["Tone"] = "warm";
        values["Field[name]"] = "Dana Whitfield";
        values["Body"] = "Dear Dana,\n\nThank you for your time. I have decided to withdraw, with my own words kept.\n\nBest wishes";
        values["Action"] = "save";

        using var posted = await browser.PostAsync("/drafts/new", new FormUrlEncodedContent(values), Ct);
        var page = await posted.ReadDocumentAsync();

        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.Contains("nothing was changed", page.QuerySelector("#form-expired")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("with my own words kept", page.QuerySelector("#draft-body")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Dana Whitfield", page.QuerySelector("input[name='Field[name]']")!.GetAttribute("value"));
        Assert.False(posted.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("ic-owner=", StringComparison.Ordinal)));
    }
}
