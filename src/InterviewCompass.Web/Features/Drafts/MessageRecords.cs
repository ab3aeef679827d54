using System.ComponentModel.DataAnnotations;
using InterviewCompass.Web.Shared;

namespace InterviewCompass.Web.Features.Drafts;

/// <param name="Kind">A message kind, e.g. withdrawal-note.</param>
/// <param name="Tone">warm, formal or brief.</param>
/// <param name="Fields">name, contact, company, role, reason (optional).</param>
public sealed record ComposeMessageRequest(
    [property: Required(ErrorMessage = "'kind' is required.")]
    [property: MaxLength(InputLimits.Id, ErrorMessage = "kind is at most 64 characters long.")]
    string? Kind,
    [property: Required(ErrorMessage = "'tone' is required.")]
    [property: MaxLength(InputLimits.Id, ErrorMessage = "tone is at most 64 characters long.")]
    string? Tone,
    [property: MaxLength(InputLimits.Id, ErrorMessage = "situation is at most 64 characters long.")]
    string? Situation = null,
    [property: TextMap(InputLimits.FieldCount, InputLimits.Field)]
    Dictionary<string, string>? Fields = null);

public sealed record ComposeMessageResponse(string Subject, string Body);

/// <param name="Kind">A message kind, e.g. withdrawal-note.</param>
/// <param name="Text">The draft to check.</param>
public sealed record LintMessageRequest(
    [property: Required(ErrorMessage = "'kind' is required.")]
    [property: MaxLength(InputLimits.Id, ErrorMessage = "kind is at most 64 characters long.")]
    string? Kind,
    [property: Required(AllowEmptyStrings = true, ErrorMessage = "The draft text is required.")]
    [property: MaxLength(InputLimits.Body, ErrorMessage = "A draft may be at most 5000 characters.")]
    string? Text);

public sealed record LintMessageResponse(IReadOnlyList<LintFindingModel> Findings);

/// <param name="Severity">info, warning or error.</param>
public sealed record LintFindingModel(string Rule, string Severity, string Message, string Excerpt, string Fix, string Guide);

/// <summary>The message templates as data: <c>GET /api/v1/messages</c>.</summary>
/// <param name="Version">The app's version (<see cref="Offline.AppVersion"/>): it changes with the content.</param>
public sealed record MessageCatalogResponse(string Version, IReadOnlyList<MessageKindModel> Kinds, IReadOnlyList<MessageFieldModel> Fields);

/// <param name="Spoken">Words to say aloud: no subject.</param>
/// <param name="Situations">Empty when the kind has one template per tone.</param>
public sealed record MessageKindModel(
    string Id,
    string Title,
    string Description,
    bool Spoken,
    IReadOnlyList<string> Tones,
    IReadOnlyList<MessageSituationModel> Situations,
    IReadOnlyList<MessageTemplateModel> Templates);

public sealed record MessageSituationModel(string Id, string Label);

/// <param name="Situation">Null when the kind has no situations.</param>
public sealed record MessageTemplateModel(string Tone, string? Situation, string Subject, string Body);

/// <param name="Optional">A body line whose only placeholders are optional and empty is dropped.</param>
public sealed record MessageFieldModel(string Id, string Label, string Hint, bool Optional);
