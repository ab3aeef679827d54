using InterviewCompass.Core.Content;
using InterviewCompass.Core.Tests.TestSupport;

namespace InterviewCompass.Core.Tests.Content;

public sealed class ContentLoaderTests
{
    private const string WalkingOut = "guides/walking-out.md";
    private const string WalkingOutPath = "content/guides/walking-out.md";
    private const string Checklist = "checklists/walk-out.yml";
    private const string ChecklistPath = "content/checklists/walk-out.yml";
    private const string Note = "messages/withdrawal-note.yml";
    private const string NotePath = "content/messages/withdrawal-note.yml";
    private const string Lint = "messages/lint.yml";
    private const string LintPath = "content/messages/lint.yml";

    [Fact]
    public void ValidContentLoadsIntoCatalog()
    {
        using var content = ContentFolder.Valid();

        var catalog = ContentAssert.Loads(content.Load());

        var guide = catalog.GuidesById["walking-out"];
        Assert.Equal("When it is fine to walk out of an interview", guide.Title);
        Assert.Equal(new DateOnly(2026, 11, 22), guide.Reviewed);
        Assert.Equal(["interview", "walk-out"], guide.Tags);
        Assert.Equal(["walk-out", "withdrawal-note"], guide.Related);
        Assert.Equal(["pay-below-the-posted-range", "leaving-politely"], guide.Sections.Select(s => s.Anchor));
        Assert.Equal(WalkingOutPath, guide.SourcePath);
        Assert.Contains("<h2 id=\"pay-below-the-posted-range\">", guide.Html, StringComparison.Ordinal);

        var checklist = catalog.ChecklistsById["walk-out"];
        var salary = checklist.FindItem("salary-below-posted")!;
        Assert.Equal(Tier.Dealbreaker, salary.Tier);
        Assert.True(salary.RaiseFirst);
        Assert.Equal(new GuideLink("walking-out", "pay-below-the-posted-range"), salary.Guide);
        Assert.Equal("leave", salary.Effects["raised-unresolved"]);
        Assert.Equal("pay", salary.Situation);
        Assert.Equal(0, salary.Weight);
        Assert.Equal(1, checklist.FindItem("shouting")!.Weight);
        Assert.False(checklist.FindItem("shouting")!.RaiseFirst);
        Assert.Equal("withdrawal-note", checklist.FindOutcome("leave")!.Message);
        Assert.Equal(new ScoreThreshold(2, "leave"), Assert.Single(checklist.Thresholds));
        Assert.Equal("shouting", Assert.Single(Assert.Single(checklist.Rules).All).Item);

        var kind = catalog.MessageKindsById["withdrawal-note"];
        Assert.Equal(3, kind.Templates.Count);
        Assert.All(kind.Templates, t => Assert.Null(t.Situation));
        Assert.Equal(LintRuleIds.All.Order(), catalog.LintRules.Select(r => r.Id).Order());
        Assert.Equal(2, catalog.LintRules.Single(r => r.Id == "decision-early").Limit);
    }

    [Fact]
    public void ErrorReadsPathColonLineColonProblem()
    {
        using var content = ContentFolder.Valid().Replace(Checklist, "tier: serious", "tier: severe");

        var error = Assert.Single(content.Load().Errors);

        Assert.Equal($"{ChecklistPath}:{content.LineOf(Checklist, "tier: severe")}: item 'shouting': 'tier' must be one of dealbreaker | serious | signal, not 'severe'", error.ToString());
    }

    [Fact]
    public void UnparsableYamlIsReportedWithLine()
    {
        using var content = ContentFolder.Valid().Replace(Checklist, "    why: Abusive conduct", "   why: [Abusive conduct");

        var result = content.Load();

        var error = Assert.Single(result.Errors);
        Assert.Equal(ChecklistPath, error.Path);
        Assert.StartsWith("YAML cannot be parsed", error.Problem, StringComparison.Ordinal);
        Assert.InRange(error.Line, content.LineOf(Checklist, "[Abusive"), content.LineOf(Checklist, "[Abusive") + 1);
    }

