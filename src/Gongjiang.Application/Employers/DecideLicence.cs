using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Common.UseCases;
using Gongjiang.Application.Compliance;
using Gongjiang.Core.Employers;

namespace Gongjiang.Application.Employers;

/// <summary>An operator approves or rejects an HR-service business's submitted licence; a rejection needs a note.</summary>
public static class DecideLicence
{
    public sealed record Command(string EmployerId, bool Approve, string? Note) : IUseCase<Employer>;

    public sealed class Handler(ComplianceRules rules, VerificationService verification) : IUseCaseHandler<Command, Employer>
    {
        public async Task<Result<Employer>> HandleAsync(Command command, CancellationToken ct)
        {
            var op = await rules.OperatorAsync(ct);
            if (!op.Succeeded) return op.Cast<Employer>();
            return await verification.DecideLicenceAsync(op.Value.UserId, command.EmployerId, command.Approve, command.Note?.Trim(), ct);
        }
    }
}
