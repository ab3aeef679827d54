using InterviewCompass.Web.Data;
using InterviewCompass.Web.Hosting;
using InterviewCompass.Web.Tests.Support;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using static InterviewCompass.Web.Tests.Support.OwnerDataClient;

namespace InterviewCompass.Web.Tests.Data;

/// <summary>
/// The database is prepared while the server starts (<see cref="DatabasePreparation"/>): nothing touches a table before
/// the migrations are done, a failed preparation is every connection's error and stops the app, and pooled contexts
/// carry no owner from one use to the next.
/// </summary>
public sealed class DatabasePreparationTests : IDisposable
{
    // A deadlock guard only: every wait here ends at once when the preparation works.
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(30);

    private readonly string _folder = Directory.CreateTempSubdirectory("ic-prep-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private SqliteAppDbContext Open(DatabasePreparation preparation, SqliteWriteGate? gate = null) => new(
        new DbContextOptionsBuilder<SqliteAppDbContext>()
            .UseSqlite($"Data Source={Path.Combine(_folder, "prep.db")}")
            .AddInterceptors(gate is null ? [preparation] : [preparation, gate])
            .ConfigureWarnings(w => w.Ignore(Microsoft.EntityFrameworkCore.Diagnostics.RelationalEventId.PendingModelChangesWarning))
            .Options);

    [Fact]
    public async Task AQueryWaitsForThePreparationAndThenFindsItsTable()
    {
        var preparation = new DatabasePreparation();
        using var release = new ManualResetEventSlim();
        using var lifetime = new FakeLifetime();
        preparation.Start(
            () =>
            {
                release.Wait(Guard);
                using var db = Open(preparation);
                db.Database.ExecuteSqlRaw("CREATE TABLE Prepared (Id INTEGER PRIMARY KEY); INSERT INTO Prepared VALUES (7);");
            },
            static () => { },
            NullLogger.Instance,
            lifetime);

        await using var reader = Open(preparation);
        var query = reader.Database.SqlQueryRaw<int>("SELECT Id AS Value FROM Prepared").ToListAsync(Ct);

        // Without the wait the query would fail at once: there is no such table yet.
        var finishedEarly = await Task.WhenAny(query, Task.Delay(300, Ct)) == query;
        Assert.False(finishedEarly, "the query ran before the database was prepared");

        release.Set();
        Assert.Equal([7], await query.WaitAsync(Guard, Ct));
        Assert.False(lifetime.Stopped);
    }

    [Fact]
    public async Task ASaveThatArrivesDuringTheMigrationsIsKeptAfterThem()
    {
        var preparation = new DatabasePreparation();
        using var gate = new SqliteWriteGate();
        using var release = new ManualResetEventSlim();
        using var lifetime = new FakeLifetime();
        preparation.Start(
            () =>
            {
                release.Wait(Guard);
                using var db = Open(preparation, gate);
                db.Database.Migrate();
            },
            static () => { },
            NullLogger.Instance,
            lifetime);

        // The save waits for the migrations without holding the write gate they need.
        await using var writer = Open(preparation, gate);
        var owner = Guid.NewGuid();
        writer.Owners.Add(new Owner { Id = owner, Created = DateTimeOffset.UtcNow });
        var save = writer.SaveChangesAsync(Ct);
        await Task.Delay(300, Ct);
        release.Set();

        Assert.Equal(1, await save.WaitAsync(Guard, Ct));
        await using var reader = Open(preparation, gate);
        Assert.True(await reader.Owners.IgnoreQueryFilters().AnyAsync(o => o.Id == owner, Ct));
    }

    [Fact]
    public async Task ARequestHoldingALockTheKeyRingStepNeedsWaitsOnlyForTheTables()
    {
        // Data Protection's shape: a request takes its lock, then reads the keys synchronously; the preparation's step
        // after the migrations (reading the key ring) needs the same lock. Waiting for the whole preparation would be a
        // circle: the request would wait for a step that waits for the request.
        var preparation = new DatabasePreparation();
        using var release = new ManualResetEventSlim();
        using var lifetime = new FakeLifetime();
        var keyRingLock = new Lock();
        preparation.Start(
            () =>
            {
                release.Wait(Guard);
                using var db = Open(preparation);
                db.Database.ExecuteSqlRaw("CREATE TABLE Keys (Id INTEGER PRIMARY KEY); INSERT INTO Keys VALUES (1);");
            },
            () =>
            {
                lock (keyRingLock)
                {
                }
            },
            NullLogger.Instance,
            lifetime);

        var request = Task.Run(
            () =>
            {
                lock (keyRingLock)
                {
                    using var db = Open(preparation);
                    return db.Database.SqlQueryRaw<int>("SELECT Id AS Value FROM Keys").ToList();
                }
            },
            Ct);
        await Task.Delay(300, Ct);
        release.Set();

        Assert.Equal([1], await request.WaitAsync(Guard, Ct));
        await preparation.Done.WaitAsync(Guard, Ct);
    }

