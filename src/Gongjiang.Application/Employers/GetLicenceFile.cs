using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Common.UseCases;
using Gongjiang.Application.Compliance;
using Gongjiang.Application.Persistence;
using Gongjiang.Core.Employers;
using Microsoft.EntityFrameworkCore;

namespace Gongjiang.Application.Employers;

/// <summary>An operator opens an employer's stored business licence (营业执照, <see cref="Query.Business"/>) or HR-service licence file.</summary>
public static class GetLicenceFile
{
    public sealed record Query(string EmployerId, bool Business = false) : IUseCase<LicenceFile>;

    /// <summary>The open file (the caller disposes it), its content type and a download name.</summary>
    public sealed record LicenceFile(Stream Content, string ContentType, string FileName);

    public sealed class Handler(AppDbContext db, ComplianceRules rules, VerificationService verification) : IUseCaseHandler<Query, LicenceFile>
    {
        public async Task<Result<LicenceFile>> HandleAsync(Query query, CancellationToken ct)
        {
            var op = await rules.OperatorAsync(ct);
            if (!op.Succeeded) return op.Cast<LicenceFile>();
            var employer = await db.Employers.AsNoTracking().FirstOrDefaultAsync(e => e.Id == query.EmployerId, ct);
            if (employer is null) return Error.NotFound(EmployerErrors.NotFound, query.EmployerId);
            var stream = query.Business ? verification.OpenBusinessLicenceFile(employer) : verification.OpenLicenceFile(employer);
            if (stream is null) return Error.NotFound(EmployerErrors.LicenceFileMissing);
            var type = (query.Business ? employer.BusinessLicenceContentType : employer.HrLicenceContentType) ?? "application/octet-stream";
            return new LicenceFile(stream, type, employer.Id + (query.Business ? "-business-licence" : "-licence") + LicenceFiles.Extension(type));
        }
    }
}
