using InterviewCompass.Core.Content;
using InterviewCompass.Core.Rules;
using InterviewCompass.Core.Tests.Builders;

namespace InterviewCompass.Core.Tests.Rules;

/// <summary>
/// Scenario tables over the real checklists. Each row cites the article line it follows
/// (000 = walk-out, 003 = exit interview, 004 = withdrawal; files in ../shared/seeds/).
/// </summary>
public sealed class VerdictEngineTests
{
    private static readonly VerdictEngine Engine = new();

    private static Verdict Assess(Checklist checklist, string answers)
    {
        var map = answers.Length == 0
            ? new Dictionary<string, string>(StringComparer.Ordinal)
            : answers.Split(',').Select(a => a.Split('=')).ToDictionary(a => a[0].Trim(), a => a[1].Trim(), StringComparer.Ordinal);
        var assessment = Engine.Assess(checklist, map);
        Assert.Empty(assessment.Errors);
        return Assert.IsType<Verdict>(assessment.Verdict);
    }

    public static TheoryData<string, string, string, string> WalkOutScenarios() => new()
    {
        // 000:7 "show yourself out ... the moment you realize that this isn't the job for you": nothing said, nothing to leave over.
        { "", "stay", "", "none" },
        // 000:11 "State your concern. If it's not instantly resolved, thank your interviewer ... and leave."
        { "salary-below-posted=yes", "raise", "salary-below-posted", "high" },
        { "salary-below-posted=raised-resolved", "stay", "", "high-or-low" },
        { "salary-below-posted=raised-unresolved", "leave", "salary-below-posted", "high" },
        // 000:15 "Give your employer ample opportunity to change your mind, but if they can't ... it's okay to leave."
        { "safety-or-access-unmet=yes", "raise", "safety-or-access-unmet", "high" },
        { "safety-or-access-unmet=raised-unresolved", "leave", "safety-or-access-unmet", "high" },
        // 000:23 "confirm your suspicions and leave."
        { "not-a-real-job=yes", "raise", "not-a-real-job", "high" },
        { "not-a-real-job=raised-unresolved,salary-below-posted=raised-resolved", "leave", "not-a-real-job", "high" },
        // 000:19 "Once you realize there's no chance you'd ever take a job here ... I'll see myself out."
        { "culture-mismatch=yes", "leave", "culture-mismatch", "high" },
        // 000:27 red flags: "These are all excellent reasons to stand up and politely show yourself out."
        { "demeaning-questions=yes", "leave", "demeaning-questions", "high" },
        { "unexplained-lateness=yes", "leave", "unexplained-lateness", "high" },
        { "negative-assumptions=yes", "leave", "negative-assumptions", "high" },
        { "aggressive-behaviour=yes", "leave", "aggressive-behaviour", "high" },
        { "family-or-marital-questions=yes", "leave", "family-or-marital-questions", "high" },
        { "cross-examination=yes", "leave", "cross-examination", "high" },
        // 000:27 "These are all ..." : several flags are no milder than one, and each is listed.
        { "cross-examination=yes,unexplained-lateness=yes,negative-assumptions=no", "leave", "unexplained-lateness cross-examination", "high" },
        // 000:11 and 000:27: a concern to raise does not soften a red flag that means leave.
        { "salary-below-posted=yes,family-or-marital-questions=yes", "leave", "family-or-marital-questions", "high" },
        // An unsure answer is not a yes: it lowers confidence and never escalates (DESIGN.md, the rules).
        // A "not sure" decides nothing, but the verdict still names it (with what would make it sure).
        { "demeaning-questions=unsure", "stay", "demeaning-questions", "low" },
        { "salary-below-posted=unsure,cross-examination=unsure", "stay", "salary-below-posted cross-examination", "low" },
    };

    [Theory]
    [MemberData(nameof(WalkOutScenarios))]
    public void WalkOutFollowsTheArticle(string answers, string outcome, string reasons, string confidence) =>
        AssertScenario(Checklists.WalkOut(), answers, outcome, reasons, confidence);

