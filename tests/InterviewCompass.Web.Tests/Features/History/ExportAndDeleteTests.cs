using System.Net;
using InterviewCompass.Core.Content;
using InterviewCompass.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static InterviewCompass.Web.Tests.Support.OwnerDataClient;

namespace InterviewCompass.Web.Tests.Features.History;

public sealed class ExportAndDeleteOnSqlite(SqliteApp app) : ExportAndDeleteTests(app), IClassFixture<SqliteApp>;

public sealed class ExportAndDeleteOnPostgres(PostgresApp app) : ExportAndDeleteTests(app), IClassFixture<PostgresApp>;

/// <summary>Export everything (JSON, Markdown) and delete everything, leaving nothing of the owner.</summary>
public abstract class ExportAndDeleteTests(StorageApp app)
{
    private async Task<(Guid Owner, string Session, string Draft)> KeepSomethingAsync(HttpClient browser)
    {
        var session = await browser.SaveSessionAsync(label: "Acme — Data analyst");
        var kind = app.Factory.Services.GetRequiredService<ContentCatalog>().MessageKinds[0];
        object Draft(string body) => new
        {
            kind = kind.Id,
            tone = "brief",
            situation = kind.Situations.Count > 0 ? kind.Situations[0] : null,
            fields = new Dictionary<string, string> { ["company"] = "Acme" },
            subject = "Withdrawing",
            body,
            session,
        };
        var created = await browser.PostJsonAsync("/api/v1/drafts", Draft("First words"));
        var draft = (await created.JsonAsync()).GetProperty("id").GetString()!;
        await browser.PutJsonAsync($"/api/v1/drafts/{draft}", Draft("Better words"));
        await browser.PostJsonAsync("/api/v1/owner/transfer", new { });
        await using var db = app.OpenUnfiltered();
        var owner = await db.Sessions.IgnoreQueryFilters().Where(s => s.Id == Guid.Parse(session)).Select(s => s.OwnerId).SingleAsync(Ct);
        return (owner, session, draft);
    }

