using InterviewCompass.Core.Content;

namespace InterviewCompass.Web.Features.Checks;

public sealed record ChecklistSummary(string Id, string Title, string Moment, string Summary, int ItemCount, string Href);

/// <summary>A checklist with everything the browser's verdict engine (<c>js/verdict-engine.js</c>) needs to give the
/// same verdict as the server's, offline.</summary>
/// <param name="Version">The app and content version (<c>AppVersion</c>): a browser holding another version holds other rules.</param>
/// <param name="Tiers">Tier names, most serious first: the order reasons are listed in.</param>
/// <param name="Starts">"What happened?" choices: each opens the check on only its items.</param>
/// <param name="Labels">The words the page shows for answers and confidence.</param>
public sealed record ChecklistDetail(
    string Id,
    string Title,
    string Moment,
    string Summary,
    string DefaultOutcome,
    IReadOnlyList<ChecklistItemModel> Items,
    IReadOnlyList<OutcomeModel> Outcomes,
    string Version,
    IReadOnlyList<string> Tiers,
    IReadOnlyList<ThresholdModel> Thresholds,
    IReadOnlyList<RuleModel> Rules,
    IReadOnlyList<StartModel> Starts,
    VerdictLabels Labels);

/// <param name="Tier">dealbreaker, serious or signal.</param>
/// <param name="Guide">The guide section that explains it (<c>/guides/id#anchor</c>).</param>
/// <param name="Effects">Answer -> the outcome that answer proposes.</param>
/// <param name="Weight">Added to the score when the answer is <c>yes</c>.</param>
/// <param name="Scripts">Outcome -> this item's words to say under that outcome.</param>
/// <param name="OtherOptions">Outcome -> this item's other-option line when it is the main reason for that outcome.</param>
/// <param name="Notes">Answer (or <c>unanswered</c>) -> the line a verdict shows for it: the answer and this item's own reason.</param>
/// <param name="ScriptsFor">Who this item's scripts are for when not the outcome's person (e.g. <c>your recruiter</c>), or null.</param>
/// <param name="Situation">The message situation this item leads to (the verdict's "Draft a message from this"), if any.</param>
public sealed record ChecklistItemModel(
    string Id,
    string Prompt,
    string Why,
    IReadOnlyList<string> AllowedAnswers,
    string Tier,
    bool RaiseFirst,
    string Guide,
    IReadOnlyDictionary<string, string> Effects,
    double Weight,
    IReadOnlyDictionary<string, string> Scripts,
    IReadOnlyDictionary<string, string> OtherOptions,
    IReadOnlyDictionary<string, string> Notes,
    string? ScriptsFor,
    string? Situation = null);

/// <param name="OtherOption">The option this outcome sets aside, and its cost in one line.</param>
/// <param name="ScriptsReplaceWords">When a reason has its own line (<c>scripts</c>) for this outcome, the verdict says only
/// the reasons' lines instead of <c>words</c>.</param>
/// <param name="WordsFor">Who the words are for, e.g. <c>the interviewer</c>.</param>
public sealed record OutcomeModel(
    string Id, int Rank, string Headline, string Explanation, string? Guide, string? Message, IReadOnlyList<string> Words, OtherOptionText? OtherOption,
    bool ScriptsReplaceWords, string WordsFor);

public sealed record ThresholdModel(double AtLeast, string Outcome);

/// <summary>Proposes <c>Outcome</c> when every <c>All</c> condition holds and no <c>None</c> condition does.</summary>
public sealed record RuleModel(string Outcome, IReadOnlyList<ConditionModel> All, IReadOnlyList<ConditionModel> None);

public sealed record ConditionModel(string Item, IReadOnlyList<string> AnyOf);

/// <param name="Href">The check opened on only these items, e.g. <c>/check/walk-out?focus=pay</c>.</param>
public sealed record StartModel(string Id, string Label, IReadOnlyList<string> Items, string Href);

/// <param name="Answers">Answer value -> the words shown for it.</param>
/// <param name="Confidence">Bands, highest first: the first whose <c>AtLeast</c> the confidence reaches gives the words.</param>
public sealed record VerdictLabels(IReadOnlyDictionary<string, string> Answers, IReadOnlyList<ConfidenceBand> Confidence);

public sealed record ConfidenceBand(double AtLeast, string Text);

/// <param name="Answers">Item id -> <c>no | unsure | yes</c> (raise-first items also <c>raised-resolved | raised-unresolved</c>); unanswered items are left out.</param>
public sealed record AssessRequest(
    [property: InterviewCompass.Web.Shared.TextMap(InterviewCompass.Web.Shared.InputLimits.Answers, InterviewCompass.Web.Shared.InputLimits.Id)]
    Dictionary<string, string>? Answers);

/// <param name="Confidence">0..1; lower with unsure and unanswered items.</param>
public sealed record AssessResponse(
    string Checklist,
    string Outcome,
    string Headline,
    string Explanation,
    double Confidence,
    IReadOnlyList<ReasonModel> Reasons,
    IReadOnlyList<WordsBlockModel> Words,
    OtherOptionModel? OtherOption);

/// <param name="Why">The item's one line on why it matters.</param>
/// <param name="Note">The line naming the person's answer and this item's own reason; for <c>unsure</c>, what it would take to be sure.</param>
public sealed record ReasonModel(string Item, string Text, string Answer, string Tier, string Guide, string Why, string Note);

/// <param name="Line">The option set aside and what it costs, in one neutral line.</param>
/// <param name="Words">What to say if the person takes this option instead, one block per person (may be empty).</param>
public sealed record OtherOptionModel(string Outcome, string Headline, string Line, IReadOnlyList<WordsBlockModel> Words);

/// <summary>Lines to say or write to one person, with their own Copy on the card.</summary>
/// <param name="For">Who they are for, e.g. <c>the interviewer</c>, <c>the hiring manager</c>, <c>your recruiter</c>.</param>
public sealed record WordsBlockModel(string For, IReadOnlyList<string> Lines)
{
    public static IReadOnlyList<WordsBlockModel> Of(IReadOnlyList<InterviewCompass.Core.Rules.WordsBlock> blocks) =>
        [.. blocks.Select(b => new WordsBlockModel(b.For, b.Lines))];
}

internal static class TierNames
{
    public static string Of(Tier tier) => tier switch
    {
        Tier.Dealbreaker => "dealbreaker",
        Tier.Serious => "serious",
        _ => "signal",
    };
}
