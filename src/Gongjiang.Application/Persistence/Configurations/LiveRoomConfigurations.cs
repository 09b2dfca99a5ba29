using Gongjiang.Application.LiveRooms;
using Gongjiang.Core.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gongjiang.Application.Persistence.Configurations;

internal sealed class LiveRoomConfiguration : IEntityTypeConfiguration<LiveRoom>
{
    public void Configure(EntityTypeBuilder<LiveRoom> b)
    {
        b.ToTable("LiveRooms");
        b.HasKey(r => r.Id);
        b.Property(r => r.Id).HasMaxLength(40);
        b.Property(r => r.EmployerId).HasMaxLength(40);
        b.Property(r => r.CreatedByUserId).HasMaxLength(450);
        b.Property(r => r.Title).HasMaxLength(100);
        b.Property(r => r.HostName).HasMaxLength(60);
        b.Property(r => r.Description).HasMaxLength(2000);
        b.Property(r => r.StreamUrl).HasMaxLength(500);
        b.Property(r => r.MicRoomUrl).HasMaxLength(500);
        b.Property(r => r.Version).IsConcurrencyToken();
        b.HasIndex(r => new { r.Status, r.StartsAt });
        b.HasIndex(r => new { r.EmployerId, r.StartsAt });
    }
}

internal sealed class LiveRoomJobConfiguration : IEntityTypeConfiguration<LiveRoomJob>
{
    public void Configure(EntityTypeBuilder<LiveRoomJob> b)
    {
        b.ToTable("LiveRoomJobs");
        b.HasKey(j => j.Id);
        b.Property(j => j.RoomId).HasMaxLength(40);
        b.Property(j => j.JobId).HasMaxLength(40);
        b.HasIndex(j => new { j.RoomId, j.JobId }).IsUnique();
        b.HasOne<LiveRoom>().WithMany().HasForeignKey(j => j.RoomId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<JobPosting>().WithMany().HasForeignKey(j => j.JobId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class LiveRoomEventConfiguration : IEntityTypeConfiguration<LiveRoomEvent>
{
    public void Configure(EntityTypeBuilder<LiveRoomEvent> b)
    {
        b.ToTable("LiveRoomEvents");
        b.HasKey(e => e.Id);
        b.Property(e => e.RoomId).HasMaxLength(40);
        b.Property(e => e.Kind).HasMaxLength(32);
        b.Property(e => e.Data).HasMaxLength(8000);
        // The number is the room's order and a reconnecting client's bookmark: unique within it.
        b.HasIndex(e => new { e.RoomId, e.Seq }).IsUnique();
        b.HasIndex(e => new { e.RoomId, e.Kind, e.Seq });
        b.HasOne<LiveRoom>().WithMany().HasForeignKey(e => e.RoomId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class LiveRoomViewerConfiguration : IEntityTypeConfiguration<LiveRoomViewer>
{
    public void Configure(EntityTypeBuilder<LiveRoomViewer> b)
    {
        b.ToTable("LiveRoomViewers");
        b.HasKey(v => v.Id);
        b.Property(v => v.RoomId).HasMaxLength(40);
        b.Property(v => v.ViewerKey).HasMaxLength(80);
        b.Property(v => v.UserId).HasMaxLength(450);
        b.HasIndex(v => new { v.RoomId, v.ViewerKey }).IsUnique();
        b.HasIndex(v => v.UserId);
        b.HasOne<LiveRoom>().WithMany().HasForeignKey(v => v.RoomId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class LiveRoomActivityConfiguration : IEntityTypeConfiguration<LiveRoomActivity>
{
    public void Configure(EntityTypeBuilder<LiveRoomActivity> b)
    {
        b.ToTable("LiveRoomActivities");
        b.HasKey(a => a.Id);
        b.Property(a => a.RoomId).HasMaxLength(40);
        b.Property(a => a.Kind).HasMaxLength(32);
        b.Property(a => a.UserId).HasMaxLength(450);
        b.HasIndex(a => new { a.RoomId, a.At });
        b.HasIndex(a => a.UserId);
        b.HasOne<LiveRoom>().WithMany().HasForeignKey(a => a.RoomId).OnDelete(DeleteBehavior.Cascade);
    }
}
