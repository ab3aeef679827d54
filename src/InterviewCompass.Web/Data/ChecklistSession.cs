using InterviewCompass.Web.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InterviewCompass.Web.Data;

/// <summary>One run of a checklist: the answers given and the verdict they got.</summary>
public sealed class ChecklistSession
{
    public const int ChecklistMaxLength = 64;
    public const int OutcomeMaxLength = 64;

    /// <summary>Random (v4), so ids in URLs can't be guessed.</summary>
    public Guid Id { get; set; }

    public Guid OwnerId { get; set; }

    public required string ChecklistId { get; set; }

    /// <summary>Item id -> answer value, kept as JSON.</summary>
    public Dictionary<string, string> Answers { get; set; } = [];

    public required string Outcome { get; set; }

    public double Confidence { get; set; }

    /// <summary>Optional, e.g. "Acme — Data analyst".</summary>
    public string? Label { get; set; }

    /// <summary>False while the person is still answering; such a session can be continued.</summary>
    public bool Completed { get; set; }

    /// <summary>The application (employer) this check belongs to, if any.</summary>
    public Guid? ApplicationId { get; set; }

    public DateTimeOffset Created { get; set; }

    public DateTimeOffset Updated { get; set; }
}

internal sealed class ChecklistSessionConfiguration : IEntityTypeConfiguration<ChecklistSession>
{
    public void Configure(EntityTypeBuilder<ChecklistSession> builder)
    {
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.ChecklistId).HasMaxLength(ChecklistSession.ChecklistMaxLength);
        builder.Property(s => s.Outcome).HasMaxLength(ChecklistSession.OutcomeMaxLength);
        builder.Property(s => s.Label).HasMaxLength(InputLimits.Label);
        builder.Property(s => s.Answers).HasJsonText();
        builder.HasOne<Owner>().WithMany().HasForeignKey(s => s.OwnerId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Application>().WithMany().HasForeignKey(s => s.ApplicationId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(s => new { s.OwnerId, s.Updated });
    }
}
