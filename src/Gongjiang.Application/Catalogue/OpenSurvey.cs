using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Common.UseCases;
using Gongjiang.Application.Compliance;
using Gongjiang.Application.Persistence;
using Gongjiang.Core.Catalogue;
using Gongjiang.Core.Common;
using Gongjiang.Core.Employers;
using Microsoft.EntityFrameworkCore;

namespace Gongjiang.Application.Catalogue;

/// <summary>
/// An operator opens a demand survey for a quarter and draws a stratified sample of the zone's employers (strata:
/// industry cluster × size) from a seed: proportional allocation, at least one per stratum, and within a stratum the
/// employers that come first in an order fixed by the seed — the same seed draws the same sample. Every HR user of a drawn employer hears about it in the inbox.
/// </summary>
public static class OpenSurvey
{
    public sealed record Command(string? Period, int SampleSize, int Seed) : IUseCase<DemandSurvey>;

    public sealed class Handler(AppDbContext db, ComplianceRules rules, SurveyNotices notices, TimeProvider clock) : IUseCaseHandler<Command, DemandSurvey>
    {
        public async Task<Result<DemandSurvey>> HandleAsync(Command command, CancellationToken ct)
        {
            var op = await rules.OperatorAsync(ct);
            if (!op.Succeeded) return op.Cast<DemandSurvey>();
            var errors = new ErrorList();
            if (!Quarter.TryParse(command.Period, out var quarter)) errors.Add("period", CatalogueErrors.BadPeriod, command.Period ?? "");
            if (command.SampleSize is < 1 or > 100_000) errors.Add("sample_size", InputErrors.Between, 1, 100_000);
            if (!errors.IsEmpty) return errors;

            var employers = await db.Employers.Where(e => !e.IsAgency && e.Verification == VerificationStatus.Verified)
                .Select(e => new { e.Id, e.IndustryCluster, e.Employees }).ToListAsync(ct);
            if (employers.Count == 0) return Error.Refused(CatalogueErrors.NoEmployers);
            var strata = employers.GroupBy(e => (Cluster: e.IndustryCluster, Size: EmployerSizes.Of(e.Employees)))
                .OrderBy(g => g.Key.Cluster, StringComparer.Ordinal).ThenBy(g => g.Key.Size).ToList();
            var total = employers.Count;
            var sample = Math.Min(command.SampleSize, total);
            var survey = new DemandSurvey
            {
                Id = EntityId.New('S', clock), Period = quarter.ToString(), Seed = command.Seed, SampleSize = sample,
                OpenedAt = clock.GetUtcNow().UtcDateTime, OpenedBy = op.Value.UserId,
            };
            var drawnIds = new List<string>();
            foreach (var stratum in strata)
            {
                var size = Math.Clamp((int)Math.Round((double)sample * stratum.Count() / total, MidpointRounding.AwayFromZero), 1, stratum.Count());
                var drawn = stratum.OrderBy(e => Draw(command.Seed, e.Id)).ThenBy(e => e.Id, StringComparer.Ordinal).Take(size).ToList();
                survey.Strata.Add(new SurveyStratum { Cluster = stratum.Key.Cluster, Size = stratum.Key.Size, Population = stratum.Count(), Sampled = drawn.Count });
                drawnIds.AddRange(drawn.Select(e => e.Id));
                foreach (var e in drawn)
                    db.SurveyInvitations.Add(new SurveyInvitation { SurveyId = survey.Id, EmployerId = e.Id, Cluster = stratum.Key.Cluster, Size = stratum.Key.Size });
            }
            db.DemandSurveys.Add(survey);
            await notices.TellAsync(survey, drawnIds, reminder: false, ct);
            await db.SaveChangesAsync(ct);
            return survey;
        }

        /// <summary>The place of an employer in the seed's order (FNV-1a of seed and id): reproducible on any machine.</summary>
        private static ulong Draw(int seed, string id)
        {
            unchecked
            {
                var h = 14695981039346656037UL ^ (uint)seed;
                foreach (var c in id) h = (h ^ c) * 1099511628211UL;
                h ^= h >> 33; h *= 0xff51afd7ed558ccdUL; h ^= h >> 33;
                return h;
            }
        }
    }
}
