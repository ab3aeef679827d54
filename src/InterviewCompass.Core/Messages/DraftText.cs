using System.Collections.Frozen;
using System.Text;

namespace InterviewCompass.Core.Messages;

/// <summary>A draft split the way a reader sees it: greeting, body sentences, sign-off.</summary>
/// <remarks>
/// Greeting lines ("Dear Sam,") and sign-off lines ("Best wishes,\nAlex") are kept out of
/// <see cref="Sentences"/>: "thanks first" means the first thing said, not the salutation.
/// </remarks>
internal sealed class DraftText
{
    private static readonly FrozenSet<string> Salutations = FrozenSet.ToFrozenSet(
        ["dear", "hi", "hello", "hey", "greetings"], StringComparer.Ordinal);

    private static readonly FrozenSet<string> Closings = FrozenSet.ToFrozenSet(
        ["best", "kind", "kindest", "warm", "warmest", "regards", "sincerely", "yours", "thanks", "thank", "cheers", "all", "many", "with", "respectfully"],
        StringComparer.Ordinal);

    /// <summary>Words that end in a full stop without ending a sentence.</summary>
    private static readonly FrozenSet<string> Abbreviations = FrozenSet.ToFrozenSet(
        ["dr", "mr", "mrs", "ms", "mx", "prof", "st", "jr", "sr", "vs", "etc", "inc", "ltd", "co", "no", "approx", "dept", "mt"],
        StringComparer.OrdinalIgnoreCase);

    private const int ShortLineWords = 5;

    private DraftText(IReadOnlyList<Sentence> sentences, int wordCount)
    {
        Sentences = sentences;
        WordCount = wordCount;
    }

    public IReadOnlyList<Sentence> Sentences { get; }

    /// <summary>Every word of the draft, greeting and sign-off included: that is what the reader reads.</summary>
    public int WordCount { get; }

    public static DraftText Parse(string text)
    {
        var lines = text.ReplaceLineEndings("\n").Split('\n').Select(l => l.Trim()).ToList();
        var wordCount = lines.Sum(l => Sentence.Tokenise(l).Count);

        var filled = Enumerable.Range(0, lines.Count).Where(i => lines[i].Length > 0).ToList();
        if (filled.Count == 0)
        {
            return new DraftText([], 0);
        }

        var first = filled[0];
        var last = filled[^1];
        lines[first] = StripGreeting(lines[first]);

        var signOffStart = SignOffStart(lines, filled);
        if (signOffStart > first || (signOffStart == first && lines[first].Length == 0))
        {
            for (var i = signOffStart; i <= last; i++)
            {
                lines[i] = "";
            }
        }

        var sentences = new List<Sentence>();
        foreach (var chunk in Chunks(lines))
        {
            foreach (var sentence in SplitSentences(chunk))
            {
                sentences.Add(new Sentence(sentence));
            }
        }

        return new DraftText(sentences, wordCount);
    }

    /// <summary>Removes "Dear Sam," (a whole line, or the start of the first line) and returns what is left.</summary>
    private static string StripGreeting(string line)
    {
        var tokens = Sentence.Tokenise(line);
        if (tokens.Count == 0)
        {
            return line;
        }

        var startsWithSalutation = Salutations.Contains(tokens[0].ToLowerInvariant());
        var comma = line.IndexOfAny([',', ':']);
        if (comma >= 0 && Sentence.Tokenise(line[..comma]).Count <= ShortLineWords
            && (startsWithSalutation || comma == line.Length - 1))
        {
            return line[(comma + 1)..].Trim();
        }

        return startsWithSalutation && tokens.Count <= ShortLineWords && !EndsSentence(line) ? "" : line;
    }

    /// <summary>The index of the first sign-off line, or past the end when the draft has none.</summary>
    private static int SignOffStart(List<string> lines, List<int> filled)
    {
        var last = filled[^1];
        if (filled.Count >= 2)
        {
            var previous = filled[^2];
            if (IsClosing(lines[previous]) && IsShort(lines[last]) && !EndsSentence(lines[last]))
            {
                return previous;
            }
        }

        // "Best wishes," alone, or "Best wishes, Alex" on one line.
        if (IsClosing(lines[last]) || (IsShort(lines[last]) && !EndsSentence(lines[last]) && lines[last].Contains(',', StringComparison.Ordinal) && StartsWithClosingWord(lines[last])))
        {
            return last;
        }

        return lines.Count;
    }

    private static bool IsClosing(string line) =>
        IsShort(line) && (line.EndsWith(',') || (StartsWithClosingWord(line) && !EndsSentence(line)));

    private static bool StartsWithClosingWord(string line)
    {
        var tokens = Sentence.Tokenise(line);
        return tokens.Count > 0 && Closings.Contains(tokens[0].ToLowerInvariant());
    }

    private static bool IsShort(string line) => Sentence.Tokenise(line).Count is > 0 and <= ShortLineWords;

    private static bool EndsSentence(string line) => line.Length > 0 && line[^1] is '.' or '!' or '?' or '…';

