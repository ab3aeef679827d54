using InterviewCompass.Web.Data;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace InterviewCompass.Web.Hosting;

/// <summary>
/// <c>/healthz</c> is unhealthy while the database cannot be written: a write failed for that reason in the last minute
/// (<see cref="StorageHealth"/>: full disk, read-only file, I/O error, on either provider), or the SQLite folder's disk has
/// less than <see cref="FreeSpaceFloor"/> left. A database that answers reads but takes no writes is not healthy.
/// </summary>
internal sealed class StorageHealthCheck(StorageHealth health, StorageOptions options, IHostEnvironment environment) : IHealthCheck
{
    public const long FreeSpaceFloor = 1024 * 1024;

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (health.FailedRecently)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("A save failed in the last minute because the database could not be written (disk full, read-only or I/O error)."));
        }

        if (options.Provider == StorageProvider.Sqlite)
        {
            var folder = Path.GetFullPath(options.DataPath, environment.ContentRootPath);
            if (new DriveInfo(folder).AvailableFreeSpace < FreeSpaceFloor)
            {
                return Task.FromResult(HealthCheckResult.Unhealthy($"Less than 1 MB is free on the disk of {options.DataPath}: saves would fail."));
            }
        }

        return Task.FromResult(HealthCheckResult.Healthy());
    }
}
