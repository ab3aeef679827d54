using InterviewCompass.Core.Content;

namespace InterviewCompass.Core.Rules;

/// <summary>What the rules say for one set of answers.</summary>
/// <param name="Confidence">0..1; lower with unsure and unanswered items.</param>
/// <param name="Reasons">The items that caused the outcome, most serious first, then any other item answered "not sure".</param>
/// <param name="Words">What to say, one block per person it is for: the outcome's words and the scripts of the items that caused it.</param>
/// <param name="OtherOption">The option set aside and its cost, in one neutral line; null only for verdicts built outside the engine.</param>
public sealed record Verdict(
    string Checklist,
    string Outcome,
    string Headline,
    string Explanation,
    double Confidence,
    IReadOnlyList<VerdictReason> Reasons,
    IReadOnlyList<WordsBlock> Words,
    OtherOption? OtherOption = null);

/// <summary>Lines to say or write to one person.</summary>
/// <param name="For">Who the lines are for, e.g. <c>the interviewer</c>, <c>your recruiter</c> ("" when content does not say).</param>
public sealed record WordsBlock(string For, IReadOnlyList<string> Lines)
{
    /// <summary>Every line of every block, in order: for places that show the words as one text.</summary>
    public static IEnumerable<string> AllLines(IEnumerable<WordsBlock> blocks) => blocks.SelectMany(b => b.Lines);
}

/// <param name="Answer">The answer given, or <see cref="Answers.Unanswered"/> when a blank item is why a default verdict stands.</param>
/// <param name="Why">The item's one-line "why this matters".</param>
/// <param name="Note">The line naming the person's answer and this item's own reason (for "not sure": what it would take to
/// be sure), from the item's <c>notes</c>; the item's <paramref name="Why"/> when it has none for this answer.</param>
public sealed record VerdictReason(string Item, string Text, string Answer, Tier Tier, GuideLink Guide, string Why = "", string Note = "");

/// <summary>The other option a verdict sets aside: its outcome id and headline, one line naming it and its cost, and its own words to say.</summary>
/// <param name="Words">What to say if the person takes this option instead (e.g. a way to steer the talk back to the role), where content has it.</param>
public sealed record OtherOption(string Outcome, string Headline, string Line, IReadOnlyList<WordsBlock> Words);

/// <summary>An answer the engine could not use: unknown item id or a value the item does not take.</summary>
public sealed record AnswerError(string Item, string Problem);

/// <summary>Either a verdict or the answer errors that prevented one.</summary>
public sealed record Assessment(Verdict? Verdict, IReadOnlyList<AnswerError> Errors)
{
    public bool IsValid => Verdict is not null;
}
