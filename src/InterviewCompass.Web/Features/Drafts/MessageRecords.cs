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
