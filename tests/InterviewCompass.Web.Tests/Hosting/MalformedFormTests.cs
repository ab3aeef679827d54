using System.Net;
using System.Text;
using InterviewCompass.Web.Tests.Support;
using static InterviewCompass.Web.Tests.Support.OwnerDataClient;

namespace InterviewCompass.Web.Tests.Hosting;

/// <summary>Issue 11, defect 6: a form post the server cannot read gets a 400 page that says so, never a blank 500.</summary>
public sealed class MalformedFormTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    public static TheoryData<string> Malformations => ["nul-in-value", "nul-in-key", "nul-in-token", "key-over-2048", "over-1024-fields", "ten-megabytes"];

    [Theory]
    [MemberData(nameof(Malformations))]
    public async Task AFormTheServerCannotReadGetsA400PageThatExplainsIt(string malformation)
    {
        using var browser = app.NewBrowser();
        using var opened = await browser.GetAsync("/check/walk-out", Ct);
        var fields = (await opened.ReadDocumentAsync()).QuerySelector("#check-form")!.QuerySelectorAll("input[type=hidden]")
            .ToDictionary(i => i.GetAttribute("name")!, i => i.GetAttribute("value") ?? "");
        var body = new StringBuilder(string.Join('&', fields.Select(f => $"{Uri.EscapeDataString(f.Key)}={Uri.EscapeDataString(f.Value)}")));
        body.Append("&Answer%5Baggressive-behaviour%5D=yes");
        switch (malformation)
        {
            case "nul-in-value":
                body.Append("&Label=Acme%00Corp");
                break;
            case "nul-in-key":
                body.Append("&Answer%5Bcul%00ture%5D=yes");
                break;
            case "nul-in-token":
                body.Replace("__RequestVerificationToken=", "__RequestVerificationToken=%00");
                break;
            case "key-over-2048":
                body.Append('&').Append('k', 2049).Append("=1");
                break;
            case "over-1024-fields":
                for (var i = 0; i < 1100; i++)
                {
                    body.Append("&f").Append(i).Append("=1");
                }

                break;
            default:
                body.Append("&Label=").Append('a', 10 * 1024 * 1024);
                break;
        }

        using var posted = await browser.PostAsync(
            "/check/walk-out", new StringContent(body.ToString(), Encoding.ASCII, "application/x-www-form-urlencoded"), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, posted.StatusCode);
        Assert.Equal("text/html", posted.Content.Headers.ContentType?.MediaType);
        var page = await posted.ReadDocumentAsync();
        Assert.NotNull(page.QuerySelector("h1"));
        var explanation = page.QuerySelector("[role=alert]");
        Assert.NotNull(explanation);
        Assert.Contains("nothing was", explanation!.TextContent, StringComparison.Ordinal);
    }
}
