using InterviewCompass.Web.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace InterviewCompass.Web.Tests.Support;

/// <summary><see cref="AppFactory"/> whose clock the test moves.</summary>
public sealed class ClockedAppFactory(TimeProvider clock, IDictionary<string, string?>? settings = null) : AppFactory(settings)
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton(clock));
    }
}

/// <summary>
/// The app on one storage provider, shared by a test class (one SQLite file or one PostgreSQL database).
/// Tests stay apart by using a new browser, that is a new owner, each.
/// </summary>
public abstract class StorageApp : IAsyncLifetime
{
    private ClockedAppFactory? _factory;
    private string? _problem;

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 22, 9, 0, 0, TimeSpan.Zero));

    /// <summary>The running app; skips the test when its database server is not there.</summary>
    public ClockedAppFactory Factory
    {
        get
        {
            if (_problem is not null)
            {
                PostgresServer.SkipOrFail(_problem);
            }

            return _factory ?? throw new InvalidOperationException("Not initialised.");
        }
    }

    /// <summary>Settings for the provider, or null with a reason (in <c>Problem</c>) when it is unavailable.</summary>
    protected abstract Task<(IDictionary<string, string?>? Settings, string? Problem)> PrepareAsync();

    /// <summary>A browser of its own: its own cookies, so its own owner. Redirects are not followed.</summary>
    public HttpClient NewBrowser() =>
        Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    /// <summary>A context that sees every owner's rows (no owner filter), for counting what is stored.</summary>
    public AppDbContext OpenUnfiltered()
    {
        var db = Factory.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContext();
        db.ChangeTracker.QueryTrackingBehavior = QueryTrackingBehavior.NoTracking;
        return db;
    }

    public async ValueTask InitializeAsync()
    {
        var (settings, problem) = await PrepareAsync();
        if (settings is null)
        {
            _problem = problem ?? "unavailable";
            return;
        }

        _factory = new ClockedAppFactory(Clock, settings);
        _ = _factory.Server;
    }

    public virtual async ValueTask DisposeAsync()
    {
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }
}

public sealed class SqliteApp : StorageApp
{
    protected override Task<(IDictionary<string, string?>? Settings, string? Problem)> PrepareAsync() =>
        Task.FromResult<(IDictionary<string, string?>?, string?)>((new Dictionary<string, string?>(), null));
}

public sealed class PostgresApp : StorageApp
{
    private string? _database;

    protected override async Task<(IDictionary<string, string?>? Settings, string? Problem)> PrepareAsync()
    {
        if (await PostgresServer.ProblemAsync() is { } problem)
        {
            return (null, problem);
        }

        (_database, var connectionString) = await PostgresServer.CreateDatabaseAsync();
        return (new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "Postgres",
            ["ConnectionStrings:Postgres"] = connectionString,
        }, null);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_database is not null)
        {
            await PostgresServer.DropDatabaseAsync(_database);
        }
    }
}
