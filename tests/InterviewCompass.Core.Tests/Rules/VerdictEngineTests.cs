using InterviewCompass.Core.Content;
using InterviewCompass.Core.Rules;
using InterviewCompass.Core.Tests.Builders;

namespace InterviewCompass.Core.Tests.Rules;

public sealed class VerdictEngineTests
{
    private readonly VerdictEngine _engine = new();

    private static Dictionary<string, string> Answers(params (string Item, string Answer)[] answers) =>
        answers.ToDictionary(a => a.Item, a => a.Answer, StringComparer.Ordinal);

    private Verdict Assess(Checklist checklist, params (string Item, string Answer)[] answers)
    {
        var assessment = _engine.Assess(checklist, Answers(answers));
        Assert.Empty(assessment.Errors);
        return Assert.IsType<Verdict>(assessment.Verdict);
    }

    [Fact]
    public void StayWhenNothingIsAnswered()
    {
        var verdict = Assess(Checklists.WalkOut());

        Assert.Equal("stay", verdict.Outcome);
        Assert.Empty(verdict.Reasons);
        Assert.Equal(0, verdict.Confidence);
        Assert.Equal(["Keep going; nothing here says you should leave."], verdict.Words);
    }

    [Fact]
    public void RaiseWhenAConcernHasNotBeenRaisedYet()
    {
        var verdict = Assess(Checklists.WalkOut(), ("salary-below-posted", "yes"));

        Assert.Equal("raise", verdict.Outcome);
        var reason = Assert.Single(verdict.Reasons);
        Assert.Equal("salary-below-posted", reason.Item);
        Assert.Equal("yes", reason.Answer);
        Assert.Equal("/guides/walking-out#pay", reason.Guide.Href);
        Assert.Equal(["Raise it calmly and give them the chance to answer.", "Raise script for salary-below-posted."], verdict.Words);
    }

    [Fact]
    public void StayWhenRaisedConcernIsResolved()
    {
        var verdict = Assess(Checklists.WalkOut(), ("safety-or-access-unmet", "raised-resolved"));

        Assert.Equal("stay", verdict.Outcome);
    }

    [Fact]
    public void LeaveWhenRaisedConcernIsNotResolved()
    {
        var verdict = Assess(Checklists.WalkOut(), ("not-a-real-job", "raised-unresolved"), ("salary-below-posted", "raised-resolved"));

        Assert.Equal("leave", verdict.Outcome);
        Assert.Equal(["not-a-real-job"], verdict.Reasons.Select(r => r.Item));
        Assert.Contains("Leave script for not-a-real-job.", verdict.Words);
    }

    [Theory]
    [InlineData("aggressive-behaviour")]
    [InlineData("culture-mismatch")]
    public void AggressiveBehaviourMeansLeaveAtOnce(string item)
    {
        var verdict = Assess(Checklists.WalkOut(), (item, "yes"));

        Assert.Equal("leave", verdict.Outcome);
        Assert.Equal([item], verdict.Reasons.Select(r => r.Item));
        Assert.True(verdict.Confidence >= 0.8, "a definite dealbreaker gives a confident verdict");
    }

    [Theory]
    [InlineData("demeaning-questions")]
    [InlineData("unexplained-lateness")]
    [InlineData("negative-assumptions")]
    [InlineData("family-or-marital-questions")]
    [InlineData("cross-examination")]
    public void OneRedFlagMeansRaise(string item)
    {
        var verdict = Assess(Checklists.WalkOut(), (item, "yes"));

        Assert.Equal("raise", verdict.Outcome);
        Assert.Equal([item], verdict.Reasons.Select(r => r.Item));
    }

    [Fact]
    public void SeveralRedFlagsMeanLeave()
    {
        var verdict = Assess(
            Checklists.WalkOut(),
            ("cross-examination", "yes"),
            ("unexplained-lateness", "yes"),
            ("family-or-marital-questions", "yes"),
            ("negative-assumptions", "no"));

        Assert.Equal("leave", verdict.Outcome);
        Assert.Equal(["unexplained-lateness", "family-or-marital-questions", "cross-examination"], verdict.Reasons.Select(r => r.Item));
    }

    [Fact]
    public void TwoSeriousRedFlagsMeanLeave()
    {
        var verdict = Assess(Checklists.WalkOut(), ("cross-examination", "yes"), ("negative-assumptions", "yes"), ("demeaning-questions", "yes"));

        Assert.Equal("leave", verdict.Outcome);
        // Serious before signal, then checklist order.
        Assert.Equal(["demeaning-questions", "negative-assumptions", "cross-examination"], verdict.Reasons.Select(r => r.Item));
    }

    [Fact]
    public void TwoSignalsAreStillOnlyRaise()
    {
        Assert.Equal("raise", Assess(Checklists.WalkOut(), ("cross-examination", "yes"), ("unexplained-lateness", "yes")).Outcome);
    }