    [Fact]
    public void UnparsableFrontMatterIsReportedWithItsLineInTheFile()
    {
        using var content = ContentFolder.Valid().Replace(WalkingOut, "tags: [interview, walk-out]", "tags: [interview, walk-out");

        var error = Assert.Single(content.Load().Errors);

        Assert.Equal(WalkingOutPath, error.Path);
        Assert.Contains("YAML cannot be parsed", error.Problem, StringComparison.Ordinal);
        Assert.InRange(error.Line, content.LineOf(WalkingOut, "tags:"), content.LineOf(WalkingOut, "reviewed:"));
    }

    [Fact]
    public void GuideWithoutFrontMatterIsReported()
    {
        using var content = ContentFolder.Valid().With(WalkingOut, "# Walking out\n\n## Pay below the posted range\n\n## Leaving politely\n");

        var result = content.Load();

        ContentAssert.HasError(result, WalkingOutPath, 1, "missing front matter");
        Assert.Single(result.Errors);
    }

    [Fact]
    public void UnclosedFrontMatterIsReported()
    {
        using var content = ContentFolder.Valid().Replace(WalkingOut, "read: 2026-12-02\n---", "read: 2026-12-02");

        ContentAssert.HasError(content.Load(), WalkingOutPath, 1, "front matter is not closed");
    }

    [Fact]
    public void MissingRequiredFieldInFrontMatterIsReportedAtItsFirstLine()
    {
        using var content = ContentFolder.Valid().Replace(WalkingOut, "summary: Leaving an interview early can be the right call.\n", "");

        ContentAssert.HasError(content.Load(), WalkingOutPath, 2, "missing required field 'summary'");
    }

    [Fact]
    public void MissingRequiredFieldOfAnItemIsReportedAtTheItem()
    {
        using var content = ContentFolder.Valid().Replace(Checklist, "    why: Abusive conduct is a reason to leave at once.\n", "");

        ContentAssert.HasError(content.Load(), ChecklistPath, content.LineOf(Checklist, "- id: shouting"), "item 'shouting': missing required field 'why'");
    }

    [Fact]
    public void EmptyRequiredFieldIsReported()
    {
        using var content = ContentFolder.Valid().Replace(Note, "title: Withdrawal note", "title:");

        ContentAssert.HasError(content.Load(), NotePath, 1, "missing required field 'title'");
    }

    [Theory]
    [InlineData("Walking_Out")]
    [InlineData("walking--out")]
    [InlineData("-walking-out")]
    public void BadIdFormatIsReported(string badId)
    {
        using var content = ContentFolder.Valid().Replace(WalkingOut, "id: walking-out", $"id: {badId}");

        ContentAssert.HasError(content.Load(), WalkingOutPath, 2, "is not a valid id");
    }

    [Fact]
    public void BadItemIdFormatIsReported()
    {
        using var content = ContentFolder.Valid().Replace(Checklist, "- id: shouting", "- id: Shouting");

        ContentAssert.HasError(content.Load(), ChecklistPath, content.LineOf(Checklist, "- id: Shouting"), "'id' 'Shouting' is not a valid id");
    }

    [Fact]
    public void IdNotEqualToFileNameIsReported()
    {
        using var content = ContentFolder.Valid().Replace(Checklist, "id: walk-out", "id: walkout");

        ContentAssert.HasError(content.Load(), ChecklistPath, 1, "id 'walkout' must equal the file name without .yml ('walk-out')");
    }

    [Fact]
    public void DuplicateIdAcrossFilesIsReported()
    {
        using var content = ContentFolder.Valid().With("checklists/walk-out-copy.yml", ValidContent.WalkOutChecklist);

        var result = content.Load();

        ContentAssert.HasError(result, "content/checklists/walk-out.yml", 1, "duplicate id 'walk-out': the checklist content/checklists/walk-out-copy.yml:1 has it too");
        ContentAssert.HasError(result, "content/checklists/walk-out-copy.yml", 1, "must equal the file name");
    }

