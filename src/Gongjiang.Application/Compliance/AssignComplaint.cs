using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Common.UseCases;
using Gongjiang.Application.Identity;
using Gongjiang.Application.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Gongjiang.Application.Compliance;

/// <summary>An operator takes a report on, or assigns it to a colleague (another operator); it is then under investigation.</summary>
public static class AssignComplaint
{
    public sealed record Command(string Id, string? AssigneeUserId = null) : IUseCase<Complaint>;

    public sealed class Handler(AppDbContext db, ComplianceRules rules, ComplaintService complaints) : IUseCaseHandler<Command, Complaint>
    {
        public async Task<Result<Complaint>> HandleAsync(Command command, CancellationToken ct)
        {
            var op = await rules.OperatorAsync(ct);
            if (!op.Succeeded) return op.Cast<Complaint>();
            if (command.AssigneeUserId is { Length: > 0 } assignee && !await IsOperatorAsync(assignee.Trim(), ct))
                return Error.Invalid("assigneeUserId", ComplianceErrors.AssigneeNotOperator);
            return await complaints.AssignAsync(op.Value.UserId, command.Id, command.AssigneeUserId, ct);
        }

        private Task<bool> IsOperatorAsync(string userId, CancellationToken ct) =>
            (from link in db.UserRoles
             join role in db.Roles on link.RoleId equals role.Id
             where link.UserId == userId && (role.Name == Roles.Operator || role.Name == Roles.Admin)
             select link).AnyAsync(ct);
    }
}
