using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InterviewCompass.Web.Data;

/// <summary>Keeps a string map as JSON text: the same column on SQLite and PostgreSQL.</summary>
internal static class JsonText
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.General);

    private static readonly ValueComparer<Dictionary<string, string>> Comparer = new(
        (a, b) => a != null && b != null && a.Count == b.Count && !a.Except(b).Any(),
        d => d.Aggregate(0, (hash, pair) => hash ^ HashCode.Combine(pair.Key, pair.Value)),
        d => new Dictionary<string, string>(d, StringComparer.Ordinal));

    public static PropertyBuilder<Dictionary<string, string>> HasJsonText(this PropertyBuilder<Dictionary<string, string>> property) =>
        property.HasConversion(
            d => JsonSerializer.Serialize(d, Options),
            s => JsonSerializer.Deserialize<Dictionary<string, string>>(s, Options) ?? new Dictionary<string, string>(),
            Comparer);
}
