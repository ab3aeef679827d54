namespace InterviewCompass.Core.Content;

/// <summary>Reads <c>guides/*.md</c>, <c>checklists/*.yml</c> and <c>messages/*.yml</c> under a content root and validates them together.</summary>
public sealed class ContentLoader
{
    private const string LintFileName = "lint.yml";
    private const string FieldsFileName = "fields.yml";
    private const string ValenceFileName = "lint-valence.tsv";

    /// <summary>Loads and validates; every problem found is returned, none thrown.</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1822", Justification = "An instance, so hosting and tests can inject the loader.")]
    public ContentLoadResult Load(string contentRoot)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(contentRoot);
        var root = Path.GetFullPath(contentRoot);
        var errors = new ContentErrorList();
        var references = new ContentReferences();
        var display = new DisplayPaths(root);

        if (!Directory.Exists(root))
        {
            errors.Add(root.Replace('\\', '/'), 1, "the content folder does not exist");
            return new ContentLoadResult(null, errors.ToList());
        }

        var guideFiles = ReadGuides(root, display, errors, references);
        var checklists = ReadChecklists(root, display, errors, references, out var checklistIds);
        var (messageKinds, messageKindIds, lintRules, messageFields) = ReadMessages(root, display, errors, references);
        var synonyms = ReadSynonyms(root, display, errors);
        var valence = ReadValence(Path.Combine(root, "messages", ValenceFileName), display, errors);

        var known = new KnownContent(
            guideFiles.ToDictionary(g => g.IdFromFileName, g => g.Anchors, StringComparer.Ordinal),
            checklistIds,
            messageKindIds);
        references.Resolve(known, errors);

        if (errors.Count > 0)
        {
            return new ContentLoadResult(null, errors.ToList());
        }

