using InterviewCompass.Core.Content;

namespace InterviewCompass.Core.Rules;

/// <summary>Scores a checklist's answers into a verdict. Pure and stateless; driven only by content.</summary>
/// <remarks>Follows "How the engine decides" in docs/CONTENT.md step by step.</remarks>
public sealed class VerdictEngine
{
    /// <summary>The floor on confidence when a definite answer on an item that decided the verdict is given.</summary>
    private const double DecisiveConfidence = 0.8;

    /// <summary>Never throws for any answer map; unknown ids and values come back as <see cref="Assessment.Errors"/>.</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1822:Mark members as static", Justification = "An injectable service; pages and API call it on an instance.")]
    public Assessment Assess(Checklist checklist, IReadOnlyDictionary<string, string> answers)
    {
        ArgumentNullException.ThrowIfNull(checklist);

        var errors = CheckAnswers(checklist, answers);
        if (errors.Count > 0)
        {
            return new Assessment(null, errors);
        }

        // Only answered items are in the map from here on: unanswered is never "no".
        var given = answers is null
            ? new Dictionary<string, string>(StringComparer.Ordinal)
            : answers.ToDictionary(a => a.Key, a => a.Value, StringComparer.Ordinal);

        var proposals = Propose(checklist, given);
        var winner = PickWinner(checklist, proposals);
        var causes = ReasonsFor(checklist, given, proposals, winner.Id);
        var words = WordsFor(checklist, winner, causes);
        var confidence = ConfidenceFor(checklist, given, causes);

        // "Not sure" answers that decided nothing are still named, each with what it would take to be sure.
        var reasons = causes.Concat(UnsureBesides(checklist, given, causes)).ToList();

        var verdict = new Verdict(
            checklist.Id,
            winner.Id,
            winner.Headline,
            winner.Explanation,
            confidence,
            reasons,
            words,
            OtherOptionFor(checklist, winner, causes));
        return new Assessment(verdict, []);
    }

    private static List<AnswerError> CheckAnswers(Checklist checklist, IReadOnlyDictionary<string, string>? answers)
    {
        var errors = new List<AnswerError>();
        if (answers is null)
        {
            return errors;
        }

        // Sorted so the same bad map always yields the same error list, whatever the map's own order.
        foreach (var (itemId, value) in answers.OrderBy(a => a.Key, StringComparer.Ordinal))
        {
            var item = checklist.FindItem(itemId);
            if (item is null)
            {
                errors.Add(new AnswerError(itemId, $"Unknown item '{itemId}' in checklist '{checklist.Id}' (answer '{value ?? "null"}')."));
            }
            else if (value is null)
            {
                errors.Add(new AnswerError(itemId, $"Item '{itemId}' has no answer value; it takes {string.Join(", ", item.AllowedAnswers)}."));
            }
            else if (!item.AllowedAnswers.Contains(value, StringComparer.Ordinal))
            {
                errors.Add(new AnswerError(itemId, $"Item '{itemId}' does not take the answer '{value}'; it takes {string.Join(", ", item.AllowedAnswers)}."));
            }
        }

        return errors;
    }

    private static Proposals Propose(Checklist checklist, Dictionary<string, string> given)
    {
        var byEffect = new List<(ChecklistItem Item, string Outcome)>();
        var score = 0.0;
        foreach (var item in checklist.Items)
        {
            if (!given.TryGetValue(item.Id, out var answer))
            {
                continue;
            }

            if (item.Effects.TryGetValue(answer, out var outcome))
            {
                byEffect.Add((item, outcome));
            }

            if (answer == Answers.Yes)
            {
                score += item.Weight;
            }
        }

        ScoreThreshold? threshold = null;
        foreach (var candidate in checklist.Thresholds)
        {
            if (candidate.AtLeast <= score && (threshold is null || candidate.AtLeast > threshold.AtLeast))
            {
                threshold = candidate;
            }
        }

        var rules = checklist.Rules.Where(r => Holds(r, given)).ToList();
        return new Proposals(checklist.DefaultOutcome, byEffect, threshold, rules);
    }

