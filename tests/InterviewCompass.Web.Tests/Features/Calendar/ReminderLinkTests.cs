using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using InterviewCompass.Core.Messages;
using InterviewCompass.Core.Reminders;
using InterviewCompass.Web.Features.Calendar;
using InterviewCompass.Web.Tests.Support;

namespace InterviewCompass.Web.Tests.Features.Calendar;

/// <summary>A reminder's link, followed from a calendar: the follow-up note opens drafted with the application's details; the decision opens its check.</summary>
public sealed class ReminderLinkTests : IClassFixture<ReminderLinkTests.App>
{
    private static readonly DatedApplication Birch = new(
        Guid.Parse("6b3786bc-3f69-4912-b0b7-1a045c12b488"), "Birch & Sons", "data analyst", "Sam Patel",
        DateTrack.Set(new DateOnly(2026, 12, 11)), DateTrack.Set(new DateOnly(2026, 12, 3)));

    private readonly App _app;

    public ReminderLinkTests(App app) => _app = app;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TheReplyOverdueLinkOpensTheFollowUpNoteFilledInAndLintClean()
    {
        var reminder = ReminderBuilder.For(Birch, new ReminderOptions()).Single(r => r.Kind == ReminderKind.ReplyOverdue);
        using var browser = _app.CreateClient();

        var page = await OpenAsync(browser, CalendarEntries.PathOf(reminder));

        Assert.Equal("follow-up", page.QuerySelector<IHtmlSelectElement>("#draft-kind")!.Value);
        Assert.Equal("Birch & Sons", page.QuerySelector<IHtmlInputElement>("#draft-company")!.Value);
        Assert.Equal("Thursday 3 December 2026", page.QuerySelector<IHtmlInputElement>("#draft-date")!.Value);
        var body = page.QuerySelector<IHtmlTextAreaElement>("#draft-body")!.Value.ReplaceLineEndings("\n");
        Assert.StartsWith("Dear Sam Patel,", body, StringComparison.Ordinal);
        Assert.Contains("the data analyst role at Birch & Sons", body, StringComparison.Ordinal);
        Assert.Contains("hear by Thursday 3 December 2026", body, StringComparison.Ordinal);
        // Only the person's own sign-off is left for them (the application does not know it).
        Assert.Equal(["{contact}"], System.Text.RegularExpressions.Regex.Matches(body, @"\{[a-z]+\}").Select(m => m.Value));
        var finding = Assert.Single(new DraftLinter(RealContent.Catalog).Lint("follow-up", body).Findings, f => f.Severity != "info");
        Assert.Equal(("unfilled-placeholder", "{contact}"), (finding.Rule, finding.Excerpt));
    }

    [Fact]
    public async Task TheDecisionLinkOpensTheCheckAndTheCalendarEntryCarriesTheAbsoluteLink()
    {
        var reminder = ReminderBuilder.For(Birch, new ReminderOptions()).Single(r => r.Kind == ReminderKind.DecideBy);
        using var browser = _app.CreateClient();

        var page = await OpenAsync(browser, CalendarEntries.PathOf(reminder));
        var entry = Assert.Single(CalendarEntries.From([reminder], new Uri("https://compass.example/"), new ReminderOptions()));

        Assert.NotNull(page.QuerySelector("form"));
        Assert.Equal("https://compass.example/check/withdrawal", entry.Url.AbsoluteUri);
        Assert.Equal("Decide on Birch & Sons' offer", entry.Summary);
        Assert.Contains("URL:https://compass.example/check/withdrawal\r\n", CalendarFile.Write([entry], DateTimeOffset.UnixEpoch), StringComparison.Ordinal);
    }

    private static async Task<IDocument> OpenAsync(HttpClient browser, string path)
    {
        using var response = await browser.GetAsync(path, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.ReadDocumentAsync();
    }

    public sealed class App : AppFactory
    {
        public App()
            : base(null)
        {
        }
    }
}
