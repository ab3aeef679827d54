using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace InterviewCompass.Web.Data;

/// <summary>
/// Sets <c>synchronous=NORMAL</c> and a busy timeout on every SQLite connection EF Core opens. In WAL mode this stays
/// consistent after a crash (kill -9 included) and drops the flush per commit that capped writes at
/// about 200/s here (docs/PERFORMANCE.md). Both are settings of the native connection, which Microsoft.Data.Sqlite pools:
/// they are set once per native connection, not on every open.
/// </summary>
internal sealed class SqliteConnectionPragmas : DbConnectionInterceptor
{
    // busy_timeout: SQLite waits for the writer's lock itself instead of Microsoft.Data.Sqlite's fixed 150 ms sleeps,
    // which set the p99 of concurrent writes (docs/PERFORMANCE.md).
    private const string Pragma = "PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=5000;";

    // The native handles (sqlite3) already set up; an entry goes when its handle is collected.
    private readonly ConditionalWeakTable<object, object> _prepared = [];

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        ArgumentNullException.ThrowIfNull(connection);
        if (IsPrepared(connection))
        {
            return;
        }

        using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        if (IsPrepared(connection))
        {
            return;
        }

        var command = connection.CreateCommand();
        await using (command.ConfigureAwait(false))
        {
            command.CommandText = Pragma;
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>True when this native connection has the settings; otherwise records that it is about to get them.</summary>
    private bool IsPrepared(DbConnection connection) =>
        connection is SqliteConnection { Handle: { } handle } && !_prepared.TryAdd(handle, handle);
}
