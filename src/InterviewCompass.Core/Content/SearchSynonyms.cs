using System.Collections.Frozen;

namespace InterviewCompass.Core.Content;

/// <summary>Groups of words that mean the same to a person searching ("rude", "abusive", "red flag").</summary>
/// <remarks>Each group is a list of words or short phrases; a query word in a group also finds the others.</remarks>
public sealed class SearchSynonyms
{
    public static readonly SearchSynonyms None = new([]);

    public SearchSynonyms(IEnumerable<IReadOnlyList<string>> groups)
    {
        ArgumentNullException.ThrowIfNull(groups);
        Groups = [.. groups];
    }

    public IReadOnlyList<IReadOnlyList<string>> Groups { get; }

    /// <summary>For every word in a group, the other entries of its groups, built with <paramref name="normalise"/>.</summary>
    public FrozenDictionary<string, string[]> Expansions(Func<string, string> normalise)
    {
        ArgumentNullException.ThrowIfNull(normalise);
        var map = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var group in Groups)
        {
            var keys = group.Select(normalise).Where(k => k.Length > 0).Distinct(StringComparer.Ordinal).ToList();
            foreach (var key in keys)
            {
                if (!map.TryGetValue(key, out var set))
                {
                    map[key] = set = new HashSet<string>(StringComparer.Ordinal);
                }

                set.UnionWith(keys.Where(k => k != key));
            }
        }

        return map.ToFrozenDictionary(p => p.Key, p => p.Value.Order(StringComparer.Ordinal).ToArray(), StringComparer.Ordinal);
    }
}
