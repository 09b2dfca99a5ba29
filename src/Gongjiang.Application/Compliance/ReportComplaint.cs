using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Common.UseCases;

namespace Gongjiang.Application.Compliance;

/// <summary>
/// A seeker reports a posting or an employer (举报虚假招聘): exactly one of them, the category (file name, e.g.
/// <c>fees_deposits</c>), what happened and any evidence. A posting must be one seekers can see; an employer must be verified.
/// </summary>
public static class ReportComplaint
{
    public sealed record Command(string? JobId, string? EmployerId, string? Category, string? Description, string? Evidence) : IUseCase<Complaint>;

    public sealed class Handler(ComplianceRules rules, ComplaintService complaints) : IUseCaseHandler<Command, Complaint>
    {
        public async Task<Result<Complaint>> HandleAsync(Command command, CancellationToken ct)
        {
            var reporter = await rules.SignedInAsync(ct);
            if (!reporter.Succeeded) return reporter.Cast<Complaint>();
            if (string.IsNullOrWhiteSpace(command.Category)) return Error.Invalid("category", ComplianceErrors.CategoryRequired);
            if (!ComplaintCategories.TryParse(command.Category.Trim(), out var category)) return Error.Invalid("category", ComplianceErrors.UnknownCategory);
            return await complaints.ReportAsync(reporter.Value.UserId,
                new ComplaintInput(command.JobId, command.EmployerId, category, command.Description, command.Evidence), ct);
        }
    }
}
