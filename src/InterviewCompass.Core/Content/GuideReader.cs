using InterviewCompass.Core.Guides;
using YamlDotNet.RepresentationModel;

namespace InterviewCompass.Core.Content;

/// <summary>Reads one <c>guides/&lt;id&gt;.md</c>: YAML front matter between <c>---</c> lines, then the Markdown body.</summary>
internal sealed class GuideReader(ContentErrorList errors, ContentReferences references)
{
    private const string GuidesPath = "/guides/";

    public GuideFile Read(string path, string idFromFileName, string text)
    {
        var before = errors.Count;
        var lines = text.Split('\n');
        if (lines[0].TrimEnd() != "---")
        {
            errors.Add(path, 1, "missing front matter: a guide starts with a line '---', then its fields (id, title, summary, tags, reviewed, related, sources), then a line '---'");
            return new GuideFile(idFromFileName, null, ReadBody(path, text, 0).Anchors);
        }

        var close = Array.FindIndex(lines, 1, l => l.TrimEnd() is "---" or "...");
        if (close < 0)
        {
            errors.Add(path, 1, "the front matter is not closed: add a line '---' after its fields");
            return new GuideFile(idFromFileName, null, null);
        }

        // Front matter starts on file line 2 and the body on file line close + 2.
        var frontMatter = string.Join('\n', lines[1..close]);
        var body = ReadBody(path, string.Join('\n', lines[(close + 1)..]), close + 1);

        var source = new YamlSource(path, 1, errors);
        var root = source.LoadMapping(frontMatter);
        if (root is null)
        {
            return new GuideFile(idFromFileName, null, body.Anchors);
        }

        var fields = source.Fields(root, "");
        fields.RejectUnknownFields("id", "title", "summary", "tags", "reviewed", "related", "sources");
        var id = fields.RequiredId("id");
        if (id is not null)
        {
            references.DeclareId(path, fields.LineOf("id"), "guide", id);
        }

        if (id is not null && id != idFromFileName)
        {
            fields.Error(fields.Find("id")!, $"id '{id}' must equal the file name without .md ('{idFromFileName}')");
        }

        var title = fields.RequiredText("title");
        var summary = fields.RequiredText("summary");
        var tags = fields.IdList("tags", required: true);
        if (tags is { Count: 0 })
        {
            fields.Error(fields.LineOf("tags"), "'tags' needs at least one tag");
        }

        var reviewed = fields.Date("reviewed");
        var related = fields.IdList("related", required: false);
        foreach (var (value, node) in related ?? [])
        {
            references.AddRelated(path, source.Line(node), value);
        }

        var sources = ReadSources(fields);

        if (errors.Count != before || id is null || title is null || summary is null || tags is null || reviewed is null || related is null)
        {
            return new GuideFile(idFromFileName, null, body.Anchors);
        }

        var rendered = body.Rendered;
        var guide = new Guide(
            id,
            title,
            summary,
            [.. tags.Select(t => t.Value).Distinct(StringComparer.Ordinal)],
            reviewed.Value,
            [.. related.Select(r => r.Value)],
            rendered.Sections,
            rendered.Html,
            rendered.PlainText,
            path)
        {
            Sources = sources,
        };
        return new GuideFile(idFromFileName, guide, body.Anchors);
    }

    /// <summary><c>sources:</c> each with a title and site; an address (http or https) needs the date it was read.</summary>
    private static List<GuideSource> ReadSources(YamlFields fields)
    {
        var sources = new List<GuideSource>();
        var sequence = fields.Sequence("sources", required: false);
        if (sequence is null)
        {
            if (!fields.Has("sources"))
            {
                fields.Error(fields.Line, "missing required field 'sources': every guide names where its claims come from (title and site; an address with the date it was read)");
            }

            return sources;
        }

        if (sequence.Children.Count == 0)
        {
            fields.Error(fields.LineOf("sources"), "'sources' needs at least one source: a claim that is not in a source is not in a guide");
        }

        foreach (var node in sequence.Children)
        {
            if (node is not YamlMappingNode mapping)
            {
                fields.Error(node, "every entry of 'sources' must be a mapping: title, site, and optionally address and read");
                continue;
            }

            var source = fields.Source.Fields(mapping, "sources");
            source.RejectUnknownFields("title", "site", "address", "read");
            var title = source.RequiredText("title");
            var site = source.RequiredText("site");
            var address = source.OptionalText("address");
            DateOnly? read = null;
            if (address is not null)
            {
                if (!Uri.TryCreate(address, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
                {
                    source.Error(source.Find("address")!, $"'address' must be an http or https address, not '{address}'");
                }

                read = source.Date("read");
            }
            else if (source.Has("read"))
            {
                read = source.Date("read");
            }

            if (title is not null && site is not null)
            {
                sources.Add(new GuideSource(title, site, address, read));
            }
        }

        return sources;
    }

    private BodyInfo ReadBody(string path, string markdown, int lineOffset)
    {
        var body = GuideMarkdown.Analyse(markdown);
        foreach (var problem in body.Problems)
        {
            errors.Add(path, problem.Line + lineOffset, problem.Problem);
        }

        var anchors = body.Rendered.Sections.Select(s => s.Anchor).ToHashSet(StringComparer.Ordinal);
        foreach (var link in body.SiteLinks)
        {
            var line = link.Line + lineOffset;
            if (link.Url[0] == '#')
            {
                var anchor = link.Url[1..];
                if (anchor.Length > 0 && !body.HeadingIds.Contains(anchor))
                {
                    errors.Add(path, line, $"link '{link.Url}': this guide has no heading with anchor '{anchor}'");
                }
            }
            else if (link.Url.StartsWith(GuidesPath, StringComparison.Ordinal) && link.Url.Length > GuidesPath.Length)
            {
                var target = link.Url[GuidesPath.Length..];
                var query = target.IndexOf('?', StringComparison.Ordinal);
                if (query >= 0)
                {
                    var hash = target.IndexOf('#', StringComparison.Ordinal);
                    target = target[..query] + (hash > query ? target[hash..] : "");
                }

                references.AddGuideLink(path, line, $"link '{link.Url}'", GuideLink.Parse(target.TrimEnd('/')));
            }
        }

        return new BodyInfo(body.Rendered, anchors);
    }

    private sealed record BodyInfo(RenderedMarkdown Rendered, IReadOnlySet<string> Anchors);
}

/// <summary>What a guide file gave: the guide when it is valid, and its anchors whenever its body could be read.</summary>
internal sealed record GuideFile(string IdFromFileName, Guide? Guide, IReadOnlySet<string>? Anchors);
