using Microsoft.EntityFrameworkCore;

namespace InterviewCompass.Web.Data;

/// <summary>
/// Lets the app ask for <see cref="AppDbContext"/> whichever provider's subclass is configured. The contexts come from
/// EF Core's pool; each is handed out with no <see cref="AppDbContext.OwnerScope"/>, whoever used it before, so a
/// context that is not given an owner sees no owner's rows.
/// </summary>
internal sealed class ProviderContextFactory<TContext>(IDbContextFactory<TContext> inner) : IDbContextFactory<AppDbContext>
    where TContext : AppDbContext
{
    public AppDbContext CreateDbContext() => Unscoped(inner.CreateDbContext());

    public async Task<AppDbContext> CreateDbContextAsync(CancellationToken cancellationToken = default) =>
        Unscoped(await inner.CreateDbContextAsync(cancellationToken));

    private static TContext Unscoped(TContext context)
    {
        context.OwnerScope = null;
        return context;
    }
}
