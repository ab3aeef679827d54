using System.Net;
using InterviewCompass.Web.Data;
using InterviewCompass.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using static InterviewCompass.Web.Tests.Support.OwnerDataClient;

namespace InterviewCompass.Web.Tests.Data;

/// <summary>
/// A start that waits on the database says so: in the log (at once, then every few seconds while it waits) and on
/// <c>/healthz</c> (503 until the database is prepared, and when its preparation failed).
/// </summary>
public sealed class DatabaseReadinessTests
{
    // A guard against a hang only: every wait here ends as soon as its condition holds.
    private static readonly TimeSpan Guard = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task AStartThatWaitsOnTheDatabaseSaysSoInTheLogEveryFewSeconds()
    {
        var clock = new FakeTimeProvider();
        var logs = new LogCapture();
        var logger = logs.CreateLogger("preparation");
        using var release = new ManualResetEventSlim();
        using var lifetime = new StoppingLifetime();
        var preparation = new DatabasePreparation();

        preparation.Start(() => release.Wait(Guard, Ct), static () => { }, logger, lifetime, clock);

        Assert.Contains(logs.Entries, e => e.Level == LogLevel.Information && e.Message.StartsWith("Preparing the database", StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Entries, e => e.Level == LogLevel.Warning);

        clock.Advance(DatabasePreparation.ReportEvery);
        Assert.Contains(logs.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("not ready after 5 s (applying migrations)", StringComparison.Ordinal));
        clock.Advance(DatabasePreparation.ReportEvery);
        Assert.Contains(logs.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("not ready after 10 s", StringComparison.Ordinal));

        release.Set();
        await preparation.Done.WaitAsync(Guard, Ct);
        Assert.Contains(logs.Entries, e => e.Level == LogLevel.Information && e.Message.StartsWith("The database is ready", StringComparison.Ordinal));

        // Once ready, it stops reporting.
        var warnings = logs.Entries.Count(e => e.Level == LogLevel.Warning);
        clock.Advance(DatabasePreparation.ReportEvery * 3);
        Assert.Equal(warnings, logs.Entries.Count(e => e.Level == LogLevel.Warning));
    }

    [Fact]
    public async Task TheHealthCheckIsDegradedWhileTheDatabaseIsPreparedAndUnhealthyWhenThatFailed()
    {
        using var release = new ManualResetEventSlim();
        using var lifetime = new StoppingLifetime();
        var preparation = new DatabasePreparation();
        var check = new DatabaseHealthCheck(preparation, new NoDatabase());
        var exitCode = Environment.ExitCode;

        preparation.Start(
            () =>
            {
                release.Wait(Guard, Ct);
                throw new InvalidOperationException("disk full");
            },
            static () => { },
            new LogCapture().CreateLogger("preparation"),
            lifetime);

        var preparing = await check.CheckHealthAsync(new HealthCheckContext(), Ct);
        Assert.Equal(HealthStatus.Degraded, preparing.Status);
        Assert.Contains("applying migrations", preparing.Description, StringComparison.Ordinal);

        release.Set();
        await Assert.ThrowsAsync<InvalidOperationException>(() => preparation.Done.WaitAsync(Guard, Ct));
        var failed = await check.CheckHealthAsync(new HealthCheckContext(), Ct);
        Assert.Equal(HealthStatus.Unhealthy, failed.Status);
        Assert.Equal("disk full", failed.Exception?.Message);
        Environment.ExitCode = exitCode;
    }

    [Fact]
    public async Task HealthIsServiceUnavailableWhileAnotherInstanceHoldsTheMigrationLockThenHealthy()
    {
        if (await PostgresServer.ProblemAsync() is { } problem)
        {
            PostgresServer.SkipOrFail(problem);
        }

        var (name, connectionString) = await PostgresServer.CreateDatabaseAsync();
        try
        {
            // Another instance migrating: it holds EF Core's PostgreSQL migration lock (a table lock in its transaction).
            await using var other = new NpgsqlConnection(connectionString);
            await other.OpenAsync(Ct);
            await using (var create = new NpgsqlCommand(
                "CREATE TABLE \"__EFMigrationsHistory\" (\"MigrationId\" varchar(150) PRIMARY KEY, \"ProductVersion\" varchar(32) NOT NULL)", other))
            {
                await create.ExecuteNonQueryAsync(Ct);
            }

            var transaction = await other.BeginTransactionAsync(Ct);
            await using (var hold = new NpgsqlCommand("LOCK TABLE \"__EFMigrationsHistory\" IN ACCESS EXCLUSIVE MODE", other, transaction))
            {
                await hold.ExecuteNonQueryAsync(Ct);
            }

            await using var app = new LoggedAppFactory(new Dictionary<string, string?>
            {
                ["Storage:Provider"] = "Postgres",

                // Long enough that the app's migration command outwaits this test on a slow machine.
                ["ConnectionStrings:Postgres"] = new NpgsqlConnectionStringBuilder(connectionString) { CommandTimeout = 300 }.ToString(),
            });
            using var client = app.CreateClient();

            using (var waiting = await client.GetAsync("/healthz", Ct))
            {
                Assert.Equal(HttpStatusCode.ServiceUnavailable, waiting.StatusCode);
                Assert.Equal("Degraded", await waiting.Content.ReadAsStringAsync(Ct));
            }

            Assert.Contains(app.Logs.Entries, e => e.Message.StartsWith("Preparing the database", StringComparison.Ordinal));
            using (var page = await client.GetAsync("/", Ct))
            {
                Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            }

            await transaction.RollbackAsync(Ct);
            await app.Services.GetRequiredService<DatabasePreparation>().Done.WaitAsync(Guard, Ct);
            using var ready = await client.GetAsync("/healthz", Ct);
            Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
            Assert.Equal("Healthy", await ready.Content.ReadAsStringAsync(Ct));
        }
        finally
        {
            await PostgresServer.DropDatabaseAsync(name);
        }
    }

    private sealed class NoDatabase : IDbContextFactory<AppDbContext>
    {
        public AppDbContext CreateDbContext() => throw new InvalidOperationException("The health check opened the database before it was prepared.");
    }

    private sealed class StoppingLifetime : IHostApplicationLifetime, IDisposable
    {
        private readonly CancellationTokenSource _stopping = new();

        public CancellationToken ApplicationStarted => CancellationToken.None;

        public CancellationToken ApplicationStopping => _stopping.Token;

        public CancellationToken ApplicationStopped => CancellationToken.None;

        public void StopApplication() => _stopping.Cancel();

        public void Dispose() => _stopping.Dispose();
    }
}
