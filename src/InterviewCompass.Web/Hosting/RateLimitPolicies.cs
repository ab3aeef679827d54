namespace InterviewCompass.Web.Hosting;

/// <summary>Names of the rate-limit policies (registered once in <see cref="FrontEndHosting"/>).</summary>
internal static class RateLimitPolicies
{
    /// <summary>Every state-changing API call and form post, partitioned by client.</summary>
    public const string Writes = "writes";
}
