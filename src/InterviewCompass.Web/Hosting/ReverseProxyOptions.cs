using System.Net;

namespace InterviewCompass.Web.Hosting;

/// <summary>
/// The reverse proxies (e.g. nginx) whose <c>X-Forwarded-For</c>/<c>-Proto</c> are believed (<c>ReverseProxy:KnownProxies</c>,
/// comma-separated IP addresses). Empty: no forwarded header is believed, so nobody picks their own rate-limit bucket.
/// </summary>
public sealed record ReverseProxyOptions
{
    public const string Section = "ReverseProxy";

    public string KnownProxies { get; init; } = "";

    /// <summary>The addresses, or the first entry that is not one.</summary>
    public (IReadOnlyList<IPAddress> Addresses, string? Invalid) Parse()
    {
        var addresses = new List<IPAddress>();
        foreach (var entry in KnownProxies.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!IPAddress.TryParse(entry, out var address))
            {
                return (addresses, entry);
            }

            addresses.Add(address);
        }

        return (addresses, null);
    }
}
