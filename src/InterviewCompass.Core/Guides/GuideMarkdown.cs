using System.Text;
using InterviewCompass.Core.Content;
using Markdig;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace InterviewCompass.Core.Guides;

/// <summary>The one Markdown pipeline: raw HTML off, only http(s), mailto and in-site links, stable heading ids.</summary>
public static class GuideMarkdown
{
    private const string ExternalRel = "noopener noreferrer";

    // Immutable once built and thread-safe, so one instance serves the whole app. No generic
    // attributes ({onclick=...}) and no auto-identifiers: anchors are ours (see docs/CONTENT.md).
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UsePipeTables()
        .UseEmphasisExtras()
        .UseListExtras()
        .UseAutoLinks()
        .UsePreciseSourceLocation()
        .DisableHtml()
        .Build();

    public static RenderedMarkdown Render(string markdown) => Analyse(markdown).Rendered;

    /// <summary>The stable anchor of a heading: lower-cased, non-alphanumerics collapsed to <c>-</c>, trimmed of <c>-</c>.</summary>
    public static string Anchor(string headingText)
    {
        ArgumentNullException.ThrowIfNull(headingText);
        var anchor = new StringBuilder(headingText.Length);
        var pendingDash = false;
        foreach (var c in headingText)
        {
            if (char.IsLetterOrDigit(c))
            {
                if (pendingDash && anchor.Length > 0)
                {
                    anchor.Append('-');
                }

                pendingDash = false;
                anchor.Append(char.ToLowerInvariant(c));
            }
            else
            {
                pendingDash = true;
            }
        }

        return anchor.ToString();
    }

    /// <summary>Renders and also reports what the content validator needs: in-site links and anchor problems, with lines.</summary>
    internal static GuideBody Analyse(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        var document = Markdown.Parse(markdown, Pipeline);
        var problems = new List<BodyProblem>();
        var sectionHeadings = AssignHeadingIds(document, problems);
        var siteLinks = MakeLinksSafe(document);

        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer);
        Pipeline.Setup(renderer);
        renderer.Render(document);
        writer.Flush();

        var plainText = new StringBuilder(markdown.Length);
        var sections = new List<GuideSection>(sectionHeadings.Count);
        StringBuilder? sectionText = null;
        HeadingBlock? sectionHeading = null;
        foreach (var block in document)
        {
            if (block is HeadingBlock { Level: <= 2 } heading)
            {
                CloseSection();
                if (heading.Level == 2)
                {
                    sectionHeading = heading;
                    sectionText = new StringBuilder();
                }
            }
            else if (sectionText is not null)
            {
                AppendBlock(sectionText, block);
            }

            AppendBlock(plainText, block);
        }

        CloseSection();

        var headingIds = document.Descendants<HeadingBlock>().Select(h => h.GetAttributes().Id!).ToHashSet(StringComparer.Ordinal);
        return new GuideBody(
            new RenderedMarkdown(writer.ToString(), plainText.ToString().Trim(), sections),
            siteLinks,
            problems,
            headingIds);

