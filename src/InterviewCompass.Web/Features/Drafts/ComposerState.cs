using InterviewCompass.Core.Content;
using InterviewCompass.Core.Messages;
using InterviewCompass.Web.Data;
using InterviewCompass.Web.Shared;

namespace InterviewCompass.Web.Features.Drafts;

/// <summary>
/// What the composer page shows for one request: the choices, the fields, the text and its lint findings.
/// The text follows the template as choices and fields change, until the person edits it by hand; from then on
/// their text is kept until they ask to start again from the template. The page carries the template it last
/// showed (hidden fields), so a form post can tell the person's own text from the template's.
/// </summary>
public sealed class ComposerState(ContentCatalog catalog, MessageComposer composer, DraftLinter linter)
{
    public const int FieldMaxLength = InputLimits.Field;
    public const int SubjectMaxLength = InputLimits.Subject;
    public const int BodyMaxLength = InputLimits.Body;

    /// <summary>The placeholders a person fills in, in the order the form asks for them (<c>content/messages/fields.yml</c>).</summary>
    public IReadOnlyList<MessageField> FieldsAsked => catalog.MessageFields;

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

    /// <summary>The filled template for the current choices and fields ("" when there is none).</summary>
    public string TemplateSubject => _template?.Subject ?? "";

    /// <inheritdoc cref="TemplateSubject"/>
    public string TemplateBody => _template?.Body ?? "";

    /// <summary>Why the template could not be filled (e.g. a kind with no template for this tone), or null.</summary>
    public string? Problem { get; private set; }

    public IReadOnlyList<LintFinding> Findings { get; private set; } = [];

    public IReadOnlyDictionary<string, string> Fields => _fields;

    public MessageKind? KindInfo => catalog.MessageKindsById.GetValueOrDefault(Kind);

    public IReadOnlyList<string> Situations => KindInfo?.Situations ?? [];

    public IReadOnlyList<MessageKind> Kinds => catalog.MessageKinds;

    /// <summary>Every situation any kind is written for, in content order (the form offers the current kind's).</summary>
    public IReadOnlyList<string> AllSituations => [.. catalog.MessageKinds.SelectMany(k => k.Situations).Distinct(StringComparer.Ordinal)];

    /// <summary>
    /// The fields the chosen template (kind, tone, situation) uses: a spoken pay line asks for nothing, a safety line for
    /// what you need. A choice with no template falls back to every field the kind uses.
    /// </summary>
    public IReadOnlyList<MessageField> FieldsUsed => KindInfo is not { } kind ? FieldsAsked
        : ChosenTemplate(kind) is { } template ? [.. FieldsAsked.Where(f => Uses(template, f))]
        : [.. FieldsAsked.Where(f => Uses(kind, f))];

    /// <summary>Words to say aloud: no subject, nothing to mail.</summary>
    public bool Spoken => KindInfo?.Spoken ?? false;

    public string Field(string name) => _fields.GetValueOrDefault(name, "");

    /// <summary>The kinds whose templates use <paramref name="field"/> (space separated, for the script).</summary>
    public string KindsUsing(MessageField field) =>
        string.Join(' ', catalog.MessageKinds.Where(k => Uses(k, field)).Select(k => k.Id));

    /// <summary>The templates that use <paramref name="field"/>, as <c>kind|tone|situation</c> keys (space separated, for the script).</summary>
    public string TemplatesUsing(MessageField field) =>
        string.Join(' ', catalog.MessageKinds.SelectMany(k => k.Templates.Where(t => Uses(t, field)).Select(t => TemplateKey(k.Id, t.Tone, t.Situation))));

    /// <summary>How the script names a template: <c>kind|tone|situation</c> (situation empty when the kind has none).</summary>
    public static string TemplateKey(string kind, string tone, string? situation) => $"{kind}|{tone}|{situation}";

    /// <summary>The kinds written for <paramref name="situation"/> (space separated, for the script).</summary>
    public string KindsFor(string situation) =>
        string.Join(' ', catalog.MessageKinds.Where(k => k.Situations.Contains(situation, StringComparer.Ordinal)).Select(k => k.Id));

    /// <summary>A new draft: the template filled with the <paramref name="fields"/> a link gave (a reminder's company, role, date), if any.</summary>
    public void Start(DraftStart start, IReadOnlyDictionary<string, string>? fields = null)
    {
        ArgumentNullException.ThrowIfNull(start);
        Kind = start.Kind;
        Tone = start.Tone;
        Situation = start.Situation;
        _fields.Clear();
        // The start's own fields (e.g. an application's), then any a link gave (a reminder's company, role, date).
        foreach (var (name, value) in start.Fields.Concat(fields ?? new Dictionary<string, string>()))
        {
            if (FieldsAsked.Any(f => f.Id == name) && !string.IsNullOrWhiteSpace(value))
            {
                _fields[name] = Limit(OneLine(value.Trim()), FieldMaxLength);
            }
        }

        StartAgain();
    }

