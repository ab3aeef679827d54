namespace InterviewCompass.Web.Features.Guides;

/// <summary>Addresses of the guide list for a search and a tag, so filters stay plain links that keep the query.</summary>
public static class GuideListLinks
{
    public static string For(string? query, string? tag)
    {
        var parts = new List<string>(2);
        if (!string.IsNullOrWhiteSpace(query))
        {
            parts.Add("q=" + Uri.EscapeDataString(query.Trim()));
        }

        if (!string.IsNullOrWhiteSpace(tag))
        {
            parts.Add("tag=" + Uri.EscapeDataString(tag));
        }

        return parts.Count == 0 ? "/guides" : "/guides?" + string.Join('&', parts);
    }
}
