using InterviewCompass.Core.Content;

namespace InterviewCompass.Web.Features.Checks;

/// <summary>An item's own line under one outcome, said once however many items share it, with the questions it answers.</summary>
/// <param name="For">Who the line is for when not the outcome's person (e.g. <c>your recruiter</c>), or null.</param>
public sealed record CheatSheetLine(string Line, IReadOnlyList<string> Prompts, string? For);

public static class CheatSheetLines
{
    /// <summary>Each distinct script for <paramref name="outcome"/> once, in checklist order; lines the outcome already says are left out.</summary>
    public static IReadOnlyList<CheatSheetLine> For(Checklist checklist, Outcome outcome)
    {
        ArgumentNullException.ThrowIfNull(checklist);
        ArgumentNullException.ThrowIfNull(outcome);
        return [.. checklist.Items
            .Where(i => i.Scripts.ContainsKey(outcome.Id))
            .GroupBy(i => (Line: i.Scripts[outcome.Id], For: i.ScriptsFor))
            .Where(g => !outcome.Words.Contains(g.Key.Line, StringComparer.Ordinal))
            .Select(g => new CheatSheetLine(g.Key.Line, [.. g.Select(i => i.Prompt)], g.Key.For))];
    }
}
