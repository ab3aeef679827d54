namespace InterviewCompass.Core.Content;

/// <summary>
/// Links between files, recorded while each file is read and resolved once everything is read,
/// because a checklist may link to a guide that is loaded later.
/// </summary>
internal sealed class ContentReferences
{
    private readonly List<Reference<GuideLink>> _guideLinks = [];
    private readonly List<Reference<string>> _related = [];
    private readonly List<Reference<string>> _messageKinds = [];
    private readonly List<Reference<string>> _declaredIds = [];

    /// <summary>
    /// The id a file declares. Guides share one namespace; checklists and message kinds share
    /// another, because a guide's <c>related</c> names either.
    /// </summary>
    public void DeclareId(string path, int line, string what, string id) => _declaredIds.Add(new(path, line, what, id));

    public void AddGuideLink(string path, int line, string context, GuideLink link) => _guideLinks.Add(new(path, line, context, link));

    /// <summary>A guide's <c>related</c> entry: a checklist id or a message kind id.</summary>
    public void AddRelated(string path, int line, string id) => _related.Add(new(path, line, "related", id));

    public void AddMessageKind(string path, int line, string context, string kind) => _messageKinds.Add(new(path, line, context, kind));

    /// <summary>Appends another file's references, in their order.</summary>
    public void AddRange(ContentReferences other)
    {
        _guideLinks.AddRange(other._guideLinks);
        _related.AddRange(other._related);
        _messageKinds.AddRange(other._messageKinds);
        _declaredIds.AddRange(other._declaredIds);
    }

    public void Resolve(KnownContent known, ContentErrorList errors)
    {
        var owners = new Dictionary<(bool IsGuide, string Id), Reference<string>>();
        foreach (var declared in _declaredIds)
        {
            var key = (declared.Context == "guide", declared.Target);
            if (!owners.TryAdd(key, declared))
            {
                var first = owners[key];
                errors.Add(declared.Path, declared.Line, $"duplicate id '{declared.Target}': the {first.Context} {first.Path}:{first.Line} has it too");
            }
        }

        foreach (var (path, line, context, link) in _guideLinks)
        {
            if (!known.Guides.TryGetValue(link.GuideId, out var anchors))
            {
                errors.Add(path, line, $"{context}: links to unknown guide '{link.GuideId}'{Known(known.Guides.Keys)}");
            }
            else if (link.Anchor is not null && anchors is not null && !anchors.Contains(link.Anchor))
            {
                errors.Add(path, line, $"{context}: guide '{link.GuideId}' has no '## ' section with anchor '{link.Anchor}'{Known(anchors)}");
            }
        }

        foreach (var (path, line, _, id) in _related)
        {
            if (!known.Checklists.Contains(id) && !known.MessageKinds.Contains(id))
            {
                errors.Add(path, line, $"related: '{id}' is neither a checklist id nor a message kind id");
            }
        }

        foreach (var (path, line, context, kind) in _messageKinds)
        {
            if (!known.MessageKinds.Contains(kind))
            {
                errors.Add(path, line, $"{context}: unknown message kind '{kind}'{Known(known.MessageKinds)}");
            }
        }
    }

    private static string Known(IEnumerable<string> candidates)
    {
        var list = candidates.Order(StringComparer.Ordinal).ToList();
        if (list.Count == 0)
        {
            return " (there are none)";
        }

        return list.Count <= 12 ? $" (known: {string.Join(", ", list)})" : "";
    }

    private sealed record Reference<T>(string Path, int Line, string Context, T Target);
}

/// <summary>
/// What exists, by id, including files that failed to load (their id is taken from the file
/// name) so one broken file does not make every link to it an error as well.
/// </summary>
/// <param name="Guides">Guide id -> its <c>##</c> anchors, or null when its body could not be read.</param>
internal sealed record KnownContent(
    IReadOnlyDictionary<string, IReadOnlySet<string>?> Guides,
    IReadOnlySet<string> Checklists,
    IReadOnlySet<string> MessageKinds);
