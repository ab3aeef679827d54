using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InterviewCompass.Web.Data;

/// <summary>An anonymous person: a random 128-bit id held by their browser's cookie. No name, no account.</summary>
public sealed class Owner
{
    public Guid Id { get; set; }

    public DateTimeOffset Created { get; set; }

    /// <summary>Business days after the date an employer gave before a reply counts as overdue (0..30); null: the default.</summary>
    public int? ReplyOverdueDays { get; set; }

    /// <summary>The local time of day for timed reminders; null: all-day reminders.</summary>
    public TimeOnly? RemindAt { get; set; }

    /// <summary>The person's IANA time zone (for "today" and for timed reminders); null: UTC.</summary>
    public string? TimeZone { get; set; }
}

internal sealed class OwnerConfiguration : IEntityTypeConfiguration<Owner>
{
    public const int TimeZoneMaxLength = 64;

    public void Configure(EntityTypeBuilder<Owner> builder)
    {
        builder.HasKey(o => o.Id);
        builder.Property(o => o.Id).ValueGeneratedNever();
        builder.Property(o => o.TimeZone).HasMaxLength(TimeZoneMaxLength);
    }
}
