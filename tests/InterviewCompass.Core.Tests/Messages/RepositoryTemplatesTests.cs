using InterviewCompass.Core.Content;
using InterviewCompass.Core.Messages;
using InterviewCompass.Core.Tests.Builders;

namespace InterviewCompass.Core.Tests.Messages;

/// <summary>The real templates in content/messages: complete, and clean under the real lint rules once filled.</summary>
public sealed class RepositoryTemplatesTests
{
    private static readonly string[] Kinds = ["withdrawal-note", "exit-interview-decline", "walk-out-line", "raise-concern-line", "recruiter-note"];
    private static readonly string[] WalkOutSituations = ["pay", "safety", "culture", "not-real", "conduct"];

    private static readonly Dictionary<string, string> SampleFields = new()
    {
        ["name"] = "Dr. Priya Shah",
        ["contact"] = "Alex Morgan",
        ["company"] = "Harbour & Lane LLP",
        ["role"] = "Litigation Assistant",
    };

    public static TheoryData<string, string, string?> Templates()
    {
        var data = new TheoryData<string, string, string?>();
        foreach (var kind in RepositoryMessages.Catalog.MessageKinds)
        {
            foreach (var template in kind.Templates)
            {
                data.Add(kind.Id, template.Tone, template.Situation);
            }
        }

        return data;
    }

    [Fact]
    public void EveryKindHasEveryToneAndSituation()
    {
        var catalog = RepositoryMessages.Catalog;
        Assert.Equal(Kinds.Order(), catalog.MessageKinds.Select(k => k.Id).Order());
        foreach (var kind in catalog.MessageKinds)
        {
            var situations = kind.Id is "walk-out-line" or "raise-concern-line" ? WalkOutSituations : [];
            Assert.Equal(situations, kind.Situations);
            var expected = Tones.All.SelectMany(t => situations.Length == 0 ? [(t, (string?)null)] : situations.Select(s => (t, (string?)s)));
            Assert.Equal(expected.Order(), kind.Templates.Select(t => (t.Tone, t.Situation)).Order());
        }
    }

    [Fact]
    public void EveryKnownLintRuleIsDefinedOnce()
    {
        Assert.Equal(LintRuleIds.All.Order(), RepositoryMessages.Catalog.LintRules.Select(r => r.Id).Order());
    }

    [Theory]
    [MemberData(nameof(Templates))]
    public void EveryFilledTemplateLintsClean(string kind, string tone, string? situation)
    {
        var catalog = RepositoryMessages.Catalog;
        var composer = new MessageComposer(catalog);
        var linter = new DraftLinter(catalog);

        foreach (var reason in new[] { null, "having learned more about the role, I have realised it is not a match for me" })
        {
            var fields = new Dictionary<string, string>(SampleFields);
            if (reason is not null)
            {
                fields["reason"] = reason;
            }

            var message = composer.Compose(new ComposeRequest(kind, tone, situation, fields)).Message;
            Assert.NotNull(message);
            Assert.DoesNotContain("{", message.Body + message.Subject, StringComparison.Ordinal);

            var result = linter.Lint(kind, message.Body);
            Assert.Null(result.Error);
            var problems = result.Findings.Where(f => f.Severity is "warning" or "error").Select(f => $"{f.Rule}: {f.Excerpt}");
            Assert.True(!problems.Any(), $"{kind}/{tone}/{situation} (reason: {reason ?? "none"}):\n{message.Body}\n--\n{string.Join('\n', problems)}");
        }
    }

    [Fact]
    public void AnUnfilledTemplateIsCaughtByTheLinter()
    {
        var catalog = RepositoryMessages.Catalog;
        var message = new MessageComposer(catalog).Compose(new ComposeRequest("withdrawal-note", "warm", null, new Dictionary<string, string>())).Message!;

        var findings = new DraftLinter(catalog).Lint("withdrawal-note", message.Body).Findings;

        Assert.Contains(findings, f => f.Rule == "unfilled-placeholder" && f.Excerpt == "{name}" && f.Severity == "error");
    }
}
