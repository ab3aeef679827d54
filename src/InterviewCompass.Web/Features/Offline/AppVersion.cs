using System.Security.Cryptography;
using System.Text;

namespace InterviewCompass.Web.Features.Offline;

/// <summary>
/// One short string that changes whenever the content, the app's code or its static files change. Computed once at
/// start; the checklist JSON carries it, and the service worker names its cache after it, so a browser that kept an
/// older version offline replaces it on its next visit.
/// </summary>
public sealed class AppVersion(string value)
{
    public string Value { get; } = value;

    /// <summary>A hash of every content file (path and bytes), the web assembly's build id, and the static assets' manifest.</summary>
    public static AppVersion Compute(string contentRoot, string appBase)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        if (Directory.Exists(contentRoot))
        {
            foreach (var file in Directory.EnumerateFiles(contentRoot, "*", SearchOption.AllDirectories)
                         .Select(f => (Full: f, Relative: Path.GetRelativePath(contentRoot, f).Replace('\\', '/')))
                         .OrderBy(f => f.Relative, StringComparer.Ordinal))
            {
                hash.AppendData(Encoding.UTF8.GetBytes(file.Relative + "\n"));
                hash.AppendData(File.ReadAllBytes(file.Full));
            }
        }

        // Deterministic builds: the module id changes exactly when the compiled code does.
        hash.AppendData(typeof(AppVersion).Assembly.ManifestModule.ModuleVersionId.ToByteArray());

        // Static files (scripts, styles) are not in the assembly: their fingerprints are in this manifest.
        var assets = Path.Combine(appBase, typeof(AppVersion).Assembly.GetName().Name + ".staticwebassets.endpoints.json");
        if (File.Exists(assets))
        {
            hash.AppendData(File.ReadAllBytes(assets));
        }

        return new AppVersion(Convert.ToHexStringLower(hash.GetHashAndReset())[..12]);
    }

    public override string ToString() => Value;
}
