using System.Globalization;
using System.Reflection;
using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Matching;
using Gongjiang.Application.Notifications;
using Gongjiang.Application.Persistence;
using Gongjiang.Application.Recruiting;
using Gongjiang.Application.Tests.Infrastructure;
using Gongjiang.Core.Employers;
using Gongjiang.Core.Jobs;
using Gongjiang.Core.Recruiting;
using Gongjiang.Core.Talent;
using Microsoft.Extensions.DependencyInjection;

namespace Gongjiang.Application.Tests.Recruiting;

/// <summary>The recruiting use cases as the pages and the API run them: the acting user comes from the scope, errors carry codes and fields.</summary>
public sealed class RecruitingUseCaseTests
{
    private static async Task<TestDatabase> SeededAsync(DatabaseProvider provider)
    {
        var database = await TestDatabase.CreateAsync(provider);
        await using var scope = database.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = DateTime.UtcNow;
        db.Employers.AddRange(
            new Employer { Id = "E1", Name = "青岛海卓精密机械有限公司", Uscc = "91370211MA3C7K2P3D", CityCode = "370211", IndustryCluster = "智能制造", Verification = VerificationStatus.Verified, CreatedAt = now, UpdatedAt = now },
            new Employer { Id = "E2", Name = "青岛蓝芯微电子有限公司", Uscc = "91370212MA3D1B5Q4B", CityCode = "370212", IndustryCluster = "集成电路", Verification = VerificationStatus.Verified, CreatedAt = now, UpdatedAt = now });
        db.Jobs.Add(new JobPosting { Id = "J1", EmployerId = "E1", Title = "氩弧焊工", OccupationCode = "6-18-02-04", CityCode = "370211", SalaryMin = 7000, SalaryMax = 11000,
            PostedAt = DateOnly.FromDateTime(now), Status = JobStatus.Open, Description = "负责不锈钢管道氩弧焊接。", CreatedAt = now, UpdatedAt = now });
        foreach (var (id, name, skill) in new[] { ("T1", "张伟", "氩弧焊"), ("T2", "李娜", "数控车床") })
        {
            db.Talent.Add(new TalentProfile { Id = id, CityCode = "370211", Skills = [skill] });
            db.TalentContacts.Add(new TalentContact { TalentId = id, Name = name });
        }
        await db.SaveChangesAsync();
        return database;
    }

