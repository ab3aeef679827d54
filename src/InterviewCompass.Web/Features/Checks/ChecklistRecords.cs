using InterviewCompass.Core.Content;

namespace InterviewCompass.Web.Features.Checks;

public sealed record ChecklistSummary(string Id, string Title, string Moment, string Summary, int ItemCount, string Href);

public sealed record ChecklistDetail(
    string Id,
    string Title,
    string Moment,
    string Summary,
    string DefaultOutcome,
    IReadOnlyList<ChecklistItemModel> Items,
    IReadOnlyList<OutcomeModel> Outcomes);

/// <param name="Tier">dealbreaker, serious or signal.</param>
/// <param name="Guide">The guide section that explains it (<c>/guides/id#anchor</c>).</param>
public sealed record ChecklistItemModel(string Id, string Prompt, string Why, IReadOnlyList<string> AllowedAnswers, string Tier, bool RaiseFirst, string Guide);

public sealed record OutcomeModel(string Id, int Rank, string Headline, string Explanation, string? Guide, string? Message);

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
    IReadOnlyList<string> Words,
    OtherOptionModel? OtherOption);

/// <param name="Why">The item's one line on why it matters.</param>
public sealed record ReasonModel(string Item, string Text, string Answer, string Tier, string Guide, string Why);

/// <param name="Line">The option set aside and what it costs, in one neutral line.</param>
public sealed record OtherOptionModel(string Outcome, string Headline, string Line);

internal static class TierNames
{
    public static string Of(Tier tier) => tier switch
    {
        Tier.Dealbreaker => "dealbreaker",
        Tier.Serious => "serious",
        _ => "signal",
    };
}
