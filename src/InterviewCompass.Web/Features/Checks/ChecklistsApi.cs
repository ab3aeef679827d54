using InterviewCompass.Core.Content;
using InterviewCompass.Core.Rules;
using InterviewCompass.Web.Hosting;
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
            .WithSummary("Answers in, verdict out (outcome, confidence, reasons, words to say). Stores nothing.")
            .Accepts<AssessRequest>("application/json");
        return api;
    }

    private static Ok<ChecklistSummary[]> List(ContentCatalog catalog) =>
        TypedResults.Ok(catalog.Checklists
            .Select(c => new ChecklistSummary(c.Id, c.Title, c.Moment, c.Summary, c.Items.Count, $"/check/{c.Id}"))
            .ToArray());

    private static Results<Ok<ChecklistDetail>, ProblemHttpResult> Get(string id, ContentCatalog catalog)
    {
        if (!catalog.ChecklistsById.TryGetValue(id, out var checklist))
        {
            return ApiProblems.NotFound("checklist", id);
        }

        return TypedResults.Ok(new ChecklistDetail(
            checklist.Id,
            checklist.Title,
            checklist.Moment,
            checklist.Summary,
            checklist.DefaultOutcome,
            [.. checklist.Items.Select(i => new ChecklistItemModel(i.Id, i.Prompt, i.Why, i.AllowedAnswers, TierNames.Of(i.Tier), i.RaiseFirst, i.Guide.Href))],
            [.. checklist.Outcomes.Select(o => new OutcomeModel(o.Id, o.Rank, o.Headline, o.Explanation, o.Guide?.Href, o.Message))]));
    }

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
            [.. verdict.Reasons.Select(r => new ReasonModel(r.Item, r.Text, r.Answer, TierNames.Of(r.Tier), r.Guide.Href, r.Why))],
            verdict.Words,
            verdict.OtherOption is { } other ? new OtherOptionModel(other.Outcome, other.Headline, other.Line) : null));
    }
}