    [Fact]
    public void DuplicateGuideIdAcrossFilesIsReported()
    {
        using var content = ContentFolder.Valid().With("guides/walking-out-2.md", ValidContent.WalkingOutGuide);

        ContentAssert.HasError(content.Load(), "content/guides/walking-out.md", 2, "duplicate id 'walking-out': the guide content/guides/walking-out-2.md:2 has it too");
    }

    [Fact]
    public void ChecklistAndMessageKindSharingAnIdIsReported()
    {
        using var content = ContentFolder.Valid()
            .With("messages/walk-out.yml", ValidContent.WithdrawalNote.Replace("id: withdrawal-note", "id: walk-out", StringComparison.Ordinal));

        ContentAssert.HasError(content.Load(), "content/messages/walk-out.yml", 1, "duplicate id 'walk-out'");
    }

    [Fact]
    public void DuplicateItemIdWithinChecklistIsReported()
    {
        using var content = ContentFolder.Valid().Replace(Checklist, "- id: shouting", "- id: salary-below-posted");

        var result = content.Load();

        ContentAssert.HasError(result, ChecklistPath, content.LineOf(Checklist, "  - id: salary-below-posted\n    prompt: Has anyone"), "duplicate item id 'salary-below-posted' (first used on line 15)");
    }

    [Fact]
    public void DuplicateOutcomeIdIsReported()
    {
        using var content = ContentFolder.Valid().Replace(Checklist, "- id: raise\n    rank: 1", "- id: stay\n    rank: 1");

        ContentAssert.HasError(content.Load(), ChecklistPath, content.LineOf(Checklist, "- id: stay\n    rank: 1"), "duplicate outcome id 'stay'");
    }

    [Theory]
    [InlineData("2026-13-01")]
    [InlineData("22/11/2026")]
    [InlineData("yesterday")]
    public void BadDateIsReported(string date)
    {
        using var content = ContentFolder.Valid().Replace(WalkingOut, "reviewed: 2026-11-22", $"reviewed: {date}");

        ContentAssert.HasError(content.Load(), WalkingOutPath, 6, $"'reviewed' must be a date written yyyy-mm-dd (e.g. 2026-11-22), not '{date}'");
    }

    [Fact]
    public void BadTierIsReported()
    {
        using var content = ContentFolder.Valid().Replace(Checklist, "tier: dealbreaker", "tier: fatal");

        ContentAssert.HasError(content.Load(), ChecklistPath, content.LineOf(Checklist, "tier: fatal"), "'tier' must be one of dealbreaker | serious | signal");
    }

    [Fact]
    public void BadMomentIsReported()
    {
        using var content = ContentFolder.Valid().Replace(Checklist, "moment: interview-break", "moment: lunch");

        ContentAssert.HasError(content.Load(), ChecklistPath, 3, "'moment' must be one of interview-break | exit-interview | after-interview");
    }

    [Fact]
    public void UnknownAnswerInEffectsIsReported()
    {
        using var content = ContentFolder.Valid().Replace(Checklist, "      yes: raise\n", "      maybe: raise\n");

        ContentAssert.HasError(content.Load(), ChecklistPath, content.LineOf(Checklist, "maybe: raise"), "effects: 'maybe' is not an answer this item takes");
    }

    [Fact]
    public void RaisedAnswerOnItemThatIsNotRaiseFirstIsReported()
    {
        using var content = ContentFolder.Valid().Replace(Checklist, "    raiseFirst: true\n", "");

        ContentAssert.HasError(content.Load(), ChecklistPath, content.LineOf(Checklist, "raised-unresolved: leave"), "the raised-* answers need raiseFirst: true");
    }

