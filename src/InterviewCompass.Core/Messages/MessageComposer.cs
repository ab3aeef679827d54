using System.Text;
using System.Text.RegularExpressions;
using InterviewCompass.Core.Content;

namespace InterviewCompass.Core.Messages;

/// <summary>Fills a kind's template for a tone (and situation) with the person's fields.</summary>
public sealed partial class MessageComposer
{
    /// <summary>The standard field ids; the full list, labels and which are optional come from content (<see cref="ContentCatalog.MessageFields"/>).</summary>
    public static class Fields
    {
        public const string Name = "name";
        public const string Contact = "contact";
        public const string Company = "company";
        public const string Role = "role";
        public const string Reason = "reason";

        public static readonly IReadOnlyList<string> All = [Name, Contact, Company, Role, Reason];
        public static readonly IReadOnlyList<string> Optional = [Reason];
    }

    private readonly ContentCatalog _catalog;
    private readonly HashSet<string> _optional;

    public MessageComposer(ContentCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        _catalog = catalog;
        _optional = [.. catalog.MessageFields.Where(f => f.Optional).Select(f => f.Id)];
    }

    public ComposeResult Compose(ComposeRequest request)
    {
        if (request is null)
        {
            return Fail("No message request was given.");
        }

        if (request.Kind is null || !_catalog.MessageKindsById.TryGetValue(request.Kind, out var kind))
        {
            return Fail($"Unknown message kind '{request.Kind}'.");
        }

        var tones = kind.Templates.Select(t => t.Tone).Distinct(StringComparer.Ordinal).ToList();
        if (request.Tone is null || !tones.Contains(request.Tone, StringComparer.Ordinal))
        {
            return Fail($"Unknown tone '{request.Tone}' for '{kind.Id}'. Tones: {string.Join(", ", tones)}.");
        }

        string? situation = null;
        if (kind.Situations.Count > 0)
        {
            if (string.IsNullOrWhiteSpace(request.Situation))
            {
                return Fail($"'{kind.Id}' needs a situation: {string.Join(", ", kind.Situations)}.");
            }

            if (!kind.Situations.Contains(request.Situation, StringComparer.Ordinal))
            {
                return Fail($"Unknown situation '{request.Situation}' for '{kind.Id}'. Situations: {string.Join(", ", kind.Situations)}.");
            }

            situation = request.Situation;
        }

        var template = kind.Templates.FirstOrDefault(t => t.Tone == request.Tone && t.Situation == situation);
        if (template is null)
        {
            return Fail($"'{kind.Id}' has no template for tone '{request.Tone}'{(situation is null ? "" : $" and situation '{situation}'")}.");
        }

        var fields = CleanFields(request.Fields);
        var subject = kind.Spoken ? "" : NormaliseLine(Fill(template.Subject, fields));
        var body = FillBody(template.Body, fields);
        return new ComposeResult(new ComposedMessage(subject, body), null);
    }

    private static ComposeResult Fail(string problem) => new(null, problem);

    private static Dictionary<string, string> CleanFields(IReadOnlyDictionary<string, string>? fields)
    {
        var clean = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (fields is null)
        {
            return clean;
        }

        foreach (var (key, value) in fields)
        {
            var text = NormaliseLine(value ?? "");
            if (key is not null && text.Length > 0)
            {
                clean[key.Trim()] = text;
            }
        }

        return clean;
    }

    private string FillBody(string body, Dictionary<string, string> fields)
    {
        var lines = new List<string>();
        foreach (var raw in body.ReplaceLineEndings("\n").Split('\n'))
        {
            if (IsDroppable(raw, fields))
            {
                continue;
            }

            var line = NormaliseLine(Fill(raw, fields));
            // One blank line between paragraphs at most, and none at the start.
            if (line.Length == 0 && (lines.Count == 0 || lines[^1].Length == 0))
            {
                continue;
            }

            lines.Add(line);
        }

        while (lines.Count > 0 && lines[^1].Length == 0)
        {
            lines.RemoveAt(lines.Count - 1);
        }

        return string.Join('\n', lines);
    }

    /// <summary>A line whose only placeholders are optional and all empty has nothing left to say.</summary>
    private bool IsDroppable(string line, Dictionary<string, string> fields)
    {
        var placeholders = Placeholder().Matches(line);
        return placeholders.Count > 0
            && placeholders.All(p => _optional.Contains(p.Groups[1].Value) && !fields.ContainsKey(p.Groups[1].Value));
    }

    private string Fill(string text, Dictionary<string, string> fields) =>
        Placeholder().Replace(text, match =>
        {
            var name = match.Groups[1].Value;
            if (!fields.TryGetValue(name, out var value))
            {
                // Optional fields vanish; a required one stays visible so the linter flags it.
                return _optional.Contains(name) ? "" : match.Value;
            }

            return name == Fields.Reason ? AsSentence(value, text, match) : value;
        });

    /// <summary>A reason typed as a fragment reads as a sentence when the template gives it a line of its own.</summary>
    private static string AsSentence(string reason, string line, Match match)
    {
        var startsLine = string.IsNullOrWhiteSpace(line[..match.Index]);
        var endsLine = string.IsNullOrWhiteSpace(line[(match.Index + match.Length)..]);
        if (!startsLine)
        {
            return reason;
        }

        var sentence = char.ToUpperInvariant(reason[0]) + reason[1..];
        return endsLine && !".!?".Contains(sentence[^1], StringComparison.Ordinal) ? sentence + "." : sentence;
    }

    /// <summary>Collapses runs of whitespace (and strips control characters) so pasted fields cannot break the layout.</summary>
    private static string NormaliseLine(string text)
    {
        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace && !(c is ',' or '.' or '!' or '?' or ';' or ':'))
            {
                builder.Append(' ');
            }

            pendingSpace = false;
            builder.Append(c);
        }

        return builder.ToString();
    }

    [GeneratedRegex(@"\{([a-z][a-z0-9-]*)\}", RegexOptions.CultureInvariant)]
    private static partial Regex Placeholder();
}

/// <param name="Fields">name, contact, company, role, reason (optional) ...</param>
public sealed record ComposeRequest(string Kind, string Tone, string? Situation, IReadOnlyDictionary<string, string> Fields);

/// <param name="Subject">Empty for a spoken kind (see <see cref="MessageKind.Spoken"/>).</param>
public sealed record ComposedMessage(string Subject, string Body);

/// <summary>Either a message or a problem naming the unknown kind, tone or situation.</summary>
public sealed record ComposeResult(ComposedMessage? Message, string? Error);
