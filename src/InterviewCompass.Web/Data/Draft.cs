using InterviewCompass.Web.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InterviewCompass.Web.Data;

/// <summary>A message the person is writing; every update keeps the text it replaced as a <see cref="DraftVersion"/>.</summary>
public sealed class Draft
{
    public const int KindMaxLength = 64;

    public Guid Id { get; set; }

    public Guid OwnerId { get; set; }

    public required string Kind { get; set; }

    public required string Tone { get; set; }

    /// <summary>The walk-out situation a line is written for (pay, safety, ...), when the kind has situations.</summary>
    public string? Situation { get; set; }

    /// <summary>Placeholder values (name, contact, company, role, reason), kept as JSON.</summary>
    public Dictionary<string, string> Fields { get; set; } = [];

    public string Subject { get; set; } = "";

    public string Body { get; set; } = "";

    /// <summary>The checklist session the draft was started from, if any.</summary>
    public Guid? SessionId { get; set; }

    /// <summary>The application (employer) this draft belongs to, if any.</summary>
    public Guid? ApplicationId { get; set; }

    public DateTimeOffset Created { get; set; }

    public DateTimeOffset Updated { get; set; }

    public List<DraftVersion> Versions { get; set; } = [];
}

/// <summary>An earlier text of a draft; number 1 is the first text saved.</summary>
public sealed class DraftVersion
{
    public Guid Id { get; set; }

    public Guid DraftId { get; set; }

    /// <summary>Repeated from the draft so the owner filter and delete-all need no join.</summary>
    public Guid OwnerId { get; set; }

    public int Number { get; set; }

    public required string Kind { get; set; }

    public required string Tone { get; set; }

    public string? Situation { get; set; }

    public Dictionary<string, string> Fields { get; set; } = [];

    public string Subject { get; set; } = "";

    public string Body { get; set; } = "";

    /// <summary>When this text was saved (it was the draft's text until the next update).</summary>
    public DateTimeOffset Saved { get; set; }
}

internal sealed class DraftConfiguration : IEntityTypeConfiguration<Draft>
{
    public void Configure(EntityTypeBuilder<Draft> builder)
    {
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Id).ValueGeneratedNever();
        builder.Property(d => d.Kind).HasMaxLength(Draft.KindMaxLength);
        builder.Property(d => d.Tone).HasMaxLength(Draft.KindMaxLength);
        builder.Property(d => d.Situation).HasMaxLength(Draft.KindMaxLength);
        builder.Property(d => d.Subject).HasMaxLength(InputLimits.Subject);
        builder.Property(d => d.Body).HasMaxLength(InputLimits.Body);
        builder.Property(d => d.Fields).HasJsonText();
        builder.HasOne<Owner>().WithMany().HasForeignKey(d => d.OwnerId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ChecklistSession>().WithMany().HasForeignKey(d => d.SessionId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<Application>().WithMany().HasForeignKey(d => d.ApplicationId).OnDelete(DeleteBehavior.SetNull);
        builder.HasMany(d => d.Versions).WithOne().HasForeignKey(v => v.DraftId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(d => new { d.OwnerId, d.Updated });
    }
}

internal sealed class DraftVersionConfiguration : IEntityTypeConfiguration<DraftVersion>
{
    public void Configure(EntityTypeBuilder<DraftVersion> builder)
    {
        builder.HasKey(v => v.Id);
        builder.Property(v => v.Id).ValueGeneratedNever();
        builder.Property(v => v.Kind).HasMaxLength(Draft.KindMaxLength);
        builder.Property(v => v.Tone).HasMaxLength(Draft.KindMaxLength);
        builder.Property(v => v.Situation).HasMaxLength(Draft.KindMaxLength);
        builder.Property(v => v.Subject).HasMaxLength(InputLimits.Subject);
        builder.Property(v => v.Body).HasMaxLength(InputLimits.Body);
        builder.Property(v => v.Fields).HasJsonText();
        builder.HasOne<Owner>().WithMany().HasForeignKey(v => v.OwnerId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(v => new { v.DraftId, v.Number }).IsUnique();
    }
}
