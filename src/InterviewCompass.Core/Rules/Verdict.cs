using InterviewCompass.Core.Content;

namespace InterviewCompass.Core.Rules;

/// <summary>What the rules say for one set of answers.</summary>
/// <param name="Confidence">0..1; lower with unsure and unanswered items.</param>
/// <param name="Reasons">The items that caused the outcome, most serious first.</param>
/// <param name="Words">What to say: the outcome's words and the scripts of the items that caused it.</param>
/// <param name="OtherOption">The option set aside and its cost, in one neutral line; null only for verdicts built outside the engine.</param>
public sealed record Verdict(
    string Checklist,
    string Outcome,
    string Headline,
    string Explanation,
    double Confidence,
    IReadOnlyList<VerdictReason> Reasons,
    IReadOnlyList<string> Words,
    OtherOption? OtherOption = null);

/// <param name="Answer">The answer given, or <see cref="Answers.Unanswered"/> when a blank item is why a default verdict stands.</param>
/// <param name="Why">The item's one-line "why this matters".</param>
public sealed record VerdictReason(string Item, string Text, string Answer, Tier Tier, GuideLink Guide, string Why = "");

/// <summary>The other option a verdict sets aside: its outcome id and headline, and one line naming it and its cost.</summary>
public sealed record OtherOption(string Outcome, string Headline, string Line);

/// <summary>An answer the engine could not use: unknown item id or a value the item does not take.</summary>
public sealed record AnswerError(string Item, string Problem);

/// <summary>Either a verdict or the answer errors that prevented one.</summary>
public sealed record Assessment(Verdict? Verdict, IReadOnlyList<AnswerError> Errors)
{
    public bool IsValid => Verdict is not null;
}
