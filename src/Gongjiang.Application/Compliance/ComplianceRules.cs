using Gongjiang.Application.Common;
using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Employers;
using Gongjiang.Application.Jobs;
using Gongjiang.Application.Persistence;
using Gongjiang.Core.Employers;
using Microsoft.EntityFrameworkCore;

namespace Gongjiang.Application.Compliance;

/// <summary>
/// Who acts in the compliance and employer use cases: a signed-in user, an operator, or the HR user of one employer.
/// Handlers ask here instead of reading roles themselves.
/// </summary>
public sealed class ComplianceRules(ICurrentUser currentUser, AppDbContext db, TimeProvider clock)
{
    public DateTime Now => clock.GetUtcNow().UtcDateTime;
    public DateOnly Today => DateOnly.FromDateTime(Now);

    /// <summary>The signed-in user, or Forbidden.</summary>
    public async Task<Result<Actor>> SignedInAsync(CancellationToken ct) =>
        await currentUser.GetAsync(ct) is { } actor ? actor : Error.Forbidden(ComplianceErrors.SignInRequired);

    /// <summary>The signed-in operator (or administrator), or Forbidden.</summary>
    public async Task<Result<Actor>> OperatorAsync(CancellationToken ct)
    {
        var actor = await currentUser.GetAsync(ct);
        return actor is { IsOperator: true } ? actor : Error.Forbidden(ComplianceErrors.OperatorsOnly);
    }

    /// <summary>
    /// The employer the signed-in HR or agency user acts for: Forbidden without one; NotFound when <paramref name="employerId"/>
    /// names another employer (its existence is not disclosed).
    /// </summary>
    public async Task<Result<(Actor Actor, string EmployerId)>> OwnEmployerIdAsync(string? employerId, CancellationToken ct)
    {
        var actor = await currentUser.GetAsync(ct);
        if (actor?.EmployerId is not { } own) return Error.Forbidden(JobErrors.NoEmployerAccount);
        if (employerId is not null && employerId != own) return Error.NotFound(EmployerErrors.NotFound, employerId);
        return (actor, own);
    }

    /// <summary>The signed-in user's own employer, untracked, or Forbidden.</summary>
    public async Task<Result<Employer>> OwnEmployerAsync(CancellationToken ct)
    {
        var own = await OwnEmployerIdAsync(null, ct);
        if (!own.Succeeded) return own.Cast<Employer>();
        var employer = await db.Employers.AsNoTracking().FirstOrDefaultAsync(e => e.Id == own.Value.EmployerId, ct);
        return employer is null ? Error.Forbidden(JobErrors.NoEmployerAccount) : employer;
    }

    /// <summary>A reason as the operators' decisions need it: trimmed, present and at most <paramref name="max"/> characters.</summary>
    public static Result<string> Reason(string? reason, string requiredCode, string field = "reason", int max = 1000)
    {
        reason = reason?.Trim();
        if (string.IsNullOrEmpty(reason)) return Error.Invalid(field, requiredCode);
        if (reason.Length > max) return Error.Invalid(field, ComplianceErrors.ReasonTooLong, max);
        return reason;
    }
}
