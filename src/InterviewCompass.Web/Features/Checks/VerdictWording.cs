namespace InterviewCompass.Web.Features.Checks;

/// <summary>
/// How the card, the export and the cheat sheet name who a block of words is for. js/verdict-view.js builds the same
/// labels for a verdict given in the browser.
/// </summary>
public static class VerdictWording
{
    /// <summary>"For your recruiter", or null when content does not say who the words are for.</summary>
    public static string? ForWhom(string person) => string.IsNullOrWhiteSpace(person) ? null : $"For {person}";

    /// <summary>The Copy button's name: unique per block, so two blocks are two clearly named buttons.</summary>
    public static string CopyLabel(string person) =>
        string.IsNullOrWhiteSpace(person) ? "Copy the words" : $"Copy the words for {person}";

    /// <summary>Read aloud's hidden rest of its name: " for your recruiter".</summary>
    public static string SpeakSuffix(string person) => string.IsNullOrWhiteSpace(person) ? "" : $" for {person}";

    /// <summary>"verdict-words" for the first block, "verdict-words-2" for the second, ...</summary>
    public static string BlockId(string prefix, int index) => index == 0 ? prefix : $"{prefix}-{index + 1}";
}
