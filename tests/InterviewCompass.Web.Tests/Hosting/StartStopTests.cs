using System.Diagnostics;
using System.Net;
using InterviewCompass.Web.Data;
using InterviewCompass.Web.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using static InterviewCompass.Web.Tests.Support.OwnerDataClient;

namespace InterviewCompass.Web.Tests.Hosting;

/// <summary>
/// A stop at any moment of a start leaves a database the next start can use. The first start on an empty data folder
/// (the one that migrates) runs as a real process and is stopped at 0.2 s steps through its first 3 s, and at each
/// stage of the preparation its log shows; the next start must then serve a check, keep a session and report healthy.
/// </summary>
public sealed class StartStopTests
{
    // A guard against a hang only (the defect this class is about): every wait ends as soon as its condition holds.
    private static readonly TimeSpan Guard = TimeSpan.FromMinutes(2);

    public enum Stop
    {
        /// <summary>SIGTERM: the app shuts down as on Ctrl+C or a service manager's stop.</summary>
        Graceful,

        /// <summary>SIGKILL: a crash or a power cut.</summary>
        Kill,
    }

    public static TheoryData<double> Delays { get; } = [.. Enumerable.Range(0, 16).Select(step => step * 0.2)];

    /// <summary>What the first start's log says at each stage of a start (EF Core's migration lines included).</summary>
    public static TheoryData<string, Stop> Stages { get; } = new()
    {
        { "Now listening on:", Stop.Graceful },
        { "Acquiring an exclusive lock for migration application", Stop.Graceful },
        { "Acquiring an exclusive lock for migration application", Stop.Kill },
        { "Applying migration '", Stop.Graceful },
        { "Applying migration '", Stop.Kill },
        { "_IdempotentRequests'", Stop.Graceful },
        { "loading the key ring", Stop.Graceful },
        { "loading the key ring", Stop.Kill },
        { "The database is ready", Stop.Graceful },
    };

    [Theory]
    [MemberData(nameof(Delays))]
    public async Task AStopAtAnyMomentOfTheFirstStartLeavesADatabaseTheNextStartUses(double seconds)
    {
        using var folder = new DataFolder();
        await using (var first = AppProcess.Start(FirstStartSettings(folder.Settings)))
        {
            var started = Stopwatch.StartNew();
            var left = TimeSpan.FromSeconds(seconds) - started.Elapsed;
            if (left > TimeSpan.Zero)
            {
                // The moment of the stop is what this row tests, not something waited for.
                await Task.Delay(left, Ct);
            }

            await first.StopAsync();
        }

        await TheNextStartWorksAsync(folder.Settings);
    }

    [Theory]
    [MemberData(nameof(Stages))]
    public async Task AStopAtEachStageOfTheFirstStartLeavesADatabaseTheNextStartUses(string stage, Stop stop)
    {
        using var folder = new DataFolder();
        await using (var first = AppProcess.Start(FirstStartSettings(folder.Settings)))
        {
            Assert.True(await first.WaitForLineAsync(stage), $"The first start ended before '{stage}':\n{first.Output}");
            await (stop == Stop.Kill ? first.KillAsync() : first.StopAsync());
        }

        await TheNextStartWorksAsync(folder.Settings);
    }

    [Fact]
    public async Task OnPostgresAStartKilledWhileMigratingHoldsNoLockOverTheNextStart()
    {
        // EF Core's PostgreSQL migration lock is a table lock inside the migration's transaction: the server drops it
        // with the dead process's connection, so nothing is left to clear.
        if (await PostgresServer.ProblemAsync() is { } problem)
        {
            PostgresServer.SkipOrFail(problem);
        }

        var (name, connectionString) = await PostgresServer.CreateDatabaseAsync();
        try
        {
            var settings = new Dictionary<string, string?>
            {
                ["Storage:Provider"] = "Postgres",
                ["ConnectionStrings:Postgres"] = connectionString,
            };
            await using (var first = AppProcess.Start(FirstStartSettings(settings)))
            {
                Assert.True(await first.WaitForLineAsync("Applying migration '"), first.Output);
                await first.KillAsync();
            }

            await TheNextStartWorksAsync(settings);
        }
        finally
        {
            await PostgresServer.DropDatabaseAsync(name);
        }
    }

    [Fact]
    public async Task AMigrationLockLeftByAProcessThatIsGoneIsClearedAtStart()
    {
        using var folder = new DataFolder();
        var file = Path.Combine(folder.Path, "interviewcompass.db");

        // What EF Core 10 leaves when its process ends between taking the lock and the end of the migrations.
        await using (var connection = new SqliteConnection($"Data Source={file};Pooling=False"))
        {
            await connection.OpenAsync(Ct);
            await using var command = connection.CreateCommand();
            command.CommandText = """
                CREATE TABLE "__EFMigrationsLock" ("Id" INTEGER NOT NULL CONSTRAINT "PK___EFMigrationsLock" PRIMARY KEY, "Timestamp" TEXT NOT NULL);
                INSERT INTO "__EFMigrationsLock" ("Id", "Timestamp") VALUES (1, '2026-12-01 23:59:59.0000000+00:00');
                """;
            await command.ExecuteNonQueryAsync(Ct);
        }

        var logs = await TheNextStartWorksAsync(folder.Settings);

        Assert.Contains(logs.Entries, e => e.Level == LogLevel.Warning
            && e.Message.Contains("Cleared a migration lock taken at 2026-12-01 23:59:59", StringComparison.Ordinal));
    }

    private static Dictionary<string, string?> FirstStartSettings(IDictionary<string, string?> storage)
    {
        var settings = new Dictionary<string, string?>(storage, StringComparer.OrdinalIgnoreCase)
        {
            // The stages the rows stop at.
            ["Logging:LogLevel:Microsoft.EntityFrameworkCore.Migrations"] = "Information",
            ["Logging:LogLevel:" + typeof(DatabasePreparation).FullName] = "Debug",
        };
        return settings;
    }

    /// <summary>A start after the stop: it gets ready, serves a check, keeps a session and says it is healthy.</summary>
    private static async Task<LogCapture> TheNextStartWorksAsync(IDictionary<string, string?> settings)
    {
        await using var next = new LoggedAppFactory(settings);
        using var browser = next.CreateClient();

        var preparation = next.Services.GetRequiredService<DatabasePreparation>();
        await preparation.Done.WaitAsync(Guard, Ct);

        using var check = await browser.GetAsync("/check/walk-out", Ct).WaitAsync(Guard, Ct);
        Assert.Equal(HttpStatusCode.OK, check.StatusCode);
        using var saved = await browser.PostJsonAsync("/api/v1/sessions", new
        {
            checklist = "walk-out",
            answers = new Dictionary<string, string> { ["salary-below-posted"] = "yes" },
        }).WaitAsync(Guard, Ct);
        Assert.Equal(HttpStatusCode.Created, saved.StatusCode);
        using var health = await browser.GetAsync("/healthz", Ct).WaitAsync(Guard, Ct);
        Assert.Equal("Healthy", await health.Content.ReadAsStringAsync(Ct));
        return next.Logs;
    }

    /// <summary>An empty data folder of the test's own, deleted at the end.</summary>
    private sealed class DataFolder : IDisposable
    {
        public string Path { get; } = Directory.CreateTempSubdirectory("ic-startstop-").FullName;

        public Dictionary<string, string?> Settings => new() { ["Storage:DataPath"] = Path };

        public void Dispose()
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(Path, recursive: true);
        }
    }
}
