using InterviewCompass.Core.Content;
using InterviewCompass.Core.Messages;

namespace InterviewCompass.Web.Features.Drafts;

/// <summary>
/// What the composer page shows and keeps: the choices, the fields, the text and its lint findings.
/// The text follows the template as choices and fields change, until the person edits it by hand;
/// from then on their text is kept until they ask to start again from the template.
/// </summary>
public sealed class ComposerState(ContentCatalog catalog, MessageComposer composer, DraftLinter linter)
{
    public const int FieldMaxLength = 200;
    public const int SubjectMaxLength = 200;
    public const int BodyMaxLength = 5000;

    /// <summary>The placeholders a person fills in, in the order the form asks for them.</summary>
    public static readonly IReadOnlyList<DraftField> FieldsAsked =
    [
        new("name", "Who it is to", "e.g. Sam Patel", Optional: false),
        new("contact", "Your name", "How you sign off", Optional: false),
        new("company", "Company", "e.g. Acme Ltd", Optional: false),
        new("role", "Role", "e.g. Data analyst", Optional: false),
        new("reason", "A short reason (optional)", "One sentence at most, kept general", Optional: true),
    ];

    private readonly Dictionary<string, string> _fields = new(StringComparer.Ordinal);
    private ComposedMessage? _template;

    public string Kind { get; private set; } = "";

    public string Tone { get; private set; } = Tones.Warm;

    public string? Situation { get; private set; }

    public string Subject { get; private set; } = "";

    public string Body { get; private set; } = "";

    public bool SubjectEditedByHand { get; private set; }

    public bool BodyEditedByHand { get; private set; }

    public bool EditedByHand => SubjectEditedByHand || BodyEditedByHand;

    /// <summary>Why the template could not be filled (e.g. a kind with no template for this tone), or null.</summary>
    public string? Problem { get; private set; }

    public IReadOnlyList<LintFinding> Findings { get; private set; } = [];

    public IReadOnlyDictionary<string, string> Fields => _fields;

    public MessageKind? KindInfo => catalog.MessageKindsById.GetValueOrDefault(Kind);

    public IReadOnlyList<string> Situations => KindInfo?.Situations ?? [];

    public IReadOnlyList<MessageKind> Kinds => catalog.MessageKinds;

    /// <summary>The fields this kind's templates use: a spoken walk-out line asks for no names.</summary>
    public IReadOnlyList<DraftField> FieldsUsed =>
        KindInfo is not { } kind
            ? FieldsAsked
            : [.. FieldsAsked.Where(f => kind.Templates.Any(t =>
                t.Subject.Contains($"{{{f.Name}}}", StringComparison.Ordinal) || t.Body.Contains($"{{{f.Name}}}", StringComparison.Ordinal)))];

    public string Field(string name) => _fields.GetValueOrDefault(name, "");

    /// <summary>A new draft: the template filled with no fields yet.</summary>
    public void Start(DraftStart start)
    {
        ArgumentNullException.ThrowIfNull(start);
        Kind = start.Kind;
        Tone = start.Tone;
        Situation = start.Situation;
        StartAgain();
    }

    /// <summary>A kept draft (or an earlier version of it): its choices, fields and text exactly as saved.</summary>
    public void Restore(DraftSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        Kind = catalog.MessageKindsById.ContainsKey(snapshot.Kind) ? snapshot.Kind : Kind;
        Tone = Tones.All.Contains(snapshot.Tone, StringComparer.Ordinal) ? snapshot.Tone : Tones.Warm;
        Situation = Situations.Count == 0 ? null
            : snapshot.Situation is { } s && Situations.Contains(s, StringComparer.Ordinal) ? s
            : Situations[0];
        _fields.Clear();
        foreach (var field in FieldsAsked)
        {
            if (snapshot.Fields.TryGetValue(field.Name, out var value) && value.Length > 0)
            {
                _fields[field.Name] = Limit(value, FieldMaxLength);
            }
        }

        Compose();
        Subject = Limit(snapshot.Subject, SubjectMaxLength);
        Body = Limit(snapshot.Body, BodyMaxLength);
        SubjectEditedByHand = _template is null || Subject != _template.Subject;
        BodyEditedByHand = _template is null || Body != _template.Body;
        Lint();
    }

    public DraftSnapshot Snapshot() => new(Kind, Tone, Situation, new Dictionary<string, string>(_fields, StringComparer.Ordinal), Subject, Body);

    public void ChooseKind(string kind)
    {
        if (!catalog.MessageKindsById.TryGetValue(kind, out var info))
        {
            return;
        }

        Kind = info.Id;
        if (info.Situations.Count == 0)
        {
            Situation = null;
        }
        else if (Situation is null || !info.Situations.Contains(Situation, StringComparer.Ordinal))
        {
            Situation = info.Situations[0];
        }

        Refresh();
    }

    public void ChooseTone(string tone)
    {
        if (Tones.All.Contains(tone, StringComparer.Ordinal))
        {
            Tone = tone;
            Refresh();
        }
    }

    public void ChooseSituation(string situation)
    {
        if (Situations.Contains(situation, StringComparer.Ordinal))
        {
            Situation = situation;
            Refresh();
        }
    }

    public void SetField(string name, string? value)
    {
        if (!FieldsAsked.Any(f => f.Name == name))
        {
            return;
        }

        var text = Limit(value ?? "", FieldMaxLength);
        if (string.IsNullOrWhiteSpace(text))
        {
            _fields.Remove(name);
        }
        else
        {
            _fields[name] = text;
        }

        Refresh();
    }

    /// <summary>The person typed in the subject; lint is not needed (it checks the body).</summary>
    public void EditSubject(string? text)
    {
        Subject = Limit(text ?? "", SubjectMaxLength);
        SubjectEditedByHand = _template is null || Subject != _template.Subject;
    }

    /// <summary>The person typed in the text. Call <see cref="Lint"/> when they pause.</summary>
    public void EditBody(string? text)
    {
        Body = Limit(text ?? "", BodyMaxLength);
        BodyEditedByHand = _template is null || Body != _template.Body;
    }

    /// <summary>Drops the person's own edits and fills the template again with the current choices and fields.</summary>
    public void StartAgain()
    {
        SubjectEditedByHand = false;
        BodyEditedByHand = false;
        Refresh();
    }

    public void Lint()
    {
        var result = linter.Lint(Kind, Body);
        Findings = result.Error is null ? result.Findings : [];
    }

    private void Refresh()
    {
        Compose();
        if (_template is not null)
        {
            if (!SubjectEditedByHand)
            {
                Subject = _template.Subject;
            }

            if (!BodyEditedByHand)
            {
                Body = _template.Body;
            }
        }

        Lint();
    }

    private void Compose()
    {
        var result = composer.Compose(new ComposeRequest(Kind, Tone, Situation, new Dictionary<string, string>(_fields, StringComparer.Ordinal)));
        _template = result.Message;
        Problem = result.Error;
    }

    private static string Limit(string text, int max) => text.Length <= max ? text : text[..max];
}

/// <summary>One placeholder the form asks for.</summary>
public sealed record DraftField(string Name, string Label, string Hint, bool Optional);

/// <summary>The part of a draft that is kept: choices, fields and the text as the person left it.</summary>
public sealed record DraftSnapshot(
    string Kind,
    string Tone,
    string? Situation,
    Dictionary<string, string> Fields,
    string Subject,
    string Body);