    [Fact]
    public async Task AFailedPreparationIsEveryConnectionsErrorAndStopsTheApp()
    {
        var preparation = new DatabasePreparation();
        using var lifetime = new FakeLifetime();
        var exitCode = Environment.ExitCode;
        try
        {
            preparation.Start(() => throw new InvalidOperationException("migration 42 failed"), static () => { }, NullLogger.Instance, lifetime);

            await using var db = Open(preparation);
            var asyncError = await Assert.ThrowsAsync<InvalidOperationException>(
                () => db.Database.ExecuteSqlRawAsync("SELECT 1", Ct).WaitAsync(Guard, Ct));
            Assert.Equal("migration 42 failed", asyncError.Message);
            var syncError = Assert.Throws<InvalidOperationException>(() => db.Database.ExecuteSqlRaw("SELECT 1"));
            Assert.Equal("migration 42 failed", syncError.Message);

            Assert.True(lifetime.Stopped);
            Assert.Equal(1, Environment.ExitCode);
        }
        finally
        {
            Environment.ExitCode = exitCode;
        }
    }

    [Fact]
    public async Task TheKeyRingIsReadyAfterThePreparationNotDuringTheHostStart()
    {
        // The name the app removes must still be Data Protection's preload, or the removal silently does nothing.
        Assert.NotNull(typeof(DataProtectionOptions).Assembly.GetType(StorageHosting.DataProtectionKeyRingPreload));

        await using var factory = new AppFactory();
        var hosted = factory.Services.GetServices<IHostedService>().Select(s => s.GetType().FullName).ToList();
        Assert.DoesNotContain(StorageHosting.DataProtectionKeyRingPreload, hosted);

        // The preparation creates the first key, before any request: a burst of first saves does not wait on one another.
        await factory.Services.GetRequiredService<DatabasePreparation>().Done.WaitAsync(Guard, Ct);
        await using (var db = await factory.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(Ct))
        {
            Assert.Equal(1, await db.DataProtectionKeys.CountAsync(Ct));
        }

        var browsers = Enumerable.Range(0, 16).Select(_ => factory.CreateClient()).ToList();
        await Task.WhenAll(browsers.Select(b => b.SaveSessionAsync())).WaitAsync(Guard, Ct);
        foreach (var browser in browsers)
        {
            var list = await browser.GetAsync(new Uri("/api/v1/sessions", UriKind.Relative), Ct);
            Assert.Contains("\"total\":1", await list.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
            browser.Dispose();
        }
    }

    [Fact]
    public async Task APooledContextComesBackWithoutTheOwnerItWasLastGiven()
    {
        await using var factory = new AppFactory();
        var contexts = factory.Services.GetRequiredService<IDbContextFactory<AppDbContext>>();
        await factory.Services.GetRequiredService<DatabasePreparation>().Done.WaitAsync(Guard, Ct);
        var owner = Guid.NewGuid();
        AppDbContext first;
        await using (first = await contexts.CreateDbContextAsync(Ct))
        {
            first.OwnerScope = owner;
        }

        await using var next = await contexts.CreateDbContextAsync(Ct);
        Assert.Same(first, next);
        Assert.Null(next.OwnerScope);
    }

    private sealed class FakeLifetime : IHostApplicationLifetime, IDisposable
    {
        private readonly CancellationTokenSource _stopping = new();

        public bool Stopped => _stopping.IsCancellationRequested;

        public CancellationToken ApplicationStarted => CancellationToken.None;

        public CancellationToken ApplicationStopping => _stopping.Token;

        public CancellationToken ApplicationStopped => CancellationToken.None;

        public void StopApplication() => _stopping.Cancel();

        public void Dispose() => _stopping.Dispose();
    }
}
