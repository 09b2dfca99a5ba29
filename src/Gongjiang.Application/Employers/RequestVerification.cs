using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Common.UseCases;
using Gongjiang.Application.Compliance;
using Gongjiang.Core.Employers;

namespace Gongjiang.Application.Employers;

/// <summary>
/// HR asks for (re-)verification of its own employer (企业认证), giving the organisation's name as on the business licence;
/// it must match the registered name (名称一致). A verification still valid for more than 30 days cannot be renewed yet.
/// </summary>
public static class RequestVerification
{
    /// <param name="EmployerId">The employer as the request names it (another employer's answers NotFound); null for the user's own.</param>
    public sealed record Command(string? EmployerId, string? LicensedName) : IUseCase<Employer>;

    public sealed class Handler(ComplianceRules rules, VerificationService verification) : IUseCaseHandler<Command, Employer>
    {
        public async Task<Result<Employer>> HandleAsync(Command command, CancellationToken ct)
        {
            var own = await rules.OwnEmployerIdAsync(command.EmployerId, ct);
            if (!own.Succeeded) return own.Cast<Employer>();
            return await verification.RequestVerificationAsync(own.Value.Actor.UserId, own.Value.EmployerId, command.LicensedName, ct);
        }
    }
}
