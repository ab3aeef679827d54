namespace InterviewCompass.Web.Features.Guides;

/// <summary>A tag as a person reads it: <c>exit-interview</c> is shown as "Exit interview"; the address keeps the id.</summary>
public static class TagLabel
{
    public static string For(string tag)
    {
        ArgumentNullException.ThrowIfNull(tag);
        var words = tag.Replace('-', ' ').Trim();
        return words.Length == 0 ? tag : char.ToUpperInvariant(words[0]) + words[1..];
    }
}
