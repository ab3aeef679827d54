using System.Collections.Frozen;
using InterviewCompass.Core.Content;

namespace InterviewCompass.Core.Guides;

/// <summary>An index over title, summary, headings and body, built once; best match first.</summary>
public sealed class GuideSearch
{
    // A word in the title says far more about a guide than the same word in its body.
    private const float TitleWeight = 10f;
    private const float HeadingWeight = 4f;
    private const float SummaryWeight = 3f;
    private const float TagWeight = 2f;
    private const float BodyWeight = 1f;

    // A query word that is only the start of an indexed word ("interv") counts for less.
    private const double PrefixFactor = 0.5;
    private const int MinPrefixLength = 3;

    // A word found through a synonym counts for less than the word typed.
    private const double SynonymFactor = 0.6;
    private const int SnippetWords = 24;

    private readonly Guide[] _guides;
    private readonly string[] _normalisedTitles;
    private readonly FrozenDictionary<string, Posting[]> _index;
    private readonly string[] _sortedTerms;
    private readonly FrozenDictionary<string, string[]> _synonyms;

    /// <summary>Search over the catalog's guides with its synonyms list.</summary>
    public GuideSearch(ContentCatalog catalog)
        : this((catalog ?? throw new ArgumentNullException(nameof(catalog))).Guides, catalog.Synonyms)
    {
    }

    public GuideSearch(IReadOnlyList<Guide> guides, SearchSynonyms? synonyms = null)
    {
        ArgumentNullException.ThrowIfNull(guides);
        _synonyms = (synonyms ?? SearchSynonyms.None).Expansions(entry => string.Join(' ', SearchText.Terms(entry)));
        _guides = [.. guides.OrderBy(g => g.Title, StringComparer.OrdinalIgnoreCase).ThenBy(g => g.Id, StringComparer.Ordinal)];
        _normalisedTitles = [.. _guides.Select(g => SearchText.Normalise(g.Title))];

        var postings = new Dictionary<string, List<Posting>>(StringComparer.Ordinal);
        var weights = new Dictionary<string, float>(StringComparer.Ordinal);
        for (var i = 0; i < _guides.Length; i++)
        {
            var guide = _guides[i];
            weights.Clear();
            AddField(weights, guide.Title, TitleWeight);
            AddField(weights, guide.Summary, SummaryWeight);
            foreach (var section in guide.Sections)
            {
                AddField(weights, section.Title, HeadingWeight);
            }

            foreach (var tag in guide.Tags)
            {
                AddField(weights, tag, TagWeight);
            }

            // Body counts saturate: a word used twenty times is not twenty times as relevant.
            var bodyCounts = new Dictionary<string, int>(StringComparer.Ordinal);
            SearchText.ForEachTerm(guide.PlainText, t => bodyCounts[t] = bodyCounts.GetValueOrDefault(t) + 1);
            foreach (var (term, count) in bodyCounts)
            {
                weights[term] = weights.GetValueOrDefault(term) + (BodyWeight * (1f + MathF.Log(count)));
            }

            foreach (var (term, weight) in weights)
            {
                if (!postings.TryGetValue(term, out var list))
                {
                    postings[term] = list = [];
                }

                list.Add(new Posting(i, weight));
            }
        }

        // Rarer terms discriminate better: fold inverse document frequency into each posting now.
        var n = Math.Max(_guides.Length, 1);
        _index = postings.ToFrozenDictionary(
            p => p.Key,
            p =>
            {
                var idf = (float)Math.Log(1 + ((double)n / p.Value.Count));
                return p.Value.Select(x => x with { Weight = x.Weight * idf }).ToArray();
            },
            StringComparer.Ordinal);
        _sortedTerms = [.. _index.Keys.Order(StringComparer.Ordinal)];
    }

    /// <summary>Empty query: every guide (filtered by tag), alphabetical, score 0.</summary>
    /// <remarks>
    /// Scores order hits: an exact title match first, then guides matching more of the query's
    /// words, then by weighted relevance (title over headings over summary over body).
    /// </remarks>
    public IReadOnlyList<SearchHit> Search(string? query, string? tag = null)
    {
        var hasTag = !string.IsNullOrWhiteSpace(tag);
        var wantedTag = tag?.Trim();
        if (string.IsNullOrWhiteSpace(query))
        {
            return [.. _guides.Where(g => !hasTag || HasTag(g, wantedTag!)).Select(g => new SearchHit(g, 0))];
        }

        var terms = SearchText.Terms(query).Distinct(StringComparer.Ordinal).ToList();
        if (terms.Count == 0)
        {
            return [];
        }

        // Only common words ("nothing", "the") say nothing about what the person wants.
        terms.RemoveAll(SearchText.IsStopWord);
        if (terms.Count == 0)
        {
            return [];
        }

        var relevance = new double[_guides.Length];
        var matched = new int[_guides.Length];
        var lastMatchedTerm = new int[_guides.Length];
        Array.Fill(lastMatchedTerm, -1);
        for (var t = 0; t < terms.Count; t++)
        {
            var term = terms[t];
            if (_index.TryGetValue(term, out var exact))
            {
                Accumulate(exact, t, 1, relevance, matched, lastMatchedTerm);
            }
            else if (term.Length >= MinPrefixLength)
            {
                foreach (var indexed in TermsStartingWith(term))
                {
                    Accumulate(_index[indexed], t, PrefixFactor, relevance, matched, lastMatchedTerm);
                }
            }

            foreach (var synonym in SynonymTerms(term))
            {
                if (_index.TryGetValue(synonym, out var postings))
                {
                    Accumulate(postings, t, SynonymFactor, relevance, matched, lastMatchedTerm);
                }
            }
        }

        var wanted = new HashSet<string>(terms, StringComparer.Ordinal);
        foreach (var term in terms)
        {
            wanted.UnionWith(SynonymTerms(term));
        }

        var normalisedQuery = SearchText.Normalise(query);
        var hits = new List<SearchHit>();
        for (var i = 0; i < _guides.Length; i++)
        {
            var guide = _guides[i];
            if (hasTag && !HasTag(guide, wantedTag!))
            {
                continue;
            }

            var exactTitle = normalisedQuery.Length > 0 && _normalisedTitles[i] == normalisedQuery;
            if (matched[i] == 0 && !exactTitle)
            {
                continue;
            }

            // Integer part: words matched (plus a step above every other hit for an exact title);
            // the fraction in [0, 1) orders guides that match equally many words.
            var score = matched[i] + (relevance[i] / (relevance[i] + 10));
            if (exactTitle)
            {
                score += terms.Count + 1;
            }

            hits.Add(new SearchHit(guide, Math.Round(score, 4), Snippet(guide, wanted)));
        }

        // Stable sort keeps title order among equal scores.
        return [.. hits.OrderByDescending(h => h.Score)];
    }