    [Fact]
    public void UnknownAnswerInRuleAnyOfIsReported()
    {
        using var content = ContentFolder.Valid().Replace(Checklist, "anyOf: [yes]", "anyOf: [yes, raised-resolved]");

        ContentAssert.HasError(content.Load(), ChecklistPath, content.LineOf(Checklist, "anyOf:"), "anyOf: 'raised-resolved' is not an answer item 'shouting' takes");
    }

    [Theory]
    [InlineData("defaultOutcome: stay", "defaultOutcome: carry-on", "defaultOutcome: unknown outcome 'carry-on'")]
    [InlineData("    outcome: leave\n  - atLeast", "    outcome: run\n  - atLeast", "outcome: unknown outcome 'run'")]
    [InlineData("      yes: raise", "      yes: escalate", "effects: yes: unknown outcome 'escalate'")]
    [InlineData("      raise: \"Could", "      ask: \"Could", "scripts: unknown outcome 'ask'")]
    [InlineData("  - outcome: leave\n    all:", "  - outcome: flee\n    all:", "outcome: unknown outcome 'flee'")]
    public void UnknownOutcomeIdIsReportedWhereItIsNamed(string oldText, string newText, string problem)
    {
        // The thresholds case needs a second threshold to make its snippet unique.
        using var content = ContentFolder.Valid()
            .Replace(Checklist, "thresholds:\n", "thresholds:\n  - atLeast: 1\n    outcome: leave\n  - atLeast: 3\n    outcome: leave\n")
            .Replace(Checklist, oldText, newText);

        var line = content.LineOf(Checklist, newText.Split('\n').First(l => l.Contains(':', StringComparison.Ordinal) && !l.Contains("atLeast", StringComparison.Ordinal) && !l.Contains("all:", StringComparison.Ordinal)));

        ContentAssert.HasError(content.Load(), ChecklistPath, line, problem);
    }

    [Fact]
    public void UnknownItemInRuleIsReported()
    {
        using var content = ContentFolder.Valid().Replace(Checklist, "- item: shouting", "- item: swearing");

        ContentAssert.HasError(content.Load(), ChecklistPath, content.LineOf(Checklist, "- item: swearing"), "unknown item 'swearing'");
    }

    [Fact]
    public void RuleWithoutConditionsIsReported()
    {
        using var content = ContentFolder.Valid().Replace(Checklist, "    all:\n      - item: shouting\n        anyOf: [yes]\n", "");

        ContentAssert.HasError(content.Load(), ChecklistPath, content.LineOf(Checklist, "- outcome: leave"), "a rule needs at least one condition");
    }

