using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace InterviewCompass.Core.Content;

/// <summary>Reads <c>messages/&lt;kind&gt;.yml</c> (templates) and <c>messages/lint.yml</c> (lint rules).</summary>
internal sealed partial class MessageReader(ContentErrorList errors, ContentReferences references)
{
    private static readonly IReadOnlyList<string> Severities = ["info", "warning", "error"];

    /// <summary>The placeholders templates may use: <c>fields.yml</c> when present, else the defaults.</summary>
    public IReadOnlyList<MessageField> Fields { get; private set; } = DefaultMessageFields.All;

    /// <summary>Reads <c>messages/fields.yml</c>: the placeholders and their labels.</summary>
    public void ReadFields(string path, string text)
    {
        var before = errors.Count;
        var source = new YamlSource(path, 0, errors);
        var root = source.LoadMapping(text);
        if (root is null)
        {
            return;
        }

        var fields = source.Fields(root, "");
        fields.RejectUnknownFields("fields");
        var (read, _) = ChecklistReader.ReadAll(fields, "fields", "field", (f, id) =>
        {
            f.RejectUnknownFields("id", "label", "hint", "optional");
            var label = f.RequiredText("label");
            var hint = f.RequiredText("hint");
            var optional = f.Boolean("optional") ?? false;
            return label is null || hint is null ? null : new MessageField(id, label, hint, optional);
        });
        if (errors.Count == before)
        {
            Fields = read;
        }
    }

    public MessageKind? ReadKind(string path, string idFromFileName, string text)
    {
        var before = errors.Count;
        var source = new YamlSource(path, 0, errors);
        var root = source.LoadMapping(text);
        if (root is null)
        {
            return null;
        }

        var fields = source.Fields(root, "");
        fields.RejectUnknownFields("id", "title", "description", "guide", "maxWords", "spoken", "situations", "templates");
        var id = fields.RequiredId("id");
        if (id is not null)
        {
            references.DeclareId(path, fields.LineOf("id"), "message kind", id);
        }

        if (id is not null && id != idFromFileName)
        {
            fields.Error(fields.Find("id")!, $"id '{id}' must equal the file name without .yml ('{idFromFileName}')");
        }

        var title = fields.RequiredText("title");
        var description = fields.RequiredText("description");
        var guide = ReadGuideLink(fields);
        var maxWords = fields.Integer("maxWords", required: true);
        if (maxWords <= 0)
        {
            fields.Error(fields.Find("maxWords")!, $"'maxWords' must be more than 0, not {maxWords}");
        }

        var spoken = fields.Boolean("spoken") ?? false;
        var situations = fields.IdList("situations", required: false) ?? [];
        var situationIds = situations.Select(s => s.Value).Distinct(StringComparer.Ordinal).ToList();
        var templates = ReadTemplates(fields, situationIds, spoken);

        if (errors.Count != before || id is null || title is null || description is null || guide is null || maxWords is null)
        {
            return null;
        }

        return new MessageKind(id, title, description, guide, situationIds, maxWords.Value, templates, path, spoken);
    }

    public IReadOnlyList<LintRule>? ReadLint(string path, string text)
    {
        var before = errors.Count;
        var source = new YamlSource(path, 0, errors);
        var root = source.LoadMapping(text);
        if (root is null)
        {
            return null;
        }

        var fields = source.Fields(root, "");
        fields.RejectUnknownFields("rules");
        var (rules, _) = ChecklistReader.ReadAll(fields, "rules", "lint rule", ReadLintRule);
        if (fields.Sequence("rules", required: false) is { } sequence)
        {
            // Rules present but broken are reported where they are, not again as missing.
            var present = sequence.Children.OfType<YamlMappingNode>()
                .Select(m => source.Fields(m, "").OptionalText("id"))
                .ToHashSet(StringComparer.Ordinal);
            var missing = LintRuleIds.All.Where(known => !present.Contains(known)).ToList();
            if (missing.Count > 0)
            {
                fields.Error(sequence, $"missing lint rule(s) {string.Join(", ", missing)}: the linter needs a rule for each of {string.Join(", ", LintRuleIds.All)}");
            }
        }

        return errors.Count == before ? rules : null;
    }

    private LintRule? ReadLintRule(YamlFields fields, string id)
    {
        fields.RejectUnknownFields("id", "severity", "message", "fix", "guide", "kinds", "words", "limit", "lists");
        if (!LintRuleIds.All.Contains(id, StringComparer.Ordinal))
        {
            fields.Error(fields.Find("id")!, $"unknown lint rule id '{id}' (the linter knows: {string.Join(", ", LintRuleIds.All)})");
        }

        var severity = fields.OneOf("severity", Severities);
        var message = fields.RequiredText("message");
        var fix = fields.RequiredText("fix");
        var guide = ReadGuideLink(fields);
        var kinds = fields.IdList("kinds", required: false);
        foreach (var (kind, node) in kinds ?? [])
        {
            references.AddMessageKind(fields.Source.Path, fields.Source.Line(node), $"{fields.Context}: kinds", kind);
        }

        var words = fields.TextList("words", required: false);
        var limit = fields.Integer("limit", required: false);
        if (limit < 0)
        {
            fields.Error(fields.Find("limit")!, $"'limit' must be 0 or more, not {limit}");
        }

        if (severity is null || message is null || fix is null || guide is null || kinds is null || words is null)
        {
            return null;
        }

        return new LintRule(id, severity, message, fix, guide, [.. kinds.Select(k => k.Value)], [.. words.Select(w => w.Value)], limit, ReadLists(fields));
    }

