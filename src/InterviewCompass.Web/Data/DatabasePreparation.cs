using System.Data.Common;
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
internal sealed partial class DatabasePreparation : DbConnectionInterceptor, ISaveChangesInterceptor
{
    // True on the preparation's own flow: its connections must not wait for themselves.
    private static readonly AsyncLocal<bool> Preparing = new();

    private const long NotEnded = long.MinValue;

    private readonly TaskCompletionSource _migrated = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>How often a start that still waits on the database says so in the log.</summary>
    public static TimeSpan ReportEvery { get; } = TimeSpan.FromSeconds(5);

    /// <summary>Completes when the tables exist; faults with the preparation's error.</summary>
    public Task Migrated => _migrated.Task;

    /// <summary>Completes when the whole preparation is done; faults with its error.</summary>
    public Task Done => _done.Task;

    private TimeProvider _time = TimeProvider.System;
    private long _startedAt;
    private long _endedAt = NotEnded;
    private volatile DatabaseStage _stage = DatabaseStage.NotStarted;

    /// <summary>Where the preparation is; the health check reports it.</summary>
    public DatabaseStage Stage => _stage;

    /// <summary>How long the preparation has run (or ran, once it ended).</summary>
    public TimeSpan Elapsed => _stage == DatabaseStage.NotStarted
        ? TimeSpan.Zero
        : _time.GetElapsedTime(_startedAt, Volatile.Read(ref _endedAt) is var ended && ended != NotEnded ? ended : _time.GetTimestamp());

    /// <summary>
    /// Runs <paramref name="migrate"/> and then <paramref name="afterMigrations"/> on the thread pool; a failure is
    /// logged and stops the app. While it runs, the log says every <see cref="ReportEvery"/> that the database is not
    /// ready yet, and at which stage.
    /// </summary>
    public void Start(Action migrate, Action afterMigrations, ILogger logger, IHostApplicationLifetime lifetime, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(migrate);
        ArgumentNullException.ThrowIfNull(afterMigrations);
        ArgumentNullException.ThrowIfNull(logger);
        ArgumentNullException.ThrowIfNull(lifetime);
        _time = time ?? TimeProvider.System;
        _startedAt = _time.GetTimestamp();
        _stage = DatabaseStage.Migrating;
        LogPreparing(logger);
        var report = _time.CreateTimer(_ => ReportWaiting(logger), null, ReportEvery, ReportEvery);
        _ = Task.Run(() =>
        {
            Preparing.Value = true;
            try
            {
                migrate();
                _stage = DatabaseStage.LoadingKeyRing;
                LogMigrated(logger);
                _migrated.SetResult();
                afterMigrations();
                End(DatabaseStage.Ready, report);
                LogReady(logger, (long)Elapsed.TotalMilliseconds);
                _done.SetResult();
            }
#pragma warning disable CA1031 // Any failure is the preparation's: reported to every waiting call and stops the app.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                End(DatabaseStage.Failed, report);
                logger.LogCritical(exception, "The database could not be prepared (migrations, key ring); InterviewCompass stops.");
                Environment.ExitCode = 1;
                lifetime.StopApplication();
                _migrated.TrySetException(exception);
                _done.SetException(exception);
            }
        });
    }

    private void End(DatabaseStage stage, ITimer report)
    {
        Volatile.Write(ref _endedAt, _time.GetTimestamp());
        _stage = stage;
        report.Dispose();
    }

    private void ReportWaiting(ILogger logger)
    {
        var stage = _stage;
        if (stage is DatabaseStage.Migrating or DatabaseStage.LoadingKeyRing)
        {
            LogStillWaiting(logger, (int)Elapsed.TotalSeconds, Describe(stage));
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Preparing the database (migrations, then the key ring); kept checks and drafts wait until it is ready.")]
    private static partial void LogPreparing(ILogger logger);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Migrations done; loading the key ring.")]
    private static partial void LogMigrated(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "The database is ready ({Milliseconds} ms).")]
    private static partial void LogReady(ILogger logger, long milliseconds);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "The database is still not ready after {Seconds} s ({Stage}); kept checks and drafts wait for it.")]
    private static partial void LogStillWaiting(ILogger logger, int seconds, string stage);

    /// <summary>The stage in words, for the log and the health check.</summary>
    public static string Describe(DatabaseStage stage) => stage switch
    {
        DatabaseStage.NotStarted => "not started",
        DatabaseStage.Migrating => "applying migrations",
        DatabaseStage.LoadingKeyRing => "loading the key ring",
        DatabaseStage.Ready => "ready",
        _ => "failed",
    };

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

/// <summary>The stages of <see cref="DatabasePreparation"/>.</summary>
internal enum DatabaseStage
{
    NotStarted,
    Migrating,
    LoadingKeyRing,
    Ready,
    Failed,
}
