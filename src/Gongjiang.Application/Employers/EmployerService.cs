using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Jobs;
using Gongjiang.Application.Persistence;
using Gongjiang.Core.Employers;
using Microsoft.EntityFrameworkCore;

namespace Gongjiang.Application.Employers;

/// <summary>Employer accounts: the public directory, profiles and the operator's verification (企业认证).</summary>
public sealed class EmployerService(AppDbContext db, TimeProvider clock, Compliance.ServiceLog serviceLog)
{
    public const int MaxNote = 500;

    public async Task<Paged<Employer>> ListAsync(VerificationStatus? status, string? text, int page, int pageSize, CancellationToken ct = default)
    {
        pageSize = Math.Clamp(pageSize, 1, 100);
        page = Math.Max(1, page);
        var query = db.Employers.AsNoTracking();
        if (status is { } s) query = query.Where(e => e.Verification == s);
        if (!string.IsNullOrWhiteSpace(text)) query = query.Where(e => e.Name.Contains(text.Trim()));
        var total = await query.CountAsync(ct);
        var items = await query.OrderBy(e => e.Name).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return new Paged<Employer>(items, page, pageSize, total);
    }

    public Task<Employer?> FindAsync(string id, CancellationToken ct = default) =>
        db.Employers.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, ct);

    /// <summary>Records an operator's decision as the platform (the demo zone and the tests' seed data).</summary>
    public Task<Result<Employer>> DecideVerificationAsync(string id, bool approve, string? note, CancellationToken ct = default) =>
        DecideVerificationAsync(id, approve, note, Compliance.ServiceLog.SystemActor, ct);

    /// <summary>
    /// Records an operator's decision with who made it; approval makes the employer able to publish, a rejection needs a
    /// note telling the employer what to correct. The decision and its note go to the service log.
    /// </summary>
    public async Task<Result<Employer>> DecideVerificationAsync(string id, bool approve, string? note, string actorUserId, CancellationToken ct = default)
    {
        note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        if (!approve && note is null) return Error.Invalid("note", EmployerErrors.RejectionNoteRequired);
        if (note is { Length: > MaxNote }) note = note[..MaxNote];
        var employer = await db.Employers.FirstOrDefaultAsync(e => e.Id == id, ct);
        if (employer is null) return Error.NotFound(EmployerErrors.NotFound, id);
        var now = clock.GetUtcNow().UtcDateTime;
        employer.Verification = approve ? VerificationStatus.Verified : VerificationStatus.Rejected;
        employer.VerifiedAt = approve ? now : null;
        // A verification is valid for 6 months; the daily check marks it expired after that (每 6 个月复核).
        employer.VerificationExpiresAt = approve ? EmployerVerification.ExpiresAfterApproval(now) : null;
        employer.VerificationNote = note;
        employer.UpdatedAt = now;
        serviceLog.Write(actorUserId, approve ? Compliance.ServiceActions.VerificationApproved : Compliance.ServiceActions.VerificationRejected,
            Compliance.ServiceTargets.Employer, id, employer.VerificationNote);
        await db.SaveChangesAsync(ct);
        return employer;
    }
}
