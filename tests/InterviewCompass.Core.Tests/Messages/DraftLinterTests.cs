using InterviewCompass.Core.Messages;
using InterviewCompass.Core.Tests.Builders;

namespace InterviewCompass.Core.Tests.Messages;

/// <summary>Each rule against the real lint rules: fires on a draft made to break it, silent on good drafts.</summary>
public sealed class DraftLinterTests
{
    private const string GoodNote = """
        Dear Dr. Lee,

        Thank you for meeting with me on Tuesday about the paralegal role.
        After some reflection, I have decided to withdraw my application.
        I have realised the position is not the right fit for me.

        Thank you again, and I wish you the best of luck in filling the role.

        Best wishes,
        Alex
        """;

    private const string GoodDecline = """
        Hi Jo,

        Thanks for the invitation to an exit interview.
        I will politely decline, but I appreciate the offer.

        Thanks again, and all the best.

        Alex
        """;

    private readonly DraftLinter _linter = new(RepositoryMessages.Catalog);

    private IReadOnlyList<LintFinding> Lint(string kind, string text)
    {
        var result = _linter.Lint(kind, text);
        Assert.Null(result.Error);
        return result.Findings;
    }

    private static string[] Rules(IEnumerable<LintFinding> findings) => [.. findings.Select(f => f.Rule).Distinct()];

    [Theory]
    [InlineData("withdrawal-note", GoodNote)]
    [InlineData("exit-interview-decline", GoodDecline)]
    [InlineData("walk-out-line", "Thank you for your time. I'll see myself out.")]
    [InlineData("raise-concern-line", "The figure you mentioned is under the advertised range. Can you match it?")]
    [InlineData("withdrawal-note", "")]
    public void GoodDraftsHaveNoFindings(string kind, string text)
    {
        Assert.Empty(Lint(kind, text));
    }

    [Fact]
    public void ThanksFirstFiresWhenTheNoteOpensWithoutThanks()
    {
        var findings = Lint("withdrawal-note", """
            Dear Sam,

            I am writing to withdraw my application for the analyst role.
            Thank you for your time, and good luck with the search.

            Best wishes,
            Alex
            """);

        var finding = Assert.Single(findings);
        Assert.Equal("thanks-first", finding.Rule);
        Assert.Equal("I am writing to withdraw my application for the analyst role.", finding.Excerpt);
        Assert.Equal("info", finding.Severity);
        Assert.Equal("withdrawing", finding.Guide.GuideId);
        Assert.NotEmpty(finding.Fix);
    }

    [Fact]
    public void AGreetingThatThanksIsNotTheFirstSentence()
    {
        var findings = Lint("withdrawal-note", "Thanks Sam,\nI am withdrawing my application. Thank you.");

        Assert.Equal(["thanks-first"], Rules(findings));
    }

    [Fact]
    public void DecisionEarlyFiresWhenTheDecisionComesLate()
    {
        var findings = Lint("withdrawal-note", """
            Dear Ms. Park,
            Thank you for meeting me last week. It was good to hear about the team's plans for next year.
            I also enjoyed the tour.
            I would like to withdraw my application. Thank you again and good luck.
            Alex
            """);

        var finding = Assert.Single(findings);
        Assert.Equal("decision-early", finding.Rule);
        Assert.Equal("info", finding.Severity);
        Assert.Equal("I would like to withdraw my application.", finding.Excerpt);
    }

    [Fact]
    public void DrAndInitialsDoNotEndASentence()
    {
        var findings = Lint("withdrawal-note", "Thank you, Dr. J. Smith, for the time you gave me on Monday. I have decided to withdraw. All the best.");

        Assert.Empty(findings);
    }

    [Fact]
    public void ASentenceBrokenAcrossLinesIsOneSentence()
    {
        // Read as five sentences, the decision would be the fifth and "decision-early" would fire.
        var findings = Lint("withdrawal-note", "Thank you for meeting me\nabout the role on Monday and for the\ntour. It was lovely to meet the team. I withdraw my application. Good luck.");

        Assert.Empty(findings);
    }

