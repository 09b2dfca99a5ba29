using Gongjiang.Application.Common;
using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Common.UseCases;
using Gongjiang.Application.Jobs;
using Gongjiang.Core.Employers;

namespace Gongjiang.Application.Employers;

/// <summary>
/// The employer directory by name, paged: verified employers for everyone; operators may list any verification status
/// (<c>pending</c>, <c>rejected</c>, …).
/// </summary>
public static class ListEmployers
{
    public sealed record Query(string? Status = null, string? Text = null, int Page = 1, int PageSize = 20) : IUseCase<Paged<Employer>>;

    public sealed class Handler(ICurrentUser currentUser, EmployerService employers) : IUseCaseHandler<Query, Paged<Employer>>
    {
        public async Task<Result<Paged<Employer>>> HandleAsync(Query query, CancellationToken ct)
        {
            var paging = Paging.Check(new ErrorList(), query.Page, query.PageSize);
            if (!paging.IsEmpty) return paging;
            var status = VerificationStatus.Verified;
            if (query.Status is not null)
            {
                if (await currentUser.GetAsync(ct) is not { IsOperator: true }) return Error.Forbidden(EmployerErrors.OperatorsOnlyFilter);
                if (!Enum.TryParse(query.Status, true, out status) || !Enum.IsDefined(status) || int.TryParse(query.Status, out _))
                    return Error.Invalid("status", Common.Results.InputErrors.UnknownStatus, query.Status);
            }
            return await employers.ListAsync(status, query.Text, query.Page, query.PageSize, ct);
        }
    }
}
