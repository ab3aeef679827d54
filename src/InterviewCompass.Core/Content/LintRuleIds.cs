namespace InterviewCompass.Core.Content;

/// <summary>The lint rules the draft linter implements; <c>lint.yml</c> must configure exactly these.</summary>
public static class LintRuleIds
{
    public const string ThanksFirst = "thanks-first";
    public const string DecisionEarly = "decision-early";
    public const string ReasonShort = "reason-short";
    public const string TooMuchDetail = "too-much-detail";
    public const string ThanksAtEnd = "thanks-at-end";
    public const string TooLong = "too-long";
    public const string UnfilledPlaceholder = "unfilled-placeholder";
    public const string NoGrievances = "no-grievances";
    public const string ReasonMissing = "reason-missing";
    public const string DecisionMissing = "decision-missing";
    public const string HostileTone = "hostile-tone";
    public const string LateNote = "late-note";

    public static readonly IReadOnlyList<string> All =
        [ThanksFirst, DecisionEarly, ReasonShort, TooMuchDetail, ThanksAtEnd, TooLong, UnfilledPlaceholder, NoGrievances, ReasonMissing, DecisionMissing, HostileTone, LateNote];
}
