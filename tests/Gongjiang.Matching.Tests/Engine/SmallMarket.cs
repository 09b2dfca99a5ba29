using Gongjiang.Core.Common;
using Gongjiang.Core.Jobs;
using Gongjiang.Core.Taxonomy;
using Gongjiang.Core.Talent;
using Gongjiang.Matching.Engine;

namespace Gongjiang.Matching.Tests.Engine;

/// <summary>A small hand-made market in 青岛 and 济南 around welders and electricians.</summary>
internal static class SmallMarket
{
    public const string Welder = "6-18-02-04";       // 焊工
    public const string HeatTreater = "6-18-02-03";  // 金属热处理工, same minor group as 焊工
    public const string Electrician = "6-31-01-03";  // 电工
    public const string Qingdao = "370200", Huangdao = "370211", Jinan = "370100", Lixia = "370102";

    public static readonly DateOnly Today = new(2026, 7, 15);
    public static readonly MatchOptions Options = new() { Today = Today };
    public static TaxonomyCatalog Catalog => TaxonomyCatalog.Default;

    public static JobPosting WelderJob(string id = "J1") => new()
    {
        Id = id, EmployerId = "E1", Title = "氩弧焊工（五险一金，包住）", OccupationCode = Welder, MinGrade = 4,
        Skills = [new() { Name = "氩弧焊", Weight = 0.5 }, new() { Name = "焊接工艺评定", Weight = 0.2 },
                  new() { Name = "二氧化碳气体保护焊", Weight = 0.2 }, new() { Name = "识图", Weight = 0.1 }],
        CityCode = Huangdao, SalaryMin = 7000, SalaryMax = 11000, Headcount = 5,
        PostedAt = new(2026, 7, 1), ExpiresAt = new(2026, 9, 30), Status = JobStatus.Open, Description = "船舶焊接",
    };

    public static JobPosting ElectricianJob(string id = "J2") => new()
    {
        Id = id, EmployerId = "E2", Title = "设备电工", OccupationCode = Electrician, MinGrade = 4,
        CityCode = Jinan, SalaryMin = 6000, SalaryMax = 9000, PostedAt = new(2026, 7, 10), ExpiresAt = new(2026, 8, 31),
        Status = JobStatus.Open,
    };

    public static TalentProfile WelderTalent(string id = "T1", int grade = 3, string city = Huangdao) => new()
    {
        Id = id, Gender = "male", BirthYear = 1995, CityCode = city,
        Education = new() { Level = EducationLevel.SecondaryVocational },
        Occupations = [new() { Code = Welder, Grade = grade, Certified = true }],
        Skills = ["氩弧焊", "二氧化碳气体保护焊", "识图"], ExperienceYears = 6.5,
        ExpectedSalaryMin = 7000, ExpectedSalaryMax = 10000, DesiredTitles = ["焊工", "焊接技术员"],
        UpdatedAt = new DateTime(2026, 7, 1), IsActive = true,
    };

    public static TalentProfile ElectricianTalent(string id = "T2", string city = Jinan) => new()
    {
        Id = id, Gender = "female", BirthYear = 1990, CityCode = city,
        Education = new() { Level = EducationLevel.Associate },
        Occupations = [new() { Code = Electrician, Grade = 4, Certified = true }],
        Skills = ["电气设备装调维修", "继电控制电路装调维修"], ExperienceYears = 4,
        ExpectedSalaryMin = 6000, ExpectedSalaryMax = 8000, DesiredTitles = ["电工"], IsActive = true,
    };

    public static MatchingEngine Index(IEnumerable<JobPosting> jobs, IEnumerable<TalentProfile> talent) =>
        MatchingEngine.Build(Catalog, jobs, talent);

    public static string[] Ids(IEnumerable<MatchResult> results, bool talent = true) =>
        results.Select(r => talent ? r.TalentId : r.JobId).ToArray();
}
