using System.Text.RegularExpressions;

namespace InterviewCompass.Web.Shared;

/// <summary>
/// Collects what is wrong with a person's input, by field name (<c>label</c>, <c>fields.company</c>, ...),
/// in the shape of validation problem details. Markup is not an error: it is kept as text and shown escaped.
/// </summary>
public sealed partial class InputCheck
{
    private readonly Dictionary<string, string[]> _errors = new(StringComparer.Ordinal);

    public bool IsValid => _errors.Count == 0;

    public IDictionary<string, string[]> Errors => _errors;

    public void Add(string field, string problem) =>
        _errors[field] = _errors.TryGetValue(field, out var existing) ? [.. existing, problem] : [problem];

    /// <summary>Checks length and characters; newlines and tabs are the only control characters allowed.</summary>
    public void Text(string field, string? value, int maxLength)
    {
        if (value is null)
        {
            return;
        }

        if (value.Length > maxLength)
        {
            Add(field, $"{field} is {value.Length} characters long; at most {maxLength} are kept.");
        }

        if (HasControlCharacters(value))
        {
            Add(field, $"{field} contains control characters; only text, newlines and tabs are kept.");
        }
    }

    /// <summary>Map keys are short kebab-case names; values are checked as <see cref="Text"/>.</summary>
    public void Map(string field, IReadOnlyDictionary<string, string>? map, int maxCount, int maxValueLength)
    {
        if (map is null)
        {
            return;
        }

        if (map.Count > maxCount)
        {
            Add(field, $"{field} has {map.Count} entries; at most {maxCount} are kept.");
            return;
        }

        foreach (var (key, value) in map)
        {
            if (!KeyPattern().IsMatch(key))
            {
                Add(field, $"'{Shorten(key)}' is not a field name (lower-case letters, digits and '-').");
                continue;
            }

            Text($"{field}.{key}", value, maxValueLength);
        }
    }

    public static bool HasControlCharacters(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        foreach (var c in value)
        {
            if (char.IsControl(c) && c is not ('\n' or '\r' or '\t'))
            {
                return true;
            }
        }

        return false;
    }

    private static string Shorten(string value) =>
        new string([.. value.Take(40).Select(c => char.IsControl(c) ? '?' : c)]);

    [GeneratedRegex("^[a-z][a-z0-9-]{0,31}$")]
    private static partial Regex KeyPattern();
}
