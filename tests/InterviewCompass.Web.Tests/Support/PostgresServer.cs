using Npgsql;

namespace InterviewCompass.Web.Tests.Support;

/// <summary>
/// The PostgreSQL server the tests use (env <c>IC_TEST_POSTGRES</c>, or a local server with user and password
/// <c>postgres</c>). Each test class gets its own database. When there is no server the tests skip with a
/// message saying how to get one; under CI=true they fail instead.
/// </summary>
public static class PostgresServer
{
    public static string ConnectionString { get; } =
        Environment.GetEnvironmentVariable("IC_TEST_POSTGRES") is { Length: > 0 } configured
            ? configured
            : "Host=127.0.0.1;Port=5432;Username=postgres;Password=postgres";

    private static readonly Lazy<Task<string?>> Problem = new(ProbeAsync);

    /// <summary>Null when the server answers; otherwise why not.</summary>
    public static Task<string?> ProblemAsync() => Problem.Value;

    /// <summary>Skips the running test (fails it under CI=true): the server could not be reached.</summary>
    public static void SkipOrFail(string problem)
    {
        var host = new NpgsqlConnectionStringBuilder(ConnectionString) is var b ? $"{b.Host}:{b.Port}" : "";
        var message = $"PostgreSQL not reachable at {host} ({problem}): install it with 'apt-get install postgresql', " +
            "start it with 'pg_ctlcluster 15 main start', or set IC_TEST_POSTGRES";
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Fail(message);
        }

        Assert.Skip(message);
    }

    /// <summary>Creates an empty database with a unique name and returns its connection string.</summary>
    public static async Task<(string Name, string ConnectionString)> CreateDatabaseAsync()
    {
        var name = $"ic_test_{Guid.NewGuid():N}";
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await command.ExecuteNonQueryAsync();
        return (name, new NpgsqlConnectionStringBuilder(ConnectionString) { Database = name }.ToString());
    }

    public static async Task DropDatabaseAsync(string name)
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<string?> ProbeAsync()
    {
        try
        {
            var probe = new NpgsqlConnectionStringBuilder(ConnectionString) { Timeout = 30 }.ToString(); // a refused port fails at once; a busy server may take seconds to answer
            await using var connection = new NpgsqlConnection(probe);
            await connection.OpenAsync();
            return null;
        }
        catch (Exception e) when (e is NpgsqlException or System.Net.Sockets.SocketException or TimeoutException or InvalidOperationException)
        {
            return e.Message;
        }
    }
}
