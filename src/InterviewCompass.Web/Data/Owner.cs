using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InterviewCompass.Web.Data;

/// <summary>An anonymous person: a random 128-bit id held by their browser's cookie. No name, no account.</summary>
public sealed class Owner
{
    public Guid Id { get; set; }

    public DateTimeOffset Created { get; set; }
}

internal sealed class OwnerConfiguration : IEntityTypeConfiguration<Owner>
{
    public void Configure(EntityTypeBuilder<Owner> builder)
    {
        builder.HasKey(o => o.Id);
        builder.Property(o => o.Id).ValueGeneratedNever();
    }
}
