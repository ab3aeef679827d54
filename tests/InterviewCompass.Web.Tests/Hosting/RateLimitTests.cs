using System.Net;
using InterviewCompass.Web.Tests.Support;

namespace InterviewCompass.Web.Tests.Hosting;

public sealed class RateLimitTests
{
    [Fact]
    public async Task WritesBeyondTheLimitAreRefusedWithAProblem()
    {
        await using var app = new AppFactory(new Dictionary<string, string?> { ["RateLimits:WritesPerMinute"] = "2" });
        using var client = app.CreateClient();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            using var response = await client.PostAsync("/api/v1/checklists/walk-out/assess", ApiAssert.Json("""{"answers": {}}"""), TestContext.Current.CancellationToken);
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                await ApiAssert.ProblemAsync(response, HttpStatusCode.TooManyRequests);
            }
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task ReadsAreNotLimited()
    {
        await using var app = new AppFactory(new Dictionary<string, string?> { ["RateLimits:WritesPerMinute"] = "1" });
        using var client = app.CreateClient();

        for (var i = 0; i < 3; i++)
        {
            using var response = await client.GetAsync("/api/v1/checklists", TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }
}