    [Fact]
    public void ReasonShortFiresOnALongExplanation()
    {
        var findings = Lint("withdrawal-note", """
            Thank you for meeting with me about the role.
            I have decided to withdraw my application.
            Since the interview I have thought a lot about the commute.
            As it would take me over an hour each way, I would be tired.
            Because of that I also realised the hours would not work for my family.
            My partner works late most evenings as well.
            Thank you again and best of luck.
            """);

        var finding = Assert.Single(findings);
        Assert.Equal("reason-short", finding.Rule);
        Assert.StartsWith("Since the interview", finding.Excerpt, StringComparison.Ordinal);
        Assert.EndsWith("most evenings as well.", finding.Excerpt, StringComparison.Ordinal);
    }

    [Fact]
    public void PettyGrievancesAboutTheOfficeAreTooMuchDetail()
    {
        var findings = Lint("withdrawal-note", """
            Dear Sam,

            Thank you for meeting with me.
            I am withdrawing my application.
            I've realised I could not work somewhere with ten-year-old computers and a receptionist who is always coughing.
            The kitchen was also messy.

            Thanks again, and good luck.
            Alex
            """);

        Assert.Equal(["too-much-detail"], Rules(findings));
        Assert.Equal(2, findings.Count);
        Assert.Contains("year old", findings[0].Message, StringComparison.Ordinal);
        Assert.Contains("coughing", findings[0].Message, StringComparison.Ordinal);
        Assert.StartsWith("I've realised", findings[0].Excerpt, StringComparison.Ordinal);
        Assert.Equal("The kitchen was also messy.", findings[1].Excerpt);
    }

    [Fact]
    public void ThanksAtEndFiresWhenTheNoteStopsAbruptly()
    {
        var findings = Lint("withdrawal-note", """
            Dear Sam,
            Thank you for the interview on Monday.
            I am withdrawing from the process.
            I have accepted another offer.
            Please remove me from your list.

            Regards,
            Alex
            """);

        var finding = Assert.Single(findings);
        Assert.Equal("thanks-at-end", finding.Rule);
        Assert.Equal("Please remove me from your list.", finding.Excerpt);
    }

    [Fact]
    public void TooLongFiresOverTheKindsWordLimit()
    {
        var padding = string.Join(' ', Enumerable.Repeat("I enjoyed the visit.", 20));
        var findings = Lint("walk-out-line", $"Thank you for your time; I will leave now. {padding} Thanks again.");

        var finding = Assert.Single(findings);
        Assert.Equal("too-long", finding.Rule);
        Assert.Equal("warning", finding.Severity);
        Assert.StartsWith("91 words", finding.Excerpt, StringComparison.Ordinal);
    }

    [Fact]
    public void UnfilledPlaceholdersAreErrors()
    {
        var findings = Lint("raise-concern-line", "Could {company} confirm the {role} role is open? And the {role} pay?");

        Assert.All(findings, f => Assert.Equal("unfilled-placeholder", f.Rule));
        Assert.Equal(["{company}", "{role}"], findings.Select(f => f.Excerpt));
        Assert.All(findings, f => Assert.Equal("error", f.Severity));
    }

