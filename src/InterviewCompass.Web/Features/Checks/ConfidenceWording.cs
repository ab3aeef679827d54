namespace InterviewCompass.Web.Features.Checks;

/// <summary>A verdict's confidence (0..1) as the words shown on the verdict card.</summary>
public static class ConfidenceWording
{
    public static string Describe(double confidence) => confidence switch
    {
        >= 0.8 => "Fairly sure",
        >= 0.5 => "Less sure: some answers were \u201cnot sure\u201d or left blank",
        _ => "Not very sure: many answers were \u201cnot sure\u201d or left blank",
    };
}
