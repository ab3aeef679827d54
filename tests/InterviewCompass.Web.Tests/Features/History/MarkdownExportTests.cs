using AngleSharp.Html.Parser;
using InterviewCompass.Core.Rules;
using InterviewCompass.Web.Features.History;
using InterviewCompass.Web.Tests.Support;

namespace InterviewCompass.Web.Tests.Features.History;

/// <summary>Issue 11, defect 8: the Markdown export is text a Markdown viewer shows as typed, never markup.</summary>
public sealed class MarkdownExportTests
{
    private static readonly DateTimeOffset When = new(2026, 11, 22, 9, 0, 0, TimeSpan.Zero);

    private static OwnerExport Export(string label, string subject, string body, string versionBody = "Earlier") => new(
        When,
        [new SessionExport(Guid.NewGuid(), "walk-out", label, new Dictionary<string, string> { ["<b>item</b>"] = "yes" }, "leave", 0.9, true, When, When)],
        [new DraftExport(
            Guid.NewGuid(), "withdrawal-note", "warm", null, new Dictionary<string, string> { ["company"] = "<i>Acme</i> *Ltd*" }, subject, body, null,
            When, When, [new DraftVersionExport(1, "withdrawal-note", "warm", null, new Dictionary<string, string>(), subject, versionBody, When)])]);

    private static AngleSharp.Dom.IDocument Render(OwnerExport export) =>
        new HtmlParser().ParseDocument(Markdig.Markdown.ToHtml(ExportNote.Write(export, RealContent.Catalog, new VerdictEngine())));

    [Fact]
    public void LabelsSubjectsAndFieldsStayText()
    {
        var page = Render(Export("<script>alert(1)</script>", "<img src=x onerror=alert(1)> # [link](javascript:alert(1))", "Body"));

        Assert.Empty(page.QuerySelectorAll("script, img, i, b, a"));
        Assert.Contains(page.QuerySelectorAll("h3"), h => h.TextContent.StartsWith("<script>alert(1)</script>", StringComparison.Ordinal));
        Assert.Contains(page.QuerySelectorAll("h3"), h => h.TextContent.StartsWith("<img src=x onerror=alert(1)> # [link](javascript:alert(1))", StringComparison.Ordinal));
        Assert.Contains(page.QuerySelectorAll("li"), li => li.TextContent == "Company: <i>Acme</i> *Ltd*");
    }

    [Theory]
    [InlineData("Dear Sam,\n```\n<script>alert(1)</script>\n```\nBest")]
    [InlineData("Ticks ```` and ````` in a line\n~~~\nend")]
    [InlineData("`")]
    public void ABodyWithBackticksStaysOneCodeBlockExactlyAsTyped(string body)
    {
        var page = Render(Export("Acme", "Withdrawing", body, versionBody: body));

        Assert.Empty(page.QuerySelectorAll("script"));
        var blocks = page.QuerySelectorAll("pre > code").Select(c => c.TextContent.TrimEnd('\n')).ToList();
        Assert.Equal([body, body], blocks);
    }

    [Fact]
    public void TheExportReadsAsANoteWithoutBackslashesInOrdinaryText()
    {
        var export = new OwnerExport(
            When,
            [new SessionExport(
                Guid.NewGuid(), "withdrawal", "Contoso (leaving), exit interview: what I'd prefer",
                new Dictionary<string, string> { ["still-interested"] = "no", ["offer-would-decide"] = "no", ["has-recruiter"] = "yes" },
                "withdraw", 0.9, true, When, When)],
            []);

        var note = ExportNote.Write(export, RealContent.Catalog, new VerdictEngine());

        Assert.Contains("### Contoso (leaving), exit interview: what I'd prefer: Should I withdraw from this process?", note, StringComparison.Ordinal);
        Assert.Contains("What to say, for the hiring manager:", note, StringComparison.Ordinal);
        Assert.Contains("What to say, for your recruiter:", note, StringComparison.Ordinal);
        Assert.Contains("> I've decided not to go ahead with this role", note, StringComparison.Ordinal);
        Assert.Contains("- You said you no longer want this job.", note, StringComparison.Ordinal);
        Assert.DoesNotContain("\\(", note, StringComparison.Ordinal);
        Assert.DoesNotContain("\\'", note, StringComparison.Ordinal);
        Assert.DoesNotContain("\\,", note, StringComparison.Ordinal);
        Assert.DoesNotContain("\\:", note, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("# Not a heading")]
    [InlineData("> not a quote")]
    [InlineData("- not a list")]
    [InlineData("1. not a list")]
    [InlineData("*not emphasis* and _not either_")]
    [InlineData("`not code` &amp; not an entity")]
    [InlineData("ends with a hash #")]
    [InlineData("a | b ~~c~~ [d](e)")]
    public void WhatMarkdownWouldMisreadIsEscapedAndShowsAsTyped(string label)
    {
        var page = Render(Export(label, "Subject", "Body"));

        Assert.Contains(page.QuerySelectorAll("h3"), h => h.TextContent == $"{label}: Should I walk out of this interview?");
        Assert.Contains(page.QuerySelectorAll("li"), li => li.TextContent == "Company: <i>Acme</i> *Ltd*");
        Assert.Equal(label, new HtmlParser().ParseDocument(Markdig.Markdown.ToHtml($"- {ExportNote.Escape(label)}")).QuerySelector("li")!.TextContent);
        Assert.Equal(label, new HtmlParser().ParseDocument(Markdig.Markdown.ToHtml(ExportNote.Escape(label))).Body!.TextContent.Trim());
    }
}
