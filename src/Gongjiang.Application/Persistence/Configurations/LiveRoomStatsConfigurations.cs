using Gongjiang.Application.LiveRooms;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gongjiang.Application.Persistence.Configurations;

internal sealed class LiveRoomViewerSampleConfiguration : IEntityTypeConfiguration<LiveRoomViewerSample>
{
    public void Configure(EntityTypeBuilder<LiveRoomViewerSample> b)
    {
        b.ToTable("LiveRoomViewerSamples");
        b.HasKey(s => s.Id);
        b.Property(s => s.RoomId).HasMaxLength(40);
        b.HasIndex(s => new { s.RoomId, s.Minute }).IsUnique();
        b.HasOne<LiveRoom>().WithMany().HasForeignKey(s => s.RoomId).OnDelete(DeleteBehavior.Cascade);
    }
}
