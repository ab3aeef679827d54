namespace InterviewCompass.Web.Features.Checks;

/// <summary>A verdict's confidence (0..1) as the words shown on the verdict card.</summary>
public static class ConfidenceWording
{
    /// <summary>Highest first; also sent to the browser, which words an offline verdict the same way.</summary>
    public static IReadOnlyList<ConfidenceBand> Bands { get; } =
    [
        new(0.8, "Fairly sure"),
        new(0.5, "Less sure: some answers were \u201cnot sure\u201d or left blank"),
        new(0, "Not very sure: many answers were \u201cnot sure\u201d or left blank"),
    ];

    public static string Describe(double confidence) =>
        (Bands.FirstOrDefault(b => confidence >= b.AtLeast) ?? Bands[^1]).Text;
}