    private static bool Holds(OutcomeRule rule, Dictionary<string, string> given) =>
        rule.All.All(c => Holds(c, given)) && !rule.None.Any(c => Holds(c, given));

    private static bool Holds(AnswerCondition condition, Dictionary<string, string> given) =>
        given.TryGetValue(condition.Item, out var answer) && condition.AnyOf.Contains(answer, StringComparer.Ordinal);

    private static Outcome PickWinner(Checklist checklist, Proposals proposals)
    {
        var proposed = new HashSet<string>(StringComparer.Ordinal) { proposals.Default };
        proposed.UnionWith(proposals.ByEffect.Select(p => p.Outcome));
        if (proposals.Threshold is not null)
        {
            proposed.Add(proposals.Threshold.Outcome);
        }

        proposed.UnionWith(proposals.Rules.Select(r => r.Outcome));

        // Ties go to the first in outcomes order, so scanning in order and keeping only strictly higher ranks is enough.
        Outcome? winner = null;
        foreach (var outcome in checklist.Outcomes)
        {
            if (proposed.Contains(outcome.Id) && (winner is null || outcome.Rank > winner.Rank))
            {
                winner = outcome;
            }
        }

        return winner
            ?? throw new InvalidOperationException($"Checklist '{checklist.Id}' proposes no outcome it defines; content validation should have caught this.");
    }

    private static List<VerdictReason> ReasonsFor(Checklist checklist, Dictionary<string, string> given, Proposals proposals, string winner)
    {
        var causes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (item, outcome) in proposals.ByEffect)
        {
            if (outcome == winner)
            {
                causes.Add(item.Id);
            }
        }

        if (proposals.Threshold?.Outcome == winner)
        {
            foreach (var item in checklist.Items)
            {
                if (item.Weight > 0 && given.TryGetValue(item.Id, out var answer) && answer == Answers.Yes)
                {
                    causes.Add(item.Id);
                }
            }
        }

        // A holding rule's "all" conditions are its reasons, "no" answers included: "still interested? no" is why you withdraw.
        foreach (var rule in proposals.Rules.Where(r => r.Outcome == winner))
        {
            causes.UnionWith(rule.All.Select(c => c.Item));
        }

        // A default that nothing proposed still says why: the closest rule to a stronger verdict
        // names the items that keep it from holding ("want to say your piece?" left blank).
        if (causes.Count == 0 && winner == checklist.DefaultOutcome)
        {
            causes.UnionWith(UnmetConditionsOfClosestRule(checklist, given, winner));
        }

