using System.Text.RegularExpressions;
using InterviewCompass.Core.Content;
using InterviewCompass.Core.Messages;
using InterviewCompass.Core.Tests.Builders;

namespace InterviewCompass.Core.Tests.Messages;

/// <summary>
/// Every line the product suggests, enumerated from content/, passes the product's own linter with
/// no warning: every template of every kind, tone and situation filled; the words of every verdict
/// and every item script; the example lines in the guides.
/// </summary>
/// <remarks>
/// A line belongs to a message kind: verdict words to their outcome's <c>message</c>; lines with no
/// message kind (words said in the room, or to a recruiter on the phone) are spoken lines and are
/// checked as <c>raise-concern-line</c>, the spoken kind with only the rules every line must pass.
/// </remarks>
public sealed partial class SuggestedLinesTests
{
    private const string SpokenLine = "raise-concern-line";

    /// <summary>Guide sections whose quoted lines are suggestions, and the kind each is.</summary>
    private static readonly Dictionary<(string Guide, string Section), string> GuideExamples = new()
    {
        [("walking-out", "words-to-say")] = "walk-out-line",
        [("walking-out", "raise-it-first-when-it-can-be-fixed")] = SpokenLine,
        [("interviewer-red-flags", "words-to-say")] = "walk-out-line",
        [("interviewer-red-flags", "if-you-choose-to-stay")] = SpokenLine,
        [("exit-interviews", "how-to-decline-politely")] = "exit-interview-decline",
        [("withdrawing", "words-to-say")] = "withdrawal-note",
        [("withdrawing", "honest-not-too-honest")] = SpokenLine,
    };

    /// <summary>Sections that are one whole example message (a block quote), and its kind.</summary>
    private static readonly Dictionary<(string Guide, string Section), string> WholeExamples = new()
    {
        [("withdrawing", "an-example-note")] = "withdrawal-note",
    };

    private static readonly Dictionary<string, string> SampleReasons = new()
    {
        ["withdrawal-note"] = "having learned more about the role, I have realised it is not a match for me",
        ["exit-interview-decline"] = "I would like to keep my last days for the handover",
        ["recruiter-note"] = "the role is more junior than I am looking for",
    };

    private static ContentCatalog Catalog => RepositoryMessages.Catalog;

    public static TheoryData<string, string, string?> Templates()
    {
        var data = new TheoryData<string, string, string?>();
        foreach (var kind in Catalog.MessageKinds)
        {
            foreach (var template in kind.Templates)
            {
                data.Add(kind.Id, template.Tone, template.Situation);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Templates))]
    public void EveryFilledTemplateLintsClean(string kind, string tone, string? situation)
    {
        var composer = new MessageComposer(Catalog);
        var fields = new Dictionary<string, string>
        {
            ["name"] = "Dr. Priya Shah",
            ["contact"] = "Alex Morgan",
            ["company"] = "Harbour & Lane LLP",
            ["role"] = "litigation assistant",
            ["need"] = "step-free access",
            ["date"] = "Friday 4 December",
        };
        var variants = new List<Dictionary<string, string>> { fields };
        if (SampleReasons.TryGetValue(kind, out var reason))
        {
            variants.Add(new Dictionary<string, string>(fields) { ["reason"] = reason });
        }

        if (kind != "recruiter-note")
        {
            // Optional fields left empty must still leave a clean line (a recruiter note needs its reason).
            variants.Add(fields.Where(f => f.Key != "need").ToDictionary());
        }
        else
        {
            variants.RemoveAt(0);
        }

        foreach (var variant in variants)
        {
            var message = composer.Compose(new ComposeRequest(kind, tone, situation, variant)).Message;
            Assert.NotNull(message);
            Assert.DoesNotContain("{", message.Body + message.Subject, StringComparison.Ordinal);
            AssertLintsClean(kind, message.Body, $"{kind}/{tone}/{situation}");
        }
    }

    [Fact]
    public void ARecruiterNoteWithNoReasonIsFlagged()
    {
        var message = new MessageComposer(Catalog).Compose(new ComposeRequest("recruiter-note", "warm", null, new Dictionary<string, string>
        {
            ["name"] = "Sam",
            ["contact"] = "Alex",
            ["company"] = "Acme",
            ["role"] = "analyst",
        })).Message!;

        Assert.Contains(new DraftLinter(Catalog).Lint("recruiter-note", message.Body).Findings, f => f.Rule == "reason-missing");
    }

    public static TheoryData<string, string, string> VerdictLines()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var checklist in Catalog.Checklists)
        {
            foreach (var outcome in checklist.Outcomes)
            {
                var kind = outcome.Message ?? SpokenLine;
                foreach (var line in outcome.Words)
                {
                    data.Add($"{checklist.Id}/{outcome.Id}/words", kind, line);
                }

                foreach (var item in checklist.Items)
                {
                    if (item.Scripts.TryGetValue(outcome.Id, out var script))
                    {
                        data.Add($"{checklist.Id}/{outcome.Id}/{item.Id}", item.Situation == DraftSuggestions.RecruiterSituation ? SpokenLine : kind, script);
                    }
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(VerdictLines))]
    public void EveryVerdictLineLintsClean(string where, string kind, string line) => AssertLintsClean(kind, line, where);

    public static TheoryData<string, string, string> GuideLines()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var guide in Catalog.Guides)
        {
            foreach (var section in guide.Sections)
            {
                if (WholeExamples.TryGetValue((guide.Id, section.Anchor), out var whole))
                {
                    data.Add($"{guide.Id}#{section.Anchor}", whole, section.PlainText);
                    continue;
                }

                foreach (var quote in Quotes(section.PlainText))
                {
                    var kind = GuideExamples.GetValueOrDefault((guide.Id, section.Anchor), "unmapped");
                    data.Add($"{guide.Id}#{section.Anchor}", kind, quote);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(GuideLines))]
    public void EveryGuideExampleLintsClean(string where, string kind, string line)
    {
        Assert.True(kind != "unmapped", $"{where} quotes a line to say (\"{line}\"): add its section to GuideExamples so it is linted");
        AssertLintsClean(kind, line, where);
    }

    [Fact]
    public void TheGuidesHaveExampleLinesToCheck()
    {
        Assert.True(GuideLines().Count >= 10, "expected the guides' example lines to be found");
        foreach (var (guide, section) in GuideExamples.Keys.Concat(WholeExamples.Keys))
        {
            Assert.Contains(Catalog.GuidesById[guide].Sections, s => s.Anchor == section);
        }
    }

    private static void AssertLintsClean(string kind, string text, string where)
    {
        var result = new DraftLinter(Catalog).Lint(kind, text);
        Assert.Null(result.Error);
        var problems = result.Findings.Where(f => f.Severity is "warning" or "error").Select(f => $"{f.Rule}: {f.Excerpt}").ToList();
        Assert.True(problems.Count == 0, $"{where} as {kind}:\n{text}\n--\n{string.Join('\n', problems)}");
    }

    /// <summary>Quoted lines of four words or more ("..." or curly quotes); a block quote (an example note) is one line.</summary>
    private static IEnumerable<string> Quotes(string text) =>
        QuotePattern().Matches(text).Select(m => m.Groups[1].Value.Trim()).Where(q => q.Split(' ').Length >= 4);

    [GeneratedRegex("[\"\u201c]([^\"\u201d]+)[\"\u201d]")]
    private static partial Regex QuotePattern();
}
