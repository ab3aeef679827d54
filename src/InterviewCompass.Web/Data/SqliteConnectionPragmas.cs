using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace InterviewCompass.Web.Data;

/// <summary>
/// Sets <c>synchronous=NORMAL</c> and a busy timeout on every SQLite connection EF Core opens. In WAL mode this stays
/// consistent after a crash (kill -9 included) and drops the flush per commit that capped writes at
/// about 200/s here (docs/PERFORMANCE.md).
/// </summary>
internal sealed class SqliteConnectionPragmas : DbConnectionInterceptor
{
    // busy_timeout: SQLite waits for the writer's lock itself instead of Microsoft.Data.Sqlite's fixed 150 ms sleeps,
    // which set the p99 of concurrent writes (docs/PERFORMANCE.md).
    private const string Pragma = "PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=5000;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        ArgumentNullException.ThrowIfNull(connection);
        using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var command = connection.CreateCommand();
        await using (command.ConfigureAwait(false))
        {
            command.CommandText = Pragma;
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
