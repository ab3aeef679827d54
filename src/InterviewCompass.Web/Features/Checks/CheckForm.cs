namespace InterviewCompass.Web.Features.Checks;

/// <summary>
/// The check page form's field contract, in one place: the page renders these names, the form post reads them,
/// the expired-form recovery and the autosave script (<c>wwwroot/js/check-autosave.js</c>) read the rendered form.
/// </summary>
public static class CheckForm
{
    /// <summary>The Blazor form name (<c>_handler</c>).</summary>
    public const string Name = "checklist";

    /// <summary>Radio groups are named <c>Answer[item-id]</c>.</summary>
    public const string Answer = "Answer";

    /// <summary>The optional company and role label.</summary>
    public const string Label = "Label";

    /// <summary>The kept session the answers belong to so far (hidden; set by the page or the autosave script).</summary>
    public const string Session = "session";

    /// <summary>A one-time key per page view (hidden): the same form sent twice keeps one session.</summary>
    public const string Once = "once";

    public static string AnswerField(string itemId) => $"{Answer}[{itemId}]";

    /// <summary>The item id of an <c>Answer[item-id]</c> field name, or null for any other field.</summary>
    public static string? ItemOf(string fieldName)
    {
        ArgumentNullException.ThrowIfNull(fieldName);
        return fieldName.Length > Answer.Length + 2
            && fieldName.StartsWith(Answer + "[", StringComparison.Ordinal)
            && fieldName.EndsWith(']')
                ? fieldName[(Answer.Length + 1)..^1]
                : null;
    }
}
