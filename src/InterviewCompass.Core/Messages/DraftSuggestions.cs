using InterviewCompass.Core.Content;
using InterviewCompass.Core.Rules;

namespace InterviewCompass.Core.Messages;

/// <summary>Which messages a verdict leads to (kind and situation), most relevant first.</summary>
public static class DraftSuggestions
{
    public static IReadOnlyList<DraftSuggestion> For(Checklist checklist, Verdict verdict, IReadOnlyDictionary<string, string> answers) => throw new NotImplementedException("TODO(core-rules)");
}

public sealed record DraftSuggestion(string Kind, string? Situation);
