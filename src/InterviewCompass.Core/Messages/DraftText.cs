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
        var wordCount = 0;
        foreach (var line in lines)
        {
            wordCount += Sentence.CountWords(line);
        }


        var filled = Enumerable.Range(0, lines.Count).Where(i => lines[i].Length > 0).ToList();
        if (filled.Count == 0)
        {
            return new DraftText([], 0);
        }

        // A subject line ("Subject: ...", "RE: ...") is not the note's first sentence.
        foreach (var i in filled.Take(3).Where(i => IsSubjectLine(lines[i])).ToList())
        {
            lines[i] = "";
            filled.Remove(i);
        }

        if (filled.Count == 0)
        {
            return new DraftText([], wordCount);
        }

        var first = filled[0];
        var last = filled[^1];
        lines[first] = StripGreeting(lines[first]);
        if (lines[first].Length == 0 && filled.Count > 1 && IsSubjectLine(lines[filled[1]]))
        {
            lines[filled[1]] = "";
        }

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

    /// <summary>"Subject: ...", "Subject ...", "RE: ...", "Fwd: ..." (also in Markdown bold or italics).</summary>
    private static bool IsSubjectLine(string line)
    {
        var text = line.TrimStart('*', '_', ' ', '"', '\u201c');
        return text.StartsWith("Subject", StringComparison.OrdinalIgnoreCase) && (text.Length == 7 || text[7] is ':' or ' ' or '*')
            || text.StartsWith("RE:", StringComparison.OrdinalIgnoreCase)
            || text.StartsWith("FW:", StringComparison.OrdinalIgnoreCase)
            || text.StartsWith("Fwd:", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Removes "Dear Sam," (a whole line, or the start of the first line) and returns what is left.</summary>
    private static string StripGreeting(string line)
    {
        var tokens = Sentence.Tokenise(line);
        if (tokens.Count == 0)
        {
            return line;
        }

        // "Dear …" or "Dear Mr. Twist:" alone on its line.
        if (Salutations.Contains(tokens[0].ToLowerInvariant()) && tokens.Count <= ShortLineWords
            && (line.EndsWith('\u2026') || line.EndsWith("...", StringComparison.Ordinal) || line.EndsWith(':') || line.EndsWith(',')))
        {
            return "";
        }

        var startsWithSalutation = Salutations.Contains(tokens[0].ToLowerInvariant());
        var comma = line.IndexOfAny([',', ':']);
        if (comma >= 0 && Sentence.CountWords(line.AsSpan(0, comma)) <= ShortLineWords
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

        // "Sincerely," then a name and contact details on lines of their own.
        for (var k = filled.Count - 2; k >= Math.Max(1, filled.Count - 4); k--)
        {
            if (!IsShort(lines[filled[k + 1]]) || EndsSentence(lines[filled[k + 1]]))
            {
                break;
            }

            if (IsClosing(lines[filled[k]]))
            {
                return filled[k];
            }
        }

        if (filled.Count >= 2)
        {
            var previous = filled[^2];
            if (IsClosing(lines[previous]) && IsShort(lines[last]) && !EndsSentence(lines[last]))
            {
                return previous;
            }
        }

        // A bare name under the last sentence ("... good luck.\nAlex").
        if (filled.Count >= 2 && Sentence.CountWords(lines[last]) <= 3 && !EndsSentence(lines[last])
            && EndsSentence(lines[filled[^2]]) && !lines[last].Contains('{', StringComparison.Ordinal))
        {
            return last;
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

    private static bool IsShort(string line) => Sentence.CountWords(line) is > 0 and <= ShortLineWords;

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
        Words = Tokenise(text, lowerCase: true);
    }

    public string Text { get; }

    public List<string> Words { get; }

    /// <summary>Which of a <see cref="WordIndex"/>'s lists match here; computed once per sentence.</summary>
    internal ulong? Mask { get; set; }

    internal WordIndex? MaskOwner { get; set; }

    /// <summary>Runs of letters, digits and apostrophes; "ten-year-old" is three words.</summary>
    public static List<string> Tokenise(string text, bool lowerCase = false)
    {
        var words = new List<string>();
        Span<char> buffer = stackalloc char[64];
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var inWord = i < text.Length && (char.IsLetterOrDigit(text[i]) || (start >= 0 && text[i] is '\'' or '\u2019'));
            if (inWord && start < 0)
            {
                start = i;
            }
            else if (!inWord && start >= 0)
            {
                var end = i;
                while (end > start && text[end - 1] is '\'' or '\u2019')
                {
                    end--;
                }

                words.Add(Word(text.AsSpan(start, end - start), lowerCase, buffer));
                start = -1;
            }
        }

        return words;
    }

    /// <summary>How many words <see cref="Tokenise"/> would find, without building them.</summary>
    public static int CountWords(ReadOnlySpan<char> text)
    {
        var count = 0;
        var inWord = false;
        foreach (var c in text)
        {
            var letter = char.IsLetterOrDigit(c) || (inWord && c is '\'' or '\u2019');
            if (letter && !inWord)
            {
                count++;
            }

            inWord = letter;
        }

        return count;
    }

    private static string Word(ReadOnlySpan<char> raw, bool lowerCase, Span<char> buffer)
    {
        var target = raw.Length <= buffer.Length ? buffer[..raw.Length] : new char[raw.Length];
        for (var i = 0; i < raw.Length; i++)
        {
            var c = raw[i] == '\u2019' ? '\'' : raw[i];
            target[i] = lowerCase ? char.ToLowerInvariant(c) : c;
        }

        return new string(target);
    }
}

/// <summary>A content word list: entries are words or phrases; a trailing <c>*</c> matches any ending ("thank*").</summary>
/// <remarks>Indexed by first word (exact) and by the first two letters of a prefix, so a draft costs one look-up per word.</remarks>
internal sealed class WordList
{
    private readonly Dictionary<string, Entry[]> _byFirstWord;
    private readonly Dictionary<int, Entry[]> _byPrefixStart;
    private readonly Entry[] _shortPrefixes;

    public WordList(IEnumerable<string> entries)
    {
        var parsed = entries
            .Select(entry => entry.Trim().Split([' ', '-'], StringSplitOptions.RemoveEmptyEntries)
                .Select(part => (Word: part.TrimEnd('*').Replace('’', '\'').ToLowerInvariant(), Prefix: part.EndsWith('*')))
                .Where(part => part.Word.Length > 0)
                .ToArray())
            .Where(parts => parts.Length > 0)
            .Select(parts => new Entry(parts))
            .ToList();
        IsEmpty = parsed.Count == 0;
        _byFirstWord = parsed.Where(e => !e.Parts[0].Prefix)
            .GroupBy(e => e.Parts[0].Word, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
        _byPrefixStart = parsed.Where(e => e.Parts[0].Prefix && e.Parts[0].Word.Length >= 2)
            .GroupBy(e => Key(e.Parts[0].Word))
            .ToDictionary(g => g.Key, g => g.ToArray());
        _shortPrefixes = [.. parsed.Where(e => e.Parts[0].Prefix && e.Parts[0].Word.Length < 2)];
    }

    public bool IsEmpty { get; }

    internal IEnumerable<Entry> AllEntries =>
        _byFirstWord.Values.SelectMany(e => e).Concat(_byPrefixStart.Values.SelectMany(e => e)).Concat(_shortPrefixes);

    /// <summary>The words of the sentence that matched, in sentence order, each once.</summary>
    public List<string> Matches(Sentence sentence)
    {
        var found = new List<string>();
        var words = sentence.Words;
        for (var i = 0; i < words.Count; i++)
        {
            Collect(FirstWordEntries(words[i]), words, i, found);
            Collect(PrefixEntries(words[i]), words, i, found);
            Collect(_shortPrefixes, words, i, found);
        }

        return found;
    }

    public bool Any(Sentence sentence)
    {
        var words = sentence.Words;
        for (var i = 0; i < words.Count; i++)
        {
            if (AnyAt(FirstWordEntries(words[i]), words, i) || AnyAt(PrefixEntries(words[i]), words, i) || AnyAt(_shortPrefixes, words, i))
            {
                return true;
            }
        }

        return false;
    }

    private Entry[] FirstWordEntries(string word) => _byFirstWord.TryGetValue(word, out var exact) ? exact : [];

    private Entry[] PrefixEntries(string word) =>
        word.Length >= 2 && _byPrefixStart.TryGetValue(Key(word), out var prefixed) ? prefixed : [];

    private static bool AnyAt(Entry[] entries, List<string> words, int i)
    {
        foreach (var entry in entries)
        {
            if (entry.MatchesAt(words, i))
            {
                return true;
            }
        }

        return false;
    }

    private static void Collect(Entry[] entries, List<string> words, int i, List<string> found)
    {
        foreach (var entry in entries)
        {
            if (entry.MatchesAt(words, i))
            {
                var phrase = entry.Parts.Length == 1 ? words[i] : string.Join(' ', words.Skip(i).Take(entry.Parts.Length));
                if (!found.Contains(phrase, StringComparer.Ordinal))
                {
                    found.Add(phrase);
                }
            }
        }
    }

    internal static int Key(string word) => (word[0] << 16) | word[1];

    internal sealed class Entry((string Word, bool Prefix)[] parts)
    {
        public (string Word, bool Prefix)[] Parts { get; } = parts;

        public bool MatchesAt(List<string> words, int start)
        {
            if (start + Parts.Length > words.Count)
            {
                return false;
            }

            for (var j = 0; j < Parts.Length; j++)
            {
                var (word, prefix) = Parts[j];
                var actual = words[start + j];
                if (prefix ? !actual.StartsWith(word, StringComparison.Ordinal) : actual != word)
                {
                    return false;
                }
            }

            return true;
        }
    }
}

/// <summary>
/// Several word lists indexed together, so a sentence is scanned once for all of them: bit <c>i</c>
/// of <see cref="MaskOf"/> says whether list <c>i</c> has a match in the sentence.
/// </summary>
internal sealed class WordIndex
{
    private readonly FrozenDictionary<string, (int List, WordList.Entry Entry)[]> _byFirstWord;
    private readonly FrozenDictionary<int, (int List, WordList.Entry Entry)[]> _byPrefixStart;
    private readonly (int List, WordList.Entry Entry)[] _shortPrefixes;

    public WordIndex(IReadOnlyList<WordList> lists)
    {
        if (lists.Count > 64)
        {
            throw new ArgumentException("At most 64 word lists can be indexed together.", nameof(lists));
        }

        var all = lists.SelectMany((list, i) => list.AllEntries.Select(e => (List: i, Entry: e))).ToList();
        _byFirstWord = all.Where(e => !e.Entry.Parts[0].Prefix)
            .GroupBy(e => e.Entry.Parts[0].Word, StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
        _byPrefixStart = all.Where(e => e.Entry.Parts[0].Prefix && e.Entry.Parts[0].Word.Length >= 2)
            .GroupBy(e => WordList.Key(e.Entry.Parts[0].Word))
            .ToFrozenDictionary(g => g.Key, g => g.ToArray());
        _shortPrefixes = [.. all.Where(e => e.Entry.Parts[0].Prefix && e.Entry.Parts[0].Word.Length < 2)];
    }

    public ulong MaskOf(Sentence sentence)
    {
        if (sentence.Mask is { } cached && sentence.MaskOwner == this)
        {
            return cached;
        }

        var mask = 0UL;
        var words = sentence.Words;
        for (var i = 0; i < words.Count; i++)
        {
            var word = words[i];
            if (_byFirstWord.TryGetValue(word, out var exact))
            {
                mask = Mark(exact, words, i, mask);
            }

            if (word.Length >= 2 && _byPrefixStart.TryGetValue(WordList.Key(word), out var prefixed))
            {
                mask = Mark(prefixed, words, i, mask);
            }

            if (_shortPrefixes.Length > 0)
            {
                mask = Mark(_shortPrefixes, words, i, mask);
            }
        }

        sentence.Mask = mask;
        sentence.MaskOwner = this;
        return mask;
    }

    public bool Has(Sentence sentence, int list) => list >= 0 && (MaskOf(sentence) & (1UL << list)) != 0;

    private static ulong Mark((int List, WordList.Entry Entry)[] candidates, List<string> words, int i, ulong mask)
    {
        foreach (var (list, entry) in candidates)
        {
            var bit = 1UL << list;
            if ((mask & bit) == 0 && entry.MatchesAt(words, i))
            {
                mask |= bit;
            }
        }

        return mask;
    }
}

/// <summary>
/// The shapes a complaint or a reason takes whatever its words: a habit held against someone
/// ("kept interrupting", "always coughing"), nobody doing something ("nobody listened"), a third
/// person who never does something ("who never stops"), an "even" after a negative ("didn't even
/// ask"); and a reason clause ("because", "since", "due to", "as the ...").
/// </summary>
internal static class ComplaintShapes
{
    private static readonly HashSet<string> NeverSubjects = new(StringComparer.Ordinal)
    {
        "who", "they", "he", "she", "it", "nobody", "management", "staff", "everyone", "everybody", "people", "anyone",
        "boss", "manager", "hr", "team", "company", "colleagues", "interviewer", "receptionist",
    };

    private static readonly HashSet<string> Negatives = new(StringComparer.Ordinal)
    {
        "didn't", "didnt", "couldn't", "couldnt", "wouldn't", "wouldnt", "hasn't", "hadn't", "haven't", "don't", "doesn't", "not", "never",
    };

    private static readonly HashSet<string> AsStarts = new(StringComparer.Ordinal)
    {
        "the", "i", "i'm", "i've", "my", "it", "it's", "this", "that", "a", "an", "they", "we", "your", "there", "there's", "its", "their", "our", "he", "she",
    };

    /// <summary>Adds each complaint shape in the sentence to <paramref name="found"/>.</summary>
    public static void Find(Sentence sentence, List<string> found)
    {
        var words = sentence.Words;
        for (var i = 0; i < words.Count; i++)
        {
            var word = words[i];
            switch (word)
            {
                case "kept" or "keeps":
                    // "kept interrupting", "kept me waiting"
                    for (var j = i + 1; j <= Math.Min(i + 2, words.Count - 1); j++)
                    {
                        if (IsIng(words[j]))
                        {
                            Add(found, Phrase(words, i, j));
                            break;
                        }
                    }

                    break;
                case "nobody" or "noone":
                    Add(found, word);
                    break;
                case "no" when i + 1 < words.Count && words[i + 1] == "one":
                    Add(found, "no one");
                    break;
                case "never" when i > 0 && NeverSubjects.Contains(words[i - 1]):
                    Add(found, Phrase(words, i - 1, i));
                    break;
                case "constantly":
                    Add(found, word);
                    break;
                case "always":
                    for (var j = i + 1; j <= Math.Min(i + 2, words.Count - 1); j++)
                    {
                        if (IsIng(words[j]))
                        {
                            Add(found, Phrase(words, i, j));
                            break;
                        }
                    }

                    break;
                case "even" when i > 0 && (Negatives.Contains(words[i - 1]) || (i > 1 && Negatives.Contains(words[i - 2]))):
                    Add(found, Phrase(words, words[i - 1] == "not" || Negatives.Contains(words[i - 1]) ? i - 1 : i - 2, i));
                    break;
                default:
                    break;
            }
        }
    }

    public static bool Any(Sentence sentence)
    {
        var found = new List<string>(0);
        Find(sentence, found);
        return found.Count > 0;
    }

    /// <summary>"because", "since", "due to", or "as" opening a clause ("as the commute ...").</summary>
    public static bool HasReasonClause(Sentence sentence)
    {
        var words = sentence.Words;
        for (var i = 0; i < words.Count; i++)
        {
            switch (words[i])
            {
                case "because" or "since":
                    return true;
                case "due" when i + 1 < words.Count && words[i + 1] == "to":
                    return true;
                case "as" when i + 1 < words.Count && AsStarts.Contains(words[i + 1]) && (i == 0 || words[i - 1] is not ("as" or "such" or "same")):
                    return true;
                default:
                    break;
            }
        }

        return false;
    }

    private static bool IsIng(string word) => word.Length > 4 && word.EndsWith("ing", StringComparison.Ordinal) && word is not ("during" or "nothing" or "something" or "anything" or "everything");

    private static string Phrase(List<string> words, int from, int to) =>
        from == to ? words[from] : string.Join(' ', words.Skip(from).Take(to - from + 1));

    private static void Add(List<string> found, string phrase)
    {
        if (!found.Contains(phrase, StringComparer.Ordinal))
        {
            found.Add(phrase);
        }
    }
}
