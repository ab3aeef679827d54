using InterviewCompass.Core.Content;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace InterviewCompass.Core.Tests.Builders;

/// <summary>
/// The real message kinds and lint rules from <c>content/messages</c>. Uses <see cref="ContentLoader"/>
/// once it is implemented; until then a small reader of just the message files (no validation), so the
/// real templates are tested today rather than skipped.
/// </summary>
internal static class RepositoryMessages
{
    private static readonly Lazy<ContentCatalog> Loaded = new(Load);

    public static ContentCatalog Catalog => Loaded.Value;

    public static string ContentRoot
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "content");
                if (Directory.Exists(Path.Combine(candidate, "messages")))
                {
                    return candidate;
                }
            }

            throw new DirectoryNotFoundException("No content/messages folder above " + AppContext.BaseDirectory);
        }
    }

    private static ContentCatalog Load()
    {
        try
        {
            var result = new ContentLoader().Load(ContentRoot);
            return result.Catalog ?? throw new InvalidOperationException(string.Join(Environment.NewLine, result.Errors));
        }
        catch (NotImplementedException)
        {
            return ReadMessagesOnly(ContentRoot);
        }
    }

    private static ContentCatalog ReadMessagesOnly(string root)
    {
        var yaml = new DeserializerBuilder().WithNamingConvention(CamelCaseNamingConvention.Instance).Build();
        var kinds = new List<MessageKind>();
        LintFile? lint = null;
        foreach (var path in Directory.GetFiles(Path.Combine(root, "messages"), "*.yml").Order(StringComparer.Ordinal))
        {
            var text = File.ReadAllText(path);
            if (Path.GetFileName(path) == "lint.yml")
            {
                lint = yaml.Deserialize<LintFile>(text);
                continue;
            }

            var kind = yaml.Deserialize<KindFile>(text);
            kinds.Add(new MessageKind(
                kind.Id,
                kind.Title,
                kind.Description,
                GuideLink.Parse(kind.Guide),
                kind.Situations,
                kind.MaxWords,
                [.. kind.Templates.Select(t => new MessageTemplate(t.Tone, t.Situation, t.Subject, t.Body))],
                path));
        }

        var rules = (lint?.Rules ?? []).Select(r => new LintRule(
            r.Id, r.Severity, r.Message, r.Fix, GuideLink.Parse(r.Guide), r.Kinds, r.Words, r.Limit));
        return new ContentCatalog([], [], kinds, rules);
    }

    private sealed class KindFile
    {
        public string Id { get; set; } = "";
        public string Title { get; set; } = "";
        public string Description { get; set; } = "";
        public string Guide { get; set; } = "";
        public int MaxWords { get; set; }
        public List<string> Situations { get; set; } = [];
        public List<TemplateEntry> Templates { get; set; } = [];
    }

    private sealed class TemplateEntry
    {
        public string Tone { get; set; } = "";
        public string? Situation { get; set; }
        public string Subject { get; set; } = "";
        public string Body { get; set; } = "";
    }

    private sealed class LintFile
    {
        public List<RuleEntry> Rules { get; set; } = [];
    }

    private sealed class RuleEntry
    {
        public string Id { get; set; } = "";
        public string Severity { get; set; } = "";
        public string Message { get; set; } = "";
        public string Fix { get; set; } = "";
        public string Guide { get; set; } = "";
        public List<string> Kinds { get; set; } = [];
        public List<string> Words { get; set; } = [];
        public int? Limit { get; set; }
    }
}
