using InterviewCompass.Core.Content;

namespace InterviewCompass.Web.Hosting;

/// <summary>Loads the content catalog once at start; a bad file is reported as <c>path:line: problem</c> lines, never a stack trace.</summary>
internal static class ContentStartup
{
    /// <summary>The catalog, or null after writing every problem to <paramref name="errors"/>.</summary>
    public static ContentCatalog? TryLoad(string contentRoot, TextWriter errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (!Directory.Exists(contentRoot))
        {
            errors.WriteLine($"{contentRoot}: content folder not found (set Content:Path).");
            return null;
        }

        try
        {
            return new ContentLoader().LoadOrThrow(contentRoot);
        }
        catch (ContentValidationException invalid)
        {
            errors.WriteLine($"The content in {contentRoot} is not valid; InterviewCompass cannot start:");
            errors.WriteLine(invalid.Message);
            return null;
        }
    }

    /// <summary>Resolves <see cref="ContentOptions.Path"/> against the app's content root when relative.</summary>
    public static string ResolveRoot(ContentOptions options, string appContentRoot) =>
        Path.GetFullPath(Path.IsPathRooted(options.Path) ? options.Path : Path.Combine(appContentRoot, options.Path));
}
