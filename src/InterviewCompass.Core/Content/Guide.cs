namespace InterviewCompass.Core.Content;

/// <summary>A guidance article, parsed and rendered once at start.</summary>
/// <param name="Html">Body rendered by the shared Markdown pipeline (safe to emit as markup).</param>
/// <param name="PlainText">Body as plain text, for search.</param>
public sealed record Guide(
    string Id,
    string Title,
    string Summary,
    IReadOnlyList<string> Tags,
    DateOnly Reviewed,
    IReadOnlyList<string> Related,
    IReadOnlyList<GuideSection> Sections,
    string Html,
    string PlainText,
    string SourcePath)
{
    /// <summary>Where the guide's claims come from (front matter <c>sources</c>); at least one.</summary>
    public IReadOnlyList<GuideSource> Sources { get; init; } = [];
}

/// <summary>A source a guide's claims are traced to: the article's title and site, and, where known, its address and the date it was read.</summary>
public sealed record GuideSource(string Title, string Site, string? Address, DateOnly? Read);

/// <summary>A <c>##</c> section of a guide; <see cref="Anchor"/> is its stable id in the page.</summary>
public sealed record GuideSection(string Anchor, string Title, string PlainText);

/// <summary>A link to a guide or one of its sections, written <c>guide-id#anchor</c> in content.</summary>
public sealed record GuideLink(string GuideId, string? Anchor)
{
    public string Href => Anchor is null ? $"/guides/{GuideId}" : $"/guides/{GuideId}#{Anchor}";

    public override string ToString() => Anchor is null ? GuideId : $"{GuideId}#{Anchor}";

    public static GuideLink Parse(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var hash = value.IndexOf('#', StringComparison.Ordinal);
        return hash < 0 ? new GuideLink(value, null) : new GuideLink(value[..hash], value[(hash + 1)..]);
    }
}
