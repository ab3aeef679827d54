using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace InterviewCompass.Web.Data;

/// <summary>
/// Applies the pending migrations to a SQLite database so that a stop at any moment (Ctrl+C, a kill, a power cut) leaves
/// either the database as it was or the migrated one, never a mix.
/// </summary>
/// <remarks>
/// <para>
/// EF Core cannot make every SQLite migration atomic. A migration that rebuilds a table (adding a foreign key, for one)
/// switches <c>PRAGMA foreign_keys</c> off around the rebuild, which SQLite ignores inside a transaction; so EF Core
/// commits the steps before it on their own and records the migration only at its end (EF Core's warning 20410 at
/// start). A stop in between left the new columns in place and the migration unrecorded, and every later start failed
/// on "duplicate column name".
/// </para>
/// <para>
/// So the migrations run on a copy beside the database (<c>interviewcompass.db.migrating</c>), taken with SQLite's online
/// backup after a checkpoint; the copy is flushed to disk and renamed over the database, which is atomic. A copy left by
/// a start that stopped is discarded by the next one, which starts again from the untouched database. A start with
/// nothing to migrate copies nothing. The copy costs the database's size in disk space for the length of an upgrade.
/// </para>
/// <para>
/// Nothing else uses the database meanwhile: the app's own calls wait for the migrations (<see cref="DatabasePreparation"/>)
/// and one process owns a SQLite data folder (PostgreSQL is the choice for several instances; its migrations are
/// transactional and need none of this).
/// </para>
/// </remarks>
internal static partial class SqliteMigrations
{
    /// <summary>The suffix of the copy the migrations run on.</summary>
    public const string WorkSuffix = ".migrating";

    /// <summary>The migration that an earlier version could leave half applied (<see cref="RepairInterruptedApplications"/>).</summary>
    internal const string ApplicationsMigration = "20261202075141_Applications";

    /// <summary>
    /// Migrates the database <paramref name="live"/> is connected to. <paramref name="createContext"/> gives a context with
    /// the app's options, not from the pool: its connection string is pointed at the copy.
    /// </summary>
    public static void Migrate(AppDbContext live, Func<AppDbContext> createContext, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(live);
        ArgumentNullException.ThrowIfNull(createContext);
        ArgumentNullException.ThrowIfNull(logger);

        var pending = live.Database.GetPendingMigrations().ToList();
        var connection = (SqliteConnection)live.Database.GetDbConnection();
        var database = new SqliteConnectionStringBuilder(connection.ConnectionString).DataSource;
        var work = database + WorkSuffix;
        if (Discard(work))
        {
            LogDiscarded(logger, work);
        }

        if (pending.Count == 0)
        {
            return;
        }

        LogMigratingCopy(logger, pending.Count, work);
        DataFolder.CreateOwnerOnly(work, FileMode.CreateNew);
        var workConnection = new SqliteConnectionStringBuilder { DataSource = work, Pooling = false }.ToString();
        live.Database.OpenConnection();
        try
        {
            // Everything in the write-ahead log goes into the database file first, so that the file the swap replaces
            // holds no change the copy lacks, and no log is left to be replayed onto the copy.
            Checkpoint(connection);
            using var copy = new SqliteConnection(workConnection);
            copy.Open();
            connection.BackupDatabase(copy);

            // A rollback journal on the copy: no -wal file to carry through the rename.
            Execute(copy, "PRAGMA journal_mode=DELETE;");
        }
        finally
        {
            live.Database.CloseConnection();
            SqliteConnection.ClearPool(connection);
        }

        using (var context = createContext())
        {
            context.Database.SetConnectionString(workConnection);
            RepairInterruptedApplications(context, logger);
            context.Database.Migrate();
        }

        using (var file = new FileStream(work, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite))
        {
            file.Flush(flushToDisk: true);
        }

        // The checkpoint emptied the log and the last connection closed: what is left of it is empty, and must not be
        // read as the log of the new file.
        foreach (var file in new[] { database + "-wal", database + "-shm" }.Where(File.Exists))
        {
            if (file.EndsWith("-wal", StringComparison.Ordinal) && new FileInfo(file).Length > 0)
            {
                throw new InvalidOperationException(
                    $"The database changed while it was being migrated ({file} is not empty): another process uses the data folder. " +
                    "One process owns a SQLite data folder; nothing was replaced.");
            }

            File.Delete(file);
        }

        File.Move(work, database, overwrite: true);
        LogSwapped(logger, database);
    }

