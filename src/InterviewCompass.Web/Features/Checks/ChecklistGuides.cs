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

    /// <summary>When the guidance behind a checklist was last reviewed: the oldest review date of the guides it links to.</summary>
    public static DateOnly Reviewed(ContentCatalog catalog, Checklist checklist)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(checklist);
        return checklist.Items.Select(i => i.Guide.GuideId)
            .Concat(checklist.Outcomes.Where(o => o.Guide is not null).Select(o => o.Guide!.GuideId))
            .Where(catalog.GuidesById.ContainsKey)
            .Select(id => catalog.GuidesById[id].Reviewed)
            .DefaultIfEmpty(DateOnly.MinValue)
            .Min();
    }
}
