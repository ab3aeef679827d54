using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace InterviewCompass.Web.Data;

/// <summary>
/// Everything kept: owners, their checklist sessions and drafts, transfer codes, and the Data Protection
/// keys every instance shares. Each provider has a subclass with its own migrations.
/// </summary>
public abstract class AppDbContext(DbContextOptions options) : DbContext(options), IDataProtectionKeyContext
{
    public DbSet<Owner> Owners => Set<Owner>();

    public DbSet<ChecklistSession> Sessions => Set<ChecklistSession>();

    public DbSet<Draft> Drafts => Set<Draft>();

    public DbSet<DraftVersion> DraftVersions => Set<DraftVersion>();

    public DbSet<Application> Applications => Set<Application>();

    public DbSet<ApplicationEvent> ApplicationEvents => Set<ApplicationEvent>();

    public DbSet<TransferCode> TransferCodes => Set<TransferCode>();

    public DbSet<IdempotentRequest> IdempotentRequests => Set<IdempotentRequest>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// <summary>
    /// The owner whose rows this context sees. Null (the default) sees no owner's rows at all, so a context
    /// that was never given an owner can leak nothing. Set only by <c>CurrentOwner</c>.
    /// </summary>
    public Guid? OwnerScope { get; set; }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);

        // The one owner filter: every query of personal data goes through it.
        modelBuilder.Entity<Owner>().HasQueryFilter(o => o.Id == OwnerScope);
        modelBuilder.Entity<ChecklistSession>().HasQueryFilter(s => s.OwnerId == OwnerScope);
        modelBuilder.Entity<Draft>().HasQueryFilter(d => d.OwnerId == OwnerScope);
        modelBuilder.Entity<DraftVersion>().HasQueryFilter(v => v.OwnerId == OwnerScope);
        modelBuilder.Entity<TransferCode>().HasQueryFilter(t => t.OwnerId == OwnerScope);
        modelBuilder.Entity<Application>().HasQueryFilter(a => a.OwnerId == OwnerScope);
        modelBuilder.Entity<ApplicationEvent>().HasQueryFilter(e => e.OwnerId == OwnerScope);
    }
}
