using InterviewCompass.Core.Content;
using InterviewCompass.Core.Rules;
using InterviewCompass.Web.Features.Offline;
using InterviewCompass.Web.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace InterviewCompass.Web.Features.Checks;

internal static class ChecklistsApi
{
    public static RouteGroupBuilder MapChecklistsApi(this RouteGroupBuilder api)
    {
        var checklists = api.MapGroup("/checklists").WithTags("Checklists");
        checklists.MapGet("/", List)
            .WithName("ListChecklists")
            .WithSummary("The checklists: walk-out, exit-interview and withdrawal.");
        checklists.MapGet("/{id}", Get)
            .WithName("GetChecklist")
            .WithSummary("One checklist: items with their allowed answers, tiers and guide links; outcomes.");
        checklists.MapPost("/{id}/assess", Assess)
            .WithName("AssessChecklist")
            .WithSummary("Answers in, verdict out. Stores nothing.")
            .WithDescription("The verdict: outcome, headline, explanation, confidence; reasons (each item that caused it, then any other " +
                "item answered 'unsure'), each with `note`, the line naming the answer and that item's own reason; `words`, one block " +
                "per person (`for`: who it is for, e.g. 'the hiring manager', 'your recruiter'; `lines`); and `otherOption` with its " +
                "line and its own `words` blocks (may be empty).")
            .Accepts<AssessRequest>("application/json");
        return api;
    }

    private static Ok<ChecklistSummary[]> List(ContentCatalog catalog) =>
        TypedResults.Ok(catalog.Checklists
            .Select(c => new ChecklistSummary(c.Id, c.Title, c.Moment, c.Summary, c.Items.Count, $"/check/{c.Id}"))
            .ToArray());

    private static Results<Ok<ChecklistDetail>, ProblemHttpResult> Get(string id, ContentCatalog catalog, AppVersion version)
    {
        if (!catalog.ChecklistsById.TryGetValue(id, out var checklist))
        {
            return ApiProblems.NotFound("checklist", id);
        }

        return TypedResults.Ok(Detail(checklist, version));
    }

    /// <summary>The whole checklist as data: what the page shows and what the engine reads, nothing computed.</summary>
    internal static ChecklistDetail Detail(Checklist checklist, AppVersion version) => new(
        checklist.Id,
        checklist.Title,
        checklist.Moment,
        checklist.Summary,
        checklist.DefaultOutcome,
        [.. checklist.Items.Select(i => new ChecklistItemModel(
            i.Id, i.Prompt, i.Why, i.AllowedAnswers, TierNames.Of(i.Tier), i.RaiseFirst, i.Guide.Href, i.Effects, i.Weight, i.Scripts,
            i.OtherOptions ?? new Dictionary<string, string>(), i.Notes ?? new Dictionary<string, string>(), i.ScriptsFor, i.Situation))],
        [.. checklist.Outcomes.Select(o => new OutcomeModel(
            o.Id, o.Rank, o.Headline, o.Explanation, o.Guide?.Href, o.Message, o.Words,
            o.OtherOption, o.ScriptsReplaceWords, o.WordsFor))],
        version.Value,
        [.. Enum.GetValues<Tier>().Order().Select(TierNames.Of)],
        [.. checklist.Thresholds.Select(t => new ThresholdModel(t.AtLeast, t.Outcome))],
        [.. checklist.Rules.Select(r => new RuleModel(r.Outcome, Conditions(r.All), Conditions(r.None)))],
        [.. checklist.Starts.Select(s => new StartModel(s.Id, s.Label, s.Items, StartHref(checklist.Id, s.Id)))],
        new VerdictLabels(AnswerLabels.All, ConfidenceWording.Bands));

    /// <summary>The check page opened on one "What happened?" start.</summary>
    internal static string StartHref(string checklistId, string startId) =>
        $"/check/{Uri.EscapeDataString(checklistId)}?{FocusQuery.Parameter}={Uri.EscapeDataString(startId)}";

    private static ConditionModel[] Conditions(IReadOnlyList<AnswerCondition> conditions) =>
        [.. conditions.Select(c => new ConditionModel(c.Item, c.AnyOf))];

    private static Results<Ok<AssessResponse>, ProblemHttpResult, ValidationProblem> Assess(
        string id,
        [FromBody] AssessRequest request,
        ContentCatalog catalog,
        VerdictEngine engine)
    {
        if (!catalog.ChecklistsById.TryGetValue(id, out var checklist))
        {
            return ApiProblems.NotFound("checklist", id);
        }

        var assessment = engine.Assess(checklist, request.Answers ?? []);
        if (assessment.Verdict is not { } verdict)
        {
            var check = new InputCheck();
            foreach (var error in assessment.Errors)
            {
                check.Add($"answers.{error.Item}", error.Problem);
            }

            return ApiProblems.Invalid("Some answers could not be used", check.Errors);
        }

        return TypedResults.Ok(new AssessResponse(
            verdict.Checklist,
            verdict.Outcome,
            verdict.Headline,
            verdict.Explanation,
            verdict.Confidence,
            [.. verdict.Reasons.Select(r => new ReasonModel(r.Item, r.Text, r.Answer, TierNames.Of(r.Tier), r.Guide.Href, r.Why, r.Note))],
            WordsBlockModel.Of(verdict.Words),
            verdict.OtherOption is { } other ? new OtherOptionModel(other.Outcome, other.Headline, other.Line, WordsBlockModel.Of(other.Words)) : null));
    }
}
