using System.Linq.Expressions;
using InterviewCompass.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace InterviewCompass.Web.Features.History;

/// <summary>
/// One table that keeps an owner's rows: how to delete them all, and how to give them all to another owner.
/// </summary>
/// <param name="Name">The table, for logs and tests.</param>
/// <param name="DeleteAsync">Deletes every row of the owner.</param>
/// <param name="MoveAsync">Gives every row of the first owner to the second (or deletes what must not move).</param>
internal sealed record OwnerTable(
    string Name,
    Func<AppDbContext, Guid, CancellationToken, Task<int>> DeleteAsync,
    Func<AppDbContext, Guid, Guid, CancellationToken, Task<int>> MoveAsync)
{
    /// <summary>A table with an <c>OwnerId</c> column: its rows are deleted and moved by that column.</summary>
    public static OwnerTable Of<T>(Func<AppDbContext, DbSet<T>> set, bool moves = true)
        where T : class
    {
        var row = Expression.Parameter(typeof(T), "row");
        Expression<Func<T, Guid>> ownerOf = Expression.Lambda<Func<T, Guid>>(
            Expression.Call(typeof(EF), nameof(EF.Property), [typeof(Guid)], row, Expression.Constant("OwnerId")), row);

        IQueryable<T> RowsOf(AppDbContext db, Guid owner) =>
            set(db).IgnoreQueryFilters().Where(Expression.Lambda<Func<T, bool>>(Expression.Equal(ownerOf.Body, Expression.Constant(owner)), row));

        Task<int> Delete(AppDbContext db, Guid owner, CancellationToken ct) => RowsOf(db, owner).ExecuteDeleteAsync(ct);

        return new OwnerTable(
            typeof(T).Name,
            Delete,
            moves
                ? (db, from, to, ct) => RowsOf(db, from).ExecuteUpdateAsync(s => s.SetProperty(r => EF.Property<Guid>(r, "OwnerId"), to), ct)
                : (db, from, _, ct) => Delete(db, from, ct));
    }
}

/// <summary>
/// Every table that keeps something of an owner, children before parents. Delete everything and the transfer merge read
/// this one list, so a new owner table is added here and nowhere else (<c>OwnerTablesTests</c> checks that every table of the
/// model with an <c>OwnerId</c> is listed). The owner row itself is last, handled by <see cref="OwnerData"/>.
/// </summary>
internal static class OwnerTables
{
    public static readonly IReadOnlyList<OwnerTable> All =
    [
        OwnerTable.Of(db => db.DraftVersions),
        OwnerTable.Of(db => db.Drafts),
        OwnerTable.Of(db => db.Sessions),
        OwnerTable.Of(db => db.ApplicationEvents),
        OwnerTable.Of(db => db.Applications),

        // A code the merged browser issued must not hand the history it joined to a third device: deleted, not moved.
        OwnerTable.Of(db => db.TransferCodes, moves: false),

        // Records of keyed writes hold no words (Data/IdempotentRequest.cs) but name the owner: deleted with it, moved with it.
        new(
            nameof(IdempotentRequest),
            (db, owner, ct) => db.IdempotentRequests.Where(r => r.RequestOwner == owner || r.ResultOwner == owner).ExecuteDeleteAsync(ct),
            async (db, from, to, ct) =>
                await db.IdempotentRequests.Where(r => r.RequestOwner == from).ExecuteUpdateAsync(s => s.SetProperty(r => r.RequestOwner, to), ct)
                + await db.IdempotentRequests.Where(r => r.ResultOwner == from).ExecuteUpdateAsync(s => s.SetProperty(r => r.ResultOwner, to), ct)),
    ];

    /// <summary>Deletes every row of the owner, then the owner. Call inside a transaction.</summary>
    public static async Task DeleteAsync(AppDbContext db, Guid owner, CancellationToken cancellationToken)
    {
        foreach (var table in All)
        {
            await table.DeleteAsync(db, owner, cancellationToken);
        }

        await db.Owners.IgnoreQueryFilters().Where(o => o.Id == owner).ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>Gives every row of <paramref name="from"/> to <paramref name="to"/>, then deletes <paramref name="from"/>. Call inside a transaction.</summary>
    public static async Task MoveAsync(AppDbContext db, Guid from, Guid to, CancellationToken cancellationToken)
    {
        foreach (var table in All)
        {
            await table.MoveAsync(db, from, to, cancellationToken);
        }

        await db.Owners.IgnoreQueryFilters().Where(o => o.Id == from).ExecuteDeleteAsync(cancellationToken);
    }
}
