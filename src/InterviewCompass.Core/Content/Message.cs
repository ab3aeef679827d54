namespace InterviewCompass.Core.Content;

/// <summary>Tones every message kind is written in.</summary>
public static class Tones
{
    public const string Warm = "warm";
    public const string Brief = "brief";
    public const string Formal = "formal";

    public static readonly IReadOnlyList<string> All = [Warm, Brief, Formal];
}

/// <summary>A kind of message the composer writes (e.g. <c>withdrawal-note</c>).</summary>
/// <param name="Situations">Situation ids this kind has variants for (empty when it has one variant per tone).</param>
/// <param name="MaxWords">Longer than this is "too long for its kind".</param>
/// <param name="Spoken">Words to say aloud (walk-out and raise-a-concern lines): no subject, not for a mail app.</param>
public sealed record MessageKind(
    string Id,
    string Title,
    string Description,
    GuideLink Guide,
    IReadOnlyList<string> Situations,
    int MaxWords,
    IReadOnlyList<MessageTemplate> Templates,
    string SourcePath,
    bool Spoken = false);

/// <param name="Situation">Null when the kind has no situations.</param>
/// <param name="Subject">Empty for a spoken kind.</param>
public sealed record MessageTemplate(string Tone, string? Situation, string Subject, string Body);

/// <summary>A placeholder templates may use (<c>{name}</c>), labelled the way the composer's field is.</summary>
/// <param name="Optional">A body line whose only placeholders are optional and empty is dropped.</param>
public sealed record MessageField(string Id, string Label, string Hint, bool Optional);

/// <summary>The fields used when <c>messages/fields.yml</c> is absent (a small test content set).</summary>
public static class DefaultMessageFields
{
    public static readonly IReadOnlyList<MessageField> All =
    [
        new("name", "Who it is to", "e.g. Sam Patel", false),
        new("contact", "Your name", "How you sign off", false),
        new("company", "Company", "e.g. Acme Ltd", false),
        new("role", "Role", "e.g. Data analyst", false),
        new("reason", "A short reason", "One sentence at most, kept general", true),
    ];
}

/// <summary>A lint rule; its parameters and word lists live in content.</summary>
/// <param name="Kinds">Message kinds it applies to (empty: all).</param>
/// <param name="Lists">Named word lists a rule's finder uses beyond <paramref name="Words"/> (e.g. the complaint finder's targets).</param>
public sealed record LintRule(
    string Id,
    string Severity,
    string Message,
    string Fix,
    GuideLink Guide,
    IReadOnlyList<string> Kinds,
    IReadOnlyList<string> Words,
    int? Limit,
    IReadOnlyDictionary<string, IReadOnlyList<string>>? Lists = null);
