using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;

namespace InterviewCompass.Web.Shared;

/// <summary>
/// A map of short kebab-case names to text (draft fields, checklist answers): at most <see cref="MaxCount"/> entries,
/// each value at most <see cref="MaxValueLength"/> characters with no control characters.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter | AttributeTargets.Field)]
public sealed partial class TextMapAttribute(int maxCount, int maxValueLength) : ValidationAttribute
{
    public int MaxCount { get; } = maxCount;

    public int MaxValueLength { get; } = maxValueLength;

    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext)
    {
        ArgumentNullException.ThrowIfNull(validationContext);
        if (value is not IEnumerable<KeyValuePair<string, string>> map)
        {
            return ValidationResult.Success;
        }

        var problems = Problems(map).Take(InputLimits.Problems).ToList();
        return problems.Count == 0 ? ValidationResult.Success : new ValidationResult(string.Join(" ", problems));
    }

    private IEnumerable<string> Problems(IEnumerable<KeyValuePair<string, string>> map)
    {
        var count = map.Count();
        if (count > MaxCount)
        {
            yield return $"{count} entries were sent; at most {MaxCount} are accepted.";
            yield break;
        }

        foreach (var (key, text) in map)
        {
            if (!KeyPattern().IsMatch(key))
            {
                yield return $"'{Shorten(key)}' is not a name (lower-case letters, digits and '-', at most {InputLimits.Id}).";
            }
            else if (text is null)
            {
                yield return $"{key} has no value.";
            }
            else if (text.Length > MaxValueLength)
            {
                yield return $"{key} is {text.Length} characters long; at most {MaxValueLength} are kept.";
            }
            else if (NoControlCharactersAttribute.HasControlCharacters(text))
            {
                yield return $"{key} contains control characters; only text, newlines and tabs are kept.";
            }
        }
    }

    private static string Shorten(string value) =>
        new([.. value.Take(40).Select(c => char.IsControl(c) ? '?' : c)]);

    [GeneratedRegex("^[a-z][a-z0-9-]{0,63}$")]
    private static partial Regex KeyPattern();
}