        void CloseSection()
        {
            if (sectionHeading is not null && sectionText is not null)
            {
                sections.Add(new GuideSection(sectionHeading.GetAttributes().Id!, InlineText(sectionHeading.Inline), sectionText.ToString().Trim()));
            }

            sectionHeading = null;
            sectionText = null;
        }
    }

    /// <summary>True for the links a guide may carry: http(s), mailto and paths within this site.</summary>
    internal static bool IsAllowedUrl(string? url)
    {
        if (string.IsNullOrEmpty(url) || url.Any(c => char.IsControl(c) || char.IsWhiteSpace(c) || c == '\\'))
        {
            return false;
        }

        if (url[0] == '#')
        {
            return true;
        }

        // "//host" is protocol-relative: another site, not an in-site path.
        if (url[0] == '/')
        {
            return url.Length == 1 || url[1] != '/';
        }

        return IsExternal(url) || url.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase);
    }

    private static bool IsExternal(string url) =>
        url.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || url.StartsWith("http://", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Gives every heading a unique id. Top-level <c>##</c> headings get theirs first, because
    /// checklists and lint rules link to them and they must not shift when other headings change.
    /// </summary>
    private static List<HeadingBlock> AssignHeadingIds(MarkdownDocument document, List<BodyProblem> problems)
    {
        var used = new HashSet<string>(StringComparer.Ordinal);
        var sectionHeadings = document.OfType<HeadingBlock>().Where(h => h.Level == 2).ToList();
        foreach (var heading in sectionHeadings)
        {
            var title = InlineText(heading.Inline);
            var anchor = Anchor(title);
            if (anchor.Length == 0)
            {
                problems.Add(new BodyProblem(heading.Line + 1, $"the heading '## {title}' gives an empty anchor; use words or digits in it"));
                anchor = "section";
            }
            else if (used.Contains(anchor))
            {
                problems.Add(new BodyProblem(heading.Line + 1, $"two '## ' headings give the same anchor '{anchor}'; reword one of them"));
            }

            heading.GetAttributes().Id = Unique(anchor, used);
        }

        foreach (var heading in document.Descendants<HeadingBlock>())
        {
            if (!sectionHeadings.Contains(heading))
            {
                var anchor = Anchor(InlineText(heading.Inline));
                heading.GetAttributes().Id = Unique(anchor.Length == 0 ? "section" : anchor, used);
            }
        }

        return sectionHeadings;
    }

    private static string Unique(string anchor, HashSet<string> used)
    {
        var candidate = anchor;
        for (var n = 2; !used.Add(candidate); n++)
        {
            candidate = $"{anchor}-{n}";
        }

        return candidate;
    }

    /// <summary>
    /// Turns links with a scheme we do not allow (javascript:, data:, vbscript:, file:, ...) into
    /// their plain text and marks external links noopener/noreferrer. Returns the in-site links.
    /// </summary>
    private static List<BodyLink> MakeLinksSafe(MarkdownDocument document)
    {
        var siteLinks = new List<BodyLink>();
        foreach (var inline in document.Descendants<Inline>().ToList())
        {
            switch (inline)
            {
                case LinkInline link when !IsAllowedUrl(link.Url):
                    Unwrap(link);
                    break;
                case LinkInline link:
                    if (IsExternal(link.Url!))
                    {
                        link.GetAttributes().AddPropertyIfNotExist("rel", ExternalRel);
                    }
                    else if (link.Url![0] is '/' or '#')
                    {
                        siteLinks.Add(new BodyLink(link.Url, link.Line + 1));
                    }

                    break;
                case AutolinkInline autolink when !IsAllowedUrl(autolink.IsEmail ? "mailto:" + autolink.Url : autolink.Url):
                    autolink.ReplaceBy(new LiteralInline(autolink.Url));
                    break;
                case AutolinkInline autolink when !autolink.IsEmail && IsExternal(autolink.Url):
                    autolink.GetAttributes().AddPropertyIfNotExist("rel", ExternalRel);
                    break;
                default:
                    break;
            }
        }

        return siteLinks;
    }

    private static void Unwrap(LinkInline link)
    {
        var child = link.FirstChild;
        while (child is not null)
        {
            var next = child.NextSibling;
            child.Remove();
            link.InsertBefore(child);
            child = next;
        }

        link.Remove();
    }

    private static StringBuilder AppendBlock(StringBuilder text, Block block)
    {
        switch (block)
        {
            case LeafBlock { Inline: { } inline }:
                AppendInline(text, inline);
                text.Append('\n');
                break;
            case CodeBlock code:
                text.Append(code.Lines.ToString()).Append('\n');
                break;
            case ContainerBlock container:
                foreach (var child in container)
                {
                    AppendBlock(text, child);
                }

                break;
            default:
                break;
        }

        return text;
    }

    private static string InlineText(ContainerInline? inline) =>
        inline is null ? "" : AppendInline(new StringBuilder(), inline).ToString().Trim();

    private static StringBuilder AppendInline(StringBuilder text, Inline inline)
    {
        switch (inline)
        {
            case LiteralInline literal:
                text.Append(literal.Content.AsSpan());
                break;
            case CodeInline code:
                text.Append(code.Content);
                break;
            case AutolinkInline autolink:
                text.Append(autolink.Url);
                break;
            case HtmlEntityInline entity:
                text.Append(entity.Transcoded.AsSpan());
                break;
            case LineBreakInline:
                text.Append(' ');
                break;
            case ContainerInline container:
                foreach (var child in container)
                {
                    AppendInline(text, child);
                }

                break;
            default:
                break;
        }

        return text;
    }
}

/// <param name="Sections">Every <c>##</c> heading, in order, with its anchor.</param>
public sealed record RenderedMarkdown(string Html, string PlainText, IReadOnlyList<Content.GuideSection> Sections);

/// <summary>A rendered guide body plus what validation needs from it (lines are 1-based within the body).</summary>
/// <param name="HeadingIds">The id of every heading, for in-page <c>#anchor</c> links.</param>
internal sealed record GuideBody(RenderedMarkdown Rendered, IReadOnlyList<BodyLink> SiteLinks, IReadOnlyList<BodyProblem> Problems, IReadOnlySet<string> HeadingIds);

internal readonly record struct BodyLink(string Url, int Line);

internal readonly record struct BodyProblem(int Line, string Problem);
