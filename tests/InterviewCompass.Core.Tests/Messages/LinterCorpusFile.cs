using System.Text;
using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace InterviewCompass.Core.Tests.Messages;

/// <summary>
/// The real notes and own drafts under <c>Messages/LinterCorpus/</c> (see its README): loading, the
/// tuning/held-out split, and filling published blanks the way a person would before sending.
/// </summary>
internal static partial class LinterCorpusFile
{
    public const string Tuning = "tuning";
    public const string HeldOut = "held-out";

    public static string Folder => Path.Combine(RepositoryPaths.Root, "tests", "InterviewCompass.Core.Tests", "Messages", "LinterCorpus");

    public static IReadOnlyList<CorpusNote> All { get; } = Load();

    public static IEnumerable<CorpusNote> Real => All.Where(n => !n.Own);

    public static IEnumerable<CorpusNote> Own => All.Where(n => n.Own);

    /// <summary>FNV-1a (32-bit) of the page address (own drafts: of the id); even is tuning.</summary>
    public static string HalfOf(string key)
    {
        var hash = 0x811c9dc5u;
        foreach (var b in Encoding.UTF8.GetBytes(key))
        {
            hash ^= b;
            hash *= 0x01000193u;
        }

        return hash % 2 == 0 ? Tuning : HeldOut;
    }

    /// <summary>Whether the published text has a blank, by this test's own reading (not the linter's).</summary>
    public static bool HasBlank(string text) => Blank().IsMatch(text);

    /// <summary>The note as a person would send it: each blank replaced by a plausible value.</summary>
    public static string Fill(string text) => Blank().Replace(text, m => ValueFor(m.Value));

    private static string ValueFor(string blank)
    {
        var inside = blank.ToLowerInvariant();
        return inside switch
        {
            _ when inside.Contains("company", StringComparison.Ordinal) || inside.Contains("organi", StringComparison.Ordinal)
                || inside.Contains("employer", StringComparison.Ordinal) || inside.Contains("institution", StringComparison.Ordinal) => "Northwind",
            _ when inside.Contains("phone", StringComparison.Ordinal) || inside.StartsWith("xxx", StringComparison.Ordinal) => "555 0100",
            _ when inside.Contains("email", StringComparison.Ordinal) || inside.Contains("contact", StringComparison.Ordinal) => "sam@example.com",
            _ when inside.Contains("date", StringComparison.Ordinal) || inside.Contains("day", StringComparison.Ordinal)
                || inside.Contains("time", StringComparison.Ordinal) => "Monday 3 May",
            _ when inside.Contains('#', StringComparison.Ordinal) => "three",
            _ when inside.Contains("title", StringComparison.Ordinal) || inside.Contains("position", StringComparison.Ordinal)
                || inside.Contains("role", StringComparison.Ordinal) || inside.Contains("job", StringComparison.Ordinal)
                || inside.Contains("program", StringComparison.Ordinal) => "data analyst",
            _ when inside.Contains("name", StringComparison.Ordinal) || inside.Contains("coworker", StringComparison.Ordinal)
                || inside.Contains("recipient", StringComparison.Ordinal) || inside.StartsWith("___", StringComparison.Ordinal)
                || inside.StartsWith("__", StringComparison.Ordinal) => "Sam Lee",
            _ => "the details",
        };
    }

    // [Name], {name}, {{name}}, <NAME>, |Name|, __(name)__, ____, (Your Name)-style parentheses with a
    // placeholder word, xxx-xxx-xxxx, the bare "XXX", and bare template phrases ("Contact Name").
    [GeneratedRegex(@"\{\{[^{}\n]{1,40}\}\}|\{[^{}\n]{1,40}\}|\[(?!sic\b)[^\[\]\n]{1,80}\]|<[A-Za-z][^<>\n]{0,40}>|\|[A-Za-z][^|\n]{0,30}\||_{1,2}\([^()\n]{1,80}\)_{1,2}|_{3,}|\((?=[^()\n]{0,40}\b(?:[Nn]ame|[Pp]osition|[Dd]ate|[Ff]actor|[Cc]ompany|[Tt]itle)\b)[^()\n]{1,60}\)|\b[Xx]{3}(?:-[Xx]{3,4})*\b|\b(?:Your|Company|Contact|Department|Hiring Manager|Recipient)(?:\u2019s|'s)? (?:Name|Title)\b|\b(?:Position|Job) Title\b", RegexOptions.CultureInvariant)]
    private static partial Regex Blank();

    private static List<CorpusNote> Load()
    {
        var notes = new List<CorpusNote>();
        foreach (var file in Directory.GetFiles(Folder, "real-notes-*.yml").Order(StringComparer.Ordinal))
        {
            foreach (var page in Sequence(Root(file), "pages"))
            {
                var address = Text(page, "address")!;
                var title = Text(page, "title")!;
                foreach (var note in Sequence(page, "notes"))
                {
                    notes.Add(Note(note, address, title, HalfOf(address), own: false));
                }
            }
        }

        foreach (var note in Sequence(Root(Path.Combine(Folder, "own-notes.yml")), "notes"))
        {
            var id = Text(note, "id")!;
            notes.Add(Note(note, "own", "own draft", HalfOf(id), own: true));
        }

        return notes;
    }

    /// <summary>The halves recorded in split.yml, by page address or own id.</summary>
    public static Dictionary<string, string> RecordedSplit()
    {
        var root = Root(Path.Combine(Folder, "split.yml"));
        var split = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var page in Sequence(root, "pages"))
        {
            split.Add(Text(page, "address")!, Text(page, "half")!);
        }

        foreach (var own in Sequence(root, "own"))
        {
            split.Add(Text(own, "id")!, Text(own, "half")!);
        }

        return split;
    }

    private static CorpusNote Note(YamlMappingNode note, string address, string title, string half, bool own) => new(
        Id: Text(note, "id")!,
        Kind: Text(note, "kind")!,
        Label: Text(note, "label")!,
        Whole: Text(note, "whole") != "false",
        LabelledBy: Text(note, "labelledBy") ?? (own ? "own" : "page"),
        PagePresents: Text(note, "pagePresents"),
        Expect: note.Children.TryGetValue(new YamlScalarNode("expect"), out var expect)
            ? [.. ((YamlSequenceNode)expect).Children.Select(c => ((YamlScalarNode)c).Value!)]
            : [],
        Text: Text(note, "text")!,
        Address: address,
        Title: title,
        Half: half,
        Own: own);

    private static YamlMappingNode Root(string path)
    {
        var stream = new YamlStream();
        using var reader = new StreamReader(path);
        stream.Load(reader);
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    private static IEnumerable<YamlMappingNode> Sequence(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? ((YamlSequenceNode)value).Children.Cast<YamlMappingNode>() : [];

    private static string? Text(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? ((YamlScalarNode)value).Value : null;
}

/// <param name="Whole">False for a fragment: not checked for the whole-note rules.</param>
/// <param name="Expect">For a bad note, what is wrong with it (categories, see the corpus README).</param>
internal sealed record CorpusNote(
    string Id,
    string Kind,
    string Label,
    bool Whole,
    string LabelledBy,
    string? PagePresents,
    string[] Expect,
    string Text,
    string Address,
    string Title,
    string Half,
    bool Own)
{
    public bool Bad => Label == "bad";
}
