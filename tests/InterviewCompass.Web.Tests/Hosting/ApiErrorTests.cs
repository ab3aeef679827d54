using System.Net;
using InterviewCompass.Core.Content;
using InterviewCompass.Web.Data;
using InterviewCompass.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using static InterviewCompass.Web.Tests.Support.OwnerDataClient;

namespace InterviewCompass.Web.Tests.Hosting;

/// <summary>Issue 11, defect 2: an error in any API call is a problem+json with its real status, and an operator sees it logged.</summary>
public sealed class ApiErrorTests
{
    [Fact]
    public async Task AnUnexpectedErrorInAnyApiCallIsA500ProblemLoggedAsAnError()
    {
        await using var app = new LoggedAppFactory();
        using var browser = app.CreateClient();
        var kind = app.Services.GetRequiredService<ContentCatalog>().MessageKinds[0];
        await using (var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(Ct))
        {
            // A broken database: every drafts call fails inside the handler.
            await db.Database.ExecuteSqlRawAsync("""DROP TABLE "DraftVersions"; DROP TABLE "Drafts";""", Ct);
        }

        var draft = new { kind = kind.Id, tone = "warm", situation = kind.Situations.Count > 0 ? kind.Situations[0] : null, body = "Hello" };
        var id = Guid.NewGuid();
        var calls = new (string Method, Func<Task<HttpResponseMessage>> Send)[]
        {
            ("GET", () => browser.GetAsync("/api/v1/drafts", Ct)),
            ("POST", () => browser.PostJsonAsync("/api/v1/drafts", draft)),
            ("PUT", () => browser.PutJsonAsync($"/api/v1/drafts/{id}", draft)),
            ("DELETE", () => browser.DeleteAsync($"/api/v1/drafts/{id}", Ct)),
        };

        foreach (var (method, send) in calls)
        {
            var logged = app.Logs.Entries.Count(e => e.Level >= LogLevel.Error && e.Exception is not null);
            using var response = await send();

            Assert.False(response.Content.Headers.ContentType?.MediaType == "text/html", $"{method}: an HTML page instead of a problem");
            var problem = await ApiAssert.ProblemAsync(response, HttpStatusCode.InternalServerError);
            Assert.False(string.IsNullOrEmpty(problem.GetProperty("title").GetString()));
            Assert.True(app.Logs.Entries.Count(e => e.Level >= LogLevel.Error && e.Exception is not null) > logged, $"{method}: not logged as an error");
        }
    }
}
