using InterviewCompass.Core.Content;

namespace InterviewCompass.Web.Features.Checks;

/// <summary>The guide that explains a checklist: its default outcome's guide, else the first guide that names it as related.</summary>
public static class ChecklistGuides
{
    public static string MainGuideHref(ContentCatalog catalog, string checklistId)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        if (catalog.ChecklistsById.TryGetValue(checklistId, out var checklist)
            && checklist.FindOutcome(checklist.DefaultOutcome)?.Guide is { } guide)
        {
            return new GuideLink(guide.GuideId, null).Href;
        }

        var related = catalog.Guides.FirstOrDefault(g => g.Related.Contains(checklistId, StringComparer.Ordinal));
        return related is null ? "/guides" : new GuideLink(related.Id, null).Href;
    }
}
