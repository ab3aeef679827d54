using InterviewCompass.Core.Content;

namespace InterviewCompass.Core.Messages;

/// <summary>Checks a draft against the guidance's lint rules (from content).</summary>
public sealed class DraftLinter
{
    private readonly ContentCatalog _catalog;

    public DraftLinter(ContentCatalog catalog) => _catalog = catalog;

    public LintResult Lint(string kind, string text) => throw new NotImplementedException("TODO(core-rules)" + _catalog.LintRules.Count);
}

/// <param name="Severity">info, warning or error.</param>
/// <param name="Excerpt">The words that triggered it.</param>
public sealed record LintFinding(string Rule, string Severity, string Message, string Excerpt, string Fix, GuideLink Guide);

/// <summary>Findings, or an error naming the unknown kind.</summary>
public sealed record LintResult(IReadOnlyList<LintFinding> Findings, string? Error);
