using InterviewCompass.Core.Content;

namespace InterviewCompass.Core.Tests.Builders;

/// <summary>
/// Code copies of the three real checklists' shape (ids from issue 3, behaviour from DESIGN.md
/// "The rules"): the rules tests prove the engine gives the articles' verdicts for content shaped so.
/// </summary>
internal static class Checklists
{
    public static readonly string[] WalkOutRaiseFirst = ["salary-below-posted", "safety-or-access-unmet", "not-a-real-job"];
    public static readonly string[] WalkOutAtOnce = ["culture-mismatch", "aggressive-behaviour"];
    public static readonly string[] WalkOutRedFlags =
        ["demeaning-questions", "unexplained-lateness", "negative-assumptions", "family-or-marital-questions", "cross-examination"];

    /// <summary>Outcomes stay &lt; raise &lt; leave; three raise-first items, two that leave at once, five weighted red flags.</summary>
    public static Checklist WalkOut()
    {
        var builder = new ChecklistBuilder("walk-out")
            .Outcome("stay", 0, null, "Keep going; nothing here says you should leave.")
            .Outcome("raise", 1, "raise-concern-line", "Raise it calmly and give them the chance to answer.")
            .Outcome("leave", 2, "walk-out-line", "Thank them for their time and leave politely.")
            .Default("stay")
            .Threshold(1, "raise")
            .Threshold(3, "leave");

        var situations = new Dictionary<string, string>
        {
            ["salary-below-posted"] = "pay",
            ["safety-or-access-unmet"] = "safety",
            ["not-a-real-job"] = "not-real",
        };
        foreach (var id in WalkOutRaiseFirst)
        {
            builder.Item(id, i => i
                .Tier(Tier.Dealbreaker)
                .RaiseFirst()
                .Situation(situations[id])
                .Guide($"walking-out#{situations[id]}")
                .Effect(Answers.Yes, "raise")
                .Effect(Answers.RaisedResolved, "stay")
                .Effect(Answers.RaisedUnresolved, "leave")
                .Script("raise", $"Raise script for {id}.")
                .Script("leave", $"Leave script for {id}."));
        }

        builder.Item("culture-mismatch", i => i
            .Tier(Tier.Dealbreaker)
            .Situation("culture")
            .Effect(Answers.Yes, "leave")
            .Script("leave", "Leave script for culture-mismatch."));
        builder.Item("aggressive-behaviour", i => i
            .Tier(Tier.Dealbreaker)
            .Situation("conduct")
            .Effect(Answers.Yes, "leave")
            .Script("leave", "Leave script for aggressive-behaviour."));

        // Serious flags weigh more than signals: two serious flags, or three of any kind, reach "leave".
        foreach (var id in WalkOutRedFlags)
        {
            var serious = id is "demeaning-questions" or "negative-assumptions";
            builder.Item(id, i => i
                .Tier(serious ? Tier.Serious : Tier.Signal)
                .Situation("conduct")
                .Weight(serious ? 1.5 : 1)
                .Script("raise", $"Raise script for {id}."));
        }

        return builder.Build();
    }

    /// <summary>Decline by default; participate only when certain never to return and wanting to speak, and nothing says they might return.</summary>
    public static Checklist ExitInterview() =>
        new ChecklistBuilder("exit-interview")
            .Moment("exit-interview")
            .Outcome("decline", 0, "exit-interview-decline")
            .Outcome("participate", 1)
            .Default("decline")
            .Item("might-return", i => i
                .Tier(Tier.Dealbreaker)
                .Effect(Answers.Yes, "decline")
                .Effect(Answers.Unsure, "decline")
                .Script("decline", "Keep the door open."))
            .Item("plan-to-air-grievances", i => i.Tier(Tier.Serious).Effect(Answers.Yes, "decline"))
            .Item("certain-never-return", i => i.Tier(Tier.Serious).Effect(Answers.No, "decline").Effect(Answers.Unsure, "decline"))
            .Item("want-to-say-your-piece", i => i.Tier(Tier.Signal).Effect(Answers.No, "decline").Script("participate", "Keep it short and specific."))
            .Item("issues-already-raised", i => i.Tier(Tier.Signal).Effect(Answers.Yes, "decline"))
            .Rule(
                "participate",
                [("certain-never-return", [Answers.Yes]), ("want-to-say-your-piece", [Answers.Yes])],
                [("might-return", [Answers.Yes, Answers.Unsure])])
            .Build();

    /// <summary>
    /// Continue by default; withdraw when no longer interested; wait when unsure, or when not interested
    /// but an offer would decide it. Rules repeated with has-recruiter make the recruiter a reason.
    /// </summary>
    public static Checklist Withdrawal()
    {
        (string, string[]) NotInterested = ("still-interested", [Answers.No]);
        (string, string[]) Unsure = ("still-interested", [Answers.Unsure]);
        (string, string[]) OfferDecides = ("offer-would-decide", [Answers.Yes, Answers.Unsure]);
        (string, string[]) Recruiter = ("has-recruiter", [Answers.Yes]);
        return new ChecklistBuilder("withdrawal")
            .Moment("after-interview")
            .Outcome("continue", 0)
            .Outcome("wait", 1)
            .Outcome("withdraw", 2, "withdrawal-note")
            .Default("continue")
            .Rule("withdraw", [NotInterested], [OfferDecides])
            .Rule("withdraw", [NotInterested, Recruiter], [OfferDecides])
            .Rule("wait", [Unsure])
            .Rule("wait", [Unsure, Recruiter])
            .Rule("wait", [NotInterested, OfferDecides])
            .Rule("wait", [NotInterested, OfferDecides, Recruiter])
            .Item("still-interested", i => i.Tier(Tier.Dealbreaker))
            .Item("offer-would-decide", i => i.Tier(Tier.Serious))
            .Item("has-recruiter", i => i
                .Tier(Tier.Signal)
                .Situation("recruiter")
                .Script("withdraw", "Tell your recruiter why.")
                .Script("wait", "Talk it through with your recruiter."))
            .Build();
    }
}
