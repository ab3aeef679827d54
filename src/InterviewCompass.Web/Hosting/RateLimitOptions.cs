using System.ComponentModel.DataAnnotations;

namespace InterviewCompass.Web.Hosting;

/// <summary>Limits for <see cref="RateLimitPolicies"/> (<c>RateLimits:*</c>), per client IP.</summary>
public sealed record RateLimitOptions
{
    public const string Section = "RateLimits";

    [Range(1, 1_000_000)]
    public int WritesPerMinute { get; init; } = 600;
}
