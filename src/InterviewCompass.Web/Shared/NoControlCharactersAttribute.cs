using System.ComponentModel.DataAnnotations;

namespace InterviewCompass.Web.Shared;

/// <summary>
/// Text with no control characters except newlines and tabs (a NUL or an escape sequence is never what a person typed).
/// Markup is not refused: it is kept as text and always shown escaped.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter | AttributeTargets.Field)]
public sealed class NoControlCharactersAttribute : ValidationAttribute
{
    public override bool IsValid(object? value) => value is not string text || !HasControlCharacters(text);

    public override string FormatErrorMessage(string name) => $"{name} contains control characters; only text, newlines and tabs are kept.";

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
}
