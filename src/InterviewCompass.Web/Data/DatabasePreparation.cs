using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace InterviewCompass.Web.Data;

/// <summary>
/// Prepares the database (WAL mode on SQLite, migrations) while the server starts, instead of before it: building EF
/// Core's services and model and checking the migrations took about 310 ms of a 1.1 s cold start, and the first pages
/// (home, guides, checks) do not touch the database (docs/PERFORMANCE.md). Every connection the app opens waits here
/// until the preparation is done, so nothing reads or writes a table before it exists; if the preparation fails, every
/// such connection fails with its error and the app stops with exit code 1.
/// </summary>
/// <remarks>
/// <c>SaveChanges</c> waits too, before it starts: registered ahead of <see cref="SqliteWriteGate"/>, so no save holds
/// the write gate while it waits for migrations that need the gate themselves.
/// </remarks>
internal sealed class DatabasePreparation : DbConnectionInterceptor, ISaveChangesInterceptor
{
    // True on the preparation's own flow: its connections must not wait for themselves.
    private static readonly AsyncLocal<bool> Preparing = new();

    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when the database is ready; faults with the preparation's error.</summary>
    public Task Done => _done.Task;

    /// <summary>Starts <paramref name="prepare"/> on the thread pool; a failure is logged and stops the app.</summary>
    public void Start(Action prepare, ILogger logger, IHostApplicationLifetime lifetime)
    {
        ArgumentNullException.ThrowIfNull(prepare);
        ArgumentNullException.ThrowIfNull(logger);
        ArgumentNullException.ThrowIfNull(lifetime);
        _ = Task.Run(() =>
        {
            Preparing.Value = true;
            try
            {
                prepare();
                _done.SetResult();
            }
#pragma warning disable CA1031 // Any failure is the preparation's: reported to every waiting connection and stops the app.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                logger.LogCritical(exception, "The database could not be prepared (migrations); InterviewCompass stops.");
                Environment.ExitCode = 1;
                lifetime.StopApplication();
                _done.SetException(exception);
            }
        });
    }

    public InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Wait();
        return result;
    }

    public async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        await WaitAsync(cancellationToken).ConfigureAwait(false);
        return result;
    }

    public override InterceptionResult ConnectionOpening(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
    {
        Wait();
        return result;
    }

    public override async ValueTask<InterceptionResult> ConnectionOpeningAsync(
        DbConnection connection, ConnectionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
    {
        await WaitAsync(cancellationToken).ConfigureAwait(false);
        return result;
    }

    // Blocks only while the app starts (a synchronous open or save); after that it is a completed task.
    private void Wait()
    {
        if (!Preparing.Value)
        {
            _done.Task.GetAwaiter().GetResult();
        }
    }

    private async ValueTask WaitAsync(CancellationToken cancellationToken)
    {
        if (!Preparing.Value && !_done.Task.IsCompletedSuccessfully)
        {
            await _done.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
