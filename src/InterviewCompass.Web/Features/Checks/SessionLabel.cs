using InterviewCompass.Web.Shared;

namespace InterviewCompass.Web.Features.Checks;

/// <summary>The optional label of a checklist session (e.g. company and role), as the check form explains it.</summary>
public static class SessionLabel
{
    public const int MaxLength = InputLimits.Label;

    /// <summary>What is wrong with the label, in words for the person who typed it, or null when it can be kept.</summary>
    public static string? Problem(string? label)
    {
        if (string.IsNullOrWhiteSpace(label))
        {
            return null;
        }

        var text = label.Trim();
        if (text.Length > MaxLength)
        {
            return $"The label is {text.Length} characters long. Please shorten it to {MaxLength} characters or fewer; " +
                "nothing was saved yet and your answers are still here.";
        }

        return NoControlCharactersAttribute.HasControlCharacters(text)
            ? "The label contains invisible control characters. Please type it again; nothing was saved yet and your answers are still here."
            : null;
    }
}