    [Fact]
    public async Task TheJsonExportHoldsEverySessionDraftAndVersion()
    {
        using var browser = app.NewBrowser();
        var (_, session, draft) = await KeepSomethingAsync(browser);

        var response = await browser.GetAsync("/api/v1/export", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var export = await response.JsonAsync();
        var s = Assert.Single(export.GetProperty("sessions").EnumerateArray());
        Assert.Equal(session, s.GetProperty("id").GetString());
        Assert.Equal("Acme — Data analyst", s.GetProperty("label").GetString());
        Assert.Equal("yes", s.GetProperty("answers").GetProperty("aggressive-behaviour").GetString());
        var d = Assert.Single(export.GetProperty("drafts").EnumerateArray());
        Assert.Equal(draft, d.GetProperty("id").GetString());
        Assert.Equal("Better words", d.GetProperty("body").GetString());
        Assert.Equal("First words", Assert.Single(d.GetProperty("versions").EnumerateArray()).GetProperty("body").GetString());
    }

    [Fact]
    public async Task TheMarkdownExportIsAReadableAttachment()
    {
        using var browser = app.NewBrowser();
        await KeepSomethingAsync(browser);

        var response = await browser.GetAsync("/api/v1/export?format=markdown", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/markdown", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.EndsWith(".md", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'), StringComparison.Ordinal);
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.Contains("# InterviewCompass", text, StringComparison.Ordinal);
        Assert.Contains("Acme — Data analyst", text, StringComparison.Ordinal);
        Assert.Contains("Better words", text, StringComparison.Ordinal);
        Assert.Contains("First words", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheMarkdownExportReadsLikeANoteWithQuestionsAndAnswersInWords()
    {
        using var browser = app.NewBrowser();
        await KeepSomethingAsync(browser);
        var catalog = app.Factory.Services.GetRequiredService<ContentCatalog>();
        var walkOut = catalog.ChecklistsById["walk-out"];
        var item = walkOut.FindItem("aggressive-behaviour")!;

        var markdown = await browser.GetStringAsync("/api/v1/export?format=markdown", Ct);

        // As a Markdown viewer shows it.
        var note = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(Markdig.Markdown.ToHtml(markdown));
        var text = note.Body!.TextContent;
        Assert.Contains(note.QuerySelectorAll("h3"), h => h.TextContent == $"Acme — Data analyst: {walkOut.Title}");
        Assert.Contains(note.QuerySelectorAll("li"), li => li.TextContent == $"{item.Prompt} Yes");
        Assert.Contains("Verdict: ", text, StringComparison.Ordinal);
        Assert.Contains(note.QuerySelectorAll("pre > code"), c => c.TextContent.TrimEnd('\n') == "Better words");
        // No internal ids: not the item's, the checklist's, nor an answer value.
        Assert.DoesNotContain("aggressive-behaviour", text, StringComparison.Ordinal);
        Assert.DoesNotContain("walk-out", text, StringComparison.Ordinal);
        Assert.DoesNotContain(": yes", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnknownExportFormatIsRefusedByName()
    {
        using var browser = app.NewBrowser();
        await KeepSomethingAsync(browser);

        var response = await browser.GetAsync("/api/v1/export?format=xml", Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("'xml' is not a format", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeletingEverythingLeavesNoRowOfTheOwnerAndClearsTheCookie()
    {
        using var browser = app.NewBrowser();
        var (owner, _, _) = await KeepSomethingAsync(browser);

        var response = await browser.DeleteAsync("/api/v1/owner", Ct);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("ic-owner=;", StringComparison.Ordinal));
        await using var db = app.OpenUnfiltered();
        Assert.Equal(0, await db.Owners.IgnoreQueryFilters().CountAsync(o => o.Id == owner, Ct));
        Assert.Equal(0, await db.Sessions.IgnoreQueryFilters().CountAsync(s => s.OwnerId == owner, Ct));
        Assert.Equal(0, await db.Drafts.IgnoreQueryFilters().CountAsync(d => d.OwnerId == owner, Ct));
        Assert.Equal(0, await db.DraftVersions.IgnoreQueryFilters().CountAsync(v => v.OwnerId == owner, Ct));
        Assert.Equal(0, await db.TransferCodes.IgnoreQueryFilters().CountAsync(t => t.OwnerId == owner, Ct));
        var export = await (await browser.GetAsync("/api/v1/export", Ct)).JsonAsync();
        Assert.Equal(0, export.GetProperty("sessions").GetArrayLength());
    }

    [Fact]
    public async Task AfterDeletingEverythingTheNextSaveStartsAFreshHistory()
    {
        using var browser = app.NewBrowser();
        await KeepSomethingAsync(browser);
        await browser.DeleteAsync("/api/v1/owner", Ct);

        await browser.SaveSessionAsync(label: "Fresh start");

        var list = await (await browser.GetAsync("/api/v1/sessions", Ct)).JsonAsync();
        Assert.Equal("Fresh start", Assert.Single(list.GetProperty("items").EnumerateArray()).GetProperty("label").GetString());
    }

    [Fact]
    public async Task DeletingEverythingFromTheHistoryPageNeedsTheConfirmation()
    {
        using var browser = app.NewBrowser();
        var (owner, _, _) = await KeepSomethingAsync(browser);

        var unconfirmed = await browser.SubmitFormAsync("/history/delete-everything", "delete-everything");
        Assert.Equal(HttpStatusCode.OK, unconfirmed.StatusCode);
        await using (var db = app.OpenUnfiltered())
        {
            Assert.Equal(1, await db.Owners.IgnoreQueryFilters().CountAsync(o => o.Id == owner, Ct));
        }

        var confirmed = await browser.SubmitFormAsync(
            "/history/delete-everything", "delete-everything", new Dictionary<string, string> { ["Confirm"] = "true" });

        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        await using (var db = app.OpenUnfiltered())
        {
            Assert.Equal(0, await db.Owners.IgnoreQueryFilters().CountAsync(o => o.Id == owner, Ct));
            Assert.Equal(0, await db.Sessions.IgnoreQueryFilters().CountAsync(s => s.OwnerId == owner, Ct));
            Assert.Equal(0, await db.DraftVersions.IgnoreQueryFilters().CountAsync(v => v.OwnerId == owner, Ct));
        }
    }
}
