using Gongjiang.Application.Import;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gongjiang.Application.Persistence.Configurations;

internal sealed class ImportTaskConfiguration : IEntityTypeConfiguration<ImportTask>
{
    public void Configure(EntityTypeBuilder<ImportTask> b)
    {
        b.ToTable("ImportTasks");
        b.HasKey(t => t.Id);
        b.Property(t => t.Id).HasMaxLength(40);
        b.Property(t => t.UserId).HasMaxLength(450);
        b.Property(t => t.Kind).HasMaxLength(16);
        b.Property(t => t.FileName).HasMaxLength(260);
        b.Property(t => t.OwnEmployerId).HasMaxLength(40);
        b.Property(t => t.Failure).HasMaxLength(1000);
        b.Ignore(t => t.IsFinished);
        b.HasIndex(t => new { t.State, t.CreatedAt });
        b.HasIndex(t => new { t.UserId, t.CreatedAt });
    }
}

internal sealed class ImportTaskFileConfiguration : IEntityTypeConfiguration<ImportTaskFile>
{
    public void Configure(EntityTypeBuilder<ImportTaskFile> b)
    {
        b.ToTable("ImportTaskFiles");
        b.HasKey(f => f.TaskId);
        b.Property(f => f.TaskId).HasMaxLength(40);
        b.HasOne<ImportTask>().WithOne().HasForeignKey<ImportTaskFile>(f => f.TaskId).OnDelete(DeleteBehavior.Cascade);
    }
}