    // Removes a copy (and its journal) left by a start that stopped; true when there was one.
    private static bool Discard(string work)
    {
        var found = false;
        foreach (var file in DataFolder.FilesOf(work).Where(File.Exists))
        {
            File.Delete(file);
            found = true;
        }

        return found;
    }

    private static void Checkpoint(SqliteConnection connection)
    {
        // (busy, log frames, checkpointed frames); busy 1: a reader or writer elsewhere kept the log from being emptied.
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
        using var reader = command.ExecuteReader();
        if (reader.Read() && reader.GetInt64(0) != 0)
        {
            throw new InvalidOperationException(
                "The database is in use by another process, so it cannot be migrated. One process owns a SQLite data folder.");
        }
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    /// <summary>
    /// Versions before the copy could stop inside <see cref="ApplicationsMigration"/> at one of its three commits and leave
    /// its first part (new columns, tables and indexes, and the rebuilt tables' copies), or also the rebuild, or the whole
    /// migration without its history row. No start succeeded after that, so its new tables are empty: the first state is
    /// undone and the migration runs again; the other two are finished.
    /// </summary>
    private static void RepairInterruptedApplications(AppDbContext context, ILogger logger)
    {
        var database = context.Database;
        if (!database.GetPendingMigrations().Contains(ApplicationsMigration) || !TableExists(database, "Applications"))
        {
            return;
        }

        if (TableExists(database, "ef_temp_Sessions") || TableExists(database, "ef_temp_Drafts"))
        {
            LogRepair(logger, ApplicationsMigration, "undone, to run again");
            database.ExecuteSqlRaw("""
                DROP TABLE IF EXISTS "ef_temp_Sessions";
                DROP TABLE IF EXISTS "ef_temp_Drafts";
                DROP INDEX IF EXISTS "IX_Sessions_ApplicationId";
                DROP INDEX IF EXISTS "IX_Drafts_ApplicationId";
                DROP TABLE IF EXISTS "ApplicationEvents";
                DROP TABLE IF EXISTS "Applications";
                ALTER TABLE "Sessions" DROP COLUMN "ApplicationId";
                ALTER TABLE "Drafts" DROP COLUMN "ApplicationId";
                """);
            return;
        }

        LogRepair(logger, ApplicationsMigration, "finished");
        database.ExecuteSqlRaw("""
            CREATE INDEX IF NOT EXISTS "IX_Drafts_ApplicationId" ON "Drafts" ("ApplicationId");
            CREATE INDEX IF NOT EXISTS "IX_Drafts_OwnerId_Updated" ON "Drafts" ("OwnerId", "Updated");
            CREATE INDEX IF NOT EXISTS "IX_Drafts_SessionId" ON "Drafts" ("SessionId");
            CREATE INDEX IF NOT EXISTS "IX_Sessions_ApplicationId" ON "Sessions" ("ApplicationId");
            CREATE INDEX IF NOT EXISTS "IX_Sessions_OwnerId_Updated" ON "Sessions" ("OwnerId", "Updated");
            """);

        // EF Core's own statement for the history row (a fixed id and EF Core's version, no outside input).
        var insert = context.GetService<IHistoryRepository>().GetInsertScript(new HistoryRow(ApplicationsMigration, ProductInfo.GetVersion()));
#pragma warning disable EF1003
        database.ExecuteSqlRaw(insert);
#pragma warning restore EF1003
    }

    private static bool TableExists(DatabaseFacade database, string table) => database
        .SqlQueryRaw<long>("SELECT count(*) AS \"Value\" FROM sqlite_master WHERE type = 'table' AND name = {0}", table)
        .AsEnumerable().Single() > 0;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Discarded {Work}, the copy of a migration that an earlier start did not finish; the database itself is as that start found it.")]
    private static partial void LogDiscarded(ILogger logger, string work);

    [LoggerMessage(Level = LogLevel.Information, Message = "Applying {Count} migration(s) to a copy of the database ({Work}); it replaces the database when they are done.")]
    private static partial void LogMigratingCopy(ILogger logger, int count, string work);

    [LoggerMessage(Level = LogLevel.Information, Message = "The migrated copy replaced {Database}.")]
    private static partial void LogSwapped(ILogger logger, string database);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Migration {Migration} was left half applied by an earlier version stopped during it; {Action}.")]
    private static partial void LogRepair(ILogger logger, string migration, string action);
}
