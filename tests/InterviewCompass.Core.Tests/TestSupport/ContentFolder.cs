using InterviewCompass.Core.Content;

namespace InterviewCompass.Core.Tests.TestSupport;

/// <summary>
/// A real <c>content/</c> folder in a temp directory, written file by file and deleted on
/// dispose. Starts empty; <see cref="Valid"/> starts from a small set that loads cleanly.
/// </summary>
public sealed class ContentFolder : IDisposable
{
    private readonly string _tempDirectory;

    public ContentFolder()
    {
        _tempDirectory = Path.Combine(Path.GetTempPath(), "ic-content-" + Guid.NewGuid().ToString("N"));
        Root = Path.Combine(_tempDirectory, "content");
        Directory.CreateDirectory(Root);
    }

    /// <summary>The content root (a folder named <c>content</c>, so error paths read <c>content/...</c>).</summary>
    public string Root { get; }

    /// <summary>Two guides, one checklist, one message kind and a complete lint.yml.</summary>
    public static ContentFolder Valid() => new ContentFolder()
        .With("guides/walking-out.md", ValidContent.WalkingOutGuide)
        .With("guides/withdrawing.md", ValidContent.WithdrawingGuide)
        .With("checklists/walk-out.yml", ValidContent.WalkOutChecklist)
        .With("messages/withdrawal-note.yml", ValidContent.WithdrawalNote)
        .With("messages/lint.yml", ValidContent.Lint);

    public ContentFolder With(string relativePath, string text)
    {
        var path = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return this;
    }

    /// <summary>Rewrites a file, replacing one exact snippet (which must be there).</summary>
    public ContentFolder Replace(string relativePath, string oldText, string newText)
    {
        var text = Read(relativePath);
        Assert.Contains(oldText, text, StringComparison.Ordinal);
        return With(relativePath, text.Replace(oldText, newText, StringComparison.Ordinal));
    }

    public ContentFolder Without(string relativePath)
    {
        File.Delete(Path.Combine(Root, relativePath));
        return this;
    }

    public string Read(string relativePath) => File.ReadAllText(Path.Combine(Root, relativePath));

    /// <summary>The 1-based line of the first occurrence of <paramref name="snippet"/> in a written file.</summary>
    public int LineOf(string relativePath, string snippet)
    {
        var text = Read(relativePath);
        var index = text.IndexOf(snippet, StringComparison.Ordinal);
        Assert.True(index >= 0, $"'{snippet}' is not in {relativePath}");
        return text.AsSpan(0, index).Count('\n') + 1;
    }

    public ContentLoadResult Load() => new ContentLoader().Load(Root);

    public void Dispose()
    {
        if (Directory.Exists(_tempDirectory))
        {
            Directory.Delete(_tempDirectory, recursive: true);
        }
    }
}