    private static async Task<string> ApplyAsync(TestDatabase database, string talentId)
    {
        await using var scope = database.Scope();
        var applied = await scope.ServiceProvider.RunAsSeekerAsync("U-" + talentId, talentId, new ApplyToJob.Command("J1"));
        Assert.True(applied.Succeeded, applied.ToString());
        return applied.Value.Id;
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Applying_and_moving_answer_coded_errors_with_their_fields(DatabaseProvider provider)
    {
        await using var database = await SeededAsync(provider);
        var id = await ApplyAsync(database, "T1");
        await using var scope = database.Scope();
        var services = scope.ServiceProvider;

        var twice = await services.RunAsSeekerAsync("U-T1", "T1", new ApplyToJob.Command("J1"));
        Assert.Equal((ErrorKind.Conflict, RecruitingErrors.AlreadyApplied), (twice.FailureKind, twice.Errors[0].Code));
        Assert.Equal("您已申请过该岗位。", twice.Text());
        var byHr = await services.RunAsHrAsync("U-hr", "E1", new ApplyToJob.Command("J1"));
        Assert.Equal(RecruitingErrors.SeekersOnly, Assert.Single(byHr.Errors).Code);
        Assert.Equal(ErrorKind.NotFound, (await services.RunAsSeekerAsync("U-T2", "T2", new ApplyToJob.Command("J404"))).FailureKind);

        var nowhere = await services.RunAsHrAsync("U-hr", "E1", new MoveApplication.Command(id, "somewhere", null));
        Assert.Equal(("to", RecruitingErrors.UnknownStage), (nowhere.Errors[0].Field, nowhere.Errors[0].Code));
        // The seeker and another employer are told the application does not exist.
        Assert.Equal(ErrorKind.NotFound, (await services.RunAsSeekerAsync("U-T1", "T1", new MoveApplication.Command(id, "screening", null))).FailureKind);
        Assert.Equal(ErrorKind.NotFound, (await services.RunAsHrAsync("U-hr2", "E2", new MoveApplication.Command(id, "screening", null))).FailureKind);

        var unconfirmed = await services.RunAsHrAsync("U-hr", "E1", new RejectApplication.Command(id, Confirm: false, Reason: " ", Version: null));
        Assert.Equal(["confirm", "reason"], unconfirmed.Errors.Select(e => e.Field));
        Assert.All(unconfirmed.Errors, e => Assert.Equal(ErrorKind.Invalid, e.Kind));

        var moved = await services.RunAsHrAsync("U-hr", "E1", new MoveApplication.Command(id, "interview", null));
        Assert.Equal(ApplicationStage.Interview, moved.Value.Stage);
        var back = await services.RunAsHrAsync("U-hr", "E1", new MoveApplication.Command(id, "screening", moved.Value.Version));
        Assert.Equal((ErrorKind.Conflict, RecruitingErrors.IllegalMove), (back.FailureKind, back.Errors[0].Code));
        Assert.Equal("不能从「面试」变更为「筛选中」。", back.Text());
        var stale = await services.RunAsHrAsync("U-hr", "E1", new WithdrawApplication.Command(id, null, Guid.NewGuid()));
        Assert.Equal(ErrorKind.NotFound, stale.FailureKind); // HR cannot withdraw for the seeker: not their side of the application
        var lateSeeker = await services.RunAsSeekerAsync("U-T1", "T1", new WithdrawApplication.Command(id, null, Guid.NewGuid()));
        Assert.Equal(RecruitingErrors.ChangedMeanwhile, lateSeeker.Errors[0].Code);

        var offer = await services.RunAsHrAsync("U-hr", "E1", new SendOffer.Command(id, 0, null, "", null, null));
        Assert.Equal(["startDate", "expiresOn"], offer.Errors.Select(e => e.Field));
        Assert.Equal("请填写入职日期和有效期。", offer.Errors[0].Text());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_board_filters_and_the_bulk_report_names_whom_it_could_not_change(DatabaseProvider provider)
    {
        await using var database = await SeededAsync(provider);
        var first = await ApplyAsync(database, "T1");
        var second = await ApplyAsync(database, "T2");
        await using var scope = database.Scope();
        var services = scope.ServiceProvider;
        Assert.True((await services.RunAsHrAsync("U-hr", "E1", new MoveApplication.Command(second, "interview", null))).Succeeded);

        var board = (await services.RunAsHrAsync("U-hr", "E1", new GetBoard.Query("J1"))).Value;
        Assert.Equal((2, "张伟"), (board.Total, board.Names["T1"]));
        var welders = (await services.RunAsHrAsync("U-hr", "E1", new GetBoard.Query("J1", Text: "氩弧"))).Value;
        Assert.Equal([first], welders.Applications.Select(a => a.Id));
        Assert.Equal(2, welders.Total);
        Assert.Equal([second], (await services.RunAsHrAsync("U-hr", "E1", new GetBoard.Query("J1", Stage: "interview"))).Value.Applications.Select(a => a.Id));
        Assert.Equal(ErrorKind.NotFound, (await services.RunAsHrAsync("U-hr2", "E2", new GetBoard.Query("J1"))).FailureKind);

        var report = (await services.RunAsHrAsync("U-hr", "E1", new ChangeApplications.Command("J1", [first, second, "A-nope"], "screening", null, false))).Value;
        Assert.Equal((1, 2), (report.Changed, report.Refused));
        var refused = report.Items.Single(i => i.ApplicationId == second);
        Assert.Equal(("李娜", RecruitingErrors.IllegalMove), (refused.Name, refused.Error!.Code));
        Assert.Equal(RecruitingErrors.NotOfJob, report.Items.Single(i => i.ApplicationId == "A-nope").Error!.Code);
        var none = await services.RunAsHrAsync("U-hr", "E1", new ChangeApplications.Command("J1", [], "screening", null, false));
        Assert.Equal(("applicationIds", RecruitingErrors.NoneSelected), (none.Errors[0].Field, none.Errors[0].Code));
        Assert.Equal(ErrorKind.NotFound, (await services.RunAsHrAsync("U-hr2", "E2", new ChangeApplications.Command("J1", [first], "screening", null, false))).FailureKind);
    }

    public static TheoryData<string> Codes()
    {
        var data = new TheoryData<string>();
        foreach (var type in new[] { typeof(RecruitingErrors), typeof(InvitationErrors), typeof(NotificationErrors), typeof(MatchingErrors) })
            foreach (var field in type.GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral))
                data.Add((string)field.GetRawConstantValue()!);
        return data;
    }

    [Theory]
    [MemberData(nameof(Codes))]
    public void Every_recruiting_error_code_has_a_chinese_and_an_english_message(string code)
    {
        var chinese = ErrorText.Template(code, CultureInfo.GetCultureInfo("zh-CN"));
        var english = ErrorText.Template(code, CultureInfo.GetCultureInfo("en"));
        Assert.False(string.IsNullOrWhiteSpace(chinese), code);
        Assert.NotEqual(chinese, english); // a missing English entry falls back to the Chinese one
        Assert.DoesNotMatch(@"\p{IsCJKUnifiedIdeographs}", english!);
    }
}
