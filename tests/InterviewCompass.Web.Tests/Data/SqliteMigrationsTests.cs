using System.Data.Common;
using System.Net;
using InterviewCompass.Web.Data;
using InterviewCompass.Web.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using static InterviewCompass.Web.Tests.Support.OwnerDataClient;

namespace InterviewCompass.Web.Tests.Data;

/// <summary>
/// A stop inside a SQLite migration, at the worst moment, leaves the database as it was, and the next start migrates it
/// with every row kept (<see cref="SqliteMigrations"/>). The moments are chosen by the statement the stop lands on, not
/// by a clock: EF Core commits the part of a table-rebuilding migration before <c>PRAGMA foreign_keys = 0</c> on its own.
/// </summary>
public sealed class SqliteMigrationsTests : IDisposable
{
    // The last migration before the one that rebuilds tables.
    private const string BeforeApplications = "20261130093328_IdempotentRequests";

    private static readonly Guid Owner = Guid.Parse("0b0b0b0b-0000-4000-8000-000000000001");
    private static readonly Guid Session = Guid.Parse("5e55105e-0000-4000-8000-000000000002");
    private static readonly Guid Draft = Guid.Parse("d4af7d4a-0000-4000-8000-000000000003");

    private readonly string _folder = Directory.CreateTempSubdirectory("ic-migrate-").FullName;

    private string Database => Path.Combine(_folder, "interviewcompass.db");

    private Dictionary<string, string?> Settings => new() { ["Storage:DataPath"] = _folder };

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    public static TheoryData<string> StopsInside { get; } =
    [
        // Inside the migration that adds foreign keys: after its first part has committed.
        "PRAGMA foreign_keys = 0",
        "ALTER TABLE \"ef_temp_Sessions\" RENAME TO \"Sessions\"",

        // Between a migration's last statement and its history row.
        "INSERT INTO \"__EFMigrationsHistory\"",
    ];

    [Theory]
    [MemberData(nameof(StopsInside))]
    public async Task AStopInsideAMigrationLeavesTheDatabaseAsItWasAndTheNextStartFinishesIt(string stopAt)
    {
        await OldDatabaseWithRowsInItsLogAsync();

        var stopped = Assert.Throws<StoppedHere>(() =>
        {
            using var live = Context(Database);
            SqliteMigrations.Migrate(live, () => Context(Database, new StopAt(stopAt)), NullLogger.Instance);
        });
        Assert.Contains(stopAt, stopped.Message, StringComparison.Ordinal);
        SqliteConnection.ClearAllPools();

        // The database is the old one, rows and all; the unfinished copy lies beside it.
        Assert.Equal(["20261122160912_Initial", BeforeApplications], await AppliedAsync());
        Assert.DoesNotContain("ApplicationId", await ColumnsAsync("Sessions"));
        Assert.Equal("Kept through the upgrade", await LabelAsync());
        Assert.True(File.Exists(Database + SqliteMigrations.WorkSuffix));

        var logs = await TheNextStartWorksAsync();

        Assert.Contains(logs.Entries, e => e.Level == LogLevel.Warning && e.Message.StartsWith("Discarded ", StringComparison.Ordinal));
        Assert.Empty(await PendingAsync());
        Assert.Equal("Kept through the upgrade", await LabelAsync());
        Assert.Equal(await FreshSchemaAsync(), await SchemaAsync(Database));
        Assert.False(File.Exists(Database + SqliteMigrations.WorkSuffix));
    }

    /// <summary>What versions before the copy left when stopped after each commit of the migration that adds foreign keys.</summary>
    [Theory]
    [InlineData(1, "undone, to run again")]
    [InlineData(2, "finished")]
    [InlineData(3, "finished")]
    public async Task AMigrationLeftHalfAppliedByAnEarlierVersionIsRepairedAtTheNextStart(int commits, string repair)
    {
        await OldDatabaseWithRowsInItsLogAsync();
        await RunInPlaceAsync(commits);
        Assert.Contains("ApplicationId", await ColumnsAsync("Sessions"));
        Assert.Contains(SqliteMigrations.ApplicationsMigration, await PendingAsync());

        var logs = await TheNextStartWorksAsync();

        Assert.Contains(logs.Entries, e => e.Level == LogLevel.Warning && e.Message.EndsWith(repair + ".", StringComparison.Ordinal));
        Assert.Empty(await PendingAsync());
        Assert.Equal("Kept through the upgrade", await LabelAsync());
        Assert.Equal(await FreshSchemaAsync(), await SchemaAsync(Database));
    }

