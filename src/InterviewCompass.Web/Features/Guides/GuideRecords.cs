namespace InterviewCompass.Web.Features.Guides;

public sealed record GuideListItem(string Id, string Title, string Summary, IReadOnlyList<string> Tags, DateOnly Reviewed, double Score, string Href);

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
