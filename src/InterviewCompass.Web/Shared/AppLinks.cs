using Microsoft.AspNetCore.WebUtilities;

namespace InterviewCompass.Web.Shared;

/// <summary>The app's own addresses, built in one place (pages, links and redirects use these).</summary>
public static class AppLinks
{
    /// <summary>The composer's query names: <c>/drafts/new?kind=&amp;tone=&amp;situation=&amp;checklist=&amp;outcome=&amp;session=</c>.</summary>
    public static class DraftQuery
    {
        public const string Kind = "kind";
        public const string Tone = "tone";
        public const string Situation = "situation";
        public const string Checklist = "checklist";
        public const string Outcome = "outcome";
        public const string Session = "session";
    }

    public const string NewDraftPath = "/drafts/new";

    /// <summary>The composer for a new draft, prefilled with whatever is given (in this order).</summary>
    /// <param name="session">A kept checklist session, written as 32 hex digits like every session link.</param>
    public static string NewDraft(
        string? kind = null,
        string? situation = null,
        string? checklist = null,
        string? outcome = null,
        Guid? session = null,
        string? tone = null,
        IEnumerable<KeyValuePair<string, string>>? fields = null)
    {
        var query = new List<KeyValuePair<string, string?>>();
        Add(query, DraftQuery.Kind, kind);
        Add(query, DraftQuery.Tone, tone);
        Add(query, DraftQuery.Situation, situation);
        Add(query, DraftQuery.Checklist, checklist);
        Add(query, DraftQuery.Outcome, outcome);
        Add(query, DraftQuery.Session, session?.ToString("N"));
        foreach (var (name, value) in fields ?? [])
        {
            // Field values by their placeholder id (company, role, name, date): the composer fills them in.
            Add(query, name, value);
        }

        return QueryHelpers.AddQueryString(NewDraftPath, query);
    }

    /// <summary>A kept draft in the composer.</summary>
    public static string Draft(Guid id) => $"/drafts/{id:D}";

    private static void Add(List<KeyValuePair<string, string?>> query, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            query.Add(new(name, value));
        }
    }
}