    /// <summary>Paragraphs, with a single line break inside a sentence ("I have decided\nto withdraw") joined back up.</summary>
    private static IEnumerable<string> Chunks(List<string> lines)
    {
        var current = new StringBuilder();
        foreach (var line in lines)
        {
            if (line.Length == 0)
            {
                if (current.Length > 0)
                {
                    yield return current.ToString();
                    current.Clear();
                }

                continue;
            }

            var continues = current.Length > 0 && !EndsSentence(current.ToString()) && char.IsLower(line[0]);
            if (current.Length > 0 && !continues)
            {
                yield return current.ToString();
                current.Clear();
            }

            if (current.Length > 0)
            {
                current.Append(' ');
            }

            current.Append(line);
        }

        if (current.Length > 0)
        {
            yield return current.ToString();
        }
    }

    private static IEnumerable<string> SplitSentences(string chunk)
    {
        var start = 0;
        var i = 0;
        while (i < chunk.Length)
        {
            var c = chunk[i];
            if (c is not ('.' or '!' or '?' or '…'))
            {
                i++;
                continue;
            }

            var stop = i;
            i++;
            while (i < chunk.Length && chunk[i] is '.' or '!' or '?' or '…' or '"' or '\'' or ')' or '”' or '’')
            {
                i++;
            }

            if (i < chunk.Length && !char.IsWhiteSpace(chunk[i]))
            {
                continue;
            }

            if (c == '.' && IsAbbreviation(chunk, stop))
            {
                continue;
            }

            var next = i;
            while (next < chunk.Length && char.IsWhiteSpace(chunk[next]))
            {
                next++;
            }

            if (next < chunk.Length && char.IsLower(chunk[next]))
            {
                continue;
            }

            var sentence = chunk[start..i].Trim();
            if (sentence.Length > 0)
            {
                yield return sentence;
            }

            start = i;
        }

        var rest = chunk[start..].Trim();
        if (rest.Length > 0)
        {
            yield return rest;
        }
    }

    /// <summary>"Dr." and initials ("J. Smith", "e.g.") end in a full stop but not a sentence.</summary>
    private static bool IsAbbreviation(string chunk, int dot)
    {
        var wordStart = dot;
        while (wordStart > 0 && char.IsLetter(chunk[wordStart - 1]))
        {
            wordStart--;
        }

        var word = chunk[wordStart..dot];
        return word.Length == 1 || Abbreviations.Contains(word);
    }
}

/// <summary>One sentence and its words, lower-cased, for matching word lists.</summary>
internal sealed class Sentence
{
    public Sentence(string text)
    {
        Text = text;
        Words = [.. Tokenise(text).Select(w => w.ToLowerInvariant())];
    }

    public string Text { get; }

    public IReadOnlyList<string> Words { get; }

    /// <summary>Runs of letters, digits and apostrophes; "ten-year-old" is three words.</summary>
    public static List<string> Tokenise(string text)
    {
        var words = new List<string>();
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var inWord = i < text.Length && (char.IsLetterOrDigit(text[i]) || (start >= 0 && text[i] is '\'' or '’'));
            if (inWord && start < 0)
            {
                start = i;
            }
            else if (!inWord && start >= 0)
            {
                words.Add(text[start..i].Replace('’', '\'').TrimEnd('\''));
                start = -1;
            }
        }

        return words;
    }
}

/// <summary>A content word list: entries are words or phrases; a trailing <c>*</c> matches any ending ("thank*").</summary>
internal sealed class WordList
{
    private readonly List<(string Word, bool Prefix)[]> _entries;

    public WordList(IEnumerable<string> entries)
    {
        _entries = [.. entries
            .Select(entry => entry.Trim().Split([' ', '-'], StringSplitOptions.RemoveEmptyEntries)
                .Select(part => (Word: part.TrimEnd('*').Replace('’', '\'').ToLowerInvariant(), Prefix: part.EndsWith('*')))
                .Where(part => part.Word.Length > 0)
                .ToArray())
            .Where(parts => parts.Length > 0)];
    }

    public bool IsEmpty => _entries.Count == 0;

    /// <summary>The words of the sentence that matched, in sentence order, each once.</summary>
    public List<string> Matches(Sentence sentence)
    {
        var found = new List<string>();
        var words = sentence.Words;
        for (var i = 0; i < words.Count; i++)
        {
            foreach (var entry in _entries)
            {
                if (i + entry.Length <= words.Count && MatchesAt(words, i, entry))
                {
                    var phrase = string.Join(' ', words.Skip(i).Take(entry.Length));
                    if (!found.Contains(phrase, StringComparer.Ordinal))
                    {
                        found.Add(phrase);
                    }
                }
            }
        }

        return found;
    }

    public bool Any(Sentence sentence) => Matches(sentence).Count > 0;

    private static bool MatchesAt(IReadOnlyList<string> words, int start, (string Word, bool Prefix)[] entry)
    {
        for (var j = 0; j < entry.Length; j++)
        {
            var (word, prefix) = entry[j];
            var actual = words[start + j];
            if (prefix ? !actual.StartsWith(word, StringComparison.Ordinal) : actual != word)
            {
                return false;
            }
        }

        return true;
    }
}
