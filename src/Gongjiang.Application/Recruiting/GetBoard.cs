using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Common.UseCases;
using Gongjiang.Application.Matching;
using Gongjiang.Application.Persistence;
using Gongjiang.Core.Jobs;
using Gongjiang.Core.Recruiting;
using Gongjiang.Core.Talent;
using Gongjiang.Matching.Engine;
using Microsoft.EntityFrameworkCore;

namespace Gongjiang.Application.Recruiting;

/// <summary>
/// The employer opens the recruiting board (招聘看板) of one of its jobs: every application with its history, interviews
/// and offers and the applicant's name (masked once the application no longer shares the contact data), optionally filtered by stage, a name or skill word, a minimum grade in the job's
/// occupation and the day of applying (China time). Each applicant's card says who they are for this job: the grade
/// held in the job's occupation (or the best held), key skills (those the job asks for first), years of experience and
/// the engine's match reasons for the pair, as 推荐人才 shows them; and the talent invited to apply (newest first), each
/// opening in the same résumé view. Another employer's job does not exist.
/// </summary>
public static class GetBoard
{
    public sealed record Query(string JobId, string? Stage = null, string? Text = null, int? Grade = null, DateOnly? AppliedFrom = null,
        DateOnly? AppliedTo = null) : IUseCase<Board>
    {
        public bool Filtered => !string.IsNullOrWhiteSpace(Stage) || !string.IsNullOrWhiteSpace(Text) || Grade is not null || AppliedFrom is not null || AppliedTo is not null;
    }

    /// <param name="Total">How many applications the job has, filtered or not.</param>
    public sealed record Board(JobPosting Job, IReadOnlyList<JobApplication> Applications, IReadOnlyDictionary<string, string> Names, int Total, DateOnly Today,
        IReadOnlyDictionary<string, Candidate> Candidates, IReadOnlyList<Invitation> Invitations);

    /// <param name="OccupationCode">The occupation the grade is held in: the job's when held, else the applicant's best.</param>
    /// <param name="Reasons">The engine's reasons for this job and applicant; null when the pair fails a hard filter or the job is closed.</param>
    public sealed record Candidate(string? OccupationCode, int? Grade, IReadOnlyList<string> KeySkills, double ExperienceYears, MatchReasons? Reasons);

    /// <summary>At most this many key skills on a card.</summary>
    public const int KeySkillCount = 5;

    /// <summary>China Standard Time, in which days are counted: no daylight saving.</summary>
    private static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    public sealed class Handler(AppDbContext db, RecruitingService recruiting, RecruitingRules rules, MatchingIndex index, InvitationService invitations)
        : IUseCaseHandler<Query, Board>
    {
        public async Task<Result<Board>> HandleAsync(Query query, CancellationToken ct)
        {
            var actor = await rules.ActorAsync(ct);
            if (!actor.Succeeded) return actor.Cast<Board>();
            var job = actor.Value.EmployerId is { } employerId
                ? await db.Jobs.AsNoTracking().FirstOrDefaultAsync(j => j.Id == query.JobId && j.EmployerId == employerId, ct) : null;
            if (job is null) return Error.NotFound(Jobs.JobErrors.NotFound, query.JobId);
            var all = await recruiting.ForJobAsync(job.EmployerId, job.Id, ct) ?? [];
            var invited = await invitations.ForEmployerAsync(job.EmployerId, job.Id, ct);
            var talentIds = all.Select(a => a.TalentId).Distinct().ToList();
            var names = await rules.NamesAsync(job.EmployerId, talentIds.Union(invited.Select(i => i.TalentId)).ToList(), ct);
            var profiles = await db.Talent.AsNoTracking().Where(t => talentIds.Contains(t.Id)).ToDictionaryAsync(t => t.Id, ct);
            var shown = query.Filtered
                ? all.Where(a => Matches(query, job, a, names.GetValueOrDefault(a.TalentId) ?? "", profiles.GetValueOrDefault(a.TalentId))).ToList()
                : all;
            var engine = shown.Count > 0 ? await index.GetAsync(ct) : null;
            var candidates = shown.Select(a => a.TalentId).Distinct().Where(profiles.ContainsKey)
                .ToDictionary(id => id, id => CandidateOf(job, profiles[id], engine?.Explain(job.Id, id)?.Reasons));
            return new Board(job, shown, names, all.Count, rules.Today, candidates, invited);
        }

        private static Candidate CandidateOf(JobPosting job, TalentProfile profile, MatchReasons? reasons)
        {
            var held = job.OccupationCode is { } code ? profile.BestGradeIn(code) : null;
            var best = held is null ? profile.Occupations.Where(o => o.Grade is not null).OrderBy(o => o.Grade).FirstOrDefault() : null;
            var matched = reasons?.MatchedSkills ?? [];
            // A matched skill reads "氩弧焊 → 钨极氩弧焊" (written → standard item): the card shows the words as written.
            var keySkills = matched.Select(s => s.Split(" → ")[0]).Concat(profile.Skills).Distinct(StringComparer.OrdinalIgnoreCase).Take(KeySkillCount).ToList();
            return new Candidate(held is null ? best?.Code : job.OccupationCode, held ?? best?.Grade, keySkills, profile.ExperienceYears, reasons);
        }

        private static bool Matches(Query query, JobPosting job, JobApplication a, string name, TalentProfile? profile)
        {
            if (ApplicationStages.TryParse(query.Stage, out var stage) && a.Stage != stage) return false;
            var appliedDay = DateOnly.FromDateTime(DateTime.SpecifyKind(a.AppliedAt, DateTimeKind.Utc) + ChinaOffset);
            if (query.AppliedFrom is { } from && appliedDay < from) return false;
            if (query.AppliedTo is { } to && appliedDay > to) return false;
            // Grades run from 5 (初级工) to 1 (高级技师): "at least grade 3" means a number of 3 or less.
            // A job without an occupation names no grade anyone holds for it, so nobody passes a grade filter there.
            if (query.Grade is { } grade && !(job.OccupationCode is { } occupation && profile?.BestGradeIn(occupation) is { } held && held <= grade)) return false;
            if (query.Text?.Trim() is { Length: > 0 } q)
            {
                var inSkills = profile is not null && (profile.Skills.Any(s => s.Contains(q, StringComparison.OrdinalIgnoreCase))
                    || profile.DesiredTitles.Any(s => s.Contains(q, StringComparison.OrdinalIgnoreCase)));
                if (!name.Contains(q, StringComparison.OrdinalIgnoreCase) && !inSkills && !a.TalentId.Equals(q, StringComparison.OrdinalIgnoreCase)) return false;
            }
            return true;
        }
    }
}
