using System.Text;

namespace InterviewCompass.Core.Guides;

/// <summary>How guide text and queries are cut into comparable terms: lower-case words, punctuation dropped, light English stemming.</summary>
internal static class SearchText
{
    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "a", "about", "all", "also", "am", "an", "and", "any", "anything", "are", "as", "at", "be", "been", "but", "by",
        "can", "could", "did", "do", "does", "doe", "everything", "for", "from", "had", "has", "have", "he", "her", "his",
        "how", "i", "if", "in", "into", "is", "it", "its", "just", "me", "my", "no", "not", "nothing", "of", "on", "only",
        "or", "our", "she", "should", "so", "some", "something", "than", "that", "the", "their", "them", "then", "there",
        "they", "thi", "this", "to", "too", "us", "very", "wa", "was", "we", "were", "what", "when", "where", "which",
        "who", "will", "with", "would", "you", "your",
    };

    // Queries are stemmed before the check, so the stems of the stop words count too ("nothing" -> "noth").
    private static readonly HashSet<string> StopTerms = new(StopWords.Concat(StopWords.Select(Stem)), StringComparer.Ordinal);

    public static bool IsStopWord(string term) => StopTerms.Contains(term);

    /// <summary>The words of a text with their positions, unstemmed, for building snippets.</summary>
    public static List<(int Start, int Length, string Word)> WordSpans(string text)
    {
        var spans = new List<(int, int, string)>();
        var start = -1;
        var word = new StringBuilder();
        for (var i = 0; i <= text.Length; i++)
        {
            var c = i < text.Length ? text[i] : ' ';
            if (char.IsLetterOrDigit(c))
            {
                if (start < 0)
                {
                    start = i;
                }

                word.Append(char.ToLowerInvariant(c));
            }
            else if (c is '\'' or '\u2019' && start >= 0 && i + 1 < text.Length && char.IsLetter(text[i + 1]))
            {
                continue;
            }
            else if (start >= 0)
            {
                spans.Add((start, i - start, word.ToString()));
                word.Clear();
                start = -1;
            }
        }

        return spans;
    }

    /// <summary>Calls <paramref name="onTerm"/> for every stemmed term, in order.</summary>
    public static void ForEachTerm(string text, Action<string> onTerm)
    {
        foreach (var word in Words(text))
        {
            onTerm(Stem(word));
        }
    }

    public static List<string> Terms(string text)
    {
        var terms = new List<string>();
        ForEachTerm(text, terms.Add);
        return terms;
    }

    /// <summary>The words of a text joined by single spaces, unstemmed: "Walking out?" and "walking  out" compare equal.</summary>
    public static string Normalise(string text) => string.Join(' ', Words(text));

    private static IEnumerable<string> Words(string text)
    {
        var word = new StringBuilder();
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                word.Append(char.ToLowerInvariant(c));
            }
            else if (c is '\'' or '\u2019' && word.Length > 0)
            {
                // "don't" -> "dont", "company's" -> "companys" (stemmed to "company").
                continue;
            }
            else if (word.Length > 0)
            {
                yield return word.ToString();
                word.Clear();
            }
        }

        if (word.Length > 0)
        {
            yield return word.ToString();
        }
    }

    /// <summary>
    /// A deliberately light stemmer (plural, -ed, -ing, final e) so "raising", "raised" and
    /// "raise" meet; applied the same way to guides and queries, so over-stemming is harmless.
    /// </summary>
    internal static string Stem(string word)
    {
        if (word.Length <= 3 || !char.IsAsciiLetterLower(word[^1]))
        {
            return word;
        }

        var stem = word;
        if (stem.EndsWith("ies", StringComparison.Ordinal) && stem.Length > 4)
        {
            stem = stem[..^3] + "y";
        }
        else if (stem.EndsWith("sses", StringComparison.Ordinal))
        {
            stem = stem[..^2];
        }
        else if (stem.EndsWith("ing", StringComparison.Ordinal) && stem.Length > 5)
        {
            stem = Undouble(stem[..^3]);
        }
        else if (stem.EndsWith("ed", StringComparison.Ordinal) && stem.Length > 4)
        {
            stem = Undouble(stem[..^2]);
        }
        else if (stem[^1] == 's' && stem[^2] is not ('s' or 'u' or 'i'))
        {
            stem = stem[..^1];
        }

        if (stem.Length > 4 && stem[^1] == 'e')
        {
            stem = stem[..^1];
        }

        return stem;
    }

    private static string Undouble(string stem) =>
        stem.Length > 3 && stem[^1] == stem[^2] && stem[^1] is not ('l' or 's' or 'z' or 'e' or 'o')
            ? stem[..^1]
            : stem;
}
