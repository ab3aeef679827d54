namespace InterviewCompass.Web.Hosting;

/// <summary>Names of the output-cache policies (registered once in <see cref="FrontEndHosting"/>).</summary>
internal static class OutputCachePolicies
{
    /// <summary>Guide pages and guide API reads: content only changes with a restart; varies by the query (search and tag).</summary>
    public const string Guides = "guides";
}
