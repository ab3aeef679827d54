using System.Net;
using AngleSharp.Dom;
using InterviewCompass.Web.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;

namespace InterviewCompass.Web.Tests.Features.Checks;

/// <summary>The check page as a browser without JavaScript uses it: a plain form post and a redirect.</summary>
[Collection(SharedAppGroup.Name)]
public sealed class CheckFormTests(SharedApp app)
{
    private readonly HttpClient _client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    [Fact]
    public async Task PostedAnswersRedirectToTheirKeptSessionWhichShowsTheVerdict()
    {
        var form = await OpenFormAsync("/check/walk-out");

        using var posted = await PostAsync(form, ("Answer[salary-below-posted]", "raised-unresolved"), ("Answer[culture-mismatch]", "no"));

        Assert.Equal(HttpStatusCode.Found, posted.StatusCode);
        var location = posted.Headers.Location!.PathAndQuery;
        Assert.Matches("^/check/walk-out\\?session=[0-9a-f]{32}$", location);

        using var reloaded = await _client.GetAsync(location, TestContext.Current.CancellationToken);
        var page = await reloaded.ReadDocumentAsync();
        Assert.Equal(HttpStatusCode.OK, reloaded.StatusCode);
        Assert.Equal("You can leave, politely", page.QuerySelector("#verdict-headline")!.TextContent);
        Assert.Equal("raised-unresolved", page.QuerySelector("input[name='Answer[salary-below-posted]'][checked]")!.GetAttribute("value"));
    }

    [Fact]
    public async Task AnswersInTheAddressStillShowTheVerdictWithoutAnythingKept()
    {
        using var response = await _client.GetAsync("/check/walk-out?a=salary-below-posted:raised-unresolved,culture-mismatch:no", TestContext.Current.CancellationToken);
        var page = await response.ReadDocumentAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("You can leave, politely", page.QuerySelector("#verdict-headline")!.TextContent);
        Assert.Equal("raised-unresolved", page.QuerySelector("input[name='Answer[salary-below-posted]'][checked]")!.GetAttribute("value"));
        Assert.DoesNotContain("session=", page.QuerySelector(".drafts a")!.GetAttribute("href"), StringComparison.Ordinal);
        Assert.False(response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("ic-owner=", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task AnswersNobodyCouldChooseGetAClearMessageNotAnError()
    {
        var form = await OpenFormAsync("/check/walk-out");

        using var posted = await PostAsync(form, ("Answer[salary-below-posted]", "maybe"), ("Answer[no-such-item]", "yes"));
        var page = await posted.ReadDocumentAsync();

        Assert.Equal(HttpStatusCode.BadRequest, posted.StatusCode);
        var alert = page.QuerySelector("[role=alert]")!.Text();
        Assert.Contains("maybe", alert, StringComparison.Ordinal);
        Assert.Contains("no-such-item", alert, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("form fieldset"));
    }

    [Fact]
    public async Task ABadAnswerInTheAddressIsExplained()
    {
        using var response = await _client.GetAsync("/check/exit-interview?a=might-return:perhaps", TestContext.Current.CancellationToken);
        var page = await response.ReadDocumentAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("perhaps", page.QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownChecklistIsARealNotFoundWithAWayBack()
    {
        using var response = await _client.GetAsync("/check/no-such-check", TestContext.Current.CancellationToken);
        var page = await response.ReadDocumentAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.NotNull(page.QuerySelector("main a[href='/']"));
    }

    [Theory]
    [InlineData("walk-out")]
    [InlineData("exit-interview")]
    [InlineData("withdrawal")]
    public async Task EveryChecklistReachesAVerdictWithNothingAnswered(string id)
    {
        var form = await OpenFormAsync($"/check/{id}");

        using var posted = await PostAsync(form);
        using var verdict = await _client.GetAsync(posted.Headers.Location, TestContext.Current.CancellationToken);
        var page = await verdict.ReadDocumentAsync();

        Assert.Equal(HttpStatusCode.OK, verdict.StatusCode);
        Assert.False(string.IsNullOrWhiteSpace(page.QuerySelector("#verdict-headline")?.TextContent));
    }

    private async Task<IElement> OpenFormAsync(string path)
    {
        using var response = await _client.GetAsync(path, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadDocumentAsync();
        return page.QuerySelector("form[method=post]")!;
    }

    private Task<HttpResponseMessage> PostAsync(IElement form, params (string Name, string Value)[] answers)
    {
        // The hidden fields (form name and antiforgery token) as the browser would send them; the cookie is in the _client.
        var fields = form.QuerySelectorAll("input[type=hidden]")
            .Select(i => new KeyValuePair<string, string>(i.GetAttribute("name")!, i.GetAttribute("value") ?? ""))
            .Concat(answers.Select(a => new KeyValuePair<string, string>(a.Name, a.Value)));
        return _client.PostAsync(form.GetAttribute("action"), new FormUrlEncodedContent(fields), TestContext.Current.CancellationToken);
    }
}
