using Gongjiang.Core.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Gongjiang.Application.Compliance;

/// <summary>
/// Keeps the service record (《网络招聘服务管理规定》: recruitment information and service logs are kept at least three years):
/// postings are never deleted (they are closed or taken down), and neither service-log rows nor complaints younger than
/// three years; a complaint younger than that keeps its record (reporter, subject, content, dates) unchanged except for the
/// detachment of an erased reporter. Every save of the database passes through <see cref="Check"/>.
/// </summary>
public static class RetentionGuard
{
    public const int MinimumRetentionYears = 3;

    public static void Check(ChangeTracker changes, DateTime utcNow)
    {
        var keepSince = utcNow.AddYears(-MinimumRetentionYears);
        foreach (var entry in changes.Entries())
        {
            if (entry.State != EntityState.Deleted) continue;
            switch (entry.Entity)
            {
                case JobPosting job:
                    throw new RetentionViolationException($"Posting {job.Id} cannot be deleted; close it or take it down instead.");
                case ServiceLogEntry log when log.At > keepSince:
                    throw new RetentionViolationException($"Service-log row {log.Id} is younger than {MinimumRetentionYears} years and cannot be deleted.");
                case ServiceLogEntry:
                    break;
                case Complaint complaint when complaint.CreatedAt > keepSince:
                    throw new RetentionViolationException($"Complaint {complaint.Id} is younger than {MinimumRetentionYears} years and cannot be deleted.");
            }
        }
        foreach (var entry in changes.Entries<ServiceLogEntry>())
            if (entry.State == EntityState.Modified)
                throw new RetentionViolationException($"Service-log row {entry.Entity.Id} cannot be changed.");
        foreach (var entry in changes.Entries<Complaint>())
            if (entry.State == EntityState.Modified && entry.Property(c => c.CreatedAt).OriginalValue > keepSince)
                CheckComplaintChange(entry);
    }

    /// <summary>What a recent complaint records — who reported what about whom, and when — and cannot be rewritten.</summary>
    private static readonly string[] ComplaintRecordProperties =
    [
        nameof(Complaint.Id), nameof(Complaint.ReporterUserId), nameof(Complaint.JobId), nameof(Complaint.EmployerId),
        nameof(Complaint.Category), nameof(Complaint.Description), nameof(Complaint.Evidence), nameof(Complaint.CreatedAt),
    ];

    /// <summary>
    /// A recent complaint's handling (status, assignee, resolution and their dates) moves on, but its record does not change,
    /// with one exception: the erasure of the reporter's account detaches them — a save whose only change to the row is
    /// the reporter id going from a person to the erasure placeholder.
    /// </summary>
    private static void CheckComplaintChange(EntityEntry<Complaint> entry)
    {
        var changed = entry.Properties.Where(p => p.IsModified && !Equals(p.OriginalValue, p.CurrentValue)).Select(p => p.Metadata.Name).ToList();
        if (changed is [nameof(Complaint.ReporterUserId)] && IsReporterDetachment(entry)) return;
        var rewritten = changed.Intersect(ComplaintRecordProperties).ToList();
        if (rewritten.Count > 0)
            throw new RetentionViolationException(
                $"Complaint {entry.Entity.Id} is younger than {MinimumRetentionYears} years; its {string.Join(", ", rewritten)} cannot be changed.");
    }

    private static bool IsReporterDetachment(EntityEntry<Complaint> entry)
    {
        var reporter = entry.Property(c => c.ReporterUserId);
        return !Privacy.ErasurePlaceholder.IsPlaceholder(reporter.OriginalValue) && Privacy.ErasurePlaceholder.IsPlaceholder(reporter.CurrentValue);
    }
}

public sealed class RetentionViolationException(string message) : InvalidOperationException(message);