    public static TheoryData<string, string, string, string> ExitInterviewScenarios() => new()
    {
        // 003:25 "It is generally recommended not to participate": the default, and it still says why.
        { "", "decline", "certain-never-return want-to-say-your-piece", "low" },
        // 003:47 "100% certain you will never return ... and you wish to express your complete thoughts".
        { "certain-never-return=yes,want-to-say-your-piece=yes", "participate", "certain-never-return want-to-say-your-piece", "high" },
        { "certain-never-return=yes,want-to-say-your-piece=yes,might-return=no", "participate", "might-return certain-never-return want-to-say-your-piece", "high" },
        // 003:47 the same person, saying "never return" with the other question.
        { "might-return=no,want-to-say-your-piece=yes", "participate", "might-return want-to-say-your-piece", "high" },
        // 003:38 "If you decide to seek re-employment ... they will likely reference these documents".
        { "certain-never-return=yes,want-to-say-your-piece=yes,might-return=yes", "decline", "might-return", "high" },
        { "certain-never-return=yes,want-to-say-your-piece=yes,might-return=unsure", "decline", "might-return", "low" },
        // 003:47 "only scenario": wanting to speak without certainty of never returning is not it.
        { "certain-never-return=unsure,want-to-say-your-piece=yes", "decline", "certain-never-return", "low" },
        { "want-to-say-your-piece=yes", "decline", "certain-never-return", "low" },
        { "might-return=no,certain-never-return=yes", "decline", "want-to-say-your-piece", "low" },
        { "want-to-say-your-piece=no", "decline", "want-to-say-your-piece", "high" },
        // 003:37 "By airing grievances, you create a documented list of issues".
        { "plan-to-air-grievances=yes", "decline", "plan-to-air-grievances", "high" },
        // 003:49 "the boss should ideally already be aware of these problems through regular one-on-one discussions".
        { "issues-already-raised=yes", "decline", "issues-already-raised", "high" },
    };

    [Theory]
    [MemberData(nameof(ExitInterviewScenarios))]
    public void ExitInterviewFollowsTheArticle(string answers, string outcome, string reasons, string confidence) =>
        AssertScenario(Checklists.ExitInterview(), answers, outcome, reasons, confidence);

    public static TheoryData<string, string, string, string> WithdrawalScenarios() => new()
    {
        // 004:7-9 "Say 'no' sooner rather than later. As soon as you are certain ... start drafting".
        { "still-interested=no", "withdraw", "still-interested", "high" },
        { "still-interested=no,offer-would-decide=no", "withdraw", "still-interested", "high" },
        // 004:21 tell the recruiter why: the recruiter is a reason, with its own words.
        { "still-interested=no,has-recruiter=yes", "withdraw", "still-interested has-recruiter", "high" },
        // 004:9 "in others, you may need to wait until you receive an offer."
        { "still-interested=no,offer-would-decide=yes", "wait", "still-interested offer-would-decide", "high" },
        { "still-interested=no,offer-would-decide=unsure", "wait", "still-interested offer-would-decide", "high" },
        // 004:9 "Don't hesitate to talk to your recruiter if you need help deciding."
        { "still-interested=unsure", "wait", "still-interested", "low" },
        { "still-interested=unsure,has-recruiter=yes", "wait", "still-interested has-recruiter", "high" },
        // 004:9 "As soon as you are certain you do not want the job": still wanting it means carry on.
        { "still-interested=yes", "continue", "still-interested", "high" },
        { "", "continue", "still-interested", "low" },
    };

    [Theory]
    [MemberData(nameof(WithdrawalScenarios))]
    public void WithdrawalFollowsTheArticle(string answers, string outcome, string reasons, string confidence) =>
        AssertScenario(Checklists.Withdrawal(), answers, outcome, reasons, confidence);

    private static void AssertScenario(Checklist checklist, string answers, string outcome, string reasons, string confidence)
    {
        var verdict = Assess(checklist, answers);

        Assert.Equal(outcome, verdict.Outcome);
        Assert.Equal(reasons.Length == 0 ? [] : reasons.Split(' '), verdict.Reasons.Select(r => r.Item));
        switch (confidence)
        {
            case "high":
                Assert.True(verdict.Confidence >= 0.8, $"expected a confident verdict, got {verdict.Confidence}");
                break;
            case "low":
                Assert.True(verdict.Confidence < 0.8, $"expected a hesitant verdict, got {verdict.Confidence}");
                break;
            case "none":
                Assert.Equal(0, verdict.Confidence);
                break;
            default:
                break;
        }

        // Every verdict names the option it sets aside, in one line.
        var other = Assert.IsType<OtherOption>(verdict.OtherOption);
        Assert.NotEqual(verdict.Outcome, other.Outcome);
        Assert.DoesNotContain('\n', other.Line);
    }

    [Theory]
    [InlineData("demeaning-questions")]
    [InlineData("unexplained-lateness")]
    [InlineData("aggressive-behaviour")]
    public void LeavingOverConductSaysItIsLikelyYourManagerAndOffersStayingWithoutExpectingChange(string flag)
    {
        var verdict = Assess(Checklists.WalkOut(), $"{flag}=yes");

        Assert.Contains("probably be your boss", verdict.Reasons.Single().Why, StringComparison.Ordinal);
        Assert.Equal("stay", verdict.OtherOption!.Outcome);
        Assert.Equal("Stay and keep going", verdict.OtherOption.Headline);
        Assert.Contains("accept this person as your manager", verdict.OtherOption.Line, StringComparison.Ordinal);
        Assert.Contains("not expect", verdict.OtherOption.Line, StringComparison.Ordinal);
    }

