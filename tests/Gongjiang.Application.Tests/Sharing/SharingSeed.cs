using Gongjiang.Application.Persistence;
using Gongjiang.Application.Tests.Infrastructure;
using Gongjiang.Core.Common;
using Gongjiang.Core.Employers;
using Gongjiang.Core.Jobs;
using Gongjiang.Core.Talent;
using Microsoft.Extensions.DependencyInjection;

namespace Gongjiang.Application.Tests.Sharing;

/// <summary>Two employers, a job, and seekers in and out of the shared pool.</summary>
internal static class SharingSeed
{
    public static readonly DateTime Base = new(2026, 11, 1, 8, 0, 0, DateTimeKind.Utc);

    public static async Task SeedAsync(TestDatabase database)
    {
        await using var scope = database.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = DateTime.UtcNow;
        db.Employers.AddRange(
            new Employer { Id = "E1", Name = "青岛海卓精密机械有限公司", Uscc = "91370211MA3C7K2P3D", CityCode = "370211", IndustryCluster = "智能制造", Verification = VerificationStatus.Verified, CreatedAt = now, UpdatedAt = now },
            new Employer { Id = "E2", Name = "青岛蓝芯微电子有限公司", Uscc = "91370212MA3D1B5Q4B", CityCode = "370212", IndustryCluster = "集成电路", Verification = VerificationStatus.Verified, CreatedAt = now, UpdatedAt = now });
        db.Jobs.Add(new JobPosting { Id = "J1", EmployerId = "E1", Title = "氩弧焊工", OccupationCode = "6-18-02-04", CityCode = "370211", SalaryMin = 7000, SalaryMax = 11000,
            PostedAt = DateOnly.FromDateTime(now), Status = JobStatus.Open, Description = "负责不锈钢管道氩弧焊接。", CreatedAt = now, UpdatedAt = now });
        Add(db, new TalentProfile
        {
            Id = "T1", CityCode = "370211", SharedWithZone = true, Gender = "male", BirthYear = 1990, ExperienceYears = 8, ExpectedSalaryMin = 7000, ExpectedSalaryMax = 9000,
            Occupations = [new TalentOccupation { Code = "6-18-02-04", Grade = 3, Certified = true }], Skills = ["氩弧焊", "二氧化碳保护焊"], Certificates = ["焊工职业资格三级"],
            DesiredTitles = ["氩弧焊工"], Education = new TalentEducation { Level = EducationLevel.Associate, MajorCode = "460301", School = "青岛职业技术学院" },
            ResumeText = "从事不锈钢管道焊接八年，熟悉压力容器焊接工艺。", UpdatedAt = Base.AddDays(1),
        }, "张伟", "13812345678", "zhangwei@example.cn");
        Add(db, new TalentProfile
        {
            Id = "T2", CityCode = "370202", SharedWithZone = true, ExperienceYears = 3, ExpectedSalaryMin = 6000, ExpectedSalaryMax = 8000,
            Occupations = [new TalentOccupation { Code = "6-31-01-03", Grade = 4 }], Skills = ["PLC编程", "配电柜检修"], DesiredTitles = ["维修电工"],
            Education = new TalentEducation { Level = EducationLevel.Bachelor, MajorCode = "460306" },
            ResumeText = "负责车间设备的电气维护。", UpdatedAt = Base.AddDays(2),
        }, "李娜", "13900001111", "lina@example.cn");
        Add(db, new TalentProfile
        {
            Id = "T3", CityCode = "370211", SharedWithZone = false, ExperienceYears = 10, Occupations = [new TalentOccupation { Code = "6-18-02-04", Grade = 2 }],
            Skills = ["氩弧焊"], DesiredTitles = ["焊工"], ResumeText = "不锈钢管道焊接。", UpdatedAt = Base.AddDays(3),
        }, "王强", "13700002222", null);
        Add(db, new TalentProfile
        {
            Id = "T4", CityCode = "370211", SharedWithZone = true, IsActive = false, Occupations = [new TalentOccupation { Code = "6-18-02-04", Grade = 3 }],
            Skills = ["氩弧焊"], DesiredTitles = ["焊工"], ResumeText = "焊接。", UpdatedAt = Base.AddDays(4),
        }, "赵六", "13600003333", null);
        Add(db, new TalentProfile
        {
            Id = "T5", CityCode = "370211", SharedWithZone = true, ExperienceYears = 2, ExpectedSalaryMin = 6500, ExpectedSalaryMax = 8500,
            Occupations = [new TalentOccupation { Code = "6-18-02-04", Grade = 4 }], Skills = ["氩弧焊"], DesiredTitles = ["焊工学徒"],
            ResumeText = "在校期间学习焊接。", UpdatedAt = Base.AddDays(5),
        }, "孙七", "13500004444", null);
        await db.SaveChangesAsync();
    }

    private static void Add(AppDbContext db, TalentProfile profile, string name, string phone, string? email)
    {
        profile.CreatedAt = Base;
        db.Talent.Add(profile);
        db.TalentContacts.Add(new TalentContact { TalentId = profile.Id, Name = name, Phone = phone, Email = email, IdNumber = "370211199001011234" });
    }
}
