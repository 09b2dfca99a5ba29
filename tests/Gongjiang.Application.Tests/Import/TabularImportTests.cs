using System.Text;
using Gongjiang.Application.Import;
using Gongjiang.Application.Persistence;
using Gongjiang.Application.Talent;
using Gongjiang.Application.Tests.Infrastructure;
using Gongjiang.Core.Employers;
using Gongjiang.Core.Talent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;

namespace Gongjiang.Application.Tests.Import;

public sealed class TabularImportTests
{
    private static async Task SeedAsync(TestDatabase database)
    {
        await using var scope = database.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = DateTime.UtcNow;
        db.Employers.AddRange(
            new Employer { Id = "E1", Name = "青岛海卓精密机械有限公司", Uscc = "91370211MA3C7K2P3D", CityCode = "370211", IndustryCluster = "智能制造", CreatedAt = now, UpdatedAt = now },
            new Employer { Id = "E2", Name = "青岛蓝芯微电子有限公司", Uscc = "91370212MA3D1B5Q4B", CityCode = "370212", IndustryCluster = "集成电路", CreatedAt = now, UpdatedAt = now });
        db.Talent.Add(new TalentProfile { Id = "T1", CityCode = "370211", CreatedAt = now, UpdatedAt = now });
        db.TalentContacts.Add(new TalentContact { TalentId = "T1", Name = "张伟", Phone = "13812345678", IdNumber = "370211199001011234" });
        await db.SaveChangesAsync();
    }

    private static MemoryStream Utf8(string text) => new(Encoding.UTF8.GetBytes(text));

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_job_upload_is_previewed_with_line_errors_and_only_valid_rows_are_imported(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await SeedAsync(database);
        var csv = """
            id,employer_id,title,occupation_code,min_grade,skills,city,salary_min,salary_max,headcount,description,status
            J1,,氩弧焊工,6-18-02-04,3,氩弧焊:0.6;焊接工艺评定:0.4,370211,7000,11000,5,负责不锈钢管道焊接。,draft
            J2,E2,数控车工,6-18-01-01,4,,370211,7000,10000,2,操作数控车床。,draft
            J3,,数控车工,6-18-01-01,four,,370211,7000,10000,2,操作数控车床。,draft
            J4,,装配钳工,,,,999999,6000,9000,1,装配。,draft
            J1,,重复的岗位,6-18-02-04,3,,370211,7000,11000,1,重复。,draft
            """;
        await using var scope = database.Scope();
        var tabular = scope.ServiceProvider.GetRequiredService<TabularImport>();
        var preview = await tabular.PreviewJobsAsync(Utf8(csv), "jobs.csv", ownEmployerId: "E1");
        Assert.Null(preview.FileError);
        Assert.Equal([2, 3, 4, 5, 6], preview.Rows.Select(r => r.Line));
        Assert.True(preview.Rows[0].IsValid, preview.Rows[0].Error);
        Assert.Contains("employer_id", preview.Rows[1].Error);  // another employer's id in an employer's own upload
        Assert.Contains("min_grade", preview.Rows[2].Error);
        Assert.Contains("city", preview.Rows[3].Error);
        Assert.Contains("duplicate id J1", preview.Rows[4].Error);
        Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<AppDbContext>().Jobs.CountAsync()); // a preview saves nothing

        var report = await tabular.ImportAsync(preview);
        Assert.Equal((1, 0), (report.Inserted, report.Skipped));
        var job = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Jobs.AsNoTracking().SingleAsync();
        Assert.Equal(("J1", "E1", 2), (job.Id, job.EmployerId, job.Skills.Count));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Resumes_are_deduplicated_by_phone_or_id_number_from_csv_and_xlsx(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await SeedAsync(database);
        await using var scope = database.Scope();
        var tabular = scope.ServiceProvider.GetRequiredService<TabularImport>();
        var service = scope.ServiceProvider.GetRequiredService<TalentService>();
        Assert.Equal("T1", await service.FindTalentIdByIdentityAsync("13812345678", null));
        Assert.Equal("T1", await service.FindTalentIdByIdentityAsync(null, "370211199001011234"));
        Assert.Null(await service.FindTalentIdByIdentityAsync("13900000000", null));
        Assert.Null(await service.FindTalentIdByIdentityAsync(null, null));

        var rows = new[]
        {
            // Same phone as T1, given without an id: updates T1.
            new Dictionary<string, object?> { ["id"] = null, ["name"] = "张伟", ["phone"] = "13812345678", ["id_number"] = null, ["city"] = "370211", ["occupations"] = "6-18-02-04:3:certified", ["skills"] = "氩弧焊;焊接工艺评定", ["experience_years"] = 6.5 },
            // Same ID number as T1 under another id: also T1.
            new Dictionary<string, object?> { ["id"] = "T9", ["name"] = "张伟", ["phone"] = null, ["id_number"] = "370211199001011234", ["city"] = "370211", ["occupations"] = null, ["skills"] = null, ["experience_years"] = null },
            new Dictionary<string, object?> { ["id"] = "T2", ["name"] = "李娜", ["phone"] = "13987654321", ["id_number"] = null, ["city"] = "370212", ["occupations"] = "6-18-01-01:4", ["skills"] = null, ["experience_years"] = 3 },
            // The same phone again within the file.
            new Dictionary<string, object?> { ["id"] = "T3", ["name"] = "王强", ["phone"] = "13987654321", ["id_number"] = null, ["city"] = "370212", ["occupations"] = null, ["skills"] = null, ["experience_years"] = null },
            new Dictionary<string, object?> { ["id"] = "T4", ["name"] = "", ["phone"] = "13700000000", ["id_number"] = null, ["city"] = "370212", ["occupations"] = null, ["skills"] = null, ["experience_years"] = null },
        };
        var xlsx = new MemoryStream();
        xlsx.SaveAs(rows, excelType: ExcelType.XLSX);
        xlsx.Position = 0;
        var preview = await tabular.PreviewTalentAsync(xlsx, "resumes.xlsx");
        Assert.Null(preview.FileError);
        Assert.Equal([2, 3, 4, 5, 6], preview.Rows.Select(r => r.Line));
        Assert.Equal(["T1", "T1", "T2"], preview.Rows.Take(3).Select(r => r.Id));
        Assert.NotNull(preview.Rows[0].Note);
        Assert.True(preview.Rows[0].IsValid, preview.Rows[0].Error);
        Assert.Contains("duplicate id T1", preview.Rows[1].Error); // the same person twice in one file
        Assert.Contains("line 4", preview.Rows[3].Error);
        Assert.Contains("name", preview.Rows[4].Error);

        var report = await tabular.ImportAsync(preview);
        Assert.Equal((1, 1), (report.Inserted, report.Updated));
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.Equal(["T1", "T2"], await db.Talent.Select(t => t.Id).OrderBy(t => t).ToListAsync());
        var t1 = await db.Talent.AsNoTracking().SingleAsync(t => t.Id == "T1");
        Assert.Equal((6.5, 1), (t1.ExperienceYears, t1.Occupations.Count));

        var csvPreview = await tabular.PreviewTalentAsync(Utf8("id,name,phone,city\nT5,赵敏,13612345678,370211\n"), "resumes.csv");
        Assert.Equal(("T5", true), (csvPreview.Rows.Single().Id, csvPreview.Rows.Single().IsValid));
        Assert.NotNull((await tabular.PreviewTalentAsync(Utf8("x"), "resumes.txt")).FileError);
        Assert.NotNull((await tabular.PreviewTalentAsync(Utf8("not a zip"), "resumes.xlsx")).FileError);
    }
}
