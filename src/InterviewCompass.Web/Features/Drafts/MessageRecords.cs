namespace InterviewCompass.Web.Features.Drafts;

/// <param name="Fields">name, contact, company, role, reason (optional).</param>
public sealed record ComposeMessageRequest(string? Kind, string? Tone, string? Situation, Dictionary<string, string>? Fields);

public sealed record ComposeMessageResponse(string Subject, string Body);

public sealed record LintMessageRequest(string? Kind, string? Text);

public sealed record LintMessageResponse(IReadOnlyList<LintFindingModel> Findings);

/// <param name="Severity">info, warning or error.</param>
public sealed record LintFindingModel(string Rule, string Severity, string Message, string Excerpt, string Fix, string Guide);
