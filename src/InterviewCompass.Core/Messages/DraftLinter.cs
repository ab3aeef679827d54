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

    /// <summary>A word of at least this valence aimed at the reader reads as an insult.</summary>
    private const int HostileValence = -3;

    /// <summary>Praise adding up to this much, with nothing negative, is a sentence of courtesy.</summary>
    private const int PleasantValence = 3;

    private readonly ContentCatalog _catalog;
    private readonly CompiledRule[] _rules;
    private readonly WordIndex _index;
    private readonly int _thanksWords;
    private readonly int _decisionWords;
    private readonly int _closingWords;
    private readonly int _complaintWords;
    private readonly int _grievanceWords;
    private readonly ComplaintFinder? _complaints;

    public DraftLinter(ContentCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        _catalog = catalog;
        // Word lists are parsed once per catalog, never per draft.
        _rules = [.. catalog.LintRules.Select((r, i) => new CompiledRule(r, new WordList(r.Words), [.. r.Kinds], i))];
        _index = new WordIndex([.. _rules.Select(r => r.Words)]);
        _thanksWords = ListOf(LintRuleIds.ThanksFirst);
        _decisionWords = ListOf(LintRuleIds.DecisionMissing);
        _closingWords = ListOf(LintRuleIds.ThanksAtEnd);
        _complaintWords = ListOf(LintRuleIds.TooMuchDetail);
        _grievanceWords = ListOf(LintRuleIds.NoGrievances);
        _complaints = ComplaintFinder.From(catalog);
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
                case LintRuleIds.DecisionMissing:
                    DecisionMissing(compiled, draft, findings);
                    break;
                case LintRuleIds.HostileTone:
                    HostileTone(compiled, draft, findings);
                    break;
                case LintRuleIds.LateNote:
                    LateNote(compiled, draft, findings);
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
        var id = placeholder.Trim('{', '}', '[', ']', '(', ')', '<', '>', '|', '_', ' ');
        return _catalog.MessageFieldsById.TryGetValue(id, out var field) ? field.Label : id.Length > 0 ? id : "a blank";
    }

    /// <summary>A sentence of praise or good feeling with no complaint in it (not part of the reason).</summary>
    private bool Pleasant(Sentence sentence)
    {
        var score = 0;
        foreach (var word in sentence.Words)
        {
            if (_catalog.LintValence.TryGetValue(word, out var value))
            {
                if (value < 0)
                {
                    return false;
                }

                score += value;
            }
        }

        return score >= PleasantValence;
    }

    private static LintFinding Quoting(LintRule rule, string excerpt, List<string> words) =>
        Finding(rule, excerpt) with
        {
            Message = $"{rule.Message} ({string.Join(", ", words.Select(w => $"\u201c{w}\u201d"))})",
        };

    private int ListOf(string ruleId) => Array.Find(_rules, r => r.Rule.Id == ruleId)?.List ?? -1;

    private bool Has(Sentence sentence, CompiledRule rule) => _index.Has(sentence, rule.List);

    private void ThanksFirst(CompiledRule compiled, DraftText draft, List<LintFinding> findings)
    {
        if (draft.Sentences.Count > 0 && !Has(draft.Sentences[0], compiled))
        {
            findings.Add(Finding(compiled.Rule, draft.Sentences[0].Text));
        }
    }

    /// <summary>A suggestion (the article's order): the decision is there, but not in the first few sentences.</summary>
    private void DecisionEarly(CompiledRule compiled, DraftText draft, List<LintFinding> findings)
    {
        var first = FirstDecision(draft);
        var limit = compiled.Rule.Limit ?? DefaultSentenceLimit;
        if (first >= limit)
        {
            findings.Add(Finding(compiled.Rule, draft.Sentences[first].Text));
        }
    }

    /// <summary>No sentence says what was decided, however it is worded.</summary>
    private void DecisionMissing(CompiledRule compiled, DraftText draft, List<LintFinding> findings)
    {
        if (draft.Sentences.Count > 0 && FirstDecision(draft) < 0)
        {
            findings.Add(Finding(compiled.Rule, Join(draft.Sentences, 0, Math.Min(2, draft.Sentences.Count))));
        }
    }

    private int FirstDecision(DraftText draft)
    {
        for (var i = 0; i < draft.Sentences.Count; i++)
        {
            if (_index.Has(draft.Sentences[i], _decisionWords))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Insults, contempt and burnt bridges: the rule's words, or a strongly negative word aimed at "you".</summary>
    private void HostileTone(CompiledRule compiled, DraftText draft, List<LintFinding> findings)
    {
        foreach (var sentence in draft.Sentences)
        {
            var words = Has(sentence, compiled) ? compiled.Words.Matches(sentence) : [];
            if (_complaints?.Insult(sentence, HostileValence) is { } insult && !words.Contains(insult))
            {
                words.Add(insult);
            }

            if (words.Count > 0)
            {
                findings.Add(Quoting(compiled.Rule, sentence.Text, words));
            }
        }
    }

    /// <summary>The note says it comes late: an apology for silence or for a missed interview.</summary>
    private void LateNote(CompiledRule compiled, DraftText draft, List<LintFinding> findings)
    {
        foreach (var sentence in draft.Sentences)
        {
            if (Has(sentence, compiled))
            {
                findings.Add(Quoting(compiled.Rule, sentence.Text, compiled.Words.Matches(sentence)));
                return;
            }
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
            else if (Has(sentence, compiled) || Pleasant(sentence))
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
            // A complaint is a complaint whichever kind it is in: both rules' idioms count.
            var words = Has(sentence, compiled) ? compiled.Words.Matches(sentence) : [];
            foreach (var other in new[] { _complaintWords, _grievanceWords })
            {
                if (other >= 0 && other != compiled.List && _index.Has(sentence, other))
                {
                    words.AddRange(_rules[other].Words.Matches(sentence).Where(w => !words.Contains(w)));
                }
            }

            ComplaintShapes.Find(sentence, words);
            _complaints?.Find(sentence, words);
            if (words.Count > 0)
            {
                findings.Add(Quoting(compiled.Rule, sentence.Text, words));
            }
        }
    }

    private static void TooLong(LintRule rule, MessageKind kind, DraftText draft, List<LintFinding> findings)
    {
        var limit = kind.MaxWords * (rule.Limit ?? 100) / 100;
        if (draft.WordCount > limit)
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

    // Every common style of blank: {name}, {{name}}, [Name], <NAME>, |Name|, __(name)__, ____,
    // (Your Name) and other parentheses holding a placeholder word, XXX and xxx-xxx-xxxx, and bare
    // template phrases ("Your Name", "Company Name"). Ordinary parentheses and [sic] are not blanks.
    [GeneratedRegex(@"\{\{[^{}\n]{1,40}\}\}|\{[^{}\n]{1,40}\}|\[(?!sic\b)[^\[\]\n]{1,80}\]|<[A-Za-z][^<>\n]{0,40}>|\|[A-Za-z][^|\n]{0,30}\||_{1,2}\([^()\n]{1,80}\)_{1,2}|_{3,}|\((?=[^()\n]{0,40}\b(?:[Nn]ame|[Pp]osition|[Dd]ate|[Ff]actor|[Cc]ompany|[Tt]itle|[Yy]our|[Rr]ecipient|[Ss]ender)\b)[^()\n]{1,60}\)|\b[Xx]{3}(?:-[Xx]{3,4})*\b|\b(?:Your|Company|Contact|Department|Hiring Manager|Recipient|Sender)(?:\u2019s|'s)? (?:Name|Title|Address)\b|\b(?:Position|Job) Title\b", RegexOptions.CultureInvariant)]
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
