using InterviewCompass.Core.Content;

namespace InterviewCompass.Core.Rules;

/// <summary>Scores a checklist's answers into a verdict. Pure and stateless; driven only by content.</summary>
public sealed class VerdictEngine
{
    /// <summary>Never throws for any answer map; unknown ids and values come back as <see cref="Assessment.Errors"/>.</summary>
    public Assessment Assess(Checklist checklist, IReadOnlyDictionary<string, string> answers) => throw new NotImplementedException("TODO(core-rules)");
}
