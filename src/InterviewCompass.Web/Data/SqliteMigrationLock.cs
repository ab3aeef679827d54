using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace InterviewCompass.Web.Data;

/// <summary>
/// EF Core 10's migration lock on SQLite is a row in <c>__EFMigrationsLock</c>, inserted before the migrations and
/// deleted after them; a start that waits for it retries forever, in silence. A process that stops part-way (stopped
/// during its start, killed, a power cut) leaves the row behind, and every later start would hang on it.
/// </summary>
/// <remarks>
/// One process owns a SQLite data folder (PostgreSQL is the choice for several instances, README.md), and
/// this process has not begun migrating when it looks: any row found then was left by a process that is gone.
/// </remarks>
internal static class SqliteMigrationLock
{
    public const string Table = "__EFMigrationsLock";

    /// <summary>Deletes a leftover lock row; returns when it was taken (as EF Core wrote it), or null when there was none.</summary>
    public static string? ClearStale(DatabaseFacade database)
    {
        ArgumentNullException.ThrowIfNull(database);
        var tables = database.SqlQueryRaw<long>(
            "SELECT count(*) AS \"Value\" FROM sqlite_master WHERE type = 'table' AND name = '" + Table + "'").AsEnumerable().Single();
        if (tables == 0)
        {
            return null;
        }

        var taken = database.SqlQueryRaw<string>("SELECT \"Timestamp\" AS \"Value\" FROM \"" + Table + "\"").AsEnumerable().ToList();
        if (taken.Count == 0)
        {
            return null;
        }

        database.ExecuteSqlRaw("DELETE FROM \"" + Table + "\"");
        return string.Join(", ", taken);
    }
}
