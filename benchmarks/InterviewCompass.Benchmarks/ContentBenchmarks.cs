using BenchmarkDotNet.Attributes;
using InterviewCompass.Core.Content;
using InterviewCompass.Core.Guides;

namespace InterviewCompass.Benchmarks;

/// <summary>Start-up work (load + validate all content) and per-request guide work.</summary>
[MemoryDiagnoser]
public class ContentBenchmarks
{
    private readonly ContentLoader _loader = new();
    private string _markdown = "";
    private GuideSearch _search = null!;

    [GlobalSetup]
    public void Setup()
    {
        var catalog = RepositoryContent.Load();
        var guide = catalog.GuidesById["walking-out"];
        _markdown = File.ReadAllText(Path.Combine(Path.GetDirectoryName(RepositoryContent.Root)!, guide.SourcePath));
        _search = new GuideSearch(catalog.Guides);
    }

    [Benchmark]
    public ContentCatalog LoadAllContent() => _loader.LoadOrThrow(RepositoryContent.Root);

    [Benchmark]
    public RenderedMarkdown RenderGuide() => GuideMarkdown.Render(_markdown);

    [Benchmark]
    public IReadOnlyList<SearchHit> SearchQuery() => _search.Search("exit interview");
}
