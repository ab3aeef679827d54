using System.Net;
using InterviewCompass.Web.Tests.Support;
using static InterviewCompass.Web.Tests.Support.OwnerDataClient;

namespace InterviewCompass.Web.Tests.Features.Checks;

/// <summary>A check form whose antiforgery token no longer validates: a clear message and the answers back, nothing saved.</summary>
public sealed class ExpiredFormTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task AnExpiredFormSendsThePersonBackWithTheirAnswersAndAMessage()
    {
        using var browser = app.NewBrowser();
        using var opened = await browser.GetAsync("/check/walk-out", Ct);
        var form = (await opened.ReadDocumentAsync()).QuerySelector("#check-form")!;
        var values = form.QuerySelectorAll("input[type=hidden]")
            .ToDictionary(i => i.GetAttribute("name")!, i => i.GetAttribute("value") ?? "");
        values["__RequestVerificationToken"] = "stale-token-from-a-cleared-browser";
        values["Answer[aggressive-behaviour]"] = "yes";

        using var posted = await browser.PostAsync("/check/walk-out", new FormUrlEncodedContent(values), Ct);

        Assert.Equal(HttpStatusCode.SeeOther, posted.StatusCode);
        var back = posted.Headers.Location!.OriginalString;
        Assert.StartsWith("/check/walk-out?expired=1", back, StringComparison.Ordinal);
        using var shown = await browser.GetAsync(back, Ct);
        var page = await shown.ReadDocumentAsync();
        Assert.Equal(HttpStatusCode.OK, shown.StatusCode);
        Assert.Contains("nothing was changed", page.QuerySelector("#form-expired")!.TextContent, StringComparison.Ordinal);
        Assert.True(((AngleSharp.Html.Dom.IHtmlInputElement)page.QuerySelector("#aggressive-behaviour-yes")!).IsChecked);
        Assert.False(posted.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("ic-owner=", StringComparison.Ordinal)));
    }
}
