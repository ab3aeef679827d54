using InterviewCompass.Core.Content;
using InterviewCompass.Core.Messages;
using InterviewCompass.Web.Features.Offline;
using InterviewCompass.Web.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace InterviewCompass.Web.Features.Drafts;

internal static class MessagesApi
{
    public static RouteGroupBuilder MapMessagesApi(this RouteGroupBuilder api)
    {
        var messages = api.MapGroup("/messages").WithTags("Messages");
        messages.MapGet("/", List)
            .WithName("ListMessages")
            .WithSummary("Every message kind with its tones, situations and templates, and the fields templates use (versioned with the content).");
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

    private static Ok<MessageCatalogResponse> List(ContentCatalog catalog, AppVersion version) =>
        TypedResults.Ok(Catalog(catalog, version));

    /// <summary>The templates as data, so a browser with no connection fills them the way <see cref="MessageComposer"/> does.</summary>
    internal static MessageCatalogResponse Catalog(ContentCatalog catalog, AppVersion version) => new(
        version.Value,
        [.. catalog.MessageKinds.Select(k => new MessageKindModel(
            k.Id,
            k.Title,
            k.Description,
            k.Spoken,
            [.. k.Templates.Select(t => t.Tone).Distinct(StringComparer.Ordinal)],
            [.. k.Situations.Select(s => new MessageSituationModel(s, SituationLabels.For(s)))],
            [.. k.Templates.Select(t => new MessageTemplateModel(t.Tone, t.Situation, t.Subject, t.Body))]))],
        [.. catalog.MessageFields.Select(f => new MessageFieldModel(f.Id, f.Label, f.Hint, f.Optional))]);

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
