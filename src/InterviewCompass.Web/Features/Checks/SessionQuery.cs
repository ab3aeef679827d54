namespace InterviewCompass.Web.Features.Checks;

/// <summary>
/// A kept checklist session in the check page's address, <c>/check/{checklist}?session={id}</c>: the page shows
/// that session's answers (and its verdict once finished) to its owner only.
/// </summary>
public static class SessionQuery
{
    public const string Parameter = "session";

    /// <summary>32 hex digits, no dashes: the form every link and the autosave script use.</summary>
    public static string Format(Guid id) => id.ToString("N");

    public static string Href(string checklistId, Guid id) =>
        $"/check/{Uri.EscapeDataString(checklistId)}?{Parameter}={Format(id)}";

    /// <summary>The id, or null when the value is not one (such an address shows the not-found page).</summary>
    public static Guid? Parse(string? value) => Guid.TryParse(value, out var id) ? id : null;
}