    [Fact]
    public void GrievancesDoNotBelongInAnExitInterviewDecline()
    {
        var findings = Lint("exit-interview-decline", """
            Hi Jo,
            Thanks for the invitation to an exit interview.
            I will decline.
            My boss never put me up for promotion and the culture here is toxic.
            Thanks again, and all the best.
            """);

        var finding = Assert.Single(findings);
        Assert.Equal("no-grievances", finding.Rule);
        Assert.Equal("exit-interviews", finding.Guide.GuideId);
        Assert.Contains("\u201cboss never\u201d", finding.Message, StringComparison.Ordinal);
        Assert.Contains("\u201ctoxic\u201d", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RulesApplyOnlyToTheirKinds()
    {
        // A raise-concern line needs no thanks and may mention the manager; a withdrawal note's grievance rule is not no-grievances.
        Assert.Empty(Lint("raise-concern-line", "Could you tell me whether the manager for this role is in the room?"));
        Assert.DoesNotContain(Lint("withdrawal-note", GoodNote.Replace("role.", "role, and my manager would be lovely.", StringComparison.Ordinal)), f => f.Rule == "no-grievances");
    }

    [Fact]
    public void UnknownKindIsAnError()
    {
        var result = _linter.Lint("sonnet", "Thank you.");

        Assert.Empty(result.Findings);
        Assert.Equal("Unknown message kind 'sonnet'.", result.Error);
    }

    [Fact]
    public void NullTextIsAnEmptyDraft()
    {
        Assert.Empty(Lint("withdrawal-note", null!));
    }

    [Theory]
    [InlineData("I have accepted another position, so I am stepping out of the process.")]
    [InlineData("I would like to rescind my acceptance of the offer.")]
    [InlineData("I am no longer looking for a new role.")]
    [InlineData("Having met the team, the role is not the right fit for me.")]
    [InlineData("I have decided not to participate in the exit interview.")]
    [InlineData("I must decline the offer.")]
    [InlineData("Please withdraw my candidacy.")]
    public void ADecisionIsRecognisedHoweverItIsWorded(string decision)
    {
        var findings = Lint("withdrawal-note", $"Thank you for your time. {decision} I wish you all the best.");

        Assert.DoesNotContain(findings, f => f.Rule is "decision-missing" or "decision-early");
    }

    [Fact]
    public void ANoteThatNeverDecidesGetsAWarning()
    {
        var findings = Lint("withdrawal-note", "Thank you for the interview. I have been thinking about the role a lot. Thank you again.");

        var finding = Assert.Single(findings, f => f.Rule == "decision-missing");
        Assert.Equal("warning", finding.Severity);
    }

    [Fact]
    public void ASubjectLineIsNotTheFirstSentence()
    {
        var findings = Lint("withdrawal-note", """
            Subject: Withdrawal of application - analyst role
            RE: our call

            Dear Sam,
            Thank you for meeting me. I have decided to withdraw my application. All the best.
            Alex
            """);

        Assert.Empty(findings);
    }

    [Theory]
    [InlineData("[Name]")]
    [InlineData("(company)")]
    [InlineData("____")]
    [InlineData("<NAME>")]
    [InlineData("|Name|")]
    [InlineData("[Company Name]")]
    [InlineData("{{role}}")]
    [InlineData("XXX")]
    [InlineData("Your Name")]
    public void EveryCommonBlankStyleIsAnError(string blank)
    {
        var findings = Lint("withdrawal-note", $"Dear {blank}, thank you for meeting me. I am withdrawing my application. All the best.");

        var finding = Assert.Single(findings, f => f.Rule == "unfilled-placeholder");
        Assert.Equal("error", finding.Severity);
        Assert.Equal(blank, finding.Excerpt);
    }

    [Fact]
    public void OrdinaryParenthesesAreNotBlanks()
    {
        var findings = Lint("withdrawal-note", "Thank you for the interview (and the coffee). I am withdrawing, as the role (evening shifts) does not suit my family. Best wishes.");

        Assert.DoesNotContain(findings, f => f.Rule == "unfilled-placeholder");
    }

    [Theory]
    [InlineData("withdrawal-note", "Honestly, the laptops looked like they came from a museum.", "too-much-detail")]
    [InlineData("withdrawal-note", "The salary you quoted was a bit of a joke.", "too-much-detail")]
    [InlineData("withdrawal-note", "Your office manager was incredibly rude to me.", "too-much-detail")]
    [InlineData("exit-interview-decline", "Management has run this team into the ground.", "no-grievances")]
    [InlineData("exit-interview-decline", "I hated working here.", "no-grievances")]
    [InlineData("withdrawal-note", "You're crazy!", "hostile-tone")]
    [InlineData("recruiter-note", "You people are idiots.", "hostile-tone")]
    public void ComplaintsAndHostilityAreFoundByMeaning(string kind, string complaint, string rule)
    {
        var findings = Lint(kind, $"Thank you for your time. I have decided to withdraw. {complaint} All the best.");

        var finding = Assert.Single(findings, f => f.Rule == rule);
        Assert.Equal("warning", finding.Severity);
        Assert.Equal(complaint, finding.Excerpt);
        Assert.Contains("\u201c", finding.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("I'm not unhappy here at all, but I'd prefer not to do an exit interview.")]
    [InlineData("I have no complaints about the team; I simply want a quiet last week, so I will decline.")]
    public void ANegatedComplaintIsNotAComplaint(string line)
    {
        var findings = Lint("exit-interview-decline", $"Thank you for asking. {line} I wish you well.");

        Assert.DoesNotContain(findings, f => f.Severity is "warning" or "error");
    }

    [Fact]
    public void ANoteThatSaysItIsLateIsWarned()
    {
        var findings = Lint("withdrawal-note", "Sorry for going quiet and for not getting back to you sooner. I have decided to withdraw my application. Thank you.");

        var finding = Assert.Single(findings, f => f.Rule == "late-note");
        Assert.Equal("withdrawing", finding.Guide.GuideId);
    }
}
