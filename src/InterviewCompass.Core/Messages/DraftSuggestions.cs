using InterviewCompass.Core.Content;
using InterviewCompass.Core.Rules;

namespace InterviewCompass.Core.Messages;

/// <summary>Which messages a verdict leads to (kind and situation), most relevant first.</summary>
/// <remarks>
/// The first suggestion is the winning outcome's <c>message</c>, in the situation of the most serious
/// reason that has one. An item with <c>situation: recruiter</c> answered <c>yes</c> adds a
/// <c>recruiter-note</c> whenever the verdict leads to a message: the guidance says to tell the
/// recruiter why you said no.
/// </remarks>
public static class DraftSuggestions
{
    public const string RecruiterSituation = "recruiter";
    public const string RecruiterNoteKind = "recruiter-note";

    public static IReadOnlyList<DraftSuggestion> For(Checklist checklist, Verdict verdict, IReadOnlyDictionary<string, string> answers)
    {
        ArgumentNullException.ThrowIfNull(checklist);
        ArgumentNullException.ThrowIfNull(verdict);

        var kind = checklist.FindOutcome(verdict.Outcome)?.Message;
        if (kind is null)
        {
            return [];
        }

        // Reasons are already most serious first, so the first one with a situation is the one to write about.
        var situation = verdict.Reasons
            .Select(r => checklist.FindItem(r.Item)?.Situation)
            .FirstOrDefault(s => s is not null && s != RecruiterSituation);
        var suggestions = new List<DraftSuggestion> { new(kind, situation) };

        var hasRecruiter = checklist.Items.Any(item =>
            item.Situation == RecruiterSituation
            && answers is not null
            && answers.TryGetValue(item.Id, out var answer)
            && answer == Answers.Yes);
        if (hasRecruiter && kind != RecruiterNoteKind)
        {
            suggestions.Add(new DraftSuggestion(RecruiterNoteKind, null));
        }

        return suggestions;
    }
}

public sealed record DraftSuggestion(string Kind, string? Situation);
