using InterviewCompass.Core.Content;

namespace InterviewCompass.Web.Features.Checks;

/// <summary>The words a person reads for each answer value, in the order the choices are shown.</summary>
public static class AnswerLabels
{
    private static readonly string[] DisplayOrder = [Answers.Yes, Answers.No, Answers.Unsure, Answers.RaisedResolved, Answers.RaisedUnresolved];

    public static string For(string answer) => answer switch
    {
        Answers.Yes => "Yes",
        Answers.No => "No",
        Answers.Unsure => "Not sure",
        Answers.RaisedResolved => "I raised it and it was resolved",
        Answers.RaisedUnresolved => "I raised it and it was not resolved",
        Answers.Unanswered => "Not answered",
        _ => answer,
    };

    /// <summary>Every answer value and its words, for the browser's offline verdict.</summary>
    public static IReadOnlyDictionary<string, string> All { get; } =
        Answers.RaiseFirst.Append(Answers.Unanswered).ToDictionary(a => a, For, StringComparer.Ordinal);

    public static IEnumerable<string> InDisplayOrder(ChecklistItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return DisplayOrder.Where(item.AllowedAnswers.Contains);
    }
}
