using System.Collections.Frozen;
using YamlDotNet.RepresentationModel;

namespace InterviewCompass.Core.Content;

/// <summary>Reads one <c>checklists/&lt;id&gt;.yml</c> and checks everything that can be checked within it.</summary>
internal sealed class ChecklistReader(ContentErrorList errors, ContentReferences references)
{
    public static readonly IReadOnlyList<string> Moments = ["interview-break", "exit-interview", "after-interview"];

    private static readonly IReadOnlyList<string> Tiers = ["dealbreaker", "serious", "signal"];

    public Checklist? Read(string path, string idFromFileName, string text)
    {
        var before = errors.Count;
        var source = new YamlSource(path, 0, errors);
        var root = source.LoadMapping(text);
        if (root is null)
        {
            return null;
        }

        var fields = source.Fields(root, "");
        fields.RejectUnknownFields("id", "title", "moment", "summary", "defaultOutcome", "thresholds", "rules", "items", "outcomes", "starts");
        var id = fields.RequiredId("id");
        if (id is not null)
        {
            references.DeclareId(path, fields.LineOf("id"), "checklist", id);
        }

        if (id is not null && id != idFromFileName)
        {
            fields.Error(fields.Find("id")!, $"id '{id}' must equal the file name without .yml ('{idFromFileName}')");
        }

        var title = fields.RequiredText("title");
        var moment = fields.OneOf("moment", Moments);
        var summary = fields.RequiredText("summary");

        // References are checked against every id declared, valid or not, so one broken outcome
        // or item is reported once and not again by everything that names it.
        var otherOptionRefs = new List<(YamlFields Fields, YamlNode Node, string Outcome)>();
        var (outcomes, outcomeIds) = ReadAll(fields, "outcomes", "outcome", (f, outcomeId) => ReadOutcome(f, outcomeId, otherOptionRefs));
        foreach (var (refFields, node, outcome) in otherOptionRefs)
        {
            CheckOutcome(refFields, node, "otherOption: outcome", outcome, outcomeIds);
        }

        var (items, itemIds) = ReadAll(fields, "items", "item", (f, itemId) => ReadItem(f, itemId, outcomeIds));
        var itemsById = items.ToDictionary(i => i.Id, StringComparer.Ordinal);

        var defaultOutcome = fields.RequiredId("defaultOutcome");
        if (defaultOutcome is not null)
        {
            CheckOutcome(fields, fields.Find("defaultOutcome")!, "defaultOutcome", defaultOutcome, outcomeIds);
        }

        var thresholds = ReadThresholds(fields, outcomeIds);
        var rules = ReadRules(fields, outcomeIds, itemIds, itemsById);
        var starts = ReadStarts(fields, items, itemIds);

        if (moment == "interview-break" && defaultOutcome is not null)
        {
            CheckUnsureNeverEscalates(fields, outcomes, defaultOutcome);
        }

        if (errors.Count != before || id is null || title is null || moment is null || summary is null || defaultOutcome is null)
        {
            return null;
        }

        return new Checklist(id, title, moment, summary, items, outcomes, defaultOutcome, thresholds, rules, path) { Starts = starts };
    }

    /// <summary>Optional <c>starts:</c> — <c>id, label, items</c> each; the items are kept in checklist order.</summary>
    private static List<ChecklistStart> ReadStarts(YamlFields fields, List<ChecklistItem> items, HashSet<string> itemIds)
    {
        var starts = new List<ChecklistStart>();
        if (!fields.Has("starts"))
        {
            return starts;
        }

        var (read, _) = ReadAll(fields, "starts", "start", (start, startId) =>
        {
            start.RejectUnknownFields("id", "label", "items");
            var label = start.RequiredText("label");
            var named = start.IdList("items", required: true);
            if (named is { Count: 0 })
            {
                start.Error(start.LineOf("items"), "'items' needs at least one item");
            }

            foreach (var (itemId, node) in named ?? [])
            {
                if (!itemIds.Contains(itemId))
                {
                    start.Error(node, $"unknown item '{itemId}' (items of this checklist: {string.Join(", ", itemIds)})");
                }
            }

            return label is null || named is null
                ? null
                : new ChecklistStart(startId, label, [.. items.Select(i => i.Id).Where(i => named.Any(n => n.Value == i))]);
        });
        starts.AddRange(read);
        return starts;
    }

