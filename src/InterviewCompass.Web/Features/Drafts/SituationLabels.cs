namespace InterviewCompass.Web.Features.Drafts;

/// <summary>Words for the walk-out situations a line can be written for (ids from <c>docs/CONTENT.md</c>).</summary>
public static class SituationLabels
{
    private static readonly Dictionary<string, string> Labels = new(StringComparer.Ordinal)
    {
        ["pay"] = "Pay below the posted range",
        ["safety"] = "A safety or access need",
        ["culture"] = "A culture you could not accept",
        ["not-real"] = "Doubt that the job is real",
        ["conduct"] = "The interviewer's conduct",
        ["demeaning"] = "Demeaning questions",
        ["lateness"] = "Kept waiting with no explanation",
        ["assumptions"] = "Negative assumptions about you",
        ["family"] = "Questions about family or marriage",
        ["cross-examination"] = "Questioned like a cross-examination",
    };

    /// <summary>Whether the situation has words of its own (a test holds every situation in content to it).</summary>
    public static bool Has(string situation) => Labels.ContainsKey(situation);

    public static string For(string situation) => Labels.TryGetValue(situation, out var label) ? label : situation;
}
