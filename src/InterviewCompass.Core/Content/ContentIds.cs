using System.Text.RegularExpressions;

namespace InterviewCompass.Core.Content;

/// <summary>The id rule every content file shares: lower-case kebab-case.</summary>
internal static partial class ContentIds
{
    public static bool IsValid(string value) => KebabCase().IsMatch(value);

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex KebabCase();
}
