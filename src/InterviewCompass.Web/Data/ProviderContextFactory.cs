using Microsoft.EntityFrameworkCore;

namespace InterviewCompass.Web.Data;

/// <summary>Lets the app ask for <see cref="AppDbContext"/> whichever provider's subclass is configured.</summary>
internal sealed class ProviderContextFactory<TContext>(IDbContextFactory<TContext> inner) : IDbContextFactory<AppDbContext>
    where TContext : AppDbContext
{
    public AppDbContext CreateDbContext() => inner.CreateDbContext();

    public async Task<AppDbContext> CreateDbContextAsync(CancellationToken cancellationToken = default) =>
        await inner.CreateDbContextAsync(cancellationToken);
}
