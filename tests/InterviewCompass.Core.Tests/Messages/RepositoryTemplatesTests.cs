using InterviewCompass.Core.Content;
using InterviewCompass.Core.Messages;
using InterviewCompass.Core.Tests.Builders;

namespace InterviewCompass.Core.Tests.Messages;

/// <summary>The real templates in content/messages: complete, shaped as the guidance asks, and labelled.</summary>
public sealed class RepositoryTemplatesTests
{
    private static readonly string[] Kinds = ["withdrawal-note", "exit-interview-decline", "walk-out-line", "raise-concern-line", "recruiter-note", "thank-you", "follow-up", "closing-loop"];
    private static readonly string[] WalkOutSituations = ["pay", "safety", "culture", "not-real", "conduct"];
    // No culture: a culture you could never accept means leave, with nothing to raise first (issue 20).
    private static readonly string[] RaiseSituations = ["pay", "safety", "not-real", "conduct", "demeaning", "lateness", "assumptions", "family", "cross-examination"];

    private static ContentCatalog Catalog => RepositoryMessages.Catalog;

    [Fact]
    public void EveryKindHasEveryToneAndSituation()
    {
        Assert.Equal(Kinds.Order(), Catalog.MessageKinds.Select(k => k.Id).Order());
        foreach (var kind in Catalog.MessageKinds)
        {
            var situations = kind.Id switch
            {
                "walk-out-line" => WalkOutSituations,
                "raise-concern-line" => RaiseSituations,
                _ => [],
            };
            Assert.Equal(situations, kind.Situations);
            var expected = Tones.All.SelectMany(t => situations.Length == 0 ? [(t, (string?)null)] : situations.Select(s => (t, (string?)s)));
            Assert.Equal(expected.Order(), kind.Templates.Select(t => (t.Tone, t.Situation)).Order());
        }
    }

    [Fact]
    public void EveryKnownLintRuleIsDefinedOnce()
    {
        Assert.Equal(LintRuleIds.All.Order(), Catalog.LintRules.Select(r => r.Id).Order());
    }

    [Fact]
    public void SpokenLinesHaveNoSubjectAndWrittenNotesHaveOne()
    {
        foreach (var kind in Catalog.MessageKinds)
        {
            var spoken = kind.Id is "walk-out-line" or "raise-concern-line";
            Assert.Equal(spoken, kind.Spoken);
            Assert.All(kind.Templates, t => Assert.Equal(spoken, t.Subject.Length == 0));
        }
    }

    [Fact]
    public void SubjectsAreSentenceCaseAndNameTheRole()
    {
        foreach (var template in Catalog.MessageKinds.Where(k => !k.Spoken).SelectMany(k => k.Templates))
        {
            var words = template.Subject.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            Assert.All(words.Skip(1).Where(w => !w.StartsWith('{')), w => Assert.False(char.IsUpper(w[0]), $"'{template.Subject}' is not sentence case"));
            if (template.Subject.Contains("{role}", StringComparison.Ordinal))
            {
                Assert.Contains("the {role} role", template.Subject, StringComparison.OrdinalIgnoreCase);
            }
        }
    }

    [Fact]
    public void TemplatesReadAsAHiringManagerWouldWant()
    {
        foreach (var kind in Catalog.MessageKinds)
        {
            foreach (var template in kind.Templates)
            {
                var body = template.Body;
                var label = $"{kind.Id}/{template.Tone}/{template.Situation}";
                Assert.DoesNotContain("politely decline", body, StringComparison.OrdinalIgnoreCase);
                Assert.DoesNotContain("optional", body, StringComparison.OrdinalIgnoreCase);
                Assert.DoesNotContain("kindness", body, StringComparison.OrdinalIgnoreCase);
                Assert.True(CountThanks(body) <= 2, $"{label} thanks them {CountThanks(body)} times");
                if (body.Contains("{reason}", StringComparison.Ordinal))
                {
                    // The reason is the person's own: a template that also gives one says it twice.
                    Assert.DoesNotMatch(@"\b(because|since|as taking part|I would rather)\b", body);
                }
            }
        }
    }

    [Fact]
    public void TheRecruiterNoteAsksForHelpBeforeTheNoteIsSent()
    {
        Assert.All(Catalog.MessageKindsById["recruiter-note"].Templates, t =>
        {
            Assert.Contains("before I", t.Body, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("I have withdrawn", t.Body, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void TheSafetyLinesHaveAFieldToNameTheNeed()
    {
        foreach (var kind in new[] { "walk-out-line", "raise-concern-line" })
        {
            Assert.All(Catalog.MessageKindsById[kind].Templates.Where(t => t.Situation == "safety"), t => Assert.Contains("{need}", t.Body, StringComparison.Ordinal));
        }

        var composed = new MessageComposer(Catalog).Compose(new ComposeRequest(
            "walk-out-line", "warm", "safety", new Dictionary<string, string> { ["need"] = "step-free access", ["company"] = "Acme" })).Message!;
        Assert.StartsWith("I need step-free access.", composed.Body, StringComparison.Ordinal);
        Assert.Equal("", composed.Subject);
    }

    [Fact]
    public void EveryPlaceholderHasALabel()
    {
        var labels = Catalog.MessageFields.ToDictionary(f => f.Id, f => f.Label);
        Assert.Equal("Who it is to", labels["name"]);
        Assert.Equal("What you need", labels["need"]);
        Assert.All(Catalog.MessageFields, f => Assert.False(string.IsNullOrWhiteSpace(f.Label)));
    }

    [Fact]
    public void AnUnfilledTemplateIsCaughtByTheLinterNamingTheFieldByItsLabel()
    {
        var message = new MessageComposer(Catalog).Compose(new ComposeRequest("withdrawal-note", "warm", null, new Dictionary<string, string>())).Message!;
        var linter = new DraftLinter(Catalog);

        var findings = linter.Lint("withdrawal-note", message.Body).Findings;

        var name = Assert.Single(findings, f => f.Rule == "unfilled-placeholder" && f.Excerpt == "{name}");
        Assert.Equal("error", name.Severity);
        Assert.Contains("\u201cWho it is to\u201d", name.Message, StringComparison.Ordinal);
        Assert.Contains(new UnfilledField("{contact}", "Your name"), linter.UnfilledFields(message.Body));
    }

    private static int CountThanks(string text)
    {
        var count = 0;
        foreach (var word in text.Split([' ', '\n', ',', '.', ';'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (word.StartsWith("thank", StringComparison.OrdinalIgnoreCase) || word.StartsWith("grateful", StringComparison.OrdinalIgnoreCase)
                || word.StartsWith("appreciat", StringComparison.OrdinalIgnoreCase))
            {
                count++;
            }
        }

        return count;
    }
}