    private static void Accumulate(Posting[] postings, int term, double factor, double[] relevance, int[] matched, int[] lastMatchedTerm)
    {
        foreach (var posting in postings)
        {
            relevance[posting.Guide] += posting.Weight * factor;

            // A query word counts once per guide even when several indexed words start with it.
            if (lastMatchedTerm[posting.Guide] != term)
            {
                lastMatchedTerm[posting.Guide] = term;
                matched[posting.Guide]++;
            }
        }
    }

    private IEnumerable<string> TermsStartingWith(string prefix)
    {
        var start = Array.BinarySearch(_sortedTerms, prefix, StringComparer.Ordinal);
        for (var i = start < 0 ? ~start : start; i < _sortedTerms.Length && _sortedTerms[i].StartsWith(prefix, StringComparison.Ordinal); i++)
        {
            yield return _sortedTerms[i];
        }
    }

    /// <summary>The stemmed words a query term also finds through the synonyms list (a phrase gives each of its words).</summary>
    private IEnumerable<string> SynonymTerms(string term) =>
        _synonyms.TryGetValue(term, out var others)
            ? others.SelectMany(o => o.Split(' ')).Where(w => w != term && !SearchText.IsStopWord(w)).Distinct(StringComparer.Ordinal)
            : [];

    /// <summary>
    /// About two dozen words of the guide around its first matched word (summary, then body), as
    /// segments: matched words marked, everything else plain text. Data, never markup.
    /// </summary>
    private static List<SnippetSegment> Snippet(Guide guide, HashSet<string> wanted)
    {
        foreach (var text in new[] { guide.Summary, guide.PlainText })
        {
            var words = SearchText.WordSpans(text);
            var first = words.FindIndex(w => wanted.Contains(SearchText.Stem(w.Word)));
            if (first < 0)
            {
                continue;
            }

            var from = Math.Max(0, first - (SnippetWords / 3));
            var to = Math.Min(words.Count, from + SnippetWords);
            var segments = new List<SnippetSegment>();
            var cursor = words[from].Start;
            for (var i = from; i < to; i++)
            {
                var (start, length, word) = words[i];
                if (!wanted.Contains(SearchText.Stem(word)))
                {
                    continue;
                }

                if (start > cursor)
                {
                    segments.Add(new SnippetSegment(text[cursor..start], false));
                }

                segments.Add(new SnippetSegment(text.Substring(start, length), true));
                cursor = start + length;
            }

            var end = words[to - 1].Start + words[to - 1].Length;
            if (end > cursor)
            {
                segments.Add(new SnippetSegment(text[cursor..end], false));
            }

            if (from > 0)
            {
                segments.Insert(0, new SnippetSegment("\u2026 ", false));
            }

            if (to < words.Count)
            {
                segments.Add(new SnippetSegment(" \u2026", false));
            }

            return [.. segments.Select(s => s with { Text = s.Text.ReplaceLineEndings(" ") })];
        }

        return [new SnippetSegment(guide.Summary, false)];
    }

    private static bool HasTag(Guide guide, string tag) => guide.Tags.Contains(tag, StringComparer.OrdinalIgnoreCase);

    private static void AddField(Dictionary<string, float> weights, string text, float weight) =>
        SearchText.ForEachTerm(text, t => weights[t] = weights.GetValueOrDefault(t) + weight);

    private readonly record struct Posting(int Guide, float Weight);
}

/// <param name="Score">Higher is better; 0 for the unranked listing of an empty query.</param>
/// <param name="Snippet">Words around the match with the matched words marked; null for the unranked listing.</param>
public sealed record SearchHit(Guide Guide, double Score, IReadOnlyList<SnippetSegment>? Snippet = null);

/// <summary>A piece of a search snippet: plain text, or a word that matched the query (<see cref="Matched"/>).</summary>
public sealed record SnippetSegment(string Text, bool Matched);
