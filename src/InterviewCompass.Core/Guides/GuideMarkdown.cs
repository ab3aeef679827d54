namespace InterviewCompass.Core.Guides;

/// <summary>The one Markdown pipeline: raw HTML off, only http(s), mailto and in-site links, stable heading ids.</summary>
public static class GuideMarkdown
{
    public static RenderedMarkdown Render(string markdown) => throw new NotImplementedException("TODO(core-content)");
}

/// <param name="Sections">Every <c>##</c> heading, in order, with its anchor.</param>
public sealed record RenderedMarkdown(string Html, string PlainText, IReadOnlyList<Content.GuideSection> Sections);
