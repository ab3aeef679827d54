namespace InterviewCompass.Web.Hosting;

/// <summary>Names of the rate-limit policies (registered once in <see cref="FrontEndHosting"/>).</summary>
internal static class RateLimitPolicies
{
    /// <summary>
    /// On every page and API endpoint: each write (API call or form post) counts against the client's budget, page views
    /// and reads pass free.
    /// </summary>
    public const string Writes = "writes";
}
