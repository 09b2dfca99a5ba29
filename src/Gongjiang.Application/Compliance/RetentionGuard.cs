using Gongjiang.Core.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Gongjiang.Application.Compliance;

/// <summary>
/// Keeps the service record (《网络招聘服务管理规定》: recruitment information and service logs are kept at least three years):
/// postings are never deleted (they are closed or taken down), and neither service-log rows nor complaints younger than
/// three years. Every save of the database passes through <see cref="Check"/>.
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
    }
}

public sealed class RetentionViolationException(string message) : InvalidOperationException(message);