    private Outcome? ReadOutcome(YamlFields fields, string id, List<(YamlFields Fields, YamlNode Node, string Outcome)> otherOptionRefs)
    {
        fields.RejectUnknownFields("id", "rank", "headline", "explanation", "words", "wordsFor", "guide", "message", "otherOption", "scriptsReplaceWords");
        var rank = fields.Integer("rank", required: true);
        var headline = fields.RequiredText("headline");
        var explanation = fields.RequiredText("explanation");

        // An outcome may have nothing to say (withdrawal "wait": nothing goes to the hiring manager yet); its reasons' scripts may.
        var words = fields.TextList("words", required: false);
        if (words is { Count: 0 } && fields.Has("words"))
        {
            fields.Error(fields.LineOf("words"), "'words' needs at least one line to say; leave it out when there is nothing to say");
        }

        var wordsFor = fields.OptionalText("wordsFor") ?? "";

        var guide = ReadGuideLink(fields, required: false);
        var message = fields.OptionalId("message");
        if (message is not null)
        {
            references.AddMessageKind(fields.Source.Path, fields.LineOf("message"), $"{fields.Context}: message", message);
        }

        OtherOptionText? otherOption = null;
        if (fields.Mapping("otherOption") is { } mapping)
        {
            var option = fields.Source.Fields(mapping, $"{fields.Context}: otherOption");
            option.RejectUnknownFields("outcome", "line");
            var other = option.RequiredId("outcome");
            var line = option.RequiredText("line");
            if (other is not null && other == id)
            {
                option.Error(option.Find("outcome")!, $"the other option must be a different outcome than '{id}'");
            }
            else if (other is not null && line is not null)
            {
                otherOptionRefs.Add((option, option.Find("outcome")!, other));
                otherOption = new OtherOptionText(other, line);
            }
        }

        if (rank is null || headline is null || explanation is null || words is null)
        {
            return null;
        }

        var scriptsReplaceWords = fields.Boolean("scriptsReplaceWords") ?? false;
        return new Outcome(id, rank.Value, headline, explanation, [.. words.Select(w => w.Value)], guide, message, otherOption, scriptsReplaceWords, wordsFor);
    }

    private ChecklistItem? ReadItem(YamlFields fields, string id, IReadOnlySet<string> outcomeIds)
    {
        fields.RejectUnknownFields("id", "prompt", "why", "tier", "raiseFirst", "guide", "situation", "weight", "effects", "scripts", "otherOptions", "notes", "scriptsFor");
        var prompt = fields.RequiredText("prompt");
        var why = fields.RequiredText("why");
        var tier = fields.OneOf("tier", Tiers);
        var raiseFirst = fields.Boolean("raiseFirst") ?? false;
        var guide = ReadGuideLink(fields, required: true);
        var situation = fields.OptionalId("situation");
        var weight = fields.Number("weight", required: false) ?? 0;
        if (weight < 0)
        {
            fields.Error(fields.Find("weight")!, $"'weight' must be 0 or more, not {weight}");
        }

        var answers = raiseFirst ? Answers.RaiseFirst : Answers.Basic;
        var effects = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in Entries(fields, "effects"))
        {
            if (!answers.Contains(key.Value, StringComparer.Ordinal))
            {
                fields.Error(key.Node, $"effects: '{key.Value}' is not an answer this item takes ({string.Join(" | ", answers)}{(raiseFirst ? "" : "; the raised-* answers need raiseFirst: true")})");
            }
            else if (CheckOutcome(fields, value.Node, $"effects: {key.Value}", value.Value, outcomeIds))
            {
                effects[key.Value] = value.Value;
            }
        }

