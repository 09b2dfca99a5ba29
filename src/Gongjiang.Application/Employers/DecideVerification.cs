using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Common.UseCases;
using Gongjiang.Application.Compliance;
using Gongjiang.Core.Employers;

namespace Gongjiang.Application.Employers;

/// <summary>
/// An operator approves or rejects an employer's verification (企业认证). Approval lets it publish for 6 months and needs
/// the name as printed on the business licence, equal to the registered name; a rejection needs a note telling the
/// employer what to add or correct.
/// </summary>
public static class DecideVerification
{
    public sealed record Command(string EmployerId, bool Approve, string? Note) : IUseCase<Employer>;

    public sealed class Handler(ComplianceRules rules, EmployerService employers, Persistence.AppDbContext db) : IUseCaseHandler<Command, Employer>
    {
        public async Task<Result<Employer>> HandleAsync(Command command, CancellationToken ct)
        {
            var op = await rules.OperatorAsync(ct);
            if (!op.Succeeded) return op.Cast<Employer>();
            if (command.Approve
                && await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.FirstOrDefaultAsync(db.Employers, e => e.Id == command.EmployerId, ct) is { } employer)
            {
                if (string.IsNullOrWhiteSpace(employer.LicensedName)) return Error.Refused(EmployerErrors.LicensedNameMissing);
                if (!EmployerVerification.NamesMatch(employer.LicensedName, employer.Name))
                    return Error.Refused(EmployerErrors.NamesDiffer, employer.LicensedName, employer.Name);
            }
            return await employers.DecideVerificationAsync(command.EmployerId, command.Approve, command.Note, op.Value.UserId, ct);
        }
    }
}
