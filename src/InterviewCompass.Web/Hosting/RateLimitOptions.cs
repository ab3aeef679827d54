using System.ComponentModel.DataAnnotations;

namespace InterviewCompass.Web.Hosting;

/// <summary>Limits for <see cref="RateLimitPolicies"/> (<c>RateLimits:*</c>), per client IP.</summary>
public sealed record RateLimitOptions
{
    public const string Section = "RateLimits";

    /// <summary>Every write (API call or form post) per client per minute.</summary>
    [Range(1, int.MaxValue)]
    public int WritesPerMinute { get; init; } = 600;

    /// <summary>Transfer codes tried per client per ten minutes (API and page together).</summary>
    [Range(1, int.MaxValue)]
    public int RedeemAttemptsPerClient { get; init; } = 10;

    /// <summary>Tries of one code per ten minutes, from any number of clients.</summary>
    [Range(1, int.MaxValue)]
    public int RedeemAttemptsPerCode { get; init; } = 5;
}
