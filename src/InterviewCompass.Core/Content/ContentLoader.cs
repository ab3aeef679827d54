namespace InterviewCompass.Core.Content;

/// <summary>Reads <c>guides/*.md</c>, <c>checklists/*.yml</c> and <c>messages/*.yml</c> under a content root and validates them together.</summary>
public sealed class ContentLoader
{
    /// <summary>Loads and validates; every problem found is returned, none thrown.</summary>
    public ContentLoadResult Load(string contentRoot) => throw new NotImplementedException("TODO(core-content)");

    /// <summary>Loads, or throws <see cref="ContentValidationException"/> listing every problem.</summary>
    public ContentCatalog LoadOrThrow(string contentRoot)
    {
        var result = Load(contentRoot);
        return result.Catalog ?? throw new ContentValidationException(result.Errors);
    }
}

/// <summary>Either a catalog or the errors that stopped it (paths relative to the content root's parent).</summary>
public sealed record ContentLoadResult(ContentCatalog? Catalog, IReadOnlyList<ContentError> Errors);
