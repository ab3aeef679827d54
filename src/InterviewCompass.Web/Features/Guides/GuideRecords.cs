namespace InterviewCompass.Web.Features.Guides;

/// <param name="Snippet">For a search: the words around the first match, matched words flagged (plain text, never HTML).</param>
public sealed record GuideListItem(
    string Id,
    string Title,
    string Summary,
    IReadOnlyList<string> Tags,
    DateOnly Reviewed,
    double Score,
    string Href,
    IReadOnlyList<SnippetSegmentModel>? Snippet = null);

public sealed record SnippetSegmentModel(string Text, bool Matched);

public sealed record GuideDetail(
    string Id,
    string Title,
    string Summary,
    IReadOnlyList<string> Tags,
    DateOnly Reviewed,
    IReadOnlyList<GuideSectionModel> Sections,
    IReadOnlyList<RelatedLink> Related,
    string Html);

public sealed record GuideSectionModel(string Anchor, string Title, string Href);
