using InterviewCompass.Core.Content;
using InterviewCompass.Core.Rules;

namespace InterviewCompass.Web.Features.Checks;

/// <summary>
/// Answers carried in the check page's URL, <c>?a=item:answer,item:answer</c> (checklist order), so a verdict
/// survives a reload, a bookmark or a lost connection without storing anything.
/// </summary>
public static class AnswerQuery
{
    public const string Parameter = "a";

    private const int MaxLength = 4000;

    /// <summary><c>item:answer,...</c> in checklist order; ':' and ',' are legal in a query, so the address stays readable.</summary>
    public static string Format(Checklist checklist, IReadOnlyDictionary<string, string> answers)
    {
        ArgumentNullException.ThrowIfNull(checklist);
        ArgumentNullException.ThrowIfNull(answers);
        var known = checklist.Items.Select(i => i.Id).Where(answers.ContainsKey);
        var unknown = answers.Keys.Where(k => checklist.FindItem(k) is null).Order(StringComparer.Ordinal);
        return string.Join(',', known.Concat(unknown).Select(k => $"{Uri.EscapeDataString(k)}:{Uri.EscapeDataString(answers[k])}"));
    }

    /// <summary>The check page's address for these answers, e.g. <c>/check/walk-out?a=salary-below-posted:yes,culture-mismatch:no</c>.</summary>
    public static string Href(Checklist checklist, IReadOnlyDictionary<string, string> answers)
    {
        ArgumentNullException.ThrowIfNull(checklist);
        return $"/check/{Uri.EscapeDataString(checklist.Id)}?{Parameter}={Format(checklist, answers)}";
    }

    /// <summary>Reads <c>item:answer</c> pairs; a pair that is not written that way is an error (the engine checks ids and values).</summary>
    public static ParsedAnswers Parse(string? value)
    {
        var answers = new Dictionary<string, string>(StringComparer.Ordinal);
        var errors = new List<AnswerError>();
        if (string.IsNullOrWhiteSpace(value))
        {
            return new ParsedAnswers(answers, errors);
        }

        if (value.Length > MaxLength)
        {
            errors.Add(new AnswerError(Parameter, $"The answers in the address are longer than {MaxLength} characters."));
            return new ParsedAnswers(answers, errors);
        }

        foreach (var pair in value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var colon = pair.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0 || colon == pair.Length - 1)
            {
                errors.Add(new AnswerError(pair, $"'{pair}' is not written as item:answer."));
                continue;
            }

            answers[pair[..colon]] = pair[(colon + 1)..];
        }

        return new ParsedAnswers(answers, errors);
    }

    /// <summary>Posted radio values, without the items left unanswered.</summary>
    public static Dictionary<string, string> FromForm(IReadOnlyDictionary<string, string>? posted)
    {
        var answers = new Dictionary<string, string>(StringComparer.Ordinal);
        if (posted is null)
        {
            return answers;
        }

        foreach (var (item, answer) in posted)
        {
            if (!string.IsNullOrWhiteSpace(answer))
            {
                answers[item] = answer.Trim();
            }
        }

        return answers;
    }
}

public sealed record ParsedAnswers(IReadOnlyDictionary<string, string> Answers, IReadOnlyList<AnswerError> Errors);
