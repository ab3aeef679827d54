using InterviewCompass.Core.Content;

namespace InterviewCompass.EndToEnd.Support;

/// <summary>The repository's own content, loaded as the app loads it, so tests read titles and headlines instead of copying them.</summary>
internal static class RealContent
{
    private static readonly Lazy<ContentCatalog> Loaded = new(() => new ContentLoader().LoadOrThrow(RepositoryPaths.Content));

    public static ContentCatalog Catalog => Loaded.Value;

    public static Guide Guide(string id) => Catalog.GuidesById[id];

    public static Checklist Checklist(string id) => Catalog.ChecklistsById[id];

    public static Outcome Outcome(string checklistId, string outcomeId) =>
        Checklist(checklistId).FindOutcome(outcomeId) ?? throw new InvalidOperationException($"{checklistId} has no outcome {outcomeId}");

    public static ChecklistItem Item(string checklistId, string itemId) =>
        Checklist(checklistId).FindItem(itemId) ?? throw new InvalidOperationException($"{checklistId} has no item {itemId}");

    /// <summary>The title of the <c>##</c> section a guide link points at.</summary>
    public static string SectionTitle(GuideLink link) =>
        Guide(link.GuideId).Sections.Single(s => s.Anchor == link.Anchor).Title;
}
