using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InterviewCompass.Web.Data;

/// <summary>A short-lived, single-use code that hands an owner to a second browser. Only its hash is kept.</summary>
public sealed class TransferCode
{
    public Guid Id { get; set; }

    public Guid OwnerId { get; set; }

    /// <summary>SHA-256 of the normalised code, hex.</summary>
    public required string CodeHash { get; set; }

    public DateTimeOffset Created { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }

    public DateTimeOffset? UsedAt { get; set; }
}

internal sealed class TransferCodeConfiguration : IEntityTypeConfiguration<TransferCode>
{
    public void Configure(EntityTypeBuilder<TransferCode> builder)
    {
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Id).ValueGeneratedNever();
        builder.Property(t => t.CodeHash).HasMaxLength(64);
        builder.HasIndex(t => t.CodeHash).IsUnique();
        builder.HasOne<Owner>().WithMany().HasForeignKey(t => t.OwnerId).OnDelete(DeleteBehavior.Cascade);
    }
}