        var scripts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in Entries(fields, "scripts"))
        {
            if (CheckOutcome(fields, key.Node, "scripts", key.Value, outcomeIds))
            {
                scripts[key.Value] = value.Value;
            }
        }

        var otherOptions = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in Entries(fields, "otherOptions"))
        {
            if (CheckOutcome(fields, key.Node, "otherOptions", key.Value, outcomeIds))
            {
                otherOptions[key.Value] = value.Value;
            }
        }

        var notes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in Entries(fields, "notes"))
        {
            if (key.Value != Answers.Unanswered && !answers.Contains(key.Value, StringComparer.Ordinal))
            {
                fields.Error(key.Node, $"notes: '{key.Value}' is not an answer this item takes ({string.Join(" | ", answers)}, or {Answers.Unanswered})");
            }
            else
            {
                notes[key.Value] = value.Value;
            }
        }

        var scriptsFor = fields.OptionalText("scriptsFor");

        if (prompt is null || why is null || tier is null || guide is null)
        {
            return null;
        }

        return new ChecklistItem(
            id,
            prompt,
            why,
            Enum.Parse<Tier>(tier, ignoreCase: true),
            raiseFirst,
            guide,
            effects.ToFrozenDictionary(StringComparer.Ordinal),
            weight,
            scripts.ToFrozenDictionary(StringComparer.Ordinal),
            situation,
            otherOptions.ToFrozenDictionary(StringComparer.Ordinal),
            notes.ToFrozenDictionary(StringComparer.Ordinal),
            scriptsFor);
    }

    private static List<ScoreThreshold> ReadThresholds(YamlFields fields, IReadOnlySet<string> outcomeIds)
    {
        var thresholds = new List<ScoreThreshold>();
        foreach (var node in fields.Sequence("thresholds", required: false)?.Children ?? [])
        {
            if (node is not YamlMappingNode mapping)
            {
                fields.Error(node, "every threshold must be a mapping with 'atLeast' and 'outcome'");
                continue;
            }

            var threshold = fields.Source.Fields(mapping, "threshold");
            threshold.RejectUnknownFields("atLeast", "outcome");
            var atLeast = threshold.Number("atLeast", required: true);

            // At 0 a threshold would fire with no "yes" answer, giving a verdict without a reason.
            if (atLeast <= 0)
            {
                threshold.Error(threshold.Find("atLeast")!, $"'atLeast' must be more than 0, not {atLeast}");
                atLeast = null;
            }

            var outcome = threshold.RequiredId("outcome");
            if (outcome is not null && CheckOutcome(threshold, threshold.Find("outcome")!, "outcome", outcome, outcomeIds) && atLeast is not null)
            {
                thresholds.Add(new ScoreThreshold(atLeast.Value, outcome));
            }
        }

        return thresholds;
    }

    private static List<OutcomeRule> ReadRules(YamlFields fields, IReadOnlySet<string> outcomeIds, IReadOnlySet<string> itemIds, Dictionary<string, ChecklistItem> items)
    {
        var rules = new List<OutcomeRule>();
        foreach (var node in fields.Sequence("rules", required: false)?.Children ?? [])
        {
            if (node is not YamlMappingNode mapping)
            {
                fields.Error(node, "every rule must be a mapping with 'outcome' and 'all' and/or 'none'");
                continue;
            }

            var rule = fields.Source.Fields(mapping, "rule");
            rule.RejectUnknownFields("outcome", "all", "none");
            var outcome = rule.RequiredId("outcome");
            var valid = outcome is not null && CheckOutcome(rule, rule.Find("outcome")!, "outcome", outcome, outcomeIds);
            var all = ReadConditions(rule, "all", itemIds, items);
            var none = ReadConditions(rule, "none", itemIds, items);
            if (all is { Count: 0 } && none is { Count: 0 })
            {
                rule.Error(rule.Line, "a rule needs at least one condition under 'all' or 'none'");
            }

            if (valid && all is not null && none is not null)
            {
                rules.Add(new OutcomeRule(outcome!, all, none));
            }
        }

        return rules;
    }

    private static List<AnswerCondition>? ReadConditions(YamlFields rule, string key, IReadOnlySet<string> itemIds, Dictionary<string, ChecklistItem> items)
    {
        var sequence = rule.Sequence(key, required: false);
        if (sequence is null)
        {
            return rule.Has(key) ? null : [];
        }

        var conditions = new List<AnswerCondition>();
        var valid = true;
        foreach (var node in sequence.Children)
        {
            if (node is not YamlMappingNode mapping)
            {
                rule.Error(node, $"every condition under '{key}' must be a mapping with 'item' and 'anyOf'");
                valid = false;
                continue;
            }

            var condition = rule.Source.Fields(mapping, $"rule condition ({key})");
            condition.RejectUnknownFields("item", "anyOf");
            var itemId = condition.RequiredId("item");
            var anyOf = condition.TextList("anyOf", required: true);
            if (anyOf is { Count: 0 })
            {
                condition.Error(condition.LineOf("anyOf"), "'anyOf' needs at least one answer");
            }

            if (itemId is null || anyOf is null)
            {
                valid = false;
                continue;
            }

            if (!items.TryGetValue(itemId, out var item))
            {
                if (!itemIds.Contains(itemId))
                {
                    condition.Error(condition.Find("item")!, $"unknown item '{itemId}' (items of this checklist: {string.Join(", ", itemIds)})");
                }

                valid = false;
                continue;
            }

            foreach (var (answer, answerNode) in anyOf)
            {
                if (!item.AllowedAnswers.Contains(answer, StringComparer.Ordinal))
                {
                    condition.Error(answerNode, $"anyOf: '{answer}' is not an answer item '{itemId}' takes ({string.Join(" | ", item.AllowedAnswers)})");
                    valid = false;
                }
            }

            conditions.Add(new AnswerCondition(itemId, [.. anyOf.Select(a => a.Value)]));
        }

        return valid ? conditions : null;
    }

    /// <summary>
    /// The walk-out guidance: "unsure" lowers confidence and never escalates the verdict on its
    /// own, so an interview-break checklist may not let "unsure" propose more than the default.
    /// </summary>
    private void CheckUnsureNeverEscalates(YamlFields fields, List<Outcome> outcomes, string defaultOutcome)
    {
        var ranks = outcomes.ToDictionary(o => o.Id, o => o.Rank, StringComparer.Ordinal);
        if (!ranks.TryGetValue(defaultOutcome, out var defaultRank))
        {
            return;
        }

        foreach (var node in fields.Sequence("items", required: false)?.Children ?? [])
        {
            if (node is YamlMappingNode mapping
                && fields.Source.Fields(mapping, "").Mapping("effects") is { } effects)
            {
                foreach (var (key, value) in effects.Children)
                {
                    if (key is YamlScalarNode { Value: Answers.Unsure } && value is YamlScalarNode { Value: { } outcome }
                        && ranks.TryGetValue(outcome, out var rank) && rank > defaultRank)
                    {
                        errors.Add(fields.Source.Path, fields.Source.Line(key), $"effects: 'unsure' may not escalate a walk-out verdict (it proposes '{outcome}', above the default '{defaultOutcome}'); unsure only lowers confidence");
                    }
                }
            }
        }
    }

    private static bool CheckOutcome(YamlFields fields, YamlNode node, string what, string outcome, IReadOnlySet<string> outcomeIds)
    {
        if (outcomeIds.Contains(outcome))
        {
            return true;
        }

        fields.Error(node, $"{what}: unknown outcome '{outcome}' (outcomes of this checklist: {string.Join(", ", outcomeIds)})");
        return false;
    }

    private GuideLink? ReadGuideLink(YamlFields fields, bool required)
    {
        var link = fields.GuideLinkField("guide", required);
        if (link is not null)
        {
            references.AddGuideLink(fields.Source.Path, fields.LineOf("guide"), $"{fields.Context}: guide", link);
        }

        return link;
    }

    /// <summary>Reads a list of mappings that each have an <c>id</c>, reporting duplicate ids; entries that fail are left out.</summary>
    internal static (List<T> Values, HashSet<string> Ids) ReadAll<T>(YamlFields parent, string key, string what, Func<YamlFields, string, T?> read)
        where T : class
    {
        var result = new List<T>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var sequence = parent.Sequence(key, required: true);
        if (sequence is null)
        {
            return (result, [.. seen.Keys]);
        }

        if (sequence.Children.Count == 0)
        {
            parent.Error(sequence, $"'{key}' needs at least one {what}");
        }

        var index = 0;
        foreach (var node in sequence.Children)
        {
            index++;
            if (node is not YamlMappingNode mapping)
            {
                parent.Error(node, $"{what} {index} must be a mapping of fields (id: ..., ...)");
                continue;
            }

            var id = parent.Source.Fields(mapping, $"{what} {index}").RequiredId("id");
            if (id is null)
            {
                continue;
            }

            var fields = parent.Source.Fields(mapping, $"{what} '{id}'");
            var idLine = fields.LineOf("id");
            if (!seen.TryAdd(id, idLine))
            {
                fields.Error(idLine, $"duplicate {what} id '{id}' (first used on line {seen[id]})");
                continue;
            }

            if (read(fields, id) is { } value)
            {
                result.Add(value);
            }
        }

        return (result, [.. seen.Keys]);
    }

    /// <summary>The entries of an optional mapping of text to text, e.g. <c>effects</c> or <c>scripts</c>.</summary>
    private static List<((string Value, YamlNode Node) Key, (string Value, YamlNode Node) Value)> Entries(YamlFields fields, string key)
    {
        var entries = new List<((string, YamlNode), (string, YamlNode))>();
        var mapping = fields.Mapping(key);
        if (mapping is null)
        {
            return entries;
        }

        foreach (var (k, v) in mapping.Children)
        {
            if (k is YamlScalarNode { Value: { } name } && v is YamlScalarNode { Value: { } text } && !YamlFields.IsNull(v) && !string.IsNullOrWhiteSpace(text))
            {
                entries.Add(((name, k), (text.Trim(), v)));
            }
            else
            {
                fields.Error(v, $"{key}: every entry must read 'key: text'");
            }
        }

        return entries;
    }
}