    /// <summary>A kept draft: its choices, fields and text exactly as saved.</summary>
    public void Restore(Draft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        Choose(draft.Kind, draft.Tone, draft.Situation, draft.Fields);
        Keep(draft.Subject, draft.Body, subjectShown: null, bodyShown: null);
    }

    /// <summary>
    /// A form post: the choices and fields as posted; the text as posted unless it is still the template the page
    /// showed (<paramref name="subjectShown"/>, <paramref name="bodyShown"/>), which then follows the new choices.
    /// </summary>
    public void Post(DraftInput posted, string? subjectShown, string? bodyShown)
    {
        ArgumentNullException.ThrowIfNull(posted);
        Choose(posted.Kind, posted.Tone, posted.Situation, posted.Fields);
        Keep(posted.Subject ?? "", posted.Body ?? "", subjectShown, bodyShown);
    }

    /// <summary>What to keep: the API's and the storage's shape of a draft.</summary>
    public DraftInput ToRequest(Guid? session) =>
        new(Kind, Tone, Situation, new Dictionary<string, string>(_fields, StringComparer.Ordinal), Subject, Body, session);

    /// <summary>Drops the person's own edits and fills the template again with the current choices and fields.</summary>
    public void StartAgain()
    {
        SubjectEditedByHand = false;
        BodyEditedByHand = false;
        Compose();
        Subject = TemplateSubject;
        Body = TemplateBody;
        Lint();
    }

    private void Choose(string? kind, string? tone, string? situation, IReadOnlyDictionary<string, string>? fields)
    {
        Kind = kind is not null && catalog.MessageKindsById.ContainsKey(kind) ? kind
            : catalog.MessageKindsById.ContainsKey(Kind) ? Kind
            : catalog.MessageKindsById.ContainsKey(DraftPrefill.DefaultKind) ? DraftPrefill.DefaultKind
            : catalog.MessageKinds[0].Id;
        Tone = tone is not null && Tones.All.Contains(tone, StringComparer.Ordinal) ? tone : Tones.Warm;
        Situation = Situations.Count == 0 ? null
            : situation is not null && Situations.Contains(situation, StringComparer.Ordinal) ? situation
            : Situations[0];
        _fields.Clear();
        foreach (var field in FieldsAsked)
        {
            if (fields is not null && fields.TryGetValue(field.Id, out var value) && !string.IsNullOrWhiteSpace(value))
            {
                _fields[field.Id] = Limit(OneLine(value), FieldMaxLength);
            }
        }

        Compose();
    }

    private void Keep(string subject, string body, string? subjectShown, string? bodyShown)
    {
        subject = Limit(OneLine(subject), SubjectMaxLength);
        body = Limit(Lines(body), BodyMaxLength);
        SubjectEditedByHand = _template is null || subject != (subjectShown is null ? TemplateSubject : OneLine(subjectShown));
        BodyEditedByHand = _template is null || body != (bodyShown is null ? TemplateBody : Lines(bodyShown));
        Subject = SubjectEditedByHand ? subject : TemplateSubject;
        Body = BodyEditedByHand ? body : TemplateBody;
        Lint();
    }

    private void Lint()
    {
        var result = linter.Lint(Kind, Body);
        Findings = result.Error is null ? result.Findings : [];
    }

    private void Compose()
    {
        var result = composer.Compose(new ComposeRequest(Kind, Tone, Situation, new Dictionary<string, string>(_fields, StringComparer.Ordinal)));
        _template = result.Message;
        Problem = result.Error;
    }

    private MessageTemplate? ChosenTemplate(MessageKind kind) =>
        kind.Templates.FirstOrDefault(t => t.Tone == Tone && t.Situation == (kind.Situations.Count == 0 ? null : Situation));

    private static bool Uses(MessageKind kind, MessageField field) => kind.Templates.Any(t => Uses(t, field));

    private static bool Uses(MessageTemplate template, MessageField field) =>
        template.Subject.Contains($"{{{field.Id}}}", StringComparison.Ordinal) || template.Body.Contains($"{{{field.Id}}}", StringComparison.Ordinal);

    // A browser posts a textarea's line breaks as CRLF; the text is kept (and compared) with LF, as the script sends it.
    private static string Lines(string text) => text.ReplaceLineEndings("\n");

    private static string OneLine(string text) => text.ReplaceLineEndings(" ");

    private static string Limit(string text, int max) => text.Length <= max ? text : text[..max];
}