    [Fact]
    public void NegativeWeightIsReported()
    {
        using var content = ContentFolder.Valid().Replace(Checklist, "weight: 1", "weight: -1");

        ContentAssert.HasError(content.Load(), ChecklistPath, content.LineOf(Checklist, "weight: -1"), "'weight' must be 0 or more");
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    public void ThresholdAtOrBelowZeroIsReported(string atLeast)
    {
        using var content = ContentFolder.Valid().Replace(Checklist, "atLeast: 2", $"atLeast: {atLeast}");

        ContentAssert.HasError(content.Load(), ChecklistPath, content.LineOf(Checklist, "atLeast:"), $"threshold: 'atLeast' must be more than 0, not {atLeast}");
    }

    [Fact]
    public void UnsureThatEscalatesAWalkOutVerdictIsReported()
    {
        using var content = ContentFolder.Valid().Replace(Checklist, "      yes: raise\n", "      yes: raise\n      unsure: raise\n");

        ContentAssert.HasError(content.Load(), ChecklistPath, content.LineOf(Checklist, "unsure: raise"), "'unsure' may not escalate a walk-out verdict");
    }

    [Fact]
    public void UnknownFieldIsReportedSoTyposAreNotIgnored()
    {
        using var content = ContentFolder.Valid().Replace(Checklist, "raiseFirst: true", "raisefirst: true");

        ContentAssert.HasError(content.Load(), ChecklistPath, content.LineOf(Checklist, "raisefirst"), "unknown field 'raisefirst'");
    }

    [Fact]
    public void UnknownGuideInChecklistGuideLinkIsReportedWithLine()
    {
        using var content = ContentFolder.Valid().Replace(Checklist, "guide: walking-out#leaving-politely\n    weight", "guide: leaving#leaving-politely\n    weight");

        ContentAssert.HasError(content.Load(), ChecklistPath, content.LineOf(Checklist, "guide: leaving#"), "item 'shouting': guide: links to unknown guide 'leaving'");
    }

    [Fact]
    public void UnknownAnchorInChecklistGuideLinkIsReportedWithLine()
    {
        using var content = ContentFolder.Valid().Replace(Checklist, "walking-out#pay-below-the-posted-range", "walking-out#pay-too-low");

        ContentAssert.HasError(content.Load(), ChecklistPath, content.LineOf(Checklist, "#pay-too-low"), "guide 'walking-out' has no '## ' section with anchor 'pay-too-low'");
    }

    [Fact]
    public void UnknownAnchorInOutcomeGuideLinkIsReported()
    {
        using var content = ContentFolder.Valid().Replace(Checklist, "    guide: walking-out#leaving-politely\n    message", "    guide: walking-out#leave-now\n    message");

        ContentAssert.HasError(content.Load(), ChecklistPath, content.LineOf(Checklist, "#leave-now"), "outcome 'leave': guide: guide 'walking-out' has no '## ' section");
    }

    [Fact]
    public void MalformedGuideLinkIsReported()
    {
        using var content = ContentFolder.Valid().Replace(Checklist, "guide: walking-out#pay-below-the-posted-range", "guide: walking-out#");

        ContentAssert.HasError(content.Load(), ChecklistPath, content.LineOf(Checklist, "guide: walking-out#\n"), "'guide' must be a guide id, optionally with a section anchor");
    }

    [Fact]
    public void UnknownAnchorInLintRuleGuideLinkIsReported()
    {
        using var content = ContentFolder.Valid().Replace(Lint, "guide: withdrawing#timing", "guide: withdrawing#when");

        ContentAssert.HasError(content.Load(), LintPath, content.LineOf(Lint, "withdrawing#when"), "lint rule 'too-long': guide: guide 'withdrawing' has no '## ' section with anchor 'when'");
    }

    [Fact]
    public void UnknownGuideInMessageKindGuideLinkIsReported()
    {
        using var content = ContentFolder.Valid().Replace(Note, "guide: withdrawing#the-shape-of-a-graceful-note", "guide: notes#the-shape-of-a-graceful-note");

        ContentAssert.HasError(content.Load(), NotePath, 4, "guide: links to unknown guide 'notes'");
    }

    [Fact]
    public void LinkInGuideBodyToUnknownGuideIsReportedWithItsLine()
    {
        using var content = ContentFolder.Valid().Replace(WalkingOut, "Thank them, say", "Thank them (see [notes](/guides/notes)), say");

        ContentAssert.HasError(content.Load(), WalkingOutPath, content.LineOf(WalkingOut, "/guides/notes"), "link '/guides/notes': links to unknown guide 'notes'");
    }

    [Fact]
    public void LinkInGuideBodyToUnknownAnchorIsReportedWithItsLine()
    {
        using var content = ContentFolder.Valid().Replace(WalkingOut, "/guides/withdrawing#timing", "/guides/withdrawing#when-to-say-it");

        ContentAssert.HasError(content.Load(), WalkingOutPath, content.LineOf(WalkingOut, "#when-to-say-it"), "guide 'withdrawing' has no '## ' section with anchor 'when-to-say-it'");
    }

    [Fact]
    public void LinkInGuideBodyDeepInAParagraphCarriesItsOwnLine()
    {
        using var content = ContentFolder.Valid().Replace(
            WalkingOut,
            "Thank them, say it is not the right fit, and go.",
            "Thank them,\nsay it is not the right fit,\nand then [go](/guides/gone).");

        ContentAssert.HasError(content.Load(), WalkingOutPath, content.LineOf(WalkingOut, "/guides/gone"), "unknown guide 'gone'");
    }

    [Fact]
    public void InPageLinkToUnknownHeadingIsReported()
    {
        using var content = ContentFolder.Valid().Replace(WalkingOut, "Thank them, say", "Thank them ([as above](#pay-below)), say");

        ContentAssert.HasError(content.Load(), WalkingOutPath, content.LineOf(WalkingOut, "#pay-below)"), "this guide has no heading with anchor 'pay-below'");
    }

    [Fact]
    public void DuplicateAnchorsWithinOneGuideAreReported()
    {
        using var content = ContentFolder.Valid().Replace(WalkingOut, "## Leaving politely", "## Pay: below the posted range?");

        ContentAssert.HasError(content.Load(), WalkingOutPath, content.LineOf(WalkingOut, "## Pay: below"), "two '## ' headings give the same anchor 'pay-below-the-posted-range'");
    }

    [Fact]
    public void UnknownRelatedIdIsReported()
    {
        using var content = ContentFolder.Valid().Replace(WalkingOut, "related: [walk-out, withdrawal-note]", "related: [walk-out,\n  withdrawal-letter]");

        ContentAssert.HasError(content.Load(), WalkingOutPath, content.LineOf(WalkingOut, "withdrawal-letter"), "related: 'withdrawal-letter' is neither a checklist id nor a message kind id");
    }

    [Fact]
    public void UnknownMessageKindInOutcomeIsReported()
    {
        using var content = ContentFolder.Valid().Replace(Checklist, "message: withdrawal-note", "message: goodbye-note");

        ContentAssert.HasError(content.Load(), ChecklistPath, content.LineOf(Checklist, "message: goodbye-note"), "outcome 'leave': message: unknown message kind 'goodbye-note'");
    }

    [Fact]
    public void UnknownPlaceholderInTemplateBodyIsReportedOnItsLine()
    {
        using var content = ContentFolder.Valid().Replace(Note, "With best wishes,", "With best wishes from {team},");

        ContentAssert.HasError(content.Load(), NotePath, content.LineOf(Note, "{team}"), "body: unknown placeholder '{team}'");
    }

    [Fact]
    public void UnknownPlaceholderInTemplateSubjectIsReported()
    {
        using var content = ContentFolder.Valid().Replace(Note, "\"{role}: withdrawing\"", "\"{position}: withdrawing\"");

        ContentAssert.HasError(content.Load(), NotePath, content.LineOf(Note, "{position}"), "subject: unknown placeholder '{position}'");
    }

    [Fact]
    public void MissingToneTemplateIsReported()
    {
        using var content = ContentFolder.Valid().Replace(Note, "tone: brief", "tone: warm");

        var result = content.Load();

        ContentAssert.HasError(result, NotePath, content.LineOf(Note, "  - tone: warm\n    subject: \"{role}"), "a second template for tone 'warm'");
        ContentAssert.HasError(result, NotePath, content.LineOf(Note, "  - tone: warm"), "templates: missing a template for tone 'brief'");
    }

    [Fact]
    public void MissingSituationTemplateIsReported()
    {
        var situational = """
            id: raise-concern-line
            title: Raising a concern
            description: Words to raise a concern mid-interview.
            guide: walking-out#pay-below-the-posted-range
            maxWords: 60
            situations: [pay, safety]
            templates:
              - tone: warm
                situation: pay
                subject: Pay
                body: Could we talk about the range?
              - tone: brief
                situation: pay
                subject: Pay
                body: The range?
              - tone: formal
                situation: pay
                subject: Pay
                body: May we discuss the advertised range?
              - tone: warm
                situation: safety
                subject: Safety
                body: Could we talk about safety?
              - tone: brief
                situation: safety
                subject: Safety
                body: Safety?
            """;
        using var content = ContentFolder.Valid().With("messages/raise-concern-line.yml", situational);

        ContentAssert.HasError(content.Load(), "content/messages/raise-concern-line.yml", 8, "templates: missing a template for tone 'formal' and situation 'safety'");
    }

    [Fact]
    public void SituationOnAKindWithoutSituationsIsReported()
    {
        using var content = ContentFolder.Valid().Replace(Note, "  - tone: brief\n", "  - tone: brief\n    situation: pay\n");

        ContentAssert.HasError(content.Load(), NotePath, content.LineOf(Note, "situation: pay"), "this kind has no situations");
    }

    [Fact]
    public void BadToneIsReported()
    {
        using var content = ContentFolder.Valid().Replace(Note, "tone: formal", "tone: stiff");

        ContentAssert.HasError(content.Load(), NotePath, content.LineOf(Note, "tone: stiff"), "'tone' must be one of warm | brief | formal, not 'stiff'");
    }

    [Fact]
    public void UnknownLintRuleIdIsReported()
    {
        using var content = ContentFolder.Valid().Replace(Lint, "- id: too-long", "- id: too-wordy");

        var result = content.Load();

        ContentAssert.HasError(result, LintPath, content.LineOf(Lint, "too-wordy"), "unknown lint rule id 'too-wordy'");
        ContentAssert.HasError(result, LintPath, 2, "missing lint rule(s) too-long");
    }

    [Fact]
    public void MissingLintRuleIsReported()
    {
        var withoutNoGrievances = ValidContent.Lint[..ValidContent.Lint.IndexOf("  - id: no-grievances", StringComparison.Ordinal)];
        using var content = ContentFolder.Valid().With(Lint, withoutNoGrievances);

        ContentAssert.HasError(content.Load(), LintPath, 2, "missing lint rule(s) no-grievances");
    }

    [Fact]
    public void BadSeverityIsReported()
    {
        using var content = ContentFolder.Valid().Replace(Lint, "severity: error", "severity: fatal");

        ContentAssert.HasError(content.Load(), LintPath, content.LineOf(Lint, "severity: fatal"), "'severity' must be one of info | warning | error, not 'fatal'");
    }

    [Fact]
    public void UnknownMessageKindInLintRuleIsReported()
    {
        using var content = ContentFolder.Valid().Replace(Lint, "kinds: [withdrawal-note]", "kinds: [thank-you-note]");

        ContentAssert.HasError(content.Load(), LintPath, content.LineOf(Lint, "thank-you-note"), "lint rule 'thanks-first': kinds: unknown message kind 'thank-you-note'");
    }

    [Fact]
    public void MessageKindsWithoutLintFileAreReported()
    {
        using var content = ContentFolder.Valid().Without(Lint);

        ContentAssert.HasError(content.Load(), LintPath, 1, "missing: the message kinds need lint rules");
    }

    [Fact]
    public void NoMessagesAtAllIsValid()
    {
        using var content = ContentFolder.Valid()
            .Without(Note)
            .Without(Lint)
            .Replace(WalkingOut, "related: [walk-out, withdrawal-note]", "related: [walk-out]")
            .Replace(Checklist, "\n    message: withdrawal-note", "");

        var catalog = ContentAssert.Loads(content.Load());

        Assert.Empty(catalog.MessageKinds);
        Assert.Empty(catalog.LintRules);
    }

    [Fact]
    public void NoGuidesIsReported()
    {
        using var content = new ContentFolder();

        ContentAssert.HasError(content.Load(), "content/guides", 1, "no guides found");
    }

    [Fact]
    public void MissingContentFolderIsReported()
    {
        using var content = new ContentFolder();

        var result = new ContentLoader().Load(Path.Combine(content.Root, "nowhere"));

        ContentAssert.HasError(result, Path.Combine(content.Root, "nowhere"), 1, "the content folder does not exist");
    }

    [Fact]
    public void EveryErrorIsCollectedNotJustTheFirst()
    {
        using var content = ContentFolder.Valid()
            .Replace(WalkingOut, "reviewed: 2026-11-22", "reviewed: soon")
            .Replace(Checklist, "tier: dealbreaker", "tier: fatal")
            .Replace(Checklist, "message: withdrawal-note", "message: nope")
            .Replace(Note, "maxWords: 160", "maxWords: many")
            .Replace(Lint, "severity: info", "severity: low"); // both info rules

        var result = content.Load();

        Assert.Null(result.Catalog);
        Assert.Equal(
            [ChecklistPath, ChecklistPath, WalkingOutPath, LintPath, LintPath, NotePath],
            result.Errors.Select(e => e.Path));
    }

    [Fact]
    public void ErrorsAreOrderedByFileThenLine()
    {
        using var content = ContentFolder.Valid()
            .Replace(Checklist, "message: withdrawal-note", "message: nope")
            .Replace(Checklist, "tier: dealbreaker", "tier: fatal");

        var lines = content.Load().Errors.Select(e => e.Line).ToList();

        Assert.Equal(2, lines.Count);
        Assert.True(lines[0] < lines[1]);
    }

    [Fact]
    public void WindowsLineEndingsGiveTheSameLines()
    {
        using var content = ContentFolder.Valid();
        content.With(Checklist, content.Read(Checklist).Replace("tier: serious", "tier: severe", StringComparison.Ordinal).Replace("\n", "\r\n", StringComparison.Ordinal));

        var error = Assert.Single(content.Load().Errors);

        Assert.Equal(content.LineOf(Checklist, "tier: severe"), error.Line);
    }

    [Fact]
    public void LoadOrThrowListsEveryProblemInItsMessage()
    {
        using var content = ContentFolder.Valid()
            .Replace(Checklist, "tier: dealbreaker", "tier: fatal")
            .Replace(WalkingOut, "reviewed: 2026-11-22", "reviewed: soon");

        var exception = Assert.Throws<ContentValidationException>(() => new ContentLoader().LoadOrThrow(content.Root));

        Assert.Equal(2, exception.Errors.Count);
        Assert.Contains($"{WalkingOutPath}:6: 'reviewed' must be a date", exception.Message, StringComparison.Ordinal);
        Assert.Contains($"{ChecklistPath}:{content.LineOf(Checklist, "tier: fatal")}: item 'salary-below-posted': 'tier'", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AGuideWithoutSourcesIsAContentError()
    {
        using var content = ContentFolder.Valid().Replace(
            WalkingOut,
            "sources:\n  - title: A walk-out article\n    site: Example Careers\n    address: https://careers.example/walk-out\n    read: 2026-12-02\n",
            "");

        ContentAssert.HasError(content.Load(), WalkingOutPath, 2, "missing required field 'sources'");
    }

    [Fact]
    public void ASourceNeedsATitleAndASiteAndAnAddressNeedsTheDateItWasRead()
    {
        using var content = ContentFolder.Valid().Replace(
            WalkingOut,
            "    site: Example Careers\n    address: https://careers.example/walk-out\n    read: 2026-12-02\n",
            "    address: ftp://careers.example/walk-out\n");

        var result = content.Load();

        ContentAssert.HasError(result, WalkingOutPath, 9, "missing required field 'site'");
        ContentAssert.HasError(result, WalkingOutPath, 10, "'address' must be an http or https address");
        ContentAssert.HasError(result, WalkingOutPath, 9, "missing required field 'read'");
    }

    [Fact]
    public void AGuidesSourcesAreLoadedInOrder()
    {
        using var content = ContentFolder.Valid();

        var guide = ContentAssert.Loads(content.Load()).GuidesById["walking-out"];

        var source = Assert.Single(guide.Sources);
        Assert.Equal(new GuideSource("A walk-out article", "Example Careers", "https://careers.example/walk-out", new DateOnly(2026, 12, 2)), source);
    }
}
