using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace InterviewCompass.Web.Data;

/// <summary>Tells a write that lost a race (a constraint, a concurrent change) from a broken database, on both providers.</summary>
public static class StorageErrors
{
    private const int SqliteConstraint = 19;

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
}
