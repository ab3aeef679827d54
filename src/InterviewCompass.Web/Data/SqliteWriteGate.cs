using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace InterviewCompass.Web.Data;

/// <summary>
/// Lets one <see cref="DbContext"/> at a time write to the SQLite database, in arrival order, so no connection ever
/// meets SQLite's write lock: SQLite has a single writer, and a connection that finds the lock taken polls for it
/// (busy_timeout) while holding a thread, which made the p99 of concurrent writes ten times their median
/// (docs/PERFORMANCE.md). Waiting here is an async FIFO queue and costs no thread.
/// </summary>
/// <remarks>
/// Registered as an EF Core interceptor on the SQLite provider only (PostgreSQL has row locks and is not gated).
/// A context takes the gate when it starts a write: <c>SaveChanges</c>, an explicit transaction, or a command that is
/// not a query (<c>ExecuteDelete</c>, <c>ExecuteUpdate</c>, raw SQL); it gives it back when the last of these ends
/// (saved, failed or cancelled; committed, rolled back or failed), and at the latest when its connection is closed or
/// disposed, so a transaction disposed without a commit cannot keep it. Nested writes on the same context (the
/// transaction <c>SaveChanges</c> opens, <c>SaveChanges</c> inside an explicit transaction) share one hold.
/// Code holding the gate must not wait for a write on another context; none in this app does.
/// </remarks>
internal sealed class SqliteWriteGate : ISaveChangesInterceptor, IDbTransactionInterceptor, IDbCommandInterceptor, IDbConnectionInterceptor, IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly ConditionalWeakTable<DbContext, Hold> _holds = [];

    public void Dispose() => _gate.Dispose();

    // SaveChanges (and the transaction it may open itself).
    public InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Enter(eventData.Context, Use.Save);
        return result;
    }

    public async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        await EnterAsync(eventData.Context, Use.Save, cancellationToken).ConfigureAwait(false);
        return result;
    }

    public int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Exit(eventData.Context, Use.Save);
        return result;
    }

    public ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Exit(eventData.Context, Use.Save);
        return ValueTask.FromResult(result);
    }

    public void SaveChangesFailed(DbContextErrorEventData eventData) => Exit(eventData.Context, Use.Save);

    public Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Exit(eventData.Context, Use.Save);
        return Task.CompletedTask;
    }

    public void SaveChangesCanceled(DbContextEventData eventData) => Exit(eventData.Context, Use.Save);

    public Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default)
    {
        Exit(eventData.Context, Use.Save);
        return Task.CompletedTask;
    }

    // Explicit transactions.
    public InterceptionResult<DbTransaction> TransactionStarting(
        DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result)
    {
        Enter(eventData.Context, Use.Transaction);
        return result;
    }

    public async ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(
        DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result,
        CancellationToken cancellationToken = default)
    {
        await EnterAsync(eventData.Context, Use.Transaction, cancellationToken).ConfigureAwait(false);
        return result;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Exit(eventData.Context, Use.Transaction);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Exit(eventData.Context, Use.Transaction);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Exit(eventData.Context, Use.Transaction);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Exit(eventData.Context, Use.Transaction);
        return Task.CompletedTask;
    }

    public void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData) => Exit(eventData.Context, Use.Transaction);

    public Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Exit(eventData.Context, Use.Transaction);
        return Task.CompletedTask;
    }

    // Commands that write outside SaveChanges (ExecuteDelete, ExecuteUpdate, raw SQL): queries are never gated.
    public InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Enter(eventData.Context, Use.Command);
        return result;
    }

    public async ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        await EnterAsync(eventData.Context, Use.Command, cancellationToken).ConfigureAwait(false);
        return result;
    }

    public int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        Exit(eventData.Context, Use.Command);
        return result;
    }

    public ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Exit(eventData.Context, Use.Command);
        return ValueTask.FromResult(result);
    }

    public void CommandFailed(DbCommand command, CommandErrorEventData eventData) => Exit(eventData.Context, Use.Command);

    public Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Exit(eventData.Context, Use.Command);
        return Task.CompletedTask;
    }

    public void CommandCanceled(DbCommand command, CommandEndEventData eventData) => Exit(eventData.Context, Use.Command);

    public Task CommandCanceledAsync(DbCommand command, CommandEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Exit(eventData.Context, Use.Command);
        return Task.CompletedTask;
    }

    // A closed or disposed connection holds no SQLite lock: whatever is left of the hold goes (a transaction disposed
    // without a commit, an exception between two events).
    public void ConnectionClosed(DbConnection connection, ConnectionEndEventData eventData) => ExitAll(eventData.Context);

    public Task ConnectionClosedAsync(DbConnection connection, ConnectionEndEventData eventData)
    {
        ExitAll(eventData.Context);
        return Task.CompletedTask;
    }

    public void ConnectionDisposed(DbConnection connection, ConnectionEndEventData eventData) => ExitAll(eventData.Context);

    public Task ConnectionDisposedAsync(DbConnection connection, ConnectionEndEventData eventData)
    {
        ExitAll(eventData.Context);
        return Task.CompletedTask;
    }

    private void Enter(DbContext? context, Use use)
    {
        if (context is null)
        {
            return;
        }

        var hold = _holds.GetValue(context, static _ => new Hold());
        if (!hold.Held)
        {
            _gate.Wait();
            hold.Held = true;
        }

        hold.Add(use);
    }

    private async ValueTask EnterAsync(DbContext? context, Use use, CancellationToken cancellationToken)
    {
        if (context is null)
        {
            return;
        }

        var hold = _holds.GetValue(context, static _ => new Hold());
        if (!hold.Held)
        {
            await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
            hold.Held = true;
        }

        hold.Add(use);
    }

    private void Exit(DbContext? context, Use use)
    {
        if (context is not null && _holds.TryGetValue(context, out var hold) && hold.Held && hold.Remove(use))
        {
            hold.Held = false;
            _gate.Release();
        }
    }

    private void ExitAll(DbContext? context)
    {
        if (context is not null && _holds.TryGetValue(context, out var hold) && hold.Held)
        {
            hold.Clear();
            hold.Held = false;
            _gate.Release();
        }
    }

    private enum Use
    {
        Save,
        Transaction,
        Command,
    }

    /// <summary>What one context holds the gate for. A context is used by one thread at a time, so no lock.</summary>
    private sealed class Hold
    {
        private int _saves;
        private int _commands;
        private bool _transaction;

        public bool Held { get; set; }

        public void Add(Use use)
        {
            switch (use)
            {
                case Use.Save: _saves++; break;
                case Use.Command: _commands++; break;
                default: _transaction = true; break;
            }
        }

        /// <summary>True when nothing is left.</summary>
        public bool Remove(Use use)
        {
            switch (use)
            {
                case Use.Save: _saves = Math.Max(0, _saves - 1); break;
                case Use.Command: _commands = Math.Max(0, _commands - 1); break;
                default: _transaction = false; break;
            }

            return _saves == 0 && _commands == 0 && !_transaction;
        }

        public void Clear() => (_saves, _commands, _transaction) = (0, 0, false);
    }
}