    [Fact]
    public async Task AStartWithNothingToMigrateCopiesNothing()
    {
        await using (var first = new AppFactory(Settings))
        {
            await first.ReadyAsync();
        }

        var logs = await TheNextStartWorksAsync();

        Assert.Contains(logs.Entries, e => e.Message.StartsWith("The database is ready", StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Entries, e => e.Message.Contains("copy of the database", StringComparison.Ordinal));
        Assert.False(File.Exists(Database + SqliteMigrations.WorkSuffix));
    }

    // The database as the version before the Applications migration left it, its last rows still in the write-ahead
    // log (as after a kill): a checkpoint that lost them would show.
    private async Task OldDatabaseWithRowsInItsLogAsync()
    {
        var scratch = Path.Combine(_folder, "old");
        Directory.CreateDirectory(scratch);
        var old = Path.Combine(scratch, "interviewcompass.db");
        await using (var db = Context(old))
        {
            await db.GetService<IMigrator>().MigrateAsync(BeforeApplications, Ct);
        }

        await using (var connection = new SqliteConnection($"Data Source={old};Pooling=False"))
        {
            await connection.OpenAsync(Ct);
            await ExecuteAsync(connection, "PRAGMA journal_mode=WAL; PRAGMA wal_autocheckpoint=0;");
            await ExecuteAsync(connection, $"""
                INSERT INTO "Owners" ("Id", "Created") VALUES ('{Owner.ToString().ToUpperInvariant()}', 0);
                INSERT INTO "Sessions" ("Id", "OwnerId", "ChecklistId", "Answers", "Outcome", "Confidence", "Label", "Completed", "Created", "Updated")
                VALUES ('{Session.ToString().ToUpperInvariant()}', '{Owner.ToString().ToUpperInvariant()}', 'walk-out', '{"{}"}', 'stay', 0.5, 'Kept through the upgrade', 0, 0, 0);
                INSERT INTO "Drafts" ("Id", "OwnerId", "Kind", "Tone", "Fields", "Subject", "Body", "SessionId", "Created", "Updated")
                VALUES ('{Draft.ToString().ToUpperInvariant()}', '{Owner.ToString().ToUpperInvariant()}', 'withdrawal', 'warm', '{"{}"}', 'Withdrawing', 'Thank you.', '{Session.ToString().ToUpperInvariant()}', 0, 0);
                """);

            // Copied while the writer still holds the file: the rows are only in the -wal file.
            Assert.True(new FileInfo(old + "-wal").Length > 0);
            File.Copy(old, Database, overwrite: true);
            File.Copy(old + "-wal", Database + "-wal", overwrite: true);
        }
    }

    // Runs the first <paramref name="commits"/> transactions of the Applications migration in place, the way EF Core
    // runs them, and stops there.
    private async Task RunInPlaceAsync(int commits)
    {
        string script;
        await using (var db = Context(Database))
        {
            script = db.GetService<IMigrator>().GenerateScript(BeforeApplications, SqliteMigrations.ApplicationsMigration);
        }

        var parts = script.Split("COMMIT;");
        Assert.True(parts.Length > commits, script);
        await using var connection = new SqliteConnection($"Data Source={Database};Pooling=False");
        await connection.OpenAsync(Ct);
        await ExecuteAsync(connection, string.Join("COMMIT;", parts.Take(commits)) + "COMMIT;");
    }

    private static async Task<LogCapture> TheNextStartWorksAsync(Dictionary<string, string?>? settings = null)
    {
        SqliteConnection.ClearAllPools();
        await using var next = new LoggedAppFactory(settings);
        await next.ReadyAsync();
        using var browser = next.CreateClient();
        using var saved = await browser.PostJsonAsync("/api/v1/sessions", new
        {
            checklist = "walk-out",
            answers = new Dictionary<string, string> { ["salary-below-posted"] = "yes" },
        });
        Assert.Equal(HttpStatusCode.Created, saved.StatusCode);
        using var health = await browser.GetAsync("/healthz", Ct);
        Assert.Equal("Healthy", await health.Content.ReadAsStringAsync(Ct));
        return next.Logs;
    }

    private Task<LogCapture> TheNextStartWorksAsync() => TheNextStartWorksAsync(Settings);

    private async Task<List<string>> FreshSchemaAsync()
    {
        var fresh = Path.Combine(_folder, "fresh.db");
        await using (var db = Context(fresh))
        {
            await db.Database.MigrateAsync(Ct);
        }

        return await SchemaAsync(fresh);
    }

    private static async Task<List<string>> SchemaAsync(string file)
    {
        SqliteConnection.ClearAllPools();
        return await QueryAsync(file, "SELECT type || ' ' || name || ': ' || coalesce(sql, '') FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name");
    }

    private async Task<List<string>> AppliedAsync() =>
        await QueryAsync(Database, "SELECT \"MigrationId\" FROM \"__EFMigrationsHistory\" ORDER BY 1");

    private async Task<List<string>> PendingAsync()
    {
        SqliteConnection.ClearAllPools();
        await using var db = Context(Database);
        return [.. await db.Database.GetPendingMigrationsAsync(Ct)];
    }

    private async Task<List<string>> ColumnsAsync(string table) =>
        await QueryAsync(Database, $"SELECT name FROM pragma_table_info('{table}')");

    private async Task<string?> LabelAsync() =>
        (await QueryAsync(Database, $"SELECT \"Label\" FROM \"Sessions\" WHERE \"Id\" = '{Session.ToString().ToUpperInvariant()}'")).SingleOrDefault();

    private static async Task<List<string>> QueryAsync(string file, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={file};Pooling=False");
        await connection.OpenAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        var rows = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(Ct);
        while (await reader.ReadAsync(Ct))
        {
            rows.Add(reader.GetString(0));
        }

        return rows;
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(Ct);
    }

    private static SqliteAppDbContext Context(string file, IInterceptor? interceptor = null)
    {
        var options = new DbContextOptionsBuilder<SqliteAppDbContext>()
            .UseSqlite($"Data Source={file}")
            .ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning));
        if (interceptor is not null)
        {
            options.AddInterceptors(interceptor);
        }

        return new SqliteAppDbContext(options.Options);
    }

    /// <summary>What a stop at a statement does to the migration: nothing after it runs.</summary>
    private sealed class StopAt(string statement) : DbCommandInterceptor
    {
        public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
        {
            ArgumentNullException.ThrowIfNull(command);
            return command.CommandText.Contains(statement, StringComparison.Ordinal) ? throw new StoppedHere(statement) : result;
        }
    }

    private sealed class StoppedHere(string statement) : Exception("Stopped at " + statement);
}
