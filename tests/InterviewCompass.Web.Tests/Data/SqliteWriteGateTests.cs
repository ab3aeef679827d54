using System.Net;
using InterviewCompass.Web.Data;
using InterviewCompass.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static InterviewCompass.Web.Tests.Support.OwnerDataClient;

namespace InterviewCompass.Web.Tests.Data;

/// <summary>SQLite writes queue in the app (<see cref="SqliteWriteGate"/>): concurrent writers all succeed, and a hold always ends.</summary>
public sealed class SqliteWriteGateTests : IAsyncLifetime
{
    // A deadlock guard only: every wait here ends at once when the gate works.
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(60);

    private readonly AppFactory _factory = new(new Dictionary<string, string?> { ["RateLimits:WritesPerMinute"] = "100000" });

    public ValueTask InitializeAsync()
    {
        _ = _factory.Server;
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();

    private AppDbContext Open() => _factory.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContext();

    private async Task<int> CountSessionsAsync()
    {
        await using var db = Open();
        return await db.Sessions.IgnoreQueryFilters().CountAsync(Ct);
    }

    [Fact]
    public void TheGateIsRegisteredOnTheSqliteProvider() =>
        Assert.NotNull(_factory.Services.GetService<SqliteWriteGate>());

    [Fact]
    public async Task ConcurrentSessionWritesFromOneOwnerAndFromNewOwnersAllSucceed()
    {
        using var owner = _factory.CreateClient();
        await owner.SaveSessionAsync();
        var before = await CountSessionsAsync();
        var browsers = Enumerable.Range(0, 8).Select(_ => _factory.CreateClient()).ToList();

        var writes = Enumerable.Range(0, 64)
            .Select(i => (i % 4 == 0 ? browsers[i / 8] : owner).PostJsonAsync("/api/v1/sessions", new
            {
                checklist = "walk-out",
                answers = new Dictionary<string, string> { ["salary-below-posted"] = "raised-unresolved" },
                label = $"write {i}",
            }))
            .ToList();
        var responses = await Task.WhenAll(writes).WaitAsync(Guard, Ct);

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        Assert.Equal(before + 64, await CountSessionsAsync());
        foreach (var browser in browsers)
        {
            browser.Dispose();
        }
    }

    [Fact]
    public async Task AWriterWaitsForAnOpenTransactionAndGoesOnAfterItsCommit()
    {
        var before = await CountSessionsAsync();
        await using var first = Open();
        await using var transaction = await first.Database.BeginTransactionAsync(Ct);
        await first.Sessions.IgnoreQueryFilters().Where(s => s.Id == Guid.Empty).ExecuteDeleteAsync(Ct);

        using var owner = _factory.CreateClient();
        var second = owner.SaveSessionAsync();
        await Task.Yield();
        Assert.False(second.IsCompleted);

        await transaction.CommitAsync(Ct);
        await second.WaitAsync(Guard, Ct);
        Assert.Equal(before + 1, await CountSessionsAsync());
    }

    [Fact]
    public async Task ATransactionDisposedWithoutACommitGivesTheGateBack()
    {
        await using (var abandoned = Open())
        {
            var transaction = await abandoned.Database.BeginTransactionAsync(Ct);
            await abandoned.Sessions.IgnoreQueryFilters().Where(s => s.Id == Guid.Empty).ExecuteDeleteAsync(Ct);
            await transaction.DisposeAsync();
        }

        using var owner = _factory.CreateClient();
        await owner.SaveSessionAsync().WaitAsync(Guard, Ct);
    }

    [Fact]
    public async Task AFailedSaveGivesTheGateBack()
    {
        await using (var db = Open())
        {
            var owner = new Owner { Id = Guid.NewGuid(), Created = DateTimeOffset.UnixEpoch };
            db.Owners.Add(owner);
            await db.SaveChangesAsync(Ct);
            db.ChangeTracker.Clear();
            db.Owners.Add(new Owner { Id = owner.Id, Created = DateTimeOffset.UnixEpoch });
            await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync(Ct));
        }

        using var browser = _factory.CreateClient();
        await browser.SaveSessionAsync().WaitAsync(Guard, Ct);
    }
}
