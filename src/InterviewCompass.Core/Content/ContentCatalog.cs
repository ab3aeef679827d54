using System.Collections.Frozen;

namespace InterviewCompass.Core.Content;

/// <summary>Everything in <c>content/</c>, loaded and validated once; immutable and shared.</summary>
public sealed class ContentCatalog
{
    public ContentCatalog(
        IEnumerable<Guide> guides,
        IEnumerable<Checklist> checklists,
        IEnumerable<MessageKind> messageKinds,
        IEnumerable<LintRule> lintRules,
        IEnumerable<MessageField>? messageFields = null,
        SearchSynonyms? synonyms = null,
        IReadOnlyDictionary<string, int>? lintValence = null)
    {
        Guides = [.. guides.OrderBy(g => g.Title, StringComparer.OrdinalIgnoreCase)];
        Checklists = [.. checklists];
        MessageKinds = [.. messageKinds];
        LintRules = [.. lintRules];
        MessageFields = [.. messageFields ?? DefaultMessageFields.All];
        MessageFieldsById = MessageFields.ToFrozenDictionary(f => f.Id, StringComparer.Ordinal);
        Synonyms = synonyms ?? SearchSynonyms.None;
        LintValence = (lintValence ?? new Dictionary<string, int>()).ToFrozenDictionary(StringComparer.Ordinal);
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

    /// <summary>The placeholders templates may use, with the labels the composer shows for them.</summary>
    public IReadOnlyList<MessageField> MessageFields { get; }

    public FrozenDictionary<string, MessageField> MessageFieldsById { get; }

    /// <summary>Words a stressed person types and the words the guides use for them (<c>search/synonyms.yml</c>).</summary>
    public SearchSynonyms Synonyms { get; }
    /// <summary>Word valence (-5 to 5) for the draft linter's complaint finder (<c>messages/lint-valence.tsv</c>).</summary>
    public FrozenDictionary<string, int> LintValence { get; }

    public FrozenDictionary<string, Guide> GuidesById { get; }
    public FrozenDictionary<string, Checklist> ChecklistsById { get; }
    public FrozenDictionary<string, MessageKind> MessageKindsById { get; }
}
