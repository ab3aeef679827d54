using System.Collections.Frozen;

namespace InterviewCompass.Core.Content;

/// <summary>Everything in <c>content/</c>, loaded and validated once; immutable and shared.</summary>
public sealed class ContentCatalog
{
    public ContentCatalog(
        IEnumerable<Guide> guides,
        IEnumerable<Checklist> checklists,
        IEnumerable<MessageKind> messageKinds,
        IEnumerable<LintRule> lintRules)
    {
        Guides = [.. guides.OrderBy(g => g.Title, StringComparer.OrdinalIgnoreCase)];
        Checklists = [.. checklists];
        MessageKinds = [.. messageKinds];
        LintRules = [.. lintRules];
        GuidesById = Guides.ToFrozenDictionary(g => g.Id, StringComparer.Ordinal);
        ChecklistsById = Checklists.ToFrozenDictionary(c => c.Id, StringComparer.Ordinal);
        MessageKindsById = MessageKinds.ToFrozenDictionary(m => m.Id, StringComparer.Ordinal);
        Tags = [.. Guides.SelectMany(g => g.Tags).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
    }

    public IReadOnlyList<Guide> Guides { get; }
    public IReadOnlyList<Checklist> Checklists { get; }
    public IReadOnlyList<MessageKind> MessageKinds { get; }
    public IReadOnlyList<LintRule> LintRules { get; }
    public IReadOnlyList<string> Tags { get; }
    public FrozenDictionary<string, Guide> GuidesById { get; }
    public FrozenDictionary<string, Checklist> ChecklistsById { get; }
    public FrozenDictionary<string, MessageKind> MessageKindsById { get; }
}
