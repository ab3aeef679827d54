namespace InterviewCompass.Core.Content;

/// <summary>Collects every problem found while loading, so one run reports them all.</summary>
internal sealed class ContentErrorList
{
    private readonly List<ContentError> _errors = [];

    public int Count => _errors.Count;

    public void Add(string path, int line, string problem) => _errors.Add(new ContentError(path, Math.Max(line, 1), problem));

    /// <summary>Appends another list's problems (one file's, read on its own), in their order.</summary>
    public void AddRange(ContentErrorList other) => _errors.AddRange(other._errors);

    /// <summary>Ordered by file, then line, so each file's problems read top to bottom.</summary>
    public IReadOnlyList<ContentError> ToList() => [.. _errors.OrderBy(e => e.Path, StringComparer.Ordinal).ThenBy(e => e.Line)];
}