    /// <summary>The optional <c>lists</c> of a lint rule: names, each a list of words.</summary>
    private static Dictionary<string, IReadOnlyList<string>>? ReadLists(YamlFields fields)
    {
        if (fields.Find("lists") is not YamlMappingNode mapping)
        {
            return null;
        }

        var lists = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        var inner = fields.Source.Fields(mapping, $"{fields.Context}: lists");
        foreach (var (key, _) in mapping.Children)
        {
            var name = ((YamlScalarNode)key).Value ?? "";
            if (inner.TextList(name, required: true) is { } words)
            {
                lists[name] = [.. words.Select(w => w.Value)];
            }
        }

        return lists;
    }

    private List<MessageTemplate> ReadTemplates(YamlFields kind, List<string> situations, bool spoken)
    {
        var templates = new List<MessageTemplate>();
        var sequence = kind.Sequence("templates", required: true);
        if (sequence is null)
        {
            return templates;
        }

        var seen = new Dictionary<(string Tone, string? Situation), int>();
        foreach (var node in sequence.Children)
        {
            if (node is not YamlMappingNode mapping)
            {
                kind.Error(node, "every template must be a mapping with tone, subject and body");
                continue;
            }

            var fields = kind.Source.Fields(mapping, "template");
            fields.RejectUnknownFields("tone", "situation", "subject", "body");
            var tone = fields.OneOf("tone", Tones.All);
            string? situation = null;
            if (situations.Count > 0)
            {
                situation = fields.OneOf("situation", situations);
            }
            else if (fields.Has("situation"))
            {
                fields.Error(fields.Find("situation")!, "this kind has no situations: remove 'situation', or list it under the kind's 'situations'");
            }

            string? subject = "";
            if (!spoken)
            {
                subject = ReadTemplateText(fields, "subject");
            }
            else if (fields.Has("subject"))
            {
                fields.Error(fields.Find("subject")!, "a spoken kind's lines are said, not sent: remove 'subject'");
            }

            var body = ReadTemplateText(fields, "body");
            if (tone is null || (situations.Count > 0 && situation is null))
            {
                continue;
            }

            var label = situation is null ? $"tone '{tone}'" : $"tone '{tone}' and situation '{situation}'";
            if (!seen.TryAdd((tone, situation), fields.Line))
            {
                fields.Error(fields.Line, $"a second template for {label} (the first is on line {seen[(tone, situation)]})");
            }
            else if (subject is not null && body is not null)
            {
                templates.Add(new MessageTemplate(tone, situation, subject, body));
            }
        }

        // Every tone (x every situation) must exist, so the composer never lacks a variant.
        var combinations = situations.Count == 0
            ? Tones.All.Select(t => (t, (string?)null))
            : Tones.All.SelectMany(t => situations.Select(s => (t, (string?)s)));
        foreach (var (tone, situation) in combinations)
        {
            if (!seen.ContainsKey((tone, situation)))
            {
                var label = situation is null ? $"tone '{tone}'" : $"tone '{tone}' and situation '{situation}'";
                kind.Error(sequence, $"templates: missing a template for {label}");
            }
        }

        return templates;
    }

    /// <summary>Template text whose placeholders are all ones the composer fills; an unknown one is reported on its own line.</summary>
    private string? ReadTemplateText(YamlFields fields, string key)
    {
        var text = fields.RequiredText(key);
        if (text is null)
        {
            return null;
        }

        var node = (YamlScalarNode)fields.Find(key)!;
        var raw = node.Value ?? "";
        foreach (Match match in Placeholder().Matches(raw))
        {
            var name = match.Groups[1].Value;
            if (!Fields.Any(f => f.Id == name))
            {
                // A block scalar (| or >) starts on the line after its indicator.
                var line = fields.Source.Line(node);
                if (node.Style is ScalarStyle.Literal or ScalarStyle.Folded)
                {
                    line += 1 + raw.AsSpan(0, match.Index).Count('\n');
                }

                fields.Error(line, $"{key}: unknown placeholder '{{{name}}}' (known: {string.Join(", ", Fields.Select(p => $"{{{p.Id}}}"))})");
            }
        }

        return text;
    }

    private GuideLink? ReadGuideLink(YamlFields fields)
    {
        var link = fields.GuideLinkField("guide", required: true);
        if (link is not null)
        {
            references.AddGuideLink(fields.Source.Path, fields.LineOf("guide"), $"{fields.Context}: guide".TrimStart(':', ' '), link);
        }

        return link;
    }

    [GeneratedRegex(@"\{([^{}\s]*)\}", RegexOptions.CultureInvariant)]
    private static partial Regex Placeholder();
}
