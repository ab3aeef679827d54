using InterviewCompass.Core.Content;

namespace InterviewCompass.Core.Guides;

/// <summary>An index over title, summary, headings and body, built once; best match first.</summary>
public sealed class GuideSearch
{
    public GuideSearch(IReadOnlyList<Guide> guides) => ArgumentNullException.ThrowIfNull(guides);

    /// <summary>Empty query: every guide (filtered by tag), alphabetical, score 0.</summary>
    public IReadOnlyList<SearchHit> Search(string? query, string? tag = null) => throw new NotImplementedException("TODO(core-content)");
}

public sealed record SearchHit(Guide Guide, double Score);
