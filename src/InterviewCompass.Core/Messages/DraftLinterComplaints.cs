using System.Collections.Frozen;
using System.Globalization;
using InterviewCompass.Core.Content;

namespace InterviewCompass.Core.Messages;

/// <summary>
/// Finds a complaint by meaning: a sentence whose valence is negative (AFINN-165 scores from
/// <c>lint-valence.tsv</c>, a negator within three words turning it off, an intensifier in front
/// scaling it, a negated word of praise counting against) and that is about the employer, its
/// people, pay, equipment or office (the <c>targets</c> list). Every list comes from content
/// (<c>lint.yml</c>, the <c>lists</c> of too-much-detail); built once per catalog.
/// </summary>
internal sealed class ComplaintFinder
{
    private const int NegationReach = 3;
    private const int OpinionReach = 8;

    private readonly FrozenDictionary<string, int> _valence;
    private readonly WordList _targets;
    private readonly FrozenSet<string> _negators;
    private readonly FrozenDictionary<string, double> _intensifiers;
    private readonly FrozenSet<string> _courtesy;
    private readonly FrozenSet<string> _praise;
    private readonly FrozenSet<string> _fits;
    private readonly double _complaint;
    private readonly double _strong;

    private ComplaintFinder(
        FrozenDictionary<string, int> valence,
        IReadOnlyDictionary<string, IReadOnlyList<string>> lists)
    {
        _valence = valence;
        _targets = new WordList(List(lists, "targets"));
        _negators = List(lists, "negators").Select(Normal).ToFrozenSet(StringComparer.Ordinal);
        _courtesy = List(lists, "courtesy").Select(Normal).ToFrozenSet(StringComparer.Ordinal);
        _praise = List(lists, "praise").Select(Normal).ToFrozenSet(StringComparer.Ordinal);
        _fits = List(lists, "fits").Select(Normal).ToFrozenSet(StringComparer.Ordinal);
        _intensifiers = Pairs(List(lists, "intensifiers")).ToFrozenDictionary(p => p.Word, p => p.Value, StringComparer.Ordinal);
        var thresholds = Pairs(List(lists, "thresholds")).ToDictionary(p => p.Word, p => p.Value, StringComparer.Ordinal);
        _complaint = thresholds.GetValueOrDefault("complaint", -2);
        _strong = thresholds.GetValueOrDefault("strong", -4);
    }

    /// <summary>The finder configured by the first rule that carries its lists, or none when no rule does.</summary>
    public static ComplaintFinder? From(ContentCatalog catalog)
    {
        var lists = catalog.LintRules.Select(r => r.Lists).FirstOrDefault(l => l is not null && l.ContainsKey("targets"));
        return lists is null ? null : new ComplaintFinder(catalog.LintValence, lists);
    }

    /// <summary>Adds the words that make the sentence a complaint to <paramref name="found"/>; true when it is one.</summary>
    public bool Find(Sentence sentence, List<string> found)
    {
        var words = sentence.Words;
        var score = 0.0;
        List<string>? quoted = null;
        for (var i = 0; i < words.Count; i++)
        {
            if (!_valence.TryGetValue(words[i], out var value))
            {
                continue;
            }

            var negator = NegatorBefore(words, i);
            var factor = Intensity(words, i, out var from);
            if (value < 0)
            {
                if (negator >= 0 || _courtesy.Contains(words[i]))
                {
                    continue;
                }

                score += value * factor;
                (quoted ??= []).Add(Phrase(words, from, i));
            }
            else if (negator >= 0 && _praise.Contains(words[i]) && !(i + 1 < words.Count && _fits.Contains(words[i + 1])))
            {
                score -= value * factor;
                (quoted ??= []).Add(Phrase(words, negator, i));
            }
        }

        if (quoted is null || !(score <= _strong || (score <= _complaint && _targets.Any(sentence))))
        {
            return false;
        }

        foreach (var phrase in quoted)
        {
            if (!found.Contains(phrase, StringComparer.Ordinal))
            {
                found.Add(phrase);
            }
        }

        return true;
    }

    /// <summary>The strongest negative word aimed at the reader ("you", "your"), for hostile-tone; null when none.</summary>
    public string? Insult(Sentence sentence, int atMost)
    {
        var words = sentence.Words;
        if (!words.Exists(w => w is "you" or "your" or "you're" or "yours"))
        {
            return null;
        }

        for (var i = 0; i < words.Count; i++)
        {
            if (_valence.TryGetValue(words[i], out var value) && value <= atMost && NegatorBefore(words, i) < 0 && !_courtesy.Contains(words[i]))
            {
                return words[i];
            }
        }

        return null;
    }

    /// <summary>
    /// A negator up to three words before; further when a verb of opinion carries it ("I did not
    /// think the offer was any good").
    /// </summary>
    private int NegatorBefore(List<string> words, int i)
    {
        var opinion = false;
        for (var j = i - 1; j >= Math.Max(0, i - OpinionReach); j--)
        {
            if (_negators.Contains(words[j]) || words[j].EndsWith("n't", StringComparison.Ordinal))
            {
                return i - j <= NegationReach || (opinion && words[i - 1] is "any" or "very" or "that" or "particularly" or "was" or "were" or "is" or "be" or "so" or "too") ? j : -1;
            }

            opinion |= words[j] is "think" or "thought" or "feel" or "felt" or "believe" or "find" or "found" or "consider";
        }

        return -1;
    }

    private double Intensity(List<string> words, int i, out int from)
    {
        var factor = 1.0;
        from = i;
        for (var j = i - 1; j >= Math.Max(0, i - 2) && _intensifiers.TryGetValue(words[j], out var more); j--)
        {
            factor *= more;
            from = j;
        }

        return factor;
    }

    private static string Phrase(List<string> words, int from, int to) =>
        from == to ? words[from] : string.Join(' ', words.Skip(from).Take(to - from + 1));

    private static string Normal(string word) => word.Trim().Replace('\u2019', '\'').ToLowerInvariant();

    private static IReadOnlyList<string> List(IReadOnlyDictionary<string, IReadOnlyList<string>> lists, string name) =>
        lists.TryGetValue(name, out var list) ? list : [];

    private static IEnumerable<(string Word, double Value)> Pairs(IEnumerable<string> entries)
    {
        foreach (var entry in entries)
        {
            var space = entry.LastIndexOf(' ');
            if (space > 0 && double.TryParse(entry.AsSpan(space + 1), NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                yield return (Normal(entry[..space]), value);
            }
        }
    }
}
