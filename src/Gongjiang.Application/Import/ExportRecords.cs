using Gongjiang.Application.Common;
using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Common.UseCases;
using Gongjiang.Application.Jobs;
using Gongjiang.Application.Persistence;
using Gongjiang.Application.Talent;
using Gongjiang.Core.Employers;
using Gongjiang.Core.Interchange;
using Gongjiang.Core.Recruiting;
using Microsoft.EntityFrameworkCore;

namespace Gongjiang.Application.Import;

/// <summary>
/// The zone's records in the import file formats (docs/formats.md), in id order, so that an export imports back
/// unchanged: employers, job postings, talent profiles (with contact data: personal information) and outcomes.
/// Only an operator exports. Postings and profiles stream; nothing is held in memory but one row at a time.
/// </summary>
public static class ExportRecords
{
    public enum Kind { Employers, Jobs, Talent, Outcomes }

    /// <summary>A row of employers.csv: id, name, uscc, city, industry_cluster, enterprise_type.</summary>
    public sealed record EmployerRow(string Id, string Name, string Uscc, string City, string IndustryCluster, string EnterpriseType);

    /// <summary>A row of outcomes.csv: job_id, talent_id, stage, at (UTC).</summary>
    public sealed record OutcomeRow(string JobId, string TalentId, string Stage, DateTime At);

    /// <summary>The rows of one kind; <see cref="Rows"/> holds EmployerRow, JobLine, TalentLine or OutcomeRow as the kind says.</summary>
    public sealed record Export(Kind What, IAsyncEnumerable<object> Rows);

    public sealed record Query(Kind What) : IUseCase<Export>;

    public sealed class Handler(AppDbContext db, ICurrentUser currentUser) : IUseCaseHandler<Query, Export>
    {
        public async Task<Result<Export>> HandleAsync(Query query, CancellationToken ct)
        {
            if (await currentUser.GetAsync(ct) is not { IsOperator: true }) return Error.Forbidden(ImportErrors.ExportOperatorsOnly);
            return new Export(query.What, query.What switch
            {
                Kind.Employers => EmployersAsync(ct),
                Kind.Jobs => JobsAsync(ct),
                Kind.Talent => TalentAsync(ct),
                _ => OutcomesAsync(ct),
            });
        }

        private async IAsyncEnumerable<object> EmployersAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
        {
            await foreach (var e in db.Employers.AsNoTracking().OrderBy(e => e.Id).AsAsyncEnumerable().WithCancellation(ct))
                yield return new EmployerRow(e.Id, e.Name, e.Uscc, e.CityCode, e.IndustryCluster, EnterpriseTypes.ToFileName(e.EnterpriseType));
        }

        private async IAsyncEnumerable<object> JobsAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
        {
            await foreach (var j in db.Jobs.AsNoTracking().OrderBy(j => j.Id).AsAsyncEnumerable().WithCancellation(ct))
                yield return JobRecordMapper.ToLine(j);
        }

        private async IAsyncEnumerable<object> TalentAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
        {
            var contacts = await db.TalentContacts.AsNoTracking().ToDictionaryAsync(c => c.TalentId, ct);
            await foreach (var t in db.Talent.AsNoTracking().OrderBy(t => t.Id).AsAsyncEnumerable().WithCancellation(ct))
                yield return TalentService.ToLine(t, contacts.GetValueOrDefault(t.Id), includeProtected: true);
        }

        private async IAsyncEnumerable<object> OutcomesAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
        {
            await foreach (var o in db.Outcomes.AsNoTracking().OrderBy(o => o.At).ThenBy(o => o.Id).AsAsyncEnumerable().WithCancellation(ct))
                yield return new OutcomeRow(o.JobId, o.TalentId, OutcomeStages.ToFileName(o.Stage), DateTime.SpecifyKind(o.At, DateTimeKind.Utc));
        }
    }
}
