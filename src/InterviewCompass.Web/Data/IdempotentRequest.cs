using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InterviewCompass.Web.Data;

/// <summary>
/// A write sent with an <c>Idempotency-Key</c> (or the check form's one-time key) and what it did, so a retry or a
/// double submit gets an answer about the same thing instead of a second copy. Holds no words of the person: hashes of the
/// key and request, the status, the address of what was created (its id) and the owner ids. Kept for a day
/// (<c>Shared/IdempotencyCleanup.cs</c> deletes older ones), deleted with the owner ("delete everything").
/// </summary>
public sealed class IdempotentRequest
{
    public Guid Id { get; set; }

    /// <summary>SHA-256 of the key, hex.</summary>
    public required string KeyHash { get; set; }

    /// <summary>SHA-256 of the method, path and body, hex: the same key with another request is refused.</summary>
    public required string RequestHash { get; set; }

    /// <summary>The owner whose cookie came with the first request (null: none yet).</summary>
    public Guid? RequestOwner { get; set; }

    /// <summary>The owner after the first request (a first save issues one).</summary>
    public Guid? ResultOwner { get; set; }

    /// <summary>Null while the first request is still running (or its process died: see <c>Idempotency.Lease</c>).</summary>
    public int? Status { get; set; }

    /// <summary>What the first request created (an API address, or a session id for the check form); a retry reads it again.</summary>
    public string? Location { get; set; }

    /// <summary>When the first request started (a record still without a status after <c>Idempotency.Lease</c> is taken over).</summary>
    public DateTimeOffset Created { get; set; }
}

internal sealed class IdempotentRequestConfiguration : IEntityTypeConfiguration<IdempotentRequest>
{
    public void Configure(EntityTypeBuilder<IdempotentRequest> builder)
    {
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.KeyHash).HasMaxLength(64);
        builder.Property(r => r.RequestHash).HasMaxLength(64);
        builder.Property(r => r.Location).HasMaxLength(256);
        builder.HasIndex(r => r.KeyHash).IsUnique();
        builder.HasIndex(r => r.Created);

        // Delete everything and transfer find an owner's records by these.
        builder.HasIndex(r => r.RequestOwner);
        builder.HasIndex(r => r.ResultOwner);
    }
}
