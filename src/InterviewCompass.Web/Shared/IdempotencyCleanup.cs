using InterviewCompass.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace InterviewCompass.Web.Shared;

/// <summary>
/// Keeps the promise of <see cref="Idempotency.Lifetime"/>: once an hour (and once at start) deletes the records of keyed
/// writes older than a day and the transfer codes that expired, so neither stays longer than docs/SECURITY.md says.
/// Runs on every instance; the deletes are idempotent.
/// </summary>
internal sealed partial class IdempotencyCleanup(
    IDbContextFactory<AppDbContext> contexts, DatabasePreparation preparation, TimeProvider clock, ILogger<IdempotencyCleanup> logger) : BackgroundService
{
    public static readonly TimeSpan Every = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await preparation.Done.WaitAsync(stoppingToken);
        }
        catch (Exception) when (!stoppingToken.IsCancellationRequested)
        {
            // The preparation failed and stops the app (it logged why).
            return;
        }

        using var timer = new PeriodicTimer(Every, clock);
        do
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // The next hour tries again; the lifetime is also checked whenever a key is sent again (Idempotency).
                LogFailed(logger, exception);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>Deletes what is past its time; returns how many rows.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var records = await db.IdempotentRequests.Where(r => r.Created < now - Idempotency.Lifetime).ExecuteDeleteAsync(cancellationToken);
        var codes = await db.TransferCodes.IgnoreQueryFilters().Where(t => t.ExpiresAt < now).ExecuteDeleteAsync(cancellationToken);
        if (records + codes > 0)
        {
            LogDeleted(logger, records, codes);
        }

        return records + codes;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Deleted {Records} records of keyed writes older than a day and {Codes} expired transfer codes")]
    private static partial void LogDeleted(ILogger logger, int records, int codes);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Deleting old records of keyed writes failed; trying again in an hour")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
