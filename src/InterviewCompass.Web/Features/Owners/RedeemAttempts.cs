using System.Threading.RateLimiting;
using InterviewCompass.Web.Hosting;
using Microsoft.Extensions.Options;

namespace InterviewCompass.Web.Features.Owners;

/// <summary>
/// Transfer codes are guessable only by trying many: each client may try <see cref="RateLimitOptions.RedeemAttemptsPerClient"/>
/// and each code may be tried <see cref="RateLimitOptions.RedeemAttemptsPerCode"/> times per ten minutes, far below the write
/// limit. In memory, per instance.
/// </summary>
public sealed class RedeemAttempts : IDisposable
{
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(10);

    private readonly PartitionedRateLimiter<string> _perClient;
    private readonly PartitionedRateLimiter<string> _perCode;

    public RedeemAttempts(IOptions<RateLimitOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _perClient = Limiter(options.Value.RedeemAttemptsPerClient);
        _perCode = Limiter(options.Value.RedeemAttemptsPerCode);
    }

    /// <summary>False when this client, or this code, has been tried too often lately.</summary>
    public bool TryAttempt(string client, string? code)
    {
        using var byClient = _perClient.AttemptAcquire(client);
        if (!byClient.IsAcquired)
        {
            return false;
        }

        if (code is null)
        {
            return true;
        }

        using var byCode = _perCode.AttemptAcquire(code);
        return byCode.IsAcquired;
    }

    public void Dispose()
    {
        _perClient.Dispose();
        _perCode.Dispose();
    }

    private static PartitionedRateLimiter<string> Limiter(int permits) =>
        PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permits,
            Window = Window,
            QueueLimit = 0,
        }));
}
