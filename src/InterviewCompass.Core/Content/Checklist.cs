namespace InterviewCompass.Core.Content;

/// <summary>How heavy a red flag is; also the order in which reasons are listed.</summary>
public enum Tier
{
    Dealbreaker = 0,
    Serious = 1,
    Signal = 2,
}

/// <summary>The answers an item can take. Raise-first items also take the two <c>Raised*</c> values.</summary>
public static class Answers
{
    public const string No = "no";
    public const string Unsure = "unsure";
    public const string Yes = "yes";
    public const string RaisedResolved = "raised-resolved";
    public const string RaisedUnresolved = "raised-unresolved";

    /// <summary>Not an answer a person gives: marks a verdict reason whose item was left blank.</summary>
    public const string Unanswered = "unanswered";

    public static readonly IReadOnlyList<string> Basic = [No, Unsure, Yes];
    public static readonly IReadOnlyList<string> RaiseFirst = [No, Unsure, Yes, RaisedResolved, RaisedUnresolved];
}

/// <summary>A checklist: items a person answers and the outcomes the rules can give.</summary>
/// <param name="Moment">Which of the three moments it serves (e.g. <c>interview-break</c>).</param>
/// <param name="DefaultOutcome">The outcome when nothing escalates it.</param>
/// <param name="Thresholds">Total weight of <c>yes</c> answers at or above <see cref="ScoreThreshold.AtLeast"/> gives that outcome.</param>
/// <param name="Rules">Conditional rules; every rule whose condition holds proposes its outcome.</param>
public sealed record Checklist(
    string Id,
    string Title,
    string Moment,
    string Summary,
    IReadOnlyList<ChecklistItem> Items,
    IReadOnlyList<Outcome> Outcomes,
    string DefaultOutcome,
    IReadOnlyList<ScoreThreshold> Thresholds,
    IReadOnlyList<OutcomeRule> Rules,
    string SourcePath)
{
    /// <summary>"What happened?" choices that open the checklist on only the items that matter (<c>starts:</c>); may be empty.</summary>
    public IReadOnlyList<ChecklistStart> Starts { get; init; } = [];

    public ChecklistItem? FindItem(string id) => Items.FirstOrDefault(i => i.Id == id);

    public Outcome? FindOutcome(string id) => Outcomes.FirstOrDefault(o => o.Id == id);
}

/// <param name="Why">One line: why this matters, shown on demand.</param>
/// <param name="Effects">Answer value -> outcome id that answer proposes (e.g. <c>yes: leave</c>).</param>
/// <param name="Weight">Added to the checklist's score when the answer is <c>yes</c>.</param>
/// <param name="Scripts">Outcome id -> words to say for this item under that outcome.</param>
/// <param name="Situation">Which message variant this item leads to (walk-out: pay, safety, culture, not-real, conduct).</param>
/// <param name="OtherOptions">Outcome id -> the other-option line to show when this item is the main reason for that outcome.</param>
/// <param name="Notes">Answer (or <see cref="Answers.Unanswered"/>) -> the line a verdict shows for this answer: what the person said
/// and this item's own reason; for <c>unsure</c>, what it would take to be sure.</param>
/// <param name="ScriptsFor">Who this item's scripts are said to, when not the outcome's person (e.g. <c>your recruiter</c>).</param>
public sealed record ChecklistItem(
    string Id,
    string Prompt,
    string Why,
    Tier Tier,
    bool RaiseFirst,
    GuideLink Guide,
    IReadOnlyDictionary<string, string> Effects,
    double Weight,
    IReadOnlyDictionary<string, string> Scripts,
    string? Situation,
    IReadOnlyDictionary<string, string>? OtherOptions = null,
    IReadOnlyDictionary<string, string>? Notes = null,
    string? ScriptsFor = null)
{
    public IReadOnlyList<string> AllowedAnswers => RaiseFirst ? Answers.RaiseFirst : Answers.Basic;
}

/// <param name="Rank">Higher is a stronger verdict; the engine takes the highest proposed.</param>
/// <param name="Message">The message kind a person drafts from this outcome, if any.</param>
/// <param name="OtherOption">The option this verdict sets aside, and what taking it would cost, in one neutral line.</param>
/// <param name="WordsFor">Who the words are said or written to (e.g. <c>the interviewer</c>); labels the words on the card.</param>
/// <param name="ScriptsReplaceWords">When a reason has its own line for this outcome, say only the reasons' lines: the
/// outcome's words are a complete line of the same kind, and both together would say the same thing twice.</param>
public sealed record Outcome(
    string Id,
    int Rank,
    string Headline,
    string Explanation,
    IReadOnlyList<string> Words,
    GuideLink? Guide,
    string? Message,
    OtherOptionText? OtherOption = null,
    bool ScriptsReplaceWords = false,
    string WordsFor = "");

/// <summary>Content's "other option" for an outcome: which outcome it is and the one line that names it and its cost.</summary>
public sealed record OtherOptionText(string Outcome, string Line);

/// <summary>A quick start: a short label for what happened and the items it asks, in checklist order.</summary>
public sealed record ChecklistStart(string Id, string Label, IReadOnlyList<string> Items);

public sealed record ScoreThreshold(double AtLeast, string Outcome);

/// <summary>Proposes <see cref="Outcome"/> when every <see cref="All"/> condition holds and no <see cref="None"/> condition does.</summary>
public sealed record OutcomeRule(string Outcome, IReadOnlyList<AnswerCondition> All, IReadOnlyList<AnswerCondition> None);

/// <summary>Holds when the item's answer is one of <see cref="AnyOf"/>.</summary>
public sealed record AnswerCondition(string Item, IReadOnlyList<string> AnyOf);
