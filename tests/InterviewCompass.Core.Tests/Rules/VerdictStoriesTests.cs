using InterviewCompass.Core.Content;
using InterviewCompass.Core.Rules;
using InterviewCompass.Core.Tests.Builders;

namespace InterviewCompass.Core.Tests.Rules;

/// <summary>
/// Issue 20: verdicts for realistic stories speak to what the person said: the "Why" names each answer with its own
/// reason (a "not sure" included, with what would make it sure), the other option has its own words where content has
/// them, and messages to two people are two labelled blocks. All on the real content.
/// </summary>
public sealed class VerdictStoriesTests
{
    private static readonly VerdictEngine Engine = new();

    private static Verdict Assess(Checklist checklist, params (string Item, string Answer)[] answers) =>
        Engine.Assess(checklist, answers.ToDictionary(a => a.Item, a => a.Answer, StringComparer.Ordinal)).Verdict
        ?? throw new InvalidOperationException("no verdict");

    private static string Why(Verdict verdict) => string.Join(" | ", verdict.Reasons.Select(r => r.Note));

    [Fact]
    public void FourStoriesGiveFourDifferentWhysEachNamingWhatThePersonSaid()
    {
        var walkOut = Checklists.WalkOut();
        var late = Assess(walkOut, ("unexplained-lateness", "yes"));
        var marriage = Assess(walkOut, ("family-or-marital-questions", "yes"));
        var pay = Assess(walkOut, ("salary-below-posted", "raised-unresolved"));
        var unsure = Assess(walkOut, ("unexplained-lateness", "unsure"), ("culture-mismatch", "no"));

        Assert.Equal(["leave", "leave", "leave", "stay"], new[] { late, marriage, pay, unsure }.Select(v => v.Outcome));
        Assert.Contains("late and gave no explanation", Why(late), StringComparison.Ordinal);
        Assert.Contains("family, children or marital status", Why(marriage), StringComparison.Ordinal);
        Assert.Contains("raised the pay and it was not put right", Why(pay), StringComparison.Ordinal);
        Assert.Contains("weren't sure their lateness was unexplained", Why(unsure), StringComparison.Ordinal);
        Assert.Equal(4, new[] { late, marriage, pay, unsure }.Select(Why).Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void ANotSureThatDecidedNothingIsStillNamedWithWhatWouldMakeItSure()
    {
        var verdict = Assess(Checklists.WalkOut(), ("aggressive-behaviour", "yes"), ("family-or-marital-questions", "unsure"));

        Assert.Equal("leave", verdict.Outcome);
        Assert.Equal(["aggressive-behaviour", "family-or-marital-questions"], verdict.Reasons.Select(r => r.Item));
        var unsure = verdict.Reasons[1];
        Assert.Equal(Answers.Unsure, unsure.Answer);
        Assert.StartsWith("You weren't sure", unsure.Note, StringComparison.Ordinal);

        // The "not sure" adds no words of its own to the verdict: only what decided it speaks.
        Assert.Equal([Checklists.WalkOut().FindItem("aggressive-behaviour")!.Scripts["leave"]], Assert.Single(verdict.Words).Lines);
    }

    [Theory]
    [InlineData("unexplained-lateness")]
    [InlineData("family-or-marital-questions")]
    [InlineData("negative-assumptions")]
    [InlineData("demeaning-questions")]
    [InlineData("cross-examination")]
    public void LeavingOverConductOffersStayingWithItsOwnWordsToSteerTheTalk(string flag)
    {
        var verdict = Assess(Checklists.WalkOut(), (flag, "yes"));

        var other = Assert.IsType<OtherOption>(verdict.OtherOption);
        Assert.Equal("stay", other.Outcome);
        var block = Assert.Single(other.Words);
        Assert.Equal("the interviewer", block.For);
        Assert.Equal([Checklists.WalkOut().FindItem(flag)!.Scripts["stay"]], block.Lines);
    }

    [Fact]
    public void WithdrawingWithARecruiterGivesTwoBlocksForTwoPeople()
    {
        var verdict = Assess(Checklists.Withdrawal(), ("still-interested", "no"), ("offer-would-decide", "no"), ("has-recruiter", "yes"));

        Assert.Equal("withdraw", verdict.Outcome);
        Assert.Equal(["the hiring manager", "your recruiter"], verdict.Words.Select(b => b.For));
        Assert.Contains("withdraw from the process", Assert.Single(verdict.Words[0].Lines), StringComparison.Ordinal);
        Assert.Contains("help me word my note", Assert.Single(verdict.Words[1].Lines), StringComparison.Ordinal);
    }

    [Fact]
    public void WaitingSendsTheHiringManagerNothingAndAsksTheRecruiter()
    {
        var alone = Assess(Checklists.Withdrawal(), ("still-interested", "unsure"));
        var withRecruiter = Assess(Checklists.Withdrawal(), ("still-interested", "unsure"), ("has-recruiter", "yes"));

        Assert.Equal("wait", alone.Outcome);
        Assert.Empty(alone.Words);
        Assert.Equal(["your recruiter"], withRecruiter.Words.Select(b => b.For));
    }

    [Fact]
    public void TakingPartInAnExitInterviewSaysEverythingRatherThanHoldingBack()
    {
        var verdict = Assess(Checklists.ExitInterview(), ("certain-never-return", "yes"), ("want-to-say-your-piece", "yes"));

        Assert.Equal("participate", verdict.Outcome);
        var lines = string.Join(' ', WordsBlock.AllLines(verdict.Words));
        Assert.Contains("everything I think", lines, StringComparison.Ordinal);
        Assert.DoesNotContain("short", lines, StringComparison.Ordinal);
        Assert.Equal("HR", Assert.Single(verdict.Words).For);
    }

    [Fact]
    public void EveryItemHasANoteForEveryAnswerThatCanMakeItAReasonAndForNotSure()
    {
        foreach (var checklist in new[] { Checklists.WalkOut(), Checklists.ExitInterview(), Checklists.Withdrawal() })
        {
            foreach (var item in checklist.Items)
            {
                var notes = item.Notes ?? new Dictionary<string, string>();
                Assert.True(notes.ContainsKey(Answers.Unsure), $"{checklist.Id}: {item.Id} has no note for 'unsure'");
                foreach (var answer in item.Effects.Keys)
                {
                    Assert.True(notes.ContainsKey(answer), $"{checklist.Id}: {item.Id} has no note for '{answer}'");
                }
            }

            foreach (var outcome in checklist.Outcomes)
            {
                Assert.False(string.IsNullOrWhiteSpace(outcome.WordsFor), $"{checklist.Id}: outcome {outcome.Id} does not say who its words are for");
            }
        }
    }
}
