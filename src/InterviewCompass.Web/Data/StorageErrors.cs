using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace InterviewCompass.Web.Data;

/// <summary>Tells a write that lost a race (a constraint, a concurrent change) from a broken database, on both providers.</summary>
public static class StorageErrors
{
    private const int SqliteConstraint = 19;

    // SQLite's primary result codes for a database that cannot be written: read-only, I/O error, full, cannot open.
    private static readonly int[] SqliteUnwritable = [8, 10, 13, 14];

    /// <summary>True when the write collided with another one: answer 409 (or retry), not 500.</summary>
    public static bool IsConflict(Exception exception) => exception switch
    {
        DbUpdateConcurrencyException => true,
        DbUpdateException { InnerException: { } inner } => IsConflict(inner),
        SqliteException sqlite => sqlite.SqliteErrorCode == SqliteConstraint,

        // 23xxx: integrity constraints (unique, foreign key); 40001/40P01: serialization failure, deadlock.
        PostgresException postgres => postgres.SqlState.StartsWith("23", StringComparison.Ordinal)
            || postgres.SqlState is PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected,
        _ => false,
    };

    /// <summary>
    /// True when the database cannot take writes at all (a full disk, a read-only file or database, an I/O error): answer
    /// 503 with <c>Retry-After</c>, and <c>/healthz</c> turns unhealthy (<see cref="StorageHealth"/>).
    /// </summary>
    public static bool IsUnavailable(Exception? exception) => exception switch
    {
        null => false,
        SqliteException sqlite => SqliteUnwritable.Contains(sqlite.SqliteErrorCode),

        // 53xxx: insufficient resources (53100 disk full); 58xxx: system errors (58030 I/O); 25006: read-only transaction.
        PostgresException postgres => postgres.SqlState.StartsWith("53", StringComparison.Ordinal)
            || postgres.SqlState.StartsWith("58", StringComparison.Ordinal)
            || postgres.SqlState == PostgresErrorCodes.ReadOnlySqlTransaction,
        _ => IsUnavailable(exception.InnerException),
    };
}

/// <summary>When a write last failed because the database could not be written; <c>/healthz</c> reads it.</summary>
public sealed class StorageHealth(TimeProvider clock)
{
    /// <summary>How long one such failure keeps <c>/healthz</c> unhealthy.</summary>
    public static readonly TimeSpan Memory = TimeSpan.FromMinutes(1);

    private long _lastFailureTicks;

    public void RecordUnwritable() => Interlocked.Exchange(ref _lastFailureTicks, clock.GetUtcNow().UtcTicks);

    public bool FailedRecently =>
        Interlocked.Read(ref _lastFailureTicks) is var ticks and > 0 && clock.GetUtcNow().UtcTicks - ticks < Memory.Ticks;
}
