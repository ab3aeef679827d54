using InterviewCompass.Web.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InterviewCompass.Web.Data;

/// <summary>
/// One employer and role: a hiring process (kind <c>application</c>) or a job the person is leaving (kind <c>leaving</c>),
/// with the person's own outcome. Checks and drafts point at it (nullable; deleting it unlinks them).
/// </summary>
public sealed class Application
{
    public const int KindMaxLength = 32;
    public const int OutcomeMaxLength = 32;

    public Guid Id { get; set; }

    public Guid OwnerId { get; set; }

    public required string Kind { get; set; }

    public required string Company { get; set; }

    public string Role { get; set; } = "";

    public string? ContactName { get; set; }

    public string? ContactEmail { get; set; }

    public string? Notes { get; set; }

    public required string Outcome { get; set; }

    public DateTimeOffset Created { get; set; }

    public DateTimeOffset Updated { get; set; }

    /// <summary>When the person must decide (an offer, whether to go on); null when not set.</summary>
    public DateOnly? DecideBy { get; set; }

    /// <summary>When the employer said they would reply ("you will hear by"); null when not set.</summary>
    public DateOnly? ExpectReplyBy { get; set; }

    /// <summary>Raised by every change; a change made from an older version is refused (409), never lost.</summary>
    public int Version { get; set; }

    public List<ApplicationEvent> Timeline { get; set; } = [];
}

/// <summary>One dated line of an application's timeline.</summary>
public sealed class ApplicationEvent
{
    public const int TypeMaxLength = 32;

    public Guid Id { get; set; }

    public Guid ApplicationId { get; set; }

    /// <summary>Repeated from the application so the owner filter and delete-all need no join.</summary>
    public Guid OwnerId { get; set; }

    public DateTimeOffset At { get; set; }

    /// <summary>created, outcome, note, check, draft, draft-sent, decide-by, expect-reply-by.</summary>
    public required string Type { get; set; }

    /// <summary>The outcome set (type outcome).</summary>
    public string? Outcome { get; set; }

    /// <summary>The note's text (type note).</summary>
    public string? Text { get; set; }

    /// <summary>The check linked (type check); the session may have been deleted since.</summary>
    public Guid? SessionId { get; set; }

    /// <summary>The draft linked or marked sent (types draft, draft-sent).</summary>
    public Guid? DraftId { get; set; }

    /// <summary>The date set (types decide-by, expect-reply-by); null when it was cleared.</summary>
    public DateOnly? Date { get; set; }
}

internal sealed class ApplicationConfiguration : IEntityTypeConfiguration<Application>
{
    public void Configure(EntityTypeBuilder<Application> builder)
    {
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.Kind).HasMaxLength(Application.KindMaxLength);
        builder.Property(a => a.Company).HasMaxLength(InputLimits.Field);
        builder.Property(a => a.Role).HasMaxLength(InputLimits.Field);
        builder.Property(a => a.ContactName).HasMaxLength(InputLimits.Field);
        builder.Property(a => a.ContactEmail).HasMaxLength(InputLimits.Field);
        builder.Property(a => a.Notes).HasMaxLength(InputLimits.Body);
        builder.Property(a => a.Outcome).HasMaxLength(Application.OutcomeMaxLength);
        builder.Property(a => a.Version).IsConcurrencyToken();
        builder.HasOne<Owner>().WithMany().HasForeignKey(a => a.OwnerId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(a => a.Timeline).WithOne().HasForeignKey(e => e.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(a => new { a.OwnerId, a.Updated });
    }
}

internal sealed class ApplicationEventConfiguration : IEntityTypeConfiguration<ApplicationEvent>
{
    public void Configure(EntityTypeBuilder<ApplicationEvent> builder)
    {
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.Type).HasMaxLength(ApplicationEvent.TypeMaxLength);
        builder.Property(e => e.Outcome).HasMaxLength(Application.OutcomeMaxLength);
        builder.Property(e => e.Text).HasMaxLength(InputLimits.Body);
        builder.HasOne<Owner>().WithMany().HasForeignKey(e => e.OwnerId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(e => new { e.ApplicationId, e.At });
    }
}
