using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace InterviewCompass.Core.Content;

/// <summary>
/// One YAML text (a whole file or a guide's front matter) with the path and line offset its
/// errors are reported against.
/// </summary>
internal sealed class YamlSource(string path, int lineOffset, ContentErrorList errors)
{
    public string Path => path;

    public int Line(YamlNode node) => Line(node.Start);

    public int Line(Mark mark) => (int)mark.Line + lineOffset;

    public void Error(int line, string problem) => errors.Add(path, line, problem);

    public void Error(YamlNode node, string problem) => Error(Line(node), problem);

    /// <summary>Parses <paramref name="text"/>; a syntax error or a root that is not a mapping is reported and gives null.</summary>
    public YamlMappingNode? LoadMapping(string text)
    {
        var stream = new YamlStream();
        var parser = new Parser(new StringReader(text));
        try
        {
            stream.Load(parser);
        }
        catch (YamlException e)
        {
            var reason = e.InnerException is YamlException inner ? inner.Message : e.Message;
            Error(Line(e.Start), $"YAML cannot be parsed: {reason}");
            return null;
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner throws this, without a mark, when the text ends inside an
            // unclosed [ or {; the last event it parsed is the closest line we have.
            var line = parser.Current is { } current ? Line(current.Start) : lineOffset + text.AsSpan().Count('\n') + 1;
            Error(line, "YAML cannot be parsed: the text ends inside an unclosed [ or { (a missing ] or })");
            return null;
        }

        if (stream.Documents.Count == 0)
        {
            Error(lineOffset + 1, "the YAML is empty; expected a mapping of fields (key: value)");
            return null;
        }

        if (stream.Documents.Count > 1)
        {
            Error(Line(stream.Documents[1].RootNode), "only one YAML document is allowed (found a second '---')");
        }

        if (stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            Error(Line(stream.Documents[0].RootNode), "expected a mapping of fields (key: value) at the top");
            return null;
        }

        return root;
    }

    public YamlFields Fields(YamlMappingNode node, string context) => new(this, node, context);
}

/// <summary>
/// Typed access to the fields of one YAML mapping. Every accessor reports what is wrong with the
/// value (missing, wrong shape, unparsable) at the value's line and returns null instead.
/// </summary>
internal sealed class YamlFields
{
    private readonly YamlSource _source;
    private readonly YamlMappingNode _node;
    private readonly string _context;

    public YamlFields(YamlSource source, YamlMappingNode node, string context)
    {
        _source = source;
        _node = node;
        _context = context;
    }

    public YamlSource Source => _source;

    /// <summary>What these fields belong to, e.g. <c>item 'salary-below-posted'</c>; prefixes every problem.</summary>
    public string Context => _context;

    public int Line => _source.Line(_node);

    public void Error(YamlNode node, string problem) => _source.Error(node, Prefix(problem));

    public void Error(int line, string problem) => _source.Error(line, Prefix(problem));

    /// <summary>Reports every key that is not one of <paramref name="known"/> (a typo would otherwise be silently ignored).</summary>
    public void RejectUnknownFields(params string[] known)
    {
        foreach (var key in _node.Children.Keys)
        {
            var name = (key as YamlScalarNode)?.Value ?? "";
            if (!known.Contains(name, StringComparer.Ordinal))
            {
                Error(key, $"unknown field '{name}' (expected one of: {string.Join(", ", known)})");
            }
        }
    }

    public YamlNode? Find(string key)
    {
        foreach (var (k, v) in _node.Children)
        {
            if (k is YamlScalarNode scalar && scalar.Value == key)
            {
                return IsNull(v) ? null : v;
            }
        }

        return null;
    }

    public int LineOf(string key) => Find(key) is { } node ? _source.Line(node) : Line;

    public bool Has(string key) => Find(key) is not null;

    public string? RequiredText(string key)
    {
        var node = Find(key);
        if (node is null)
        {
            Error(Line, $"missing required field '{key}'");
            return null;
        }

        return Text(key, node);
    }

    public string? OptionalText(string key) => Find(key) is { } node ? Text(key, node) : null;

    /// <summary>A kebab-case id: missing or badly formed ids are reported.</summary>
    public string? RequiredId(string key)
    {
        var value = RequiredText(key);
        if (value is not null && !ContentIds.IsValid(value))
        {
            Error(Find(key)!, $"'{key}' '{value}' is not a valid id (lower-case letters, digits and single hyphens, e.g. 'walk-out')");
            return null;
        }

        return value;
    }

    public string? OptionalId(string key)
    {
        if (!Has(key))
        {
            return null;
        }

        return RequiredId(key);
    }

