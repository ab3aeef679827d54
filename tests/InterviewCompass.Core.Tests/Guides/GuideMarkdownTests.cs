using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using InterviewCompass.Core.Guides;

namespace InterviewCompass.Core.Tests.Guides;

public sealed class GuideMarkdownTests
{
    [Theory]
    [InlineData("[click](javascript:alert(1))")]
    [InlineData("[click](JaVaScRiPt:alert(1))")]
    [InlineData("[click](jav&#x61;script:alert(1))")]
    [InlineData("[click](data:text/html;base64,PHNjcmlwdD4=)")]
    [InlineData("[click](vbscript:msgbox)")]
    [InlineData("[click](file:///etc/passwd)")]
    [InlineData("[click][ref]\n\n[ref]: javascript:alert(1)")]
    public void LinkWithADisallowedSchemeBecomesPlainText(string markdown)
    {
        var html = GuideMarkdown.Render(markdown).Html;

        Assert.DoesNotContain("<a", html, StringComparison.Ordinal);
        Assert.DoesNotContain("href", html, StringComparison.Ordinal);
        Assert.Contains("click", html, StringComparison.Ordinal);
    }

    [Fact]
    public void AutolinkWithADisallowedSchemeBecomesPlainText()
    {
        var html = GuideMarkdown.Render("Try <javascript:alert(1)> now").Html;

        Assert.DoesNotContain("<a", html, StringComparison.Ordinal);
        Assert.Contains("javascript:alert(1)", html, StringComparison.Ordinal);
    }

    [Fact]
    public void ImageWithADisallowedSchemeBecomesItsAltText()
    {
        var html = GuideMarkdown.Render("![a chart](javascript:alert(1))").Html;

        Assert.DoesNotContain("<img", html, StringComparison.Ordinal);
        Assert.Contains("a chart", html, StringComparison.Ordinal);
    }

    [Fact]
    public void ProtocolRelativeLinkIsNotTreatedAsInSite()
    {
        var html = GuideMarkdown.Render("[elsewhere](//evil.example/x)").Html;

        Assert.DoesNotContain("href", html, StringComparison.Ordinal);
    }

    [Fact]
    public void RawScriptInAGuideIsEscaped()
    {
        var html = GuideMarkdown.Render("Hello <script>alert('x')</script>\n\n<script>\nalert(2)\n</script>\n").Html;

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public void RawHtmlAttributesAreEscapedToo()
    {
        var html = GuideMarkdown.Render("<img src=x onerror=alert(1)>").Html;

        Assert.DoesNotContain("<img", html, StringComparison.Ordinal);
        Assert.Contains("&lt;img", html, StringComparison.Ordinal);
    }

    [Fact]
    public void MailtoLinkIsKept()
    {
        var html = GuideMarkdown.Render("[write to us](mailto:help@example.org)").Html;

        Assert.Contains("<a href=\"mailto:help@example.org\">write to us</a>", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/guides/withdrawing#timing")]
    [InlineData("/check/walk-out")]
    [InlineData("#leaving-politely")]
    public void InSiteLinkIsKeptWithoutNoopener(string url)
    {
        var html = GuideMarkdown.Render($"[there]({url})").Html;

        Assert.Contains($"<a href=\"{url}\">there</a>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void ExternalLinkGetsNoopenerNoreferrer()
    {
        var html = GuideMarkdown.Render("[a source](https://example.org/article)").Html;

        Assert.Contains("href=\"https://example.org/article\"", html, StringComparison.Ordinal);
        Assert.Contains("rel=\"noopener noreferrer\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void SectionHeadingsGetStableAnchors()
    {
        var rendered = GuideMarkdown.Render("Intro.\n\n## Pay below the posted range\nText one.\n\n## What *to* say -- politely!\nText two.\n");

        Assert.Equal(["pay-below-the-posted-range", "what-to-say-politely"], rendered.Sections.Select(s => s.Anchor));
        Assert.Equal(["Pay below the posted range", "What to say -- politely!"], rendered.Sections.Select(s => s.Title));
        Assert.Contains("<h2 id=\"pay-below-the-posted-range\">", rendered.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void AnchorsDoNotShiftWhenOtherHeadingsChange()
    {
        var before = GuideMarkdown.Render("## Timing\nx\n\n## Tone\ny\n");
        var after = GuideMarkdown.Render("# Timing\n\n### Timing\nz\n\n## Timing\nx\n\n## Tone\ny\n");

        Assert.Equal(before.Sections.Select(s => s.Anchor), after.Sections.Select(s => s.Anchor));
        Assert.Contains("<h1 id=\"timing-2\">", after.Html, StringComparison.Ordinal);
        Assert.Contains("<h3 id=\"timing-3\">", after.Html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Pay below the posted range", "pay-below-the-posted-range")]
    [InlineData("  What's   next?  ", "what-s-next")]
    [InlineData("Step 2: say no", "step-2-say-no")]
    [InlineData("---", "")]
    public void AnchorIsLowerCaseWithNonAlphanumericsCollapsed(string heading, string anchor) =>
        Assert.Equal(anchor, GuideMarkdown.Anchor(heading));

    [Fact]
    public void SectionPlainTextHoldsItsBodyUpToTheNextSection()
    {
        var rendered = GuideMarkdown.Render("Intro.\n\n## First\nOne **bold** [link](/guides/x).\n\n### Detail\nMore.\n\n## Second\n- a\n- b\n");

        Assert.Equal("One bold link.\nDetail\nMore.", rendered.Sections[0].PlainText);
        Assert.Equal("a\nb", rendered.Sections[1].PlainText);
        Assert.StartsWith("Intro.", rendered.PlainText, StringComparison.Ordinal);
        Assert.DoesNotContain("**", rendered.PlainText, StringComparison.Ordinal);
    }

    [Fact]
    public void PipeTablesRender()
    {
        var html = GuideMarkdown.Render("| a | b |\n|---|---|\n| 1 | 2 |\n").Html;

        Assert.Contains("<table>", html, StringComparison.Ordinal);
    }

    [Property(MaxTest = 300)]
    public Property NoInputRendersAScriptOrAnUnsafeHref()
    {
        var pieces = Gen.Elements(
            "<script>", "</script>", "[x](", "javascript:", "data:", ")", "<", ">", "![i](", "\n", "## h", " ", "`", "&#x61;", "vbscript:", "](", "<a href=\"", "\"", "onerror=");
        var inputs = Gen.ListOf(pieces).Select(p => string.Concat(p)).ToArbitrary();

        return Prop.ForAll(inputs, markdown =>
        {
            var html = GuideMarkdown.Render(markdown).Html;
            return !html.Contains("<script", StringComparison.OrdinalIgnoreCase)
                && !html.Contains("href=\"javascript", StringComparison.OrdinalIgnoreCase)
                && !html.Contains("href=\"data", StringComparison.OrdinalIgnoreCase)
                && !html.Contains("src=\"javascript", StringComparison.OrdinalIgnoreCase);
        });
    }
}
