using InterviewCompass.Core.Messages;
using InterviewCompass.Web.Hosting;
using InterviewCompass.Web.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace InterviewCompass.Web.Features.Drafts;

internal static class MessagesApi
{
    private const int MaxFields = 20;
    private const int MaxFieldLength = 2_000;
    private const int MaxDraftLength = 20_000;

    public static RouteGroupBuilder MapMessagesApi(this RouteGroupBuilder api)
    {
        var messages = api.MapGroup("/messages").WithTags("Messages");
        messages.MapPost("/compose", Compose)
            .WithName("ComposeMessage")
            .WithSummary("Fills the template of a kind and tone (and situation) with the given fields.")
            .Accepts<ComposeMessageRequest>("application/json")
            .RequireRateLimiting(RateLimitPolicies.Writes);
        messages.MapPost("/lint", Lint)
            .WithName("LintMessage")
            .WithSummary("Checks a draft against the guidance: each finding names its rule, the words, a fix and a guide link.")
            .Accepts<LintMessageRequest>("application/json")
            .RequireRateLimiting(RateLimitPolicies.Writes);
        return api;
    }

    private static Results<Ok<ComposeMessageResponse>, ProblemHttpResult, ValidationProblem> Compose(
        [FromBody] ComposeMessageRequest request,
        MessageComposer composer)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        RequireText(errors, "kind", request.Kind);
        RequireText(errors, "tone", request.Tone);
        var fields = request.Fields ?? [];
        if (fields.Count > MaxFields)
        {
            errors["fields"] = [$"At most {MaxFields} fields are accepted."];
        }

        foreach (var (name, value) in fields)
        {
            if (value is null || value.Length > MaxFieldLength)
            {
                errors[$"fields.{name}"] = [$"Must be text of at most {MaxFieldLength} characters."];
            }
        }

        if (errors.Count > 0)
        {
            return ApiProblems.Invalid("The message request is not complete", errors);
        }

        var result = composer.Compose(new ComposeRequest(request.Kind!, request.Tone!, request.Situation, fields));
        if (result.Message is not { } message)
        {
            return ApiProblems.BadRequest("The message could not be composed", result.Error ?? "Unknown kind, tone or situation.");
        }

        return TypedResults.Ok(new ComposeMessageResponse(message.Subject, message.Body));
    }

    private static Results<Ok<LintMessageResponse>, ProblemHttpResult, ValidationProblem> Lint(
        [FromBody] LintMessageRequest request,
        DraftLinter linter)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        RequireText(errors, "kind", request.Kind);
        if (request.Text is null)
        {
            errors["text"] = ["The draft text is required."];
        }
        else if (request.Text.Length > MaxDraftLength)
        {
            errors["text"] = [$"A draft may be at most {MaxDraftLength} characters."];
        }

        if (errors.Count > 0)
        {
            return ApiProblems.Invalid("The lint request is not complete", errors);
        }

        var result = linter.Lint(request.Kind!, request.Text!);
        if (result.Error is not null)
        {
            return ApiProblems.BadRequest("The draft could not be checked", result.Error);
        }

        return TypedResults.Ok(new LintMessageResponse(
            [.. result.Findings.Select(f => new LintFindingModel(f.Rule, f.Severity, f.Message, f.Excerpt, f.Fix, f.Guide.Href))]));
    }

    private static void RequireText(Dictionary<string, string[]> errors, string name, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors[name] = [$"'{name}' is required."];
        }
    }
}
