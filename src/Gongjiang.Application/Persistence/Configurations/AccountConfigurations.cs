using Gongjiang.Application.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gongjiang.Application.Persistence.Configurations;

internal sealed class EmployerInviteConfiguration : IEntityTypeConfiguration<EmployerInvite>
{
    public void Configure(EntityTypeBuilder<EmployerInvite> b)
    {
        b.ToTable("EmployerInvites");
        b.HasKey(i => i.Id);
        b.Property(i => i.Id).HasMaxLength(40);
        b.Property(i => i.EmployerId).HasMaxLength(40);
        b.Property(i => i.TokenHash).HasMaxLength(64);
        b.Property(i => i.Phone).HasMaxLength(400);
        b.Property(i => i.PhoneIndex).HasMaxLength(64);
        b.Property(i => i.Email).HasMaxLength(256);
        b.Property(i => i.InvitedByUserId).HasMaxLength(450);
        b.Property(i => i.AcceptedUserId).HasMaxLength(450);
        b.HasIndex(i => i.TokenHash).IsUnique();
        b.HasIndex(i => i.EmployerId);
        b.HasIndex(i => i.PhoneIndex);
        b.HasOne<Core.Employers.Employer>().WithMany().HasForeignKey(i => i.EmployerId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ApiCredentialConfiguration : IEntityTypeConfiguration<ApiCredential>
{
    public void Configure(EntityTypeBuilder<ApiCredential> b)
    {
        b.ToTable("ApiCredentials");
        b.HasKey(c => c.Id);
        b.Property(c => c.Id).HasMaxLength(40);
        b.Property(c => c.Name).HasMaxLength(100);
        b.Property(c => c.UserId).HasMaxLength(450);
        b.Property(c => c.Role).HasMaxLength(32);
        b.Property(c => c.SecretHash).HasMaxLength(64);
        b.Property(c => c.CreatedByUserId).HasMaxLength(450);
        b.HasIndex(c => c.UserId);
        b.HasOne<AppUser>().WithMany().HasForeignKey(c => c.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AppUserEmployerHistoryConfiguration : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> b)
    {
        b.Property(u => u.FormerEmployerId).HasMaxLength(40);
        b.HasIndex(u => u.FormerEmployerId);
    }
}