    [Fact]
    public void LeavingOverPayNamesStayingAtTheLowerFigureAsTheOtherOption()
    {
        var verdict = Assess(Checklists.WalkOut(), "salary-below-posted=raised-unresolved,cross-examination=yes");

        Assert.Contains("lower figure", verdict.OtherOption!.Line, StringComparison.Ordinal);
    }

    [Fact]
    public void WordsAreTheOutcomesThenEachReasonsScript()
    {
        var verdict = Assess(Checklists.WalkOut(), "salary-below-posted=yes");

        Assert.Equal("raise", verdict.Outcome);
        var block = Assert.Single(verdict.Words);
        Assert.Equal("the interviewer", block.For);
        Assert.Equal(2, block.Lines.Count);
        Assert.Equal(Checklists.WalkOut().FindOutcome("raise")!.Words[0], block.Lines[0]);
        Assert.Equal(Checklists.WalkOut().FindItem("salary-below-posted")!.Scripts["raise"], block.Lines[1]);
    }

    [Fact]
    public void LeavingSaysTheReasonsOwnLineNotTheGeneralOneToo()
    {
        var verdict = Assess(Checklists.WalkOut(), "salary-below-posted=raised-unresolved");

        Assert.Equal("leave", verdict.Outcome);
        Assert.Equal([Checklists.WalkOut().FindItem("salary-below-posted")!.Scripts["leave"]], Assert.Single(verdict.Words).Lines);
    }

    [Fact]
    public void TwoRedFlagsWithTheSameLineSayItOnce()
    {
        var verdict = Assess(Checklists.WalkOut(), "aggressive-behaviour=yes,demeaning-questions=yes");

        Assert.Equal("leave", verdict.Outcome);
        var line = Assert.Single(Assert.Single(verdict.Words).Lines);
        Assert.Equal(Checklists.WalkOut().FindItem("demeaning-questions")!.Scripts["leave"], line);
    }

    [Fact]
    public void UnsureLowersConfidenceWithoutChangingTheVerdict()
    {
        var sure = Assess(Checklists.Withdrawal(), "still-interested=no,offer-would-decide=no");
        var unsure = Assess(Checklists.Withdrawal(), "still-interested=no,offer-would-decide=no,has-recruiter=unsure");
        var walkSure = Assess(Checklists.WalkOut(), "culture-mismatch=no,cross-examination=no");
        var walkUnsure = Assess(Checklists.WalkOut(), "culture-mismatch=no,cross-examination=unsure");

        Assert.Equal(sure.Outcome, unsure.Outcome);
        Assert.Equal(walkSure.Outcome, walkUnsure.Outcome);
        Assert.True(walkUnsure.Confidence < walkSure.Confidence);
    }

    [Fact]
    public void ABlankItemBehindADefaultVerdictIsMarkedUnanswered()
    {
        var verdict = Assess(Checklists.ExitInterview(), "might-return=no,certain-never-return=yes");

        var reason = Assert.Single(verdict.Reasons);
        Assert.Equal(Answers.Unanswered, reason.Answer);
        Assert.Equal("exit-interviews", reason.Guide.GuideId);
    }

    [Fact]
    public void TiesGoToTheFirstOutcomeInOrder()
    {
        var checklist = new ChecklistBuilder("ties")
            .Outcome("calm", 0)
            .Outcome("first", 1)
            .Outcome("second", 1)
            .Item("a", i => i.Effect("yes", "second"))
            .Item("b", i => i.Effect("yes", "first"))
            .Build();

        Assert.Equal("first", Assess(checklist, "a=yes,b=yes").Outcome);
    }

    [Fact]
    public void UnknownItemsAndValuesAreErrorsNamingThem()
    {
        var answers = new Dictionary<string, string>
        {
            ["no-such-item"] = "yes",
            ["culture-mismatch"] = "raised-resolved",
            ["aggressive-behaviour"] = null!,
            ["salary-below-posted"] = "raised-unresolved",
        };

        var assessment = Engine.Assess(Checklists.WalkOut(), answers);

        Assert.Null(assessment.Verdict);
        Assert.False(assessment.IsValid);
        Assert.Equal(["aggressive-behaviour", "culture-mismatch", "no-such-item"], assessment.Errors.Select(e => e.Item));
        Assert.Contains("'raised-resolved'", assessment.Errors[1].Problem, StringComparison.Ordinal);
        Assert.Contains("'no-such-item'", assessment.Errors[2].Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void ANullAnswerMapIsNoAnswers()
    {
        var assessment = Engine.Assess(Checklists.WalkOut(), null!);

        Assert.Equal("stay", assessment.Verdict?.Outcome);
    }
}