        return [.. checklist.Items
            .Select((item, order) => (item, order))
            .Where(x => causes.Contains(x.item.Id))
            .OrderBy(x => x.item.Tier)
            .ThenBy(x => x.order)
            .Select(x => ReasonOf(x.item, given.TryGetValue(x.item.Id, out var answer) ? answer : Answers.Unanswered))];
    }

    private static VerdictReason ReasonOf(ChecklistItem item, string answer) => new(
        item.Id,
        item.Prompt,
        answer,
        item.Tier,
        item.Guide,
        item.Why,
        item.Notes is { } notes && notes.TryGetValue(answer, out var note) ? note : item.Why);

    /// <summary>Items answered "not sure" that are not already reasons, in checklist order.</summary>
    private static IEnumerable<VerdictReason> UnsureBesides(Checklist checklist, Dictionary<string, string> given, List<VerdictReason> causes) =>
        checklist.Items
            .Where(i => given.TryGetValue(i.Id, out var answer) && answer == Answers.Unsure && !causes.Any(c => c.Item == i.Id))
            .Select(i => ReasonOf(i, Answers.Unsure));

    private static List<string> UnmetConditionsOfClosestRule(Checklist checklist, Dictionary<string, string> given, string winner)
    {
        var winnerRank = checklist.FindOutcome(winner)?.Rank ?? 0;
        List<string>? closest = null;
        foreach (var rule in checklist.Rules)
        {
            if ((checklist.FindOutcome(rule.Outcome)?.Rank ?? 0) <= winnerRank)
            {
                continue;
            }

            var unmet = rule.All.Where(c => !Holds(c, given)).Select(c => c.Item)
                .Concat(rule.None.Where(c => Holds(c, given)).Select(c => c.Item))
                .Distinct(StringComparer.Ordinal)
                .ToList();
            if (closest is null || unmet.Count < closest.Count)
            {
                closest = unmet;
            }
        }

        return closest ?? [];
    }

    /// <summary>The main reason's own line for the set-aside option when it has one, else the outcome's.</summary>
    private static OtherOption? OtherOptionFor(Checklist checklist, Outcome winner, List<VerdictReason> reasons)
    {
        if (winner.OtherOption is not { } option)
        {
            return null;
        }

        var line = option.Line;
        foreach (var reason in reasons)
        {
            if (checklist.FindItem(reason.Item)?.OtherOptions is { } lines && lines.TryGetValue(winner.Id, out var own))
            {
                line = own;
                break;
            }
        }

        var other = checklist.FindOutcome(option.Outcome);
        var words = other is null ? [] : WordsFor(checklist, other, reasons);
        return new OtherOption(option.Outcome, other?.Headline ?? option.Outcome, line, words);
    }

    /// <summary>
    /// The outcome's words (for its <c>wordsFor</c> person), then each reason's script for the outcome, in a block for the
    /// person the item's scripts are for (its <c>scriptsFor</c>, else the outcome's); each line once, blocks in order of
    /// first appearance, empty blocks left out.
    /// </summary>
    private static List<WordsBlock> WordsFor(Checklist checklist, Outcome outcome, List<VerdictReason> reasons)
    {
        var scripts = new List<(string For, string Line)>();
        foreach (var reason in reasons)
        {
            if (checklist.FindItem(reason.Item) is { } item
                && item.Scripts.TryGetValue(outcome.Id, out var script)
                && !scripts.Any(s => s.Line == script))
            {
                scripts.Add((item.ScriptsFor ?? outcome.WordsFor, script));
            }
        }

        var lines = new List<(string For, string Line)>();
        var replaced = outcome.ScriptsReplaceWords && scripts.Any(s => s.For == outcome.WordsFor);
        if (!replaced)
        {
            lines.AddRange(outcome.Words.Select(w => (outcome.WordsFor, w)));
        }

        lines.AddRange(scripts.Where(s => !lines.Any(l => l.Line == s.Line)));

        var blocks = new List<WordsBlock>();
        foreach (var group in lines.GroupBy(l => l.For, StringComparer.Ordinal))
        {
            blocks.Add(new WordsBlock(group.Key, [.. group.Select(l => l.Line)]));
        }

        return blocks;
    }

    private static double ConfidenceFor(Checklist checklist, Dictionary<string, string> given, List<VerdictReason> reasons)
    {
        if (checklist.Items.Count == 0)
        {
            return 1.0;
        }

        var answered = 0.0;
        foreach (var item in checklist.Items)
        {
            if (given.TryGetValue(item.Id, out var answer))
            {
                answered += answer == Answers.Unsure ? 0.5 : 1.0;
            }
        }

        var confidence = answered / checklist.Items.Count;

        // "Answer what you can": a definite answer on an item that decided the verdict is enough to
        // be sure of it, however many other items were left blank.
        var decisive = reasons.Any(r => r.Answer is not (Answers.Unsure or Answers.Unanswered));
        if (decisive)
        {
            confidence = Math.Max(confidence, DecisiveConfidence);
        }

        return Math.Round(confidence, 2);
    }

    private sealed record Proposals(
        string Default,
        List<(ChecklistItem Item, string Outcome)> ByEffect,
        ScoreThreshold? Threshold,
        List<OutcomeRule> Rules);
}
