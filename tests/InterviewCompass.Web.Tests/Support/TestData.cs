using InterviewCompass.Core.Content;
using InterviewCompass.Core.Rules;

namespace InterviewCompass.Web.Tests.Support;

/// <summary>Small, readable content records for component tests that do not need the real catalog.</summary>
internal static class TestData
{
    public static Guide Guide(string id, string title = "A guide", params string[] tags) => new(
        id,
        title,
        Summary: $"Summary of {title}.",
        Tags: tags.Length == 0 ? ["interview"] : tags,
        Reviewed: new DateOnly(2026, 11, 22),
        Related: [],
        Sections: [new GuideSection("first-section", "First section", "Text.")],
        Html: "<p>Body.</p>",
        PlainText: "Body.",
        SourcePath: $"content/guides/{id}.md");

    public static ChecklistItem Item(string id, bool raiseFirst = false, string prompt = "Is something wrong?") => new(
        id,
        prompt,
        Why: "Because it matters.",
        Tier.Serious,
        raiseFirst,
        new GuideLink("walking-out", "pay-below-the-posted-range"),
        Effects: new Dictionary<string, string>(),
        Weight: 0,
        Scripts: new Dictionary<string, string>(),
        Situation: null);

    public static Verdict Verdict(double confidence = 0.9, params VerdictReason[] reasons) => new(
        "walk-out",
        "leave",
        "You can leave, politely",
        "Staying gains you nothing.",
        confidence,
        reasons,
        [new WordsBlock("the interviewer", ["Thank you for your time today.", "I'll leave it here."])]);

    public static VerdictReason Reason(string item, string text, string guide) =>
        new(item, text, Answers.RaisedUnresolved, Tier.Dealbreaker, GuideLink.Parse(guide));
}
