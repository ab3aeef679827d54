namespace InterviewCompass.Web.Shared;

/// <summary>
/// When a write was made, as the browser's outbox says (<c>madeAt</c>: a check finished offline is listed at the time it was
/// made, not the time it synced). Trusted only within bounds: not later than the server's clock allows for a small skew,
/// not older than <see cref="Oldest"/>; otherwise the server's own time.
/// </summary>
public static class MadeAt
{
    public static readonly TimeSpan Skew = TimeSpan.FromMinutes(2);

    public static readonly TimeSpan Oldest = TimeSpan.FromDays(30);

    public static DateTimeOffset Or(TimeProvider clock, DateTimeOffset? madeAt)
    {
        ArgumentNullException.ThrowIfNull(clock);
        var now = clock.GetUtcNow();
        return madeAt is { } made && made <= now + Skew && made >= now - Oldest
            ? (made > now ? now : made.ToUniversalTime())
            : now;
    }
}
