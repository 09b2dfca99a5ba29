using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Common.UseCases;
using Gongjiang.Application.Compliance;
using Gongjiang.Core.Employers;

namespace Gongjiang.Application.Employers;

/// <summary>
/// An HR-service business submits its 人力资源服务许可证: number, issuing authority, valid-until date and the file (PDF, JPEG
/// or PNG by content, at most 5 MB). The licence then waits for an operator's decision.
/// </summary>
public static class SubmitLicence
{
    /// <param name="EmployerId">The employer as the request names it (another employer's answers NotFound); null for the user's own.</param>
    public sealed record Command(string? EmployerId, string? Number, string? Authority, DateOnly? ValidUntil, Stream? File) : IUseCase<Employer>;

    public sealed class Handler(ComplianceRules rules, VerificationService verification) : IUseCaseHandler<Command, Employer>
    {
        public async Task<Result<Employer>> HandleAsync(Command command, CancellationToken ct)
        {
            var own = await rules.OwnEmployerIdAsync(command.EmployerId, ct);
            if (!own.Succeeded) return own.Cast<Employer>();
            if (command.File is null) return Error.RefusedField("file", EmployerErrors.LicenceFileRequired);
            return await verification.SubmitLicenceAsync(own.Value.Actor.UserId, own.Value.EmployerId,
                new LicenceInput(command.Number, command.Authority, command.ValidUntil), command.File, ct);
        }
    }
}