        var catalog = new ContentCatalog(guideFiles.Select(g => g.Guide!), checklists, messageKinds, lintRules, messageFields, synonyms, valence);
        return new ContentLoadResult(catalog, []);
    }

    /// <summary>Loads, or throws <see cref="ContentValidationException"/> listing every problem.</summary>
    public ContentCatalog LoadOrThrow(string contentRoot)
    {
        var result = Load(contentRoot);
        return result.Catalog ?? throw new ContentValidationException(result.Errors);
    }

    private static List<GuideFile> ReadGuides(string root, DisplayPaths display, ContentErrorList errors, ContentReferences references)
    {
        var folder = Path.Combine(root, "guides");
        var files = FilesIn(folder, "*.md");
        if (files.Count == 0)
        {
            // Without guides the app has nothing to show; most likely the content path is wrong.
            errors.Add(display.Of(folder), 1, "no guides found: expected guides/<id>.md files");
        }

        // Each guide is read and rendered on its own (in parallel: a large catalog is most of the start), then the
        // problems and references are merged in file order, so the result is the same as reading one by one.
        var read = new (GuideFile File, ContentErrorList Errors, ContentReferences References)[files.Count];
        Parallel.For(0, files.Count, i =>
        {
            var fileErrors = new ContentErrorList();
            var fileReferences = new ContentReferences();
            var file = files[i];
            var guide = new GuideReader(fileErrors, fileReferences).Read(display.Of(file), Path.GetFileNameWithoutExtension(file), ReadText(file));
            read[i] = (guide, fileErrors, fileReferences);
        });
        foreach (var (_, fileErrors, fileReferences) in read)
        {
            errors.AddRange(fileErrors);
            references.AddRange(fileReferences);
        }

        return [.. read.Select(r => r.File)];
    }

    private static List<Checklist> ReadChecklists(string root, DisplayPaths display, ContentErrorList errors, ContentReferences references, out HashSet<string> ids)
    {
        var reader = new ChecklistReader(errors, references);
        var checklists = new List<Checklist>();
        ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in FilesIn(Path.Combine(root, "checklists"), "*.yml"))
        {
            var idFromFileName = Path.GetFileNameWithoutExtension(file);
            ids.Add(idFromFileName);
            if (reader.Read(display.Of(file), idFromFileName, ReadText(file)) is { } checklist)
            {
                checklists.Add(checklist);
            }
        }

        return checklists;
    }

    private static (List<MessageKind> Kinds, HashSet<string> KindIds, IReadOnlyList<LintRule> LintRules, IReadOnlyList<MessageField> Fields) ReadMessages(
        string root, DisplayPaths display, ContentErrorList errors, ContentReferences references)
    {
        var reader = new MessageReader(errors, references);
        var folder = Path.Combine(root, "messages");
        var fieldsFile = Path.Combine(folder, FieldsFileName);
        if (File.Exists(fieldsFile))
        {
            reader.ReadFields(display.Of(fieldsFile), ReadText(fieldsFile));
        }

        var kinds = new List<MessageKind>();
        var kindIds = new HashSet<string>(StringComparer.Ordinal);
        IReadOnlyList<LintRule> lintRules = [];
        var lintSeen = false;
        foreach (var file in FilesIn(folder, "*.yml"))
        {
            if (Path.GetFileName(file) == FieldsFileName)
            {
                continue;
            }

            if (Path.GetFileName(file) == LintFileName)
            {
                lintSeen = true;
                lintRules = reader.ReadLint(display.Of(file), ReadText(file)) ?? [];
                continue;
            }

            var idFromFileName = Path.GetFileNameWithoutExtension(file);
            kindIds.Add(idFromFileName);
            if (reader.ReadKind(display.Of(file), idFromFileName, ReadText(file)) is { } kind)
            {
                kinds.Add(kind);
            }
        }

        // No messages at all is a valid (if early) state; message kinds without lint rules is not.
        if (kindIds.Count > 0 && !lintSeen)
        {
            errors.Add(display.Of(Path.Combine(folder, LintFileName)), 1, $"missing: the message kinds need lint rules ({string.Join(", ", LintRuleIds.All)})");
        }

        return (kinds, kindIds, lintRules, reader.Fields);
    }

    /// <summary>Reads <c>messages/lint-valence.tsv</c> (optional): "word, tab, score from -5 to 5" a line; # starts a comment.</summary>
    private static Dictionary<string, int>? ReadValence(string file, DisplayPaths display, ContentErrorList errors)
    {
        if (!File.Exists(file))
        {
            return null;
        }

        var valence = new Dictionary<string, int>(StringComparer.Ordinal);
        var number = 0;
        foreach (var line in File.ReadLines(file))
        {
            number++;
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var tab = line.IndexOf('\t', StringComparison.Ordinal);
            if (tab <= 0 || !int.TryParse(line.AsSpan(tab + 1), System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var score) || score is < -5 or > 5)
            {
                errors.Add(display.Of(file), number, "expected a word, a tab and a score from -5 to 5");
                continue;
            }

            valence[line[..tab]] = score;
        }

        return valence;
    }

    /// <summary>Reads <c>search/synonyms.yml</c> (optional): <c>groups</c>, each a list of words that mean the same.</summary>
    private static SearchSynonyms ReadSynonyms(string root, DisplayPaths display, ContentErrorList errors)
    {
        var file = Path.Combine(root, "search", "synonyms.yml");
        if (!File.Exists(file))
        {
            return SearchSynonyms.None;
        }

        var source = new YamlSource(display.Of(file), 0, errors);
        var mapping = source.LoadMapping(ReadText(file));
        if (mapping is null)
        {
            return SearchSynonyms.None;
        }

        var fields = source.Fields(mapping, "");
        fields.RejectUnknownFields("groups");
        var groups = new List<IReadOnlyList<string>>();
        foreach (var node in fields.Sequence("groups", required: true)?.Children ?? [])
        {
            if (node is not YamlDotNet.RepresentationModel.YamlSequenceNode sequence
                || sequence.Children.Any(c => c is not YamlDotNet.RepresentationModel.YamlScalarNode { Value.Length: > 0 }))
            {
                source.Error(node, "every synonym group must be a list of words, e.g. [rude, abusive, hostile]");
                continue;
            }

            var words = sequence.Children.Cast<YamlDotNet.RepresentationModel.YamlScalarNode>().Select(c => c.Value!.Trim()).ToList();
            if (words.Count < 2)
            {
                source.Error(node, "a synonym group needs at least two words");
                continue;
            }

            groups.Add(words);
        }

        return new SearchSynonyms(groups);
    }

    private static List<string> FilesIn(string folder, string pattern) =>
        Directory.Exists(folder)
            ? [.. Directory.EnumerateFiles(folder, pattern).Order(StringComparer.Ordinal)]
            : [];

    private static string ReadText(string file) => File.ReadAllText(file).Replace("\r\n", "\n", StringComparison.Ordinal);

    /// <summary>Error paths read <c>content/guides/x.md</c>: relative to the content root's parent, forward slashes.</summary>
    private sealed class DisplayPaths(string root)
    {
        private readonly string _base = Path.GetDirectoryName(root) ?? root;

        public string Of(string fullPath) => Path.GetRelativePath(_base, fullPath).Replace('\\', '/');
    }
}

/// <summary>Either a catalog or the errors that stopped it (paths relative to the content root's parent).</summary>
public sealed record ContentLoadResult(ContentCatalog? Catalog, IReadOnlyList<ContentError> Errors);
