using InterviewCompass.Core.Content;
using InterviewCompass.Web.Shared;

namespace InterviewCompass.Web.Features.Guides;

/// <summary>Where a guide's <c>related</c> ids lead: a checklist to its check page, a message kind to the composer.</summary>
public static class RelatedLinks
{
    public const string ChecklistKind = "checklist";
    public const string MessageKind = "message";

    public static IReadOnlyList<RelatedLink> For(ContentCatalog catalog, Guide guide)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(guide);
        var links = new List<RelatedLink>(guide.Related.Count);
        foreach (var id in guide.Related)
        {
            if (catalog.ChecklistsById.TryGetValue(id, out var checklist))
            {
                links.Add(new RelatedLink(id, ChecklistKind, checklist.Title, $"/check/{Uri.EscapeDataString(id)}"));
            }
            else if (catalog.MessageKindsById.TryGetValue(id, out var kind))
            {
                links.Add(new RelatedLink(id, MessageKind, kind.Title, AppLinks.NewDraft(id)));
            }
        }

        return links;
    }
}

/// <param name="Kind"><c>checklist</c> or <c>message</c>.</param>
public sealed record RelatedLink(string Id, string Kind, string Title, string Href);
