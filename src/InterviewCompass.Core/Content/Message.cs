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
public sealed record MessageKind(
    string Id,
    string Title,
    string Description,
    GuideLink Guide,
    IReadOnlyList<string> Situations,
    int MaxWords,
    IReadOnlyList<MessageTemplate> Templates,
    string SourcePath);

/// <param name="Situation">Null when the kind has no situations.</param>
public sealed record MessageTemplate(string Tone, string? Situation, string Subject, string Body);

/// <summary>A lint rule; its parameters and word lists live in content.</summary>
/// <param name="Kinds">Message kinds it applies to (empty: all).</param>
public sealed record LintRule(
    string Id,
    string Severity,
    string Message,
    string Fix,
    GuideLink Guide,
    IReadOnlyList<string> Kinds,
    IReadOnlyList<string> Words,
    int? Limit);
