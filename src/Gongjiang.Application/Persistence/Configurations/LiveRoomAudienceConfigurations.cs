using Gongjiang.Application.LiveRooms;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gongjiang.Application.Persistence.Configurations;

internal sealed class LiveRoomSubscriptionConfiguration : IEntityTypeConfiguration<LiveRoomSubscription>
{
    public void Configure(EntityTypeBuilder<LiveRoomSubscription> b)
    {
        b.ToTable("LiveRoomSubscriptions");
        b.HasKey(s => s.Id);
        b.Property(s => s.RoomId).HasMaxLength(40);
        b.Property(s => s.UserId).HasMaxLength(450);
        b.HasIndex(s => new { s.RoomId, s.UserId }).IsUnique();
        b.HasIndex(s => new { s.RemindedAt, s.RoomId });
        b.HasOne<LiveRoom>().WithMany().HasForeignKey(s => s.RoomId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class LiveRoomPushConfiguration : IEntityTypeConfiguration<LiveRoomPush>
{
    public void Configure(EntityTypeBuilder<LiveRoomPush> b)
    {
        b.ToTable("LiveRoomPushes");
        b.HasKey(p => p.Id);
        b.Property(p => p.RoomId).HasMaxLength(40);
        b.Property(p => p.Kind).HasMaxLength(32);
        b.Property(p => p.UserId).HasMaxLength(450);
        b.Property(p => p.TalentId).HasMaxLength(40);
        b.Property(p => p.JobId).HasMaxLength(40);
        b.Property(p => p.ByUserId).HasMaxLength(450);
        b.Property(p => p.Message).HasMaxLength(500);
        b.Property(p => p.InvitationId).HasMaxLength(40);
        b.Property(p => p.PayReason).HasMaxLength(500);
        b.HasIndex(p => new { p.RoomId, p.UserId, p.At });
        b.HasOne<LiveRoom>().WithMany().HasForeignKey(p => p.RoomId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class LiveRoomApplicationConfiguration : IEntityTypeConfiguration<LiveRoomApplication>
{
    public void Configure(EntityTypeBuilder<LiveRoomApplication> b)
    {
        b.ToTable("LiveRoomApplications");
        b.HasKey(a => a.Id);
        b.Property(a => a.RoomId).HasMaxLength(40);
        b.Property(a => a.ApplicationId).HasMaxLength(40);
        b.Property(a => a.JobId).HasMaxLength(40);
        b.Property(a => a.UserId).HasMaxLength(450);
        b.HasIndex(a => a.ApplicationId).IsUnique();
        b.HasIndex(a => new { a.RoomId, a.At });
        b.HasOne<LiveRoom>().WithMany().HasForeignKey(a => a.RoomId).OnDelete(DeleteBehavior.Cascade);
    }
}
