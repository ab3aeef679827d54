using InterviewCompass.Core.Content;
using InterviewCompass.Core.Messages;
using InterviewCompass.Core.Rules;
using InterviewCompass.Core.Tests.Builders;

namespace InterviewCompass.Core.Tests.Messages;

public sealed class DraftSuggestionsTests
{
    private static IReadOnlyList<DraftSuggestion> Suggest(Checklist checklist, params (string Item, string Answer)[] given)
    {
        var answers = given.ToDictionary(a => a.Item, a => a.Answer);
        var verdict = new VerdictEngine().Assess(checklist, answers).Verdict!;
        return DraftSuggestions.For(checklist, verdict, answers);
    }

    [Fact]
    public void LeavingOverPayGivesThePayWalkOutLine()
    {
        Assert.Equal(
            [new DraftSuggestion("walk-out-line", "pay")],
            Suggest(Checklists.WalkOut(), ("salary-below-posted", "raised-unresolved"), ("cross-examination", "yes")));
    }

    [Fact]
    public void TheMostSeriousReasonPicksTheSituation()
    {
        Assert.Equal(
            [new DraftSuggestion("walk-out-line", "conduct")],
            Suggest(Checklists.WalkOut(), ("cross-examination", "yes"), ("demeaning-questions", "yes"), ("aggressive-behaviour", "yes")));
    }

    [Fact]
    public void ARaiseVerdictGivesTheRaiseConcernLine()
    {
        Assert.Equal(
            [new DraftSuggestion("raise-concern-line", "safety")],
            Suggest(Checklists.WalkOut(), ("safety-or-access-unmet", "yes")));
    }

    [Fact]
    public void StayingNeedsNoMessage()
    {
        Assert.Empty(Suggest(Checklists.WalkOut(), ("salary-below-posted", "raised-resolved")));
    }

    [Fact]
    public void DecliningGivesTheExitInterviewDecline()
    {
        Assert.Equal([new DraftSuggestion("exit-interview-decline", null)], Suggest(Checklists.ExitInterview()));
    }

    [Fact]
    public void WithdrawingGivesTheNoteAndTheRecruiterNoteWhenThereIsARecruiter()
    {
        Assert.Equal([new DraftSuggestion("withdrawal-note", null)], Suggest(Checklists.Withdrawal(), ("still-interested", "no")));
        Assert.Equal(
            [new DraftSuggestion("withdrawal-note", null), new DraftSuggestion("recruiter-note", null)],
            Suggest(Checklists.Withdrawal(), ("still-interested", "no"), ("has-recruiter", "yes")));
        Assert.Equal(
            [new DraftSuggestion("withdrawal-note", null)],
            Suggest(Checklists.Withdrawal(), ("still-interested", "no"), ("has-recruiter", "unsure")));
    }

    [Fact]
    public void WaitingNeedsNoMessageYet()
    {
        Assert.Empty(Suggest(Checklists.Withdrawal(), ("still-interested", "unsure"), ("has-recruiter", "yes")));
    }
}