    [Fact]
    public void ReasonsListDealbreakersFirst()
    {
        var verdict = Assess(
            Checklists.WalkOut(),
            ("cross-examination", "yes"),
            ("family-or-marital-questions", "yes"),
            ("negative-assumptions", "yes"),
            ("aggressive-behaviour", "yes"));

        Assert.Equal("leave", verdict.Outcome);
        Assert.Equal("aggressive-behaviour", verdict.Reasons[0].Item);
        Assert.Equal(4, verdict.Reasons.Count);
        Assert.Equal(Tier.Dealbreaker, verdict.Reasons[0].Tier);
    }

    [Fact]
    public void UnsureLowersConfidenceWithoutChangingTheVerdict()
    {
        var sure = Assess(Checklists.WalkOut(), ("demeaning-questions", "yes"), ("cross-examination", "no"));
        var unsure = Assess(Checklists.WalkOut(), ("demeaning-questions", "yes"), ("cross-examination", "unsure"));

        Assert.Equal(sure.Outcome, unsure.Outcome);
        Assert.Equal(0.2, sure.Confidence);
        Assert.Equal(0.15, unsure.Confidence);
        Assert.Equal(["Raise it calmly and give them the chance to answer.", "Raise script for demeaning-questions."], unsure.Words);
    }

    [Fact]
    public void DeclineIsTheDefaultForExitInterviews()
    {
        Assert.Equal("decline", Assess(Checklists.ExitInterview()).Outcome);
        Assert.Equal("decline", Assess(Checklists.ExitInterview(), ("want-to-say-your-piece", "yes")).Outcome);
        Assert.Equal("decline", Assess(Checklists.ExitInterview(), ("certain-never-return", "unsure"), ("want-to-say-your-piece", "yes")).Outcome);
    }

    [Fact]
    public void ParticipateOnlyWhenCertainNeverToReturnAndWantingToSpeak()
    {
        var verdict = Assess(Checklists.ExitInterview(), ("certain-never-return", "yes"), ("want-to-say-your-piece", "yes"), ("might-return", "no"));

        Assert.Equal("participate", verdict.Outcome);
        Assert.Equal(["certain-never-return", "want-to-say-your-piece"], verdict.Reasons.Select(r => r.Item));
    }

    [Theory]
    [InlineData("yes")]
    [InlineData("unsure")]
    public void DeclineWhenYouMightReturn(string mightReturn)
    {
        var verdict = Assess(Checklists.ExitInterview(), ("certain-never-return", "yes"), ("want-to-say-your-piece", "yes"), ("might-return", mightReturn));

        Assert.Equal("decline", verdict.Outcome);
    }

    [Fact]
    public void WithdrawWhenCertain()
    {
        var verdict = Assess(Checklists.Withdrawal(), ("still-interested", "no"), ("offer-would-decide", "no"));

        Assert.Equal("withdraw", verdict.Outcome);
        // A rule's conditions are its reasons, "no" answers included.
        Assert.Equal(["still-interested"], verdict.Reasons.Select(r => r.Item));
        Assert.Equal(["Words for withdraw."], verdict.Words);
    }

    [Fact]
    public void TheRecruiterIsAReasonWhenThereIsOne()
    {
        var verdict = Assess(Checklists.Withdrawal(), ("still-interested", "no"), ("has-recruiter", "yes"));

        Assert.Equal("withdraw", verdict.Outcome);
        Assert.Equal(["still-interested", "has-recruiter"], verdict.Reasons.Select(r => r.Item));
        Assert.Equal(["Words for withdraw.", "Tell your recruiter why."], verdict.Words);
    }

    [Theory]
    [InlineData("yes")]
    [InlineData("unsure")]
    public void WaitWhenAnOfferWouldDecide(string offerWouldDecide)
    {
        var verdict = Assess(Checklists.Withdrawal(), ("still-interested", "no"), ("offer-would-decide", offerWouldDecide));

        Assert.Equal("wait", verdict.Outcome);
        Assert.Equal(["still-interested", "offer-would-decide"], verdict.Reasons.Select(r => r.Item));
    }

    [Fact]
    public void WaitWhenNotSureYet()
    {
        Assert.Equal("wait", Assess(Checklists.Withdrawal(), ("still-interested", "unsure")).Outcome);
    }

    [Fact]
    public void ContinueWhenStillInterested()
    {
        Assert.Equal("continue", Assess(Checklists.Withdrawal(), ("still-interested", "yes")).Outcome);
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

        Assert.Equal("first", Assess(checklist, ("a", "yes"), ("b", "yes")).Outcome);
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

        var assessment = _engine.Assess(Checklists.WalkOut(), answers);

        Assert.Null(assessment.Verdict);
        Assert.False(assessment.IsValid);
        Assert.Equal(["aggressive-behaviour", "culture-mismatch", "no-such-item"], assessment.Errors.Select(e => e.Item));
        Assert.Contains("'raised-resolved'", assessment.Errors[1].Problem, StringComparison.Ordinal);
        Assert.Contains("'no-such-item'", assessment.Errors[2].Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void ANullAnswerMapIsNoAnswers()
    {
        var assessment = _engine.Assess(Checklists.WalkOut(), null!);

        Assert.Equal("stay", assessment.Verdict?.Outcome);
    }
}
