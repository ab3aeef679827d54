using System.Net;
using InterviewCompass.Web.Tests.Support;
using static InterviewCompass.Web.Tests.Support.OwnerDataClient;

namespace InterviewCompass.Web.Tests.Hosting;

/// <summary>Issue 9: every form post that writes is limited like the API writes; page views never use up that budget.</summary>
public sealed class FormRateLimitTests
{
    [Fact]
    public async Task PageViewsNeverUseUpTheWriteBudget()
    {
        await using var app = new AppFactory(new Dictionary<string, string?> { ["RateLimits:WritesPerMinute"] = "2" });
        using var browser = app.CreateClient();

        foreach (var path in new[] { "/history/transfer", "/check/walk-out", "/history", "/history/delete-everything" })
        {
            for (var i = 0; i < 3; i++)
            {
                using var page = await browser.GetAsync(path, Ct);
                Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            }
        }

        using var posted = await browser.SubmitFormAsync("/history/transfer", "create-code");
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
    }

    [Theory]
    [InlineData("check")]
    [InlineData("delete-session")]
    [InlineData("delete-everything")]
    [InlineData("create-code")]
    public async Task AFormPostThatWritesIsRefusedBeyondTheLimit(string form)
    {
        await using var app = new AppFactory(new Dictionary<string, string?> { ["RateLimits:WritesPerMinute"] = "3" });
        using var browser = app.CreateClient(new() { AllowAutoRedirect = false });
        var session = await browser.SaveSessionAsync();
        var (path, formName, extra) = form switch
        {
            "check" => ("/check/walk-out", "checklist", new Dictionary<string, string> { ["Answer[aggressive-behaviour]"] = "yes" }),
            "delete-session" => ($"/history/sessions/{Guid.Parse(session):N}/delete", "delete-session", []),
            "delete-everything" => ("/history/delete-everything", "delete-everything", new Dictionary<string, string> { ["Confirm"] = "false" }),
            _ => ("/history/transfer", "create-code", []),
        };
        var html = await browser.GetStringAsync(path, Ct);
        var fields = HiddenFields(html, formName);
        foreach (var (key, value) in extra)
        {
            fields[key] = value;
        }

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            using var posted = await browser.PostAsync(path, new FormUrlEncodedContent(fields), Ct);
            statuses.Add(posted.StatusCode);
        }

        Assert.DoesNotContain(HttpStatusCode.TooManyRequests, statuses.Take(2));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[2]);
    }
}
