using InterviewCompass.Core.Guides;
using InterviewCompass.Core.Tests.TestSupport;

namespace InterviewCompass.Core.Tests.Guides;

public sealed class GuideSearchTests
{
    private static readonly GuideSearch Search = new(
    [
        TestGuides.Make(
            "exit-interview-questions",
            "Exit interview questions and answers",
            "What an exit interview asks and how to answer each question.",
            "## Exit interviews in detail\nExit interviews ask about the exit interview itself. Exit interviews, exit interviews.",
            "exit-interview"),
        TestGuides.Make(
            "exit-interviews",
            "Exit interviews",
            "Whether to take part at all.",
            "## Declining\nYou may decline.",
            "exit-interview"),
        TestGuides.Make(
            "walking-out",
            "When it is fine to walk out of an interview",
            "Leaving early can be right.",
            "## Pay below the posted range\nRaise the pay question first.\n\n## Leaving politely\nThank them and go.",
            "interview", "walk-out"),
        TestGuides.Make(
            "withdrawing",
            "Withdrawing from a hiring process",
            "How to say no gracefully.",
            "## Timing\nSay it sooner rather than later. Thank the recruiter.\n\n## Telling the recruiter why\nOne or two sentences about pay is enough.",
            "withdraw"),
    ]);

    [Fact]
    public void ExactTitleMatchRanksFirst()
    {
        var hits = Search.Search("exit interviews");

        Assert.Equal("exit-interviews", hits[0].Guide.Id);
        Assert.True(hits[0].Score > hits[1].Score);
    }

    [Fact]
    public void ExactTitleMatchIgnoresCaseAndPunctuation()
    {
        var hits = Search.Search("  WITHDRAWING from a hiring process? ");

        Assert.Equal("withdrawing", hits[0].Guide.Id);
    }

    [Fact]
    public void TitleMatchOutranksBodyMatch()
    {
        // "pay" is in walking-out's heading and body, and only in withdrawing's body.
        var hits = Search.Search("pay");

        Assert.Equal(["walking-out", "withdrawing"], hits.Select(h => h.Guide.Id));
    }

    [Fact]
    public void GuidesMatchingEveryWordRankAbovePartialMatches()
    {
        var hits = Search.Search("recruiter sooner");

        Assert.Equal("withdrawing", hits[0].Guide.Id);
        Assert.Single(hits);

        var partial = Search.Search("thank recruiter");
        Assert.Equal(["withdrawing", "walking-out"], partial.Select(h => h.Guide.Id));
        Assert.True(partial[0].Score > partial[1].Score);
    }

    [Fact]
    public void WordFormsMatchThroughStemming()
    {
        Assert.Contains(Search.Search("raising"), h => h.Guide.Id == "walking-out");
        Assert.Contains(Search.Search("declined"), h => h.Guide.Id == "exit-interviews");
    }

    [Fact]
    public void StartOfAWordFindsIt()
    {
        Assert.Equal("withdrawing", Search.Search("gracef").Single().Guide.Id);
    }

    [Fact]
    public void TagFilterKeepsOnlyGuidesWithThatTag()
    {
        var hits = Search.Search("interview", tag: "walk-out");

        Assert.Equal("walking-out", Assert.Single(hits).Guide.Id);
    }

    [Fact]
    public void NoMatchGivesNoHits()
    {
        Assert.Empty(Search.Search("zebra"));
        Assert.Empty(Search.Search("?!"));
        Assert.Empty(Search.Search("pay", tag: "exit-interview"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void EmptyQueryListsEveryGuideByTitle(string? query)
    {
        var hits = Search.Search(query);

        Assert.Equal(
            ["Exit interview questions and answers", "Exit interviews", "When it is fine to walk out of an interview", "Withdrawing from a hiring process"],
            hits.Select(h => h.Guide.Title));
        Assert.All(hits, h => Assert.Equal(0, h.Score));
    }

    [Fact]
    public void EmptyQueryWithTagListsThatTagByTitle()
    {
        var hits = Search.Search("", tag: "exit-interview");

        Assert.Equal(["exit-interview-questions", "exit-interviews"], hits.Select(h => h.Guide.Id));
    }

    [Fact]
    public void NoGuidesGivesNoHits()
    {
        var empty = new GuideSearch([]);

        Assert.Empty(empty.Search("anything"));
        Assert.Empty(empty.Search(null));
    }
}

/// <summary>Search over the real guides and synonyms list: what a stressed person types.</summary>
public sealed class RealGuideSearchTests
{
    private static readonly GuideSearch Search = new(Builders.RepositoryMessages.Catalog);

    [Fact]
    public void RudeFindsTheRedFlagsAndWalkOutGuidesFirst()
    {
        var hits = Search.Search("rude");

        Assert.Equal(["interviewer-red-flags", "walking-out"], hits.Take(2).Select(h => h.Guide.Id).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("nothing")]
    [InlineData("the")]
    [InlineData("what should I do")]
    public void AQueryOfOnlyCommonWordsMatchesNothing(string query)
    {
        Assert.Empty(Search.Search(query));
    }

    [Fact]
    public void ASnippetMarksTheMatchedWords()
    {
        var hit = Search.Search("recruiter")[0];

        var snippet = Assert.IsAssignableFrom<IReadOnlyList<SnippetSegment>>(hit.Snippet);
        Assert.Contains(snippet, s => s.Matched && s.Text.Equals("recruiter", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(snippet, s => !s.Matched);
        Assert.DoesNotContain(snippet, s => s.Text.Contains('<', StringComparison.Ordinal));
        Assert.True(string.Concat(snippet.Select(s => s.Text)).Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= 30);
    }

    [Fact]
    public void ASynonymIsMarkedInTheSnippetToo()
    {
        var hit = Search.Search("salary").First(h => h.Guide.Id == "walking-out");

        Assert.Contains(hit.Snippet!, s => s.Matched);
    }

    [Fact]
    public void StemsMeet()
    {
        Assert.Equal(Search.Search("declining")[0].Guide.Id, Search.Search("declined")[0].Guide.Id);
        Assert.NotEmpty(Search.Search("resigned"));
    }
}
