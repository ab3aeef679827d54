namespace InterviewCompass.Web.Features.Checks;

/// <summary>How the card, the export and the cheat sheet name who a block of words is for.</summary>
public static class VerdictWording
{
    /// <summary>"For your recruiter", or null when content does not say who the words are for.</summary>
    public static string? ForWhom(string person) => string.IsNullOrWhiteSpace(person) ? null : $"For {person}";

    /// <summary>The Copy button's name: unique per block, so two blocks are two clearly named buttons.</summary>
    public static string CopyLabel(string person) =>
        string.IsNullOrWhiteSpace(person) ? "Copy the words" : $"Copy the words for {person}";
}
