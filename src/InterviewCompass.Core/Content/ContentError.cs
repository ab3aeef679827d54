namespace InterviewCompass.Core.Content;

/// <summary>A problem in a content file, reported as <c>path:line: problem</c>.</summary>
public sealed record ContentError(string Path, int Line, string Problem)
{
    public override string ToString() => $"{Path}:{Line}: {Problem}";
}

/// <summary>Thrown at start when content does not validate; its message lists every error, one per line.</summary>
public sealed class ContentValidationException : Exception
{
    public ContentValidationException(IReadOnlyList<ContentError> errors)
        : base(string.Join(Environment.NewLine, errors))
    {
        Errors = errors;
    }

    public ContentValidationException()
        : this([])
    {
    }

    public ContentValidationException(string message)
        : base(message)
    {
        Errors = [];
    }

    public ContentValidationException(string message, Exception innerException)
        : base(message, innerException)
    {
        Errors = [];
    }

    public IReadOnlyList<ContentError> Errors { get; } = [];
}