    public IReadOnlyList<(string Value, YamlNode Node)>? TextList(string key, bool required)
    {
        var node = Find(key);
        if (node is null)
        {
            if (required)
            {
                Error(Line, $"missing required field '{key}'");
            }

            return required ? null : [];
        }

        if (node is not YamlSequenceNode sequence)
        {
            Error(node, $"'{key}' must be a list (e.g. [a, b] or one '- item' per line)");
            return null;
        }

        var values = new List<(string, YamlNode)>(sequence.Children.Count);
        foreach (var child in sequence.Children)
        {
            if (child is YamlScalarNode { Value: { } text } && !IsNull(child) && !string.IsNullOrWhiteSpace(text))
            {
                values.Add((text.Trim(), child));
            }
            else
            {
                Error(child, $"every entry of '{key}' must be a line of text");
            }
        }

        return values;
    }

    public IReadOnlyList<(string Value, YamlNode Node)>? IdList(string key, bool required)
    {
        var values = TextList(key, required);
        if (values is null)
        {
            return null;
        }

        var valid = new List<(string, YamlNode)>(values.Count);
        foreach (var (value, node) in values)
        {
            if (ContentIds.IsValid(value))
            {
                valid.Add((value, node));
            }
            else
            {
                Error(node, $"'{value}' in '{key}' is not a valid id (lower-case letters, digits and single hyphens)");
            }
        }

        return valid;
    }

    public YamlSequenceNode? Sequence(string key, bool required)
    {
        var node = Find(key);
        if (node is null)
        {
            if (required)
            {
                Error(Line, $"missing required field '{key}'");
            }

            return null;
        }

        if (node is not YamlSequenceNode sequence)
        {
            Error(node, $"'{key}' must be a list");
            return null;
        }

        return sequence;
    }

    public YamlMappingNode? Mapping(string key)
    {
        var node = Find(key);
        if (node is null)
        {
            return null;
        }

        if (node is not YamlMappingNode mapping)
        {
            Error(node, $"'{key}' must be a mapping (key: value per line)");
            return null;
        }

        return mapping;
    }

    public int? Integer(string key, bool required)
    {
        var text = required ? RequiredText(key) : OptionalText(key);
        if (text is null)
        {
            return null;
        }

        if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        Error(Find(key)!, $"'{key}' must be a whole number, not '{text}'");
        return null;
    }

    public double? Number(string key, bool required)
    {
        var text = required ? RequiredText(key) : OptionalText(key);
        if (text is null)
        {
            return null;
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value))
        {
            return value;
        }

        Error(Find(key)!, $"'{key}' must be a number, not '{text}'");
        return null;
    }

    public bool? Boolean(string key)
    {
        var text = OptionalText(key);
        switch (text)
        {
            case null:
                return null;
            case "true":
                return true;
            case "false":
                return false;
            default:
                Error(Find(key)!, $"'{key}' must be true or false, not '{text}'");
                return null;
        }
    }

    public DateOnly? Date(string key)
    {
        var text = RequiredText(key);
        if (text is null)
        {
            return null;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        Error(Find(key)!, $"'{key}' must be a date written yyyy-mm-dd (e.g. 2026-11-22), not '{text}'");
        return null;
    }

    /// <summary>A value that must be one of a closed set (tier, tone, severity, ...).</summary>
    public string? OneOf(string key, IReadOnlyList<string> allowed, bool required = true)
    {
        var text = required ? RequiredText(key) : OptionalText(key);
        if (text is null)
        {
            return null;
        }

        if (allowed.Contains(text, StringComparer.Ordinal))
        {
            return text;
        }

        Error(Find(key)!, $"'{key}' must be one of {string.Join(" | ", allowed)}, not '{text}'");
        return null;
    }

    /// <summary>A <c>guide-id</c> or <c>guide-id#anchor</c> link; whether it resolves is checked once every guide is read.</summary>
    public GuideLink? GuideLinkField(string key, bool required)
    {
        var text = required ? RequiredText(key) : OptionalText(key);
        if (text is null)
        {
            return null;
        }

        var link = GuideLink.Parse(text);
        if (!ContentIds.IsValid(link.GuideId) || link.Anchor is { Length: 0 })
        {
            Error(Find(key)!, $"'{key}' must be a guide id, optionally with a section anchor (e.g. walking-out#pay-below-the-posted-range), not '{text}'");
            return null;
        }

        return link;
    }

    public static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: ScalarStyle.Plain or ScalarStyle.Any, Value: null or "" or "~" or "null" };

    private string? Text(string key, YamlNode node)
    {
        if (node is not YamlScalarNode { Value: { } text })
        {
            Error(node, $"'{key}' must be a single value, not a list or mapping");
            return null;
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            Error(node, $"'{key}' is empty");
            return null;
        }

        return text.Trim();
    }

    private string Prefix(string problem) => _context.Length == 0 ? problem : $"{_context}: {problem}";
}
