using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InterviewCompass.Web.Data;

/// <summary>
/// A write sent with an <c>Idempotency-Key</c> (or the check form's one-time key) and the answer it got, so a retry or a
/// double submit gets the same answer instead of a second copy. Kept for a day; only hashes of the key and request.
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

    /// <summary>Null while the first request is still running.</summary>
    public int? Status { get; set; }

    public string? Location { get; set; }

    /// <summary>The JSON answer of the first request.</summary>
    public string? Body { get; set; }

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
    }
}
