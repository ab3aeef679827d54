using System.Text.RegularExpressions;
using InterviewCompass.Core.Content;

namespace InterviewCompass.Core.Messages;

/// <summary>Checks a draft against the guidance's lint rules (from content).</summary>
/// <remarks>
/// The code knows what each rule id checks; which kinds it applies to, its word list, its limit,
/// severity, message, fix and guide link all come from <c>content/messages/lint.yml</c>.
/// Greeting and sign-off lines are not sentences (see <see cref="DraftText"/>). Complaints are found
/// by the rule's word list and by the shapes a complaint takes whatever its words
/// (<see cref="ComplaintShapes"/>): "kept interrupting", "nobody listened", "didn't even ask".
/// </remarks>
public sealed partial class DraftLinter
{
    private const int DefaultSentenceLimit = 2;

    private readonly ContentCatalog _catalog;
    private readonly CompiledRule[] _rules;
    private readonly WordIndex _index;
    private readonly int _thanksWords;
    private readonly int _decisionWords;
    private readonly int _closingWords;
    private readonly int _complaintWords;

    public DraftLinter(ContentCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        _catalog = catalog;
        // Word lists are parsed once per catalog, never per draft.
        _rules = [.. catalog.LintRules.Select((r, i) => new CompiledRule(r, new WordList(r.Words), [.. r.Kinds], i))];
        _index = new WordIndex([.. _rules.Select(r => r.Words)]);
        _thanksWords = ListOf(LintRuleIds.ThanksFirst);
        _decisionWords = ListOf(LintRuleIds.DecisionEarly);
        _closingWords = ListOf(LintRuleIds.ThanksAtEnd);
        _complaintWords = ListOf(LintRuleIds.TooMuchDetail);
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
            if (compiled.Kinds.Length > 0 && Array.IndexOf(compiled.Kinds, kind) < 0)
            {
                continue;
            }

            switch (compiled.Rule.Id)
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
                case LintRuleIds.ReasonMissing:
                    ReasonMissing(compiled, draft, findings);
                    break;
                case LintRuleIds.ThanksAtEnd:
                    ThanksAtEnd(compiled, draft, findings);
                    break;
                case LintRuleIds.TooMuchDetail:
                case LintRuleIds.NoGrievances:
                    FlagComplaints(compiled, draft, findings);
                    break;
                case LintRuleIds.TooLong:
                    TooLong(compiled.Rule, messageKind, draft, findings);
                    break;
                case LintRuleIds.UnfilledPlaceholder:
                    UnfilledPlaceholders(compiled.Rule, text, findings);
                    break;
                default:
                    // Content validation rejects unknown ids; an unknown one here has nothing to check.
                    break;
            }
        }

        return new LintResult(findings, null);
    }

    /// <summary>The placeholders still in <paramref name="text"/>, each once, with the label of its field (for a copy warning).</summary>
    public IReadOnlyList<UnfilledField> UnfilledFields(string? text)
    {
        var found = new List<UnfilledField>();
        foreach (Match match in Placeholder().Matches(text ?? ""))
        {
            if (!found.Exists(f => f.Placeholder == match.Value))
            {
                found.Add(new UnfilledField(match.Value, LabelOf(match.Value)));
            }
        }

        return found;
    }

    private string LabelOf(string placeholder)
    {
        var id = placeholder[1..^1];
        return _catalog.MessageFieldsById.TryGetValue(id, out var field) ? field.Label : id;
    }

    private int ListOf(string ruleId) => Array.Find(_rules, r => r.Rule.Id == ruleId)?.List ?? -1;

    private bool Has(Sentence sentence, CompiledRule rule) => _index.Has(sentence, rule.List);

    private void ThanksFirst(CompiledRule compiled, DraftText draft, List<LintFinding> findings)
    {
        if (draft.Sentences.Count > 0 && !Has(draft.Sentences[0], compiled))
        {
            findings.Add(Finding(compiled.Rule, draft.Sentences[0].Text));
        }
    }

    private void DecisionEarly(CompiledRule compiled, DraftText draft, List<LintFinding> findings)
    {
        var limit = Math.Min(compiled.Rule.Limit ?? DefaultSentenceLimit, draft.Sentences.Count);
        for (var i = 0; i < limit; i++)
        {
            if (Has(draft.Sentences[i], compiled))
            {
                return;
            }
        }

        if (limit > 0)
        {
            findings.Add(Finding(compiled.Rule, Join(draft.Sentences, 0, limit)));
        }
    }

    /// <summary>
    /// Counts the sentences of the reason: every body sentence except the opening thanks, the
    /// decision (unless it carries a "because" clause), the closing run and sentences of courtesy
    /// (the rule's words: thanks, good wishes, an offer to help).
    /// </summary>
    private void ReasonShort(CompiledRule compiled, DraftText draft, List<LintFinding> findings)
    {
        var sentences = draft.Sentences;
        var closing = ClosingStart(sentences);
        var decisionSeen = false;
        List<Sentence>? reasons = null;
        for (var i = 0; i < closing; i++)
        {
            var sentence = sentences[i];
            if (i == 0 && _index.Has(sentence, _thanksWords))
            {
                continue;
            }

            if (!decisionSeen && _index.Has(sentence, _decisionWords))
            {
                decisionSeen = true;
                if (!ComplaintShapes.HasReasonClause(sentence))
                {
                    continue;
                }
            }
            else if (Has(sentence, compiled))
            {
                continue;
            }

            (reasons ??= []).Add(sentence);
        }

        if (reasons is not null && reasons.Count > (compiled.Rule.Limit ?? DefaultSentenceLimit))
        {
            findings.Add(Finding(compiled.Rule, Join(reasons, 0, reasons.Count)));
        }
    }

    /// <summary>A recruiter note exists to say why: fires when no sentence gives a reason (a complaint is a reason too).</summary>
    private void ReasonMissing(CompiledRule compiled, DraftText draft, List<LintFinding> findings)
    {
        if (draft.Sentences.Count == 0)
        {
            return;
        }

        foreach (var sentence in draft.Sentences)
        {
            if (Has(sentence, compiled) || ComplaintShapes.HasReasonClause(sentence) || _index.Has(sentence, _complaintWords) || ComplaintShapes.Any(sentence))
            {
                return;
            }
        }

        findings.Add(Finding(compiled.Rule, draft.Sentences[Math.Min(1, draft.Sentences.Count - 1)].Text));
    }

    private int ClosingStart(IReadOnlyList<Sentence> sentences)
    {
        var closing = sentences.Count;
        while (closing > 1 && _index.Has(sentences[closing - 1], _closingWords))
        {
            closing--;
        }

        return closing;
    }

    private void ThanksAtEnd(CompiledRule compiled, DraftText draft, List<LintFinding> findings)
    {
        var count = draft.Sentences.Count;
        var from = Math.Max(0, count - (compiled.Rule.Limit ?? DefaultSentenceLimit));
        for (var i = from; i < count; i++)
        {
            if (Has(draft.Sentences[i], compiled))
            {
                return;
            }
        }

        if (count > 0)
        {
            findings.Add(Finding(compiled.Rule, draft.Sentences[^1].Text));
        }
    }

    /// <summary>One finding per sentence with a complaint (listed word or complaint shape), naming the words.</summary>
    private void FlagComplaints(CompiledRule compiled, DraftText draft, List<LintFinding> findings)
    {
        foreach (var sentence in draft.Sentences)
        {
            var words = Has(sentence, compiled) ? compiled.Words.Matches(sentence) : [];
            ComplaintShapes.Find(sentence, words);
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

    private void UnfilledPlaceholders(LintRule rule, string text, List<LintFinding> findings)
    {
        foreach (var field in UnfilledFields(text))
        {
            findings.Add(Finding(rule, field.Placeholder) with
            {
                Message = $"{rule.Message} (\u201c{field.Label}\u201d)",
            });
        }
    }

    private static string Join(IReadOnlyList<Sentence> sentences, int from, int count)
    {
        if (count == 1)
        {
            return sentences[from].Text;
        }

        var texts = new string[count];
        for (var i = 0; i < count; i++)
        {
            texts[i] = sentences[from + i].Text;
        }

        return string.Join(' ', texts);
    }

    private static LintFinding Finding(LintRule rule, string excerpt) =>
        new(rule.Id, rule.Severity, rule.Message, excerpt, rule.Fix, rule.Guide);

    [GeneratedRegex(@"\{[A-Za-z][A-Za-z0-9_-]*\}", RegexOptions.CultureInvariant)]
    private static partial Regex Placeholder();

    private sealed record CompiledRule(LintRule Rule, WordList Words, string[] Kinds, int List);
}

/// <param name="Severity">info, warning or error.</param>
/// <param name="Excerpt">The words that triggered it.</param>
public sealed record LintFinding(string Rule, string Severity, string Message, string Excerpt, string Fix, GuideLink Guide);

/// <summary>Findings, or an error naming the unknown kind.</summary>
public sealed record LintResult(IReadOnlyList<LintFinding> Findings, string? Error);

/// <summary>A placeholder still in a text (<c>{name}</c>) and the label of its field ("Who it is to").</summary>
public sealed record UnfilledField(string Placeholder, string Label);
