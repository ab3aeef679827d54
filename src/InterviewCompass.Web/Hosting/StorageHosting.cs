using InterviewCompass.Web.Data;
using InterviewCompass.Web.Shared;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace InterviewCompass.Web.Hosting;

/// <summary>EF Core (SQLite default, PostgreSQL), migrations at start, Data Protection keys in the database, the
/// database's health check and idempotent writes. The features register their own storage services.</summary>
internal static class StorageHosting
{
    public static WebApplicationBuilder AddStorage(this WebApplicationBuilder builder)
    {
        var options = StorageOptions.From(builder.Configuration);
        var services = builder.Services;
        services.AddSingleton(options);
        services.TryAddSingleton(TimeProvider.System);
        services.AddHttpContextAccessor();

        // Migrations (then the key ring) run while the server starts; database calls wait for them (Data/DatabasePreparation.cs).
        var preparation = new DatabasePreparation();
        services.AddSingleton(preparation);

        if (options.Provider == StorageProvider.Postgres)
        {
            var connectionString = builder.Configuration.GetConnectionString("Postgres")!;
            services.AddPooledDbContextFactory<PostgresAppDbContext>(db => db.UseNpgsql(connectionString).AddInterceptors(preparation).ConfigureWarnings(SkipModelDiffAtStart));
            services.AddSingleton<IDbContextFactory<AppDbContext>, ProviderContextFactory<PostgresAppDbContext>>();
        }
        else
        {
            var connectionString = SqliteConnectionString(options, builder.Environment.ContentRootPath);
            // One writer at a time, queued in the app rather than polling SQLite's lock (Data/SqliteWriteGate.cs).
            var writeGate = new SqliteWriteGate();
            services.AddSingleton(writeGate);
            services.AddPooledDbContextFactory<SqliteAppDbContext>(db => db.UseSqlite(connectionString).AddInterceptors(preparation, new SqliteConnectionPragmas(), writeGate).ConfigureWarnings(SkipModelDiffAtStart));
            services.AddSingleton<IDbContextFactory<AppDbContext>, ProviderContextFactory<SqliteAppDbContext>>();
        }

        // Pooled contexts (EF Core resets each on return): a write costs one context's setup less (docs/PERFORMANCE.md).
        // The scoped one (Data Protection's key store, the health check) comes from the same factory, so it has no owner.
        services.AddScoped<AppDbContext>(sp => sp.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContext());

        // Keys in the database: every instance reads the same owner cookies and antiforgery tokens.
        services.AddDataProtection().SetApplicationName("InterviewCompass").PersistKeysToDbContext<AppDbContext>();

        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database").AddCheck<StorageHealthCheck>("database-writable");
        services.AddSingleton<StorageHealth>();

        services.AddScoped<Idempotency>();
        services.AddHostedService<IdempotencyCleanup>();

        // Data Protection reads its key ring from the database while the host starts, which would hold the server back
        // until the migrations are done (Data/DatabasePreparation.cs): the preparation reads it instead, right after the
        // migrations, so the first owner cookies and antiforgery tokens find it ready (LoadKeyRing).
        // (After everything that registers Data Protection again: antiforgery, Razor components, the owner cookie's
        // authentication; DatabasePreparationTests checks that the preload is gone.)
        var keyRingPreload = services.SingleOrDefault(descriptor => descriptor.ServiceType == typeof(IHostedService)
            && descriptor.ImplementationType?.FullName == DataProtectionKeyRingPreload);
        if (keyRingPreload is not null)
        {
            services.Remove(keyRingPreload);
        }

        return builder;
    }

    /// <summary>Starts preparing the database while the server starts (DatabasePreparation).</summary>
    public static WebApplication UseStorage(this WebApplication app)
    {
        // The migrations, then Data Protection's key ring; database calls wait (DatabasePreparation).
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger<DatabasePreparation>();
        app.Services.GetRequiredService<DatabasePreparation>().Start(
            () => PrepareDatabase(app.Services, logger),
            () => LoadKeyRing(app.Services),
            logger,
            app.Lifetime,
            app.Services.GetRequiredService<TimeProvider>());
        return app;
    }

    internal const string DataProtectionKeyRingPreload = "Microsoft.AspNetCore.DataProtection.Internal.DataProtectionHostedService";

    // Migrate() would otherwise build a second (design-time) model and diff it against the migrations' snapshot on every
    // start to warn of a missing migration; the tests check that (StorageLifecycleTests), so the start need not.
    // EF Core also logs every failed save and command as an error with its stack trace, before the app decides what the
    // failure is: a key sent twice (Idempotency) is expected and logged as information; anything else reaches the app's
    // own error log (ApiExceptionHandler, the error page) once. So EF Core's copy is only a debug message.
    private static void SkipModelDiffAtStart(WarningsConfigurationBuilder warnings) =>
        warnings.Ignore(RelationalEventId.PendingModelChangesWarning)
            .Log((CoreEventId.SaveChangesFailed, LogLevel.Debug), (RelationalEventId.CommandError, LogLevel.Debug));

    private static string SqliteConnectionString(StorageOptions options, string contentRoot)
    {
        var folder = Path.GetFullPath(options.DataPath, contentRoot);
        var database = Path.Combine(folder, "interviewcompass.db");

        // 0700 and 0600 whatever the umask (Data/DataFolder.cs).
        DataFolder.Secure(folder, database);
        return new SqliteConnectionStringBuilder
        {
            DataSource = database,
            Pooling = true,

            // Microsoft.Data.Sqlite retries a busy database until this many seconds have passed.
            DefaultTimeout = 30,
        }.ToString();
    }

    // Reads the key ring, creating the first key on a new database: done here, no request of a burst of first saves waits
    // on another to create it (each would hold a thread meanwhile).
    private static void LoadKeyRing(IServiceProvider services) =>
        services.GetRequiredService<IDataProtectionProvider>().CreateProtector("InterviewCompass.KeyRing").Protect([1]);

    private static void PrepareDatabase(IServiceProvider services, ILogger logger)
    {
        var options = services.GetRequiredService<StorageOptions>();
        using var db = services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContext();
        if (options.Provider == StorageProvider.Postgres)
        {
            // Each migration is one transaction on PostgreSQL, its lock a table lock the server drops with the connection.
            if (options.MigrateOnStart)
            {
                db.Database.Migrate();
            }

            return;
        }

        if (options.MigrateOnStart)
        {
            // A start that stopped part-way must not hold every later start back (Data/SqliteMigrationLock.cs).
            if (SqliteMigrationLock.ClearStale(db.Database) is { } taken)
            {
                logger.LogWarning(
                    "Cleared a migration lock taken at {Taken} by an earlier start that stopped before its migrations were done.", taken);
            }

            // On a copy, swapped in when done: a stop at any moment leaves the old database or the new (Data/SqliteMigrations.cs).
            SqliteMigrations.Migrate(db, () => new SqliteAppDbContext(services.GetRequiredService<DbContextOptions<SqliteAppDbContext>>()), logger);
        }

        // Readers don't block the writer; the mode is kept in the file.
        db.Database.ExecuteSqlRaw("PRAGMA journal_mode=WAL;");
    }
}
