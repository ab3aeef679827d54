using InterviewCompass.Core.Content;
using InterviewCompass.Core.Messages;
using InterviewCompass.Core.Rules;
using InterviewCompass.Web.Shared;

namespace InterviewCompass.Web.Features.Checks;

/// <summary>Links from a verdict to the composer, prefilled with the kind and situation the verdict leads to.</summary>
public static class DraftLinks
{
    /// <param name="session">The kept session the verdict belongs to, passed on so the draft can refer to it.</param>
    public static IReadOnlyList<DraftLink> For(
        ContentCatalog catalog, Checklist checklist, Verdict verdict, IReadOnlyDictionary<string, string> answers, Guid? session = null)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(checklist);
        ArgumentNullException.ThrowIfNull(verdict);
        return [.. DraftSuggestions.For(checklist, verdict, answers)
            .Select(s => new DraftLink(
                Href(s, checklist.Id, verdict.Outcome, session),
                catalog.MessageKindsById.TryGetValue(s.Kind, out var kind) ? kind.Title : s.Kind))];
    }

    public static string Href(DraftSuggestion suggestion, string checklistId, string outcome, Guid? session = null)
    {
        ArgumentNullException.ThrowIfNull(suggestion);
        return AppLinks.NewDraft(suggestion.Kind, suggestion.Situation, checklistId, outcome, session);
    }
}

public sealed record DraftLink(string Href, string Label);
