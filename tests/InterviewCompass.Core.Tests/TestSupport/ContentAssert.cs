using InterviewCompass.Core.Content;

namespace InterviewCompass.Core.Tests.TestSupport;

public static class ContentAssert
{
    /// <summary>Asserts that loading failed with an error at exactly this <c>path:line</c> whose problem contains <paramref name="problem"/>.</summary>
    public static ContentError HasError(ContentLoadResult result, string path, int line, string problem)
    {
        Assert.Null(result.Catalog);
        var match = result.Errors.FirstOrDefault(e => e.Path == path && e.Line == line && e.Problem.Contains(problem, StringComparison.Ordinal));
        Assert.True(match is not null, $"expected {path}:{line}: ...{problem}...; got:{Environment.NewLine}{string.Join(Environment.NewLine, result.Errors)}");
        return match!;
    }

    public static ContentCatalog Loads(ContentLoadResult result)
    {
        Assert.True(result.Errors.Count == 0, string.Join(Environment.NewLine, result.Errors));
        Assert.NotNull(result.Catalog);
        return result.Catalog!;
    }
}
