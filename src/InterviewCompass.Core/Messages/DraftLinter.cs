using System.Text.RegularExpressions;
using InterviewCompass.Core.Content;

namespace InterviewCompass.Core.Messages;

/// <summary>Checks a draft against the guidance's lint rules (from content).</summary>
/// <remarks>
/// The code knows what each rule id checks; which kinds it applies to, its word list, its limit,
/// severity, message, fix and guide link all come from <c>content/messages/lint.yml</c>.
/// Greeting and sign-off lines are not sentences (see <see cref="DraftText"/>).
/// </remarks>
public sealed partial class DraftLinter
{
    private const int DefaultSentenceLimit = 2;

    private readonly ContentCatalog _catalog;
    private readonly List<CompiledRule> _rules;
    private readonly WordList _decisionWords;
    private readonly WordList _closingWords;

    public DraftLinter(ContentCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        _catalog = catalog;
        // Word lists are parsed once per catalog, never per draft.
        _rules = [.. catalog.LintRules.Select(r => new CompiledRule(r, new WordList(r.Words)))];
        _decisionWords = WordsOf(LintRuleIds.DecisionEarly);
        _closingWords = WordsOf(LintRuleIds.ThanksAtEnd);
    }

    public LintResult Lint(string kind, string text)
    {
        if (kind is null || !_catalog.MessageKindsById.TryGetValue(kind, out var messageKind))
        {
            return new LintResult([], $"Unknown message kind '{kind}'.");
        }

        text ??= "";
        var draft = DraftText.Parse(text);
        var findings = new List<LintFinding>();
        foreach (var compiled in _rules)
        {
            var rule = compiled.Rule;
            if (rule.Kinds.Count > 0 && !rule.Kinds.Contains(kind, StringComparer.Ordinal))
            {
                continue;
            }

            switch (rule.Id)
            {
                case LintRuleIds.ThanksFirst:
                    ThanksFirst(compiled, draft, findings);
                    break;
                case LintRuleIds.DecisionEarly:
                    DecisionEarly(compiled, draft, findings);
                    break;
                case LintRuleIds.ReasonShort:
                    ReasonShort(compiled, draft, findings);
                    break;
                case LintRuleIds.ThanksAtEnd:
                    ThanksAtEnd(compiled, draft, findings);
                    break;
                case LintRuleIds.TooMuchDetail:
                case LintRuleIds.NoGrievances:
                    FlagWords(compiled, draft, findings);
                    break;
                case LintRuleIds.TooLong:
                    TooLong(rule, messageKind, draft, findings);
                    break;
                case LintRuleIds.UnfilledPlaceholder:
                    UnfilledPlaceholders(rule, text, findings);
                    break;
                default:
                    // Content validation rejects unknown ids; an unknown one here has nothing to check.
                    break;
            }
        }

        return new LintResult(findings, null);
    }

    private WordList WordsOf(string ruleId) =>
        _rules.FirstOrDefault(r => r.Rule.Id == ruleId)?.Words ?? new WordList([]);

    private static void ThanksFirst(CompiledRule compiled, DraftText draft, List<LintFinding> findings)
    {
        if (draft.Sentences.Count > 0 && !compiled.Words.Any(draft.Sentences[0]))
        {
            findings.Add(Finding(compiled.Rule, draft.Sentences[0].Text));
        }
    }

    private static void DecisionEarly(CompiledRule compiled, DraftText draft, List<LintFinding> findings)
    {
        var opening = draft.Sentences.Take(compiled.Rule.Limit ?? DefaultSentenceLimit).ToList();
        if (opening.Count > 0 && !opening.Any(compiled.Words.Any))
        {
            findings.Add(Finding(compiled.Rule, Join(opening)));
        }
    }

    /// <summary>Counts sentences with a reason cue between the decision and the closing thanks.</summary>
    private void ReasonShort(CompiledRule compiled, DraftText draft, List<LintFinding> findings)
    {
        var sentences = draft.Sentences;
        var decision = IndexOf(sentences, _decisionWords);
        var from = decision < 0 ? 1 : decision + 1;
        var closing = sentences.Count;
        while (closing > from && _closingWords.Any(sentences[closing - 1]))
        {
            closing--;
        }

        var reasons = sentences.Skip(from).Take(closing - from).Where(compiled.Words.Any).ToList();
        if (reasons.Count > (compiled.Rule.Limit ?? DefaultSentenceLimit))
        {
            findings.Add(Finding(compiled.Rule, Join(reasons)));
        }
    }

    private static void ThanksAtEnd(CompiledRule compiled, DraftText draft, List<LintFinding> findings)
    {
        var limit = compiled.Rule.Limit ?? DefaultSentenceLimit;
        var ending = draft.Sentences.Skip(Math.Max(0, draft.Sentences.Count - limit)).ToList();
        if (ending.Count > 0 && !ending.Any(compiled.Words.Any))
        {
            findings.Add(Finding(compiled.Rule, ending[^1].Text));
        }
    }

    /// <summary>One finding per sentence that uses a listed word, naming the words.</summary>
    private static void FlagWords(CompiledRule compiled, DraftText draft, List<LintFinding> findings)
    {
        foreach (var sentence in draft.Sentences)
        {
            var words = compiled.Words.Matches(sentence);
            if (words.Count > 0)
            {
                var rule = compiled.Rule;
                findings.Add(Finding(rule, sentence.Text) with
                {
                    Message = $"{rule.Message} ({string.Join(", ", words.Select(w => $"\"{w}\""))})",
                });
            }
        }
    }

    private static void TooLong(LintRule rule, MessageKind kind, DraftText draft, List<LintFinding> findings)
    {
        if (draft.WordCount > kind.MaxWords)
        {
            findings.Add(Finding(rule, $"{draft.WordCount} words; a {kind.Title.ToLowerInvariant()} reads best in {kind.MaxWords} or fewer."));
        }
    }

    private static void UnfilledPlaceholders(LintRule rule, string text, List<LintFinding> findings)
    {
        foreach (var placeholder in Placeholder().Matches(text).Select(m => m.Value).Distinct(StringComparer.Ordinal))
        {
            findings.Add(Finding(rule, placeholder));
        }
    }

    private static int IndexOf(IReadOnlyList<Sentence> sentences, WordList words)
    {
        for (var i = 0; i < sentences.Count; i++)
        {
            if (words.Any(sentences[i]))
            {
                return i;
            }
        }

        return -1;
    }

    private static string Join(IEnumerable<Sentence> sentences) => string.Join(' ', sentences.Select(s => s.Text));

    private static LintFinding Finding(LintRule rule, string excerpt) =>
        new(rule.Id, rule.Severity, rule.Message, excerpt, rule.Fix, rule.Guide);

    [GeneratedRegex(@"\{[A-Za-z][A-Za-z0-9_-]*\}", RegexOptions.CultureInvariant)]
    private static partial Regex Placeholder();

    private sealed record CompiledRule(LintRule Rule, WordList Words);
}

/// <param name="Severity">info, warning or error.</param>
/// <param name="Excerpt">The words that triggered it.</param>
public sealed record LintFinding(string Rule, string Severity, string Message, string Excerpt, string Fix, GuideLink Guide);

/// <summary>Findings, or an error naming the unknown kind.</summary>
public sealed record LintResult(IReadOnlyList<LintFinding> Findings, string? Error);
