using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace InterviewCompass.Web.Data;

/// <summary>
/// Prepares the database (WAL mode on SQLite, migrations, then Data Protection's key ring) while the server starts,
/// instead of before it: building EF Core's services and model and checking the migrations took about 310 ms of a
/// 1.1 s cold start, and the first pages (home, guides, checks) do not touch the database (docs/PERFORMANCE.md).
/// Every connection and save the app makes waits here until the tables exist; if the preparation fails, each of them
/// fails with its error and the app stops with exit code 1.
/// </summary>
/// <remarks>
/// Two stages, so that no wait can close a circle:
/// <list type="bullet">
/// <item>The app's own database calls are asynchronous and wait for <see cref="Done"/>: the migrations and the key ring
/// (its first key is created here on a new database, not by one request of a burst of first saves while the others
/// wait holding threads). <c>SaveChanges</c> waits before it starts, registered ahead of <see cref="SqliteWriteGate"/>,
/// so no save holds the write gate while it waits.</item>
/// <item>Synchronous calls, which in this app are Data Protection's key store, wait only for <see cref="Migrated"/>:
/// a request that reads the key ring holds Data Protection's lock while it waits, and the preparation's own key-ring
/// step needs that lock after the migrations.</item>
/// </list>
/// </remarks>
internal sealed class DatabasePreparation : DbConnectionInterceptor, ISaveChangesInterceptor
{
    // True on the preparation's own flow: its connections must not wait for themselves.
    private static readonly AsyncLocal<bool> Preparing = new();

    private readonly TaskCompletionSource _migrated = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when the tables exist; faults with the preparation's error.</summary>
    public Task Migrated => _migrated.Task;

    /// <summary>Completes when the whole preparation is done; faults with its error.</summary>
    public Task Done => _done.Task;

    /// <summary>
    /// Runs <paramref name="migrate"/> and then <paramref name="afterMigrations"/> on the thread pool; a failure is
    /// logged and stops the app.
    /// </summary>
    public void Start(Action migrate, Action afterMigrations, ILogger logger, IHostApplicationLifetime lifetime)
    {
        ArgumentNullException.ThrowIfNull(migrate);
        ArgumentNullException.ThrowIfNull(afterMigrations);
        ArgumentNullException.ThrowIfNull(logger);
        ArgumentNullException.ThrowIfNull(lifetime);
        _ = Task.Run(() =>
        {
            Preparing.Value = true;
            try
            {
                migrate();
                _migrated.SetResult();
                afterMigrations();
                _done.SetResult();
            }
#pragma warning disable CA1031 // Any failure is the preparation's: reported to every waiting call and stops the app.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                logger.LogCritical(exception, "The database could not be prepared (migrations, key ring); InterviewCompass stops.");
                Environment.ExitCode = 1;
                lifetime.StopApplication();
                _migrated.TrySetException(exception);
                _done.SetException(exception);
            }
        });
    }

    public InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        WaitForTables();
        return result;
    }

    public async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        await WaitForAllAsync(cancellationToken).ConfigureAwait(false);
        return result;
    }

    public override InterceptionResult ConnectionOpening(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
    {
        WaitForTables();
        return result;
    }

    public override async ValueTask<InterceptionResult> ConnectionOpeningAsync(
        DbConnection connection, ConnectionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
    {
        await WaitForAllAsync(cancellationToken).ConfigureAwait(false);
        return result;
    }

    // Blocks only while the app starts; after that it is a completed task.
    private void WaitForTables()
    {
        if (!Preparing.Value)
        {
            _migrated.Task.GetAwaiter().GetResult();
        }
    }

    private async ValueTask WaitForAllAsync(CancellationToken cancellationToken)
    {
        if (!Preparing.Value && !_done.Task.IsCompletedSuccessfully)
        {
            await _done.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
