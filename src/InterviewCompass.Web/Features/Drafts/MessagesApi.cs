using InterviewCompass.Core.Messages;
using InterviewCompass.Web.Hosting;
using InterviewCompass.Web.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace InterviewCompass.Web.Features.Drafts;

internal static class MessagesApi
{
    public static RouteGroupBuilder MapMessagesApi(this RouteGroupBuilder api)
    {
        var messages = api.MapGroup("/messages").WithTags("Messages");
        messages.MapPost("/compose", Compose)
            .WithName("ComposeMessage")
            .WithSummary("Fills the template of a kind and tone (and situation) with the given fields.")
            .Accepts<ComposeMessageRequest>("application/json");
        messages.MapPost("/lint", Lint)
            .WithName("LintMessage")
            .WithSummary("Checks a draft against the guidance: each finding names its rule, the words, a fix and a guide link.")
            .Accepts<LintMessageRequest>("application/json");
        return api;
    }

    // The requests' own attributes (built-in validation) have refused what is missing or too long; what is left needs the content.
    private static Results<Ok<ComposeMessageResponse>, ProblemHttpResult> Compose(
        [FromBody] ComposeMessageRequest request,
        MessageComposer composer)
    {
        var result = composer.Compose(new ComposeRequest(request.Kind!, request.Tone!, request.Situation, request.Fields ?? []));
        if (result.Message is not { } message)
        {
            return ApiProblems.BadRequest("The message could not be composed", result.Error ?? "Unknown kind, tone or situation.");
        }

        return TypedResults.Ok(new ComposeMessageResponse(message.Subject, message.Body));
    }

    private static Results<Ok<LintMessageResponse>, ProblemHttpResult> Lint(
        [FromBody] LintMessageRequest request,
        DraftLinter linter)
    {
        var result = linter.Lint(request.Kind!, request.Text!);
        if (result.Error is not null)
        {
            return ApiProblems.BadRequest("The draft could not be checked", result.Error);
        }

        return TypedResults.Ok(new LintMessageResponse(
            [.. result.Findings.Select(f => new LintFindingModel(f.Rule, f.Severity, f.Message, f.Excerpt, f.Fix, f.Guide.Href))]));
    }
}
