using System.ComponentModel.DataAnnotations;

namespace InterviewCompass.Web.Shared;

/// <summary>
/// What is wrong with a person's input, by field name (<c>label</c>, <c>answers.item-id</c>, ...), in the shape of
/// validation problem details. <see cref="Of"/> applies the record's own validation attributes (the same ones the
/// API's built-in validation applies), so a page and the API refuse the same input with the same words; the stores add
/// what only the content can tell (an unknown checklist or kind). At most <see cref="InputLimits.Problems"/> are listed.
/// </summary>
public sealed class InputCheck
{
    private readonly Dictionary<string, string[]> _errors = new(StringComparer.Ordinal);
    private int _dropped;

    public bool IsValid => _errors.Count == 0;

    public IDictionary<string, string[]> Errors
    {
        get
        {
            if (_dropped == 0)
            {
                return _errors;
            }

            return new Dictionary<string, string[]>(_errors, StringComparer.Ordinal)
            {
                ["more"] = [$"{_dropped} more problems were not listed."],
            };
        }
    }

    /// <summary>The problems the validation attributes of <paramref name="input"/> find, keyed by camelCase property name.</summary>
    public static InputCheck Of(object input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var check = new InputCheck();
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(input, new ValidationContext(input), results, validateAllProperties: true);
        foreach (var result in results)
        {
            var member = result.MemberNames.FirstOrDefault() ?? "";
            check.Add(member.Length == 0 ? member : char.ToLowerInvariant(member[0]) + member[1..], result.ErrorMessage ?? "is not valid.");
        }

        return check;
    }

    public void Add(string field, string problem)
    {
        if (_errors.TryGetValue(field, out var existing))
        {
            _errors[field] = [.. existing, problem];
        }
        else if (_errors.Count < InputLimits.Problems)
        {
            _errors[field] = [problem];
        }
        else
        {
            _dropped++;
        }
    }
}
