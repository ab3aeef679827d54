using System.Net;
using InterviewCompass.Web.Data;
using InterviewCompass.Web.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static InterviewCompass.Web.Tests.Support.OwnerDataClient;

namespace InterviewCompass.Web.Tests.Hosting;

/// <summary>Starting from an empty database, and what survives a restart, on each provider.</summary>
public sealed class StorageLifecycleTests
{
    private static async Task<(IDictionary<string, string?> Settings, Func<Task> Cleanup)> EmptyStoreAsync(StorageProvider provider)
    {
        if (provider == StorageProvider.Sqlite)
        {
            var folder = Path.Combine(Path.GetTempPath(), "ic-tests", Guid.NewGuid().ToString("N"));
            return (new Dictionary<string, string?> { ["Storage:DataPath"] = folder }, () =>
            {
                SqliteConnection.ClearAllPools();
                Directory.Delete(folder, recursive: true);
                return Task.CompletedTask;
            }
            );
        }

        if (await PostgresServer.ProblemAsync() is { } problem)
        {
            PostgresServer.SkipOrFail(problem);
        }

        var (name, connectionString) = await PostgresServer.CreateDatabaseAsync();
        return (new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "Postgres",
            ["ConnectionStrings:Postgres"] = connectionString,
        }, () => PostgresServer.DropDatabaseAsync(name));
    }

    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.Postgres)]
    public async Task MigrationsBuildTheWholeSchemaFromAnEmptyDatabase(StorageProvider provider)
    {
        var (settings, cleanup) = await EmptyStoreAsync(provider);
        try
        {
            await using (var factory = new AppFactory(settings))
            {
                using var scope = factory.Services.CreateScope();
                var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();

                Assert.Empty(await db.Database.GetPendingMigrationsAsync(Ct));
                Assert.NotEmpty(await db.Database.GetAppliedMigrationsAsync(Ct));
                Assert.Equal(provider == StorageProvider.Sqlite ? typeof(SqliteAppDbContext) : typeof(PostgresAppDbContext), db.GetType());
                Assert.False(db.Database.HasPendingModelChanges());
                Assert.Equal(0, await db.Owners.IgnoreQueryFilters().CountAsync(Ct));
            }
        }
        finally
        {
            await cleanup();
        }
    }

    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.Postgres)]
    public async Task SessionsDraftsAndTheCookieSurviveARestart(StorageProvider provider)
    {
        var (settings, cleanup) = await EmptyStoreAsync(provider);
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 22, 9, 0, 0, TimeSpan.Zero));
        try
        {
            string session;
            IEnumerable<string> cookies;
            await using (var first = new ClockedAppFactory(clock, settings))
            {
                using var browser = first.CreateClient();
                var saved = await browser.PostJsonAsync("/api/v1/sessions", new
                {
                    checklist = "walk-out",
                    answers = new Dictionary<string, string> { ["salary-below-posted"] = "yes" },
                    label = "Before the restart",
                    completed = false,
                });
                Assert.Equal(HttpStatusCode.Created, saved.StatusCode);
                session = (await saved.JsonAsync()).GetProperty("id").GetString()!;
                cookies = saved.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).ToList();
            }

            await using var second = new ClockedAppFactory(clock, settings);
            using var again = second.CreateClient();
            again.DefaultRequestHeaders.Add("Cookie", string.Join("; ", cookies));

            var response = await again.GetAsync($"/api/v1/sessions/{session}", Ct);

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var body = await response.JsonAsync();
            Assert.Equal("Before the restart", body.GetProperty("label").GetString());
            Assert.Equal("yes", body.GetProperty("answers").GetProperty("salary-below-posted").GetString());
        }
        finally
        {
            await cleanup();
        }
    }

    [Fact]
    public async Task TheSqliteFileIsCreatedInTheDataFolderInWalMode()
    {
        var (settings, cleanup) = await EmptyStoreAsync(StorageProvider.Sqlite);
        try
        {
            await using (var factory = new AppFactory(settings))
            {
                // The database is prepared in the background while the server starts: look once it is ready.
                await factory.ReadyAsync();
                var file = Path.Combine(settings["Storage:DataPath"]!, "interviewcompass.db");
                Assert.True(File.Exists(file));
                await using var connection = new SqliteConnection($"Data Source={file}");
                await connection.OpenAsync(Ct);
                await using var command = connection.CreateCommand();
                command.CommandText = "PRAGMA journal_mode;";
                Assert.Equal("wal", (string?)await command.ExecuteScalarAsync(Ct));
            }
        }
        finally
        {
            await cleanup();
        }
    }

    [Fact]
    public void PostgresWithoutAConnectionStringStopsTheStartWithAClearMessage()
    {
        using var factory = new AppFactory(new Dictionary<string, string?> { ["Storage:Provider"] = "Postgres", ["ConnectionStrings:Postgres"] = "" });

        var error = Assert.ThrowsAny<Exception>(() => factory.Server);

        Assert.Contains("ConnectionStrings:Postgres", Flatten(error), StringComparison.Ordinal);
    }

    [Fact]
    public void AnUnknownProviderStopsTheStartNamingTheSetting()
    {
        using var factory = new AppFactory(new Dictionary<string, string?> { ["Storage:Provider"] = "Oracle" });

        var error = Assert.ThrowsAny<Exception>(() => factory.Server);

        Assert.Contains("Storage:Provider", Flatten(error), StringComparison.Ordinal);
    }

    private static string Flatten(Exception error) =>
        error.InnerException is null ? error.Message : error.Message + " | " + Flatten(error.InnerException);
}
