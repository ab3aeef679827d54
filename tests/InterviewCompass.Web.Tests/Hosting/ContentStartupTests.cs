using InterviewCompass.Web.Hosting;

namespace InterviewCompass.Web.Tests.Hosting;

public sealed class ContentStartupTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "ic-tests", Guid.NewGuid().ToString("N"), "content");

    [Fact]
    public void ABadGuideIsReportedAsPathLineProblemWithoutAStackTrace()
    {
        CopyRealContent();
        File.WriteAllText(Path.Combine(_root, "guides", "walking-out.md"), "---\nid: walking-out\ntitle: Missing the rest\n---\nBody\n");
        using var errors = new StringWriter();

        var catalog = ContentStartup.TryLoad(_root, errors);

        Assert.Null(catalog);
        var output = errors.ToString();
        Assert.Matches(@"guides/walking-out\.md:\d+: ", output);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
    }

    [Fact]
    public void AMissingFolderSaysWhichSettingToChange()
    {
        using var errors = new StringWriter();

        var catalog = ContentStartup.TryLoad(_root, errors);

        Assert.Null(catalog);
        Assert.Contains("Content:Path", errors.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void TheRealContentLoads()
    {
        using var errors = new StringWriter();

        var catalog = ContentStartup.TryLoad(RepositoryPaths.Content, errors);

        Assert.NotNull(catalog);
        Assert.Equal("", errors.ToString());
    }

    public void Dispose()
    {
        var parent = Path.GetDirectoryName(_root)!;
        if (Directory.Exists(parent))
        {
            Directory.Delete(parent, recursive: true);
        }
    }

    private void CopyRealContent()
    {
        foreach (var file in Directory.EnumerateFiles(RepositoryPaths.Content, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(_root, Path.GetRelativePath(RepositoryPaths.Content, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
