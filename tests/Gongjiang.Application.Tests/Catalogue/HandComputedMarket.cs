using Gongjiang.Application.Persistence;
using Gongjiang.Core.Employers;
using Gongjiang.Core.Jobs;
using Gongjiang.Core.Recruiting;
using Gongjiang.Core.Talent;

namespace Gongjiang.Application.Tests.Catalogue;

/// <summary>
/// A market small enough to compute the catalogue of 2026Q3 by hand (the expected values are worked out in
/// CatalogueBuildTests). 焊工 A = 6-18-02-04, its minor-group sibling A2 = 6-18-02-05, B = 2-02-07-13 (demand, no
/// supply), C = 6-20-01-01 (demand equals supply), D = 6-18-01-01 (supply, no demand).
/// </summary>
public static class HandComputedMarket
{
    public const string A = "6-18-02-04", A2 = "6-18-02-05", B = "2-02-07-13", C = "6-20-01-01", D = "6-18-01-01";

    public static async Task SeedAsync(AppDbContext db)
    {
        db.Employers.AddRange(
            new Employer { Id = "E1", Name = "青岛一厂", Uscc = "", CityCode = "370211", IndustryCluster = "高端装备", Employees = 800 },
            new Employer { Id = "E2", Name = "青岛二厂", Uscc = "", CityCode = "370212", IndustryCluster = "新一代信息技术", Employees = 60 },
            new Employer { Id = "E3", Name = "济南三厂", Uscc = "", CityCode = "370102", IndustryCluster = "高端装备", Employees = 120 });
        db.Jobs.AddRange(
            Job("J1", "E1", A, "370211", 5, 6000, 8000, "2026-06-15", "2026-07-10", JobStatus.Closed), // starts before the quarter
            Job("J2", "E2", A, "370212", 3, 8000, 10000, "2026-09-20", "2026-10-31", JobStatus.Open),  // ends after it
            Job("J3", "E1", A, "370211", 100, 6000, 8000, "2026-10-01", null, JobStatus.Open),       // after the quarter
            Job("J4", "E1", A, "370211", 50, 5000, 7000, "2026-05-01", "2026-06-30", JobStatus.Expired), // before it
            Job("J5", "E1", A, "370211", 20, 6000, 8000, "2026-07-05", null, JobStatus.Draft),
            Job("J6", "E1", A, "370211", 20, 6000, 8000, "2026-07-05", null, JobStatus.TakenDown),
            Job("J7", "E3", B, "370102", 2, 15000, 25000, "2026-07-01", null, JobStatus.Open),
            Job("J8", "E1", C, "370211", 4, 7000, 9000, "2026-08-01", "2026-08-31", JobStatus.Closed),
            Job("J9", "E3", A, "370102", 1, 6500, 7500, "2026-07-10", "2026-08-10", JobStatus.Closed));
        var j7 = db.Jobs.Local.Single(j => j.Id == "J7");
        j7.Skills = [new JobSkill { Name = "智能制造共性技术运用", Weight = 0.6 }, new JobSkill { Name = "沟通能力", Weight = 0.4 }];
        db.Talent.AddRange(
            Seeker("T1", "370211", "2025-01-01", "2026-07-01", A),          // active on the quarter's first day only
            Seeker("T2", "370212", "2026-09-30", "2026-12-01", A, A),       // registered on its last day; A listed twice
            Seeker("T3", "370211", "2026-10-01", "2026-10-05", A),          // after the quarter
            Seeker("T4", "370211", "2026-01-01", "2026-06-30", A),          // before it
            Seeker("T5", "370203", "2026-07-01", "2026-09-30", C),
            Seeker("T6", "370203", "2026-07-01", "2026-09-30", C),
            Seeker("T7", "370203", "2026-07-01", "2026-09-30", C),
            Seeker("T8", "370203", "2026-07-01", "2026-09-30", C),
            Seeker("T9", "370102", "2026-07-15", "2026-08-01", D),
            Seeker("T10", "370211", "2026-08-01", "2026-09-01", A, A2));
        db.Outcomes.AddRange(
            Event("J1", "T1", OutcomeStage.Applied, "2026-07-03T01:00:00Z"),
            Event("J1", "T2", OutcomeStage.Applied, "2026-07-03T02:00:00Z"),
            Event("J1", "T1", OutcomeStage.Hired, "2026-07-05T02:00:00Z"),   // 20 days after posting, in the quarter
            Event("J2", "T2", OutcomeStage.Hired, "2026-09-30T17:00:00Z"),   // 2026-10-01 in China: 11 days, after the quarter
            Event("J4", "T4", OutcomeStage.Hired, "2026-07-02T00:00:00Z"));  // in the quarter, on a posting of the previous one
        await db.SaveChangesAsync();
    }

    private static DateOnly Day(string text) => DateOnly.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

    private static JobPosting Job(string id, string employer, string occupation, string city, int headcount, int min, int max,
        string posted, string? expires, JobStatus status) => new()
        {
            Id = id, EmployerId = employer, Title = id, OccupationCode = occupation, CityCode = city, Headcount = headcount,
            SalaryMin = min, SalaryMax = max, PostedAt = Day(posted), ExpiresAt = expires is null ? null : Day(expires), Status = status,
            EducationMin = Core.Common.EducationLevel.SecondaryVocational, ExperienceMinYears = 2,
        };

    private static TalentProfile Seeker(string id, string city, string registered, string lastActive, params string[] occupations) => new()
    {
        Id = id, CityCode = city, RegisteredAt = Day(registered), LastActiveAt = Day(lastActive),
        Occupations = occupations.Select(o => new TalentOccupation { Code = o }).ToList(),
    };

    private static Outcome Event(string job, string talent, OutcomeStage stage, string at) =>
        new() { JobId = job, TalentId = talent, Stage = stage, At = DateTime.Parse(at, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal) };
}
