using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace InterviewCompass.Web.Data;

/// <summary>
/// The database's part of <c>/healthz</c>: degraded while it is being prepared (pages answer, kept checks and drafts
/// wait), unhealthy when the preparation failed or the database does not answer. It never waits for the preparation.
/// </summary>
internal sealed class DatabaseHealthCheck(DatabasePreparation preparation, IDbContextFactory<AppDbContext> contexts) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var done = preparation.Done;
        if (done.IsFaulted)
        {
            return HealthCheckResult.Unhealthy("The database could not be prepared; the log says why.", done.Exception?.GetBaseException());
        }

        if (!done.IsCompletedSuccessfully)
        {
            return HealthCheckResult.Degraded(
                $"The database is being prepared ({DatabasePreparation.Describe(preparation.Stage)}, {(int)preparation.Elapsed.TotalSeconds} s).");
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Database.CanConnectAsync(cancellationToken)
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy("The database does not answer.");
    }
}
