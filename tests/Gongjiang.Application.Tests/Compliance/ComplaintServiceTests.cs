using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Compliance;
using Gongjiang.Application.Employers;
using Gongjiang.Application.Jobs;
using Gongjiang.Application.Persistence;
using Gongjiang.Application.Tests.Infrastructure;
using Gongjiang.Core.Compliance;
using Gongjiang.Core.Employers;
using Gongjiang.Core.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongjiang.Application.Tests.Compliance;

/// <summary>A clock the test moves by hand.</summary>
internal sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset now = start;
    public override DateTimeOffset GetUtcNow() => now;
    public void Advance(TimeSpan by) => now += by;
}

public sealed class ComplaintServiceTests
{
    private static readonly Gongjiang.Application.Common.Actor Seeker = Acting.SeekerUser("user-seeker");
    private static readonly Gongjiang.Application.Common.Actor Operator = Acting.Operator("user-operator");
    internal static readonly DateTimeOffset Start = new(2026, 11, 2, 8, 0, 0, TimeSpan.Zero);

    internal static JobPosting Posting(string id, string employerId, string description = "负责不锈钢管道氩弧焊接。任职要求：持焊工证，两年以上经验。") => new()
    {
        Id = id, EmployerId = employerId, Title = "氩弧焊工", OccupationCode = "6-18-02-04", CityCode = "370211", SalaryMin = 7000, SalaryMax = 11000,
        Headcount = 3, PostedAt = DateOnly.FromDateTime(Start.UtcDateTime), ExpiresAt = DateOnly.FromDateTime(Start.UtcDateTime).AddDays(365),
        Status = JobStatus.Draft, Description = description, CreatedAt = Start.UtcDateTime, UpdatedAt = Start.UtcDateTime,
    };

    internal static async Task SeedAsync(TestDatabase database, params JobPosting[] jobs)
    {
        await using var scope = database.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = Start.UtcDateTime;
        db.Employers.AddRange(
            new Employer { Id = "E1", Name = "青岛海卓精密机械有限公司", Uscc = "91370211MA3C7K2P3D", CityCode = "370211", IndustryCluster = "智能制造", Verification = VerificationStatus.Verified, VerifiedAt = now, CreatedAt = now, UpdatedAt = now },
            new Employer { Id = "E2", Name = "青岛蓝芯微电子有限公司", LicensedName = "青岛蓝芯微电子有限公司", Uscc = "91370212MA3D1B5Q4B", CityCode = "370212", IndustryCluster = "集成电路", Verification = VerificationStatus.Verified, VerifiedAt = now, CreatedAt = now, UpdatedAt = now });
        db.Jobs.AddRange(jobs);
        await db.SaveChangesAsync();
        foreach (var job in jobs)
        {
            var published = await scope.ServiceProvider.PublishAsEmployerAsync(job.Id);
            Assert.True(published.Published, published.Refusal);
        }
    }

    private static async Task<T> WithAsync<T>(TestDatabase database, Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = database.Scope();
        return await work(scope.ServiceProvider);
    }

    private static Task<JobPosting> JobAsync(TestDatabase database, string id) =>
        WithAsync(database, sp => sp.GetRequiredService<AppDbContext>().Jobs.AsNoTracking().SingleAsync(j => j.Id == id));

    private static Task<List<ServiceLogEntry>> LogAsync(TestDatabase database) =>
        WithAsync(database, sp => sp.GetRequiredService<AppDbContext>().ServiceLog.AsNoTracking().OrderBy(e => e.Id).ToListAsync());

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_upheld_report_on_a_posting_takes_it_down_with_the_reason_until_an_operator_restores_it(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, new ManualClock(Start));
        await SeedAsync(database, Posting("J1", "E1"));

        var filed = await WithAsync(database, sp => sp.RunAsAsync(Seeker, new ReportComplaint.Command("J1", null, "fees_deposits", "面试时要求先交500元服装费。", "聊天记录截图已保存")));
        Assert.True(filed.Succeeded, filed.ToString());
        Assert.Equal(("E1", ComplaintStatus.Submitted), (filed.Value!.EmployerId, filed.Value.Status));
        var id = filed.Value.Id;

        var assigned = await WithAsync(database, sp => sp.RunAsAsync(Operator, new AssignComplaint.Command(id)));
        Assert.Equal((ComplaintStatus.Investigating, Operator.UserId), (assigned.Value!.Status, assigned.Value.AssignedToUserId));
        var noReason = await WithAsync(database, sp => sp.RunAsAsync(Operator, new ResolveComplaint.Command(id, true, " ")));
        Assert.Equal((ErrorKind.Invalid, "reason"), (noReason.FailureKind, noReason.Errors[0].Field));
        var resolved = await WithAsync(database, sp => sp.RunAsAsync(Operator, new ResolveComplaint.Command(id, true, "核实收取服装费")));
        Assert.True(resolved.Succeeded, resolved.ToString());
        var again = await WithAsync(database, sp => sp.RunAsAsync(Operator, new ResolveComplaint.Command(id, false, "重复处理")));
        Assert.Equal(ErrorKind.Conflict, again.FailureKind);

        Assert.Equal(JobStatus.TakenDown, (await JobAsync(database, "J1")).Status);
        var republish = await WithAsync(database, sp => sp.PublishAsEmployerAsync("J1"));
        Assert.False(republish.Published);
        var reasons = await WithAsync(database, sp => sp.GetRequiredService<ServiceLog>().TakedownReasonsAsync(["J1"]));
        Assert.Contains("核实收取服装费", reasons["J1"]);
        var mine = await WithAsync(database, sp => sp.RunAsAsync(Seeker, new ListMyComplaints.Query()));
        Assert.Equal([(id, ComplaintStatus.Upheld, "核实收取服装费")], mine.Value.Items.Select(c => (c.Id, c.Status, c.Resolution)));
        Assert.Equal("氩弧焊工", mine.Value.JobTitles["J1"]);
        var foreign = await WithAsync(database, sp => sp.RunAsAsync(Acting.SeekerUser("someone-else"), new GetComplaint.Query(id)));
        Assert.Equal(ErrorKind.NotFound, foreign.FailureKind);
        Assert.False((await WithAsync(database, sp => sp.RunAsAsync(Seeker, new GetComplaint.Query(id)))).Value.ByOperator);

        var restored = await WithAsync(database, sp => sp.RunAsAsync(Operator, new RestorePosting.Command("J1", "企业已整改")));
        Assert.Equal(JobStatus.Draft, restored.Value!.Status);
        Assert.True((await WithAsync(database, sp => sp.PublishAsEmployerAsync("J1"))).Published);

        var log = await LogAsync(database);
        Assert.Equal([ServiceActions.ComplaintFiled, ServiceActions.ComplaintAssigned, ServiceActions.ComplaintUpheld, ServiceActions.JobTakenDown, ServiceActions.JobRestored],
            log.Select(e => e.Action));
        Assert.All(log, e => Assert.Equal(Start.UtcDateTime, e.At));
        Assert.Equal((Operator.UserId, "job", "J1"), (log[3].ActorUserId, log[3].TargetKind, log[3].TargetId));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Three_upheld_reports_within_the_window_suspend_the_employer_until_an_operator_lifts_it(DatabaseProvider provider)
    {
        var clock = new ManualClock(Start);
        await using var database = await TestDatabase.CreateAsync(provider, clock);
        await SeedAsync(database, Posting("J1", "E1"), Posting("J2", "E1"), Posting("J3", "E1"), Posting("J4", "E1"), Posting("J9", "E2"));

        async Task UpholdAsync(string? jobId, string? employerId)
        {
            var filed = await WithAsync(database, sp => sp.RunAsAsync(Seeker, new ReportComplaint.Command(jobId, employerId, "fake_job", "岗位实际不存在，到场后推销培训课程。", null)));
            Assert.True(filed.Succeeded, filed.ToString());
            var resolved = await WithAsync(database, sp => sp.RunAsAsync(Operator, new ResolveComplaint.Command(filed.Value!.Id, true, "核实为虚假招聘")));
            Assert.True(resolved.Succeeded, resolved.ToString());
        }

        async Task DismissAsync(string jobId)
        {
            var filed = await WithAsync(database, sp => sp.RunAsAsync(Seeker, new ReportComplaint.Command(jobId, null, "other", "感觉薪资写得太高了。", null)));
            await WithAsync(database, sp => sp.RunAsAsync(Operator, new ResolveComplaint.Command(filed.Value!.Id, false, "薪资与同类岗位相符")));
        }

        // One upheld report long ago falls out of the 180-day window; dismissed reports never count.
        await UpholdAsync("J1", null);
        clock.Advance(TimeSpan.FromDays(200));
        await DismissAsync("J4");
        await DismissAsync("J4");
        await UpholdAsync("J2", null);
        await UpholdAsync(null, "E1");
        Assert.Equal(VerificationStatus.Verified, (await WithAsync(database, sp => sp.GetRequiredService<AppDbContext>().Employers.SingleAsync(e => e.Id == "E1"))).Verification);
        Assert.Equal(JobStatus.Open, (await JobAsync(database, "J4")).Status);

        await UpholdAsync("J3", null); // the third within 180 days
        var employer = await WithAsync(database, sp => sp.GetRequiredService<AppDbContext>().Employers.AsNoTracking().SingleAsync(e => e.Id == "E1"));
        Assert.Equal(VerificationStatus.Suspended, employer.Verification);
        Assert.Contains("180 天内 3 次举报", employer.VerificationNote);
        Assert.Equal(JobStatus.Closed, (await JobAsync(database, "J4")).Status);
        Assert.Equal(JobStatus.Open, (await JobAsync(database, "J9")).Status); // another employer is untouched
        var refused = await WithAsync(database, sp => sp.PublishAsEmployerAsync("J4"));
        Assert.False(refused.Published);

        var noReason = await WithAsync(database, sp => sp.RunAsAsync(Operator, new LiftSuspension.Command("E1", "")));
        Assert.Equal(ErrorKind.Invalid, noReason.FailureKind);
        var lifted = await WithAsync(database, sp => sp.RunAsAsync(Operator, new LiftSuspension.Command("E1", "企业已整改并提交承诺书")));
        Assert.Equal(VerificationStatus.Verified, lifted.Value!.Verification);
        Assert.Equal(ComplianceErrors.NotSuspended, (await WithAsync(database, sp => sp.RunAsAsync(Operator, new LiftSuspension.Command("E1", "再次")))).Errors[0].Code);
        Assert.True((await WithAsync(database, sp => sp.PublishAsEmployerAsync("J4"))).Published);

        var log = await LogAsync(database);
        Assert.Single(log, e => e.Action == ServiceActions.EmployerSuspended && e.TargetId == "E1");
        Assert.Single(log, e => e.Action == ServiceActions.JobClosedBySuspension && e.TargetId == "J4");
        Assert.Single(log, e => e.Action == ServiceActions.EmployerSuspensionLifted && e.Reason == "企业已整改并提交承诺书");
        Assert.Equal(4, log.Count(e => e.Action == ServiceActions.ComplaintUpheld));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_repeat_offender_threshold_is_configurable(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, new ManualClock(Start));
        await SeedAsync(database, Posting("J1", "E1"), Posting("J2", "E1"));
        Assert.Equal(ComplianceErrors.ThresholdRange, (await WithAsync(database, sp => sp.RunAsAsync(Operator, new SetSuspensionThreshold.Command(0, 30)))).Errors[0].Code);
        Assert.Equal(ErrorKind.Forbidden, (await WithAsync(database, sp => sp.RunAsAsync(Seeker, new SetSuspensionThreshold.Command(1, 30)))).FailureKind);
        Assert.True((await WithAsync(database, sp => sp.RunAsAsync(Operator, new SetSuspensionThreshold.Command(1, 30)))).Succeeded);
        var filed = await WithAsync(database, sp => sp.RunAsAsync(Seeker, new ReportComplaint.Command("J1", null, "discrimination", "面试时说只要男的。", null)));
        await WithAsync(database, sp => sp.RunAsAsync(Operator, new ResolveComplaint.Command(filed.Value!.Id, true, "核实存在性别歧视")));
        Assert.Equal(VerificationStatus.Suspended, (await WithAsync(database, sp => sp.GetRequiredService<AppDbContext>().Employers.SingleAsync(e => e.Id == "E1"))).Verification);
        Assert.Equal(JobStatus.Closed, (await JobAsync(database, "J2")).Status);
        Assert.Contains(await LogAsync(database), e => e.Action == ServiceActions.SettingChanged && e.Reason == "3/180d → 1/30d");
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Reports_need_one_visible_target_and_a_description(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, new ManualClock(Start));
        await SeedAsync(database, Posting("J1", "E1"));
        await using var scope = database.Scope();
        Task<Result<Complaint>> Report(string? job, string? employer, string? category, string description) =>
            scope.ServiceProvider.RunAsAsync(Seeker, new ReportComplaint.Command(job, employer, category, description, null));
        Assert.Equal("job_id", (await Report(null, null, "other", "描述足够长的内容")).Errors[0].Field);
        Assert.Equal("job_id", (await Report("J1", "E1", "other", "描述足够长的内容")).Errors[0].Field);
        Assert.Equal("description", (await Report("J1", null, "other", "短")).Errors[0].Field);
        var spam = await Report("J1", null, "spam", "描述足够长的内容");
        Assert.Equal((ComplianceErrors.UnknownCategory, "category"), (spam.Errors[0].Code, spam.Errors[0].Field));
        Assert.Equal(ComplianceErrors.CategoryRequired, (await Report("J1", null, null, "描述足够长的内容")).Errors[0].Code);
        Assert.Equal(ErrorKind.NotFound, (await Report("J404", null, "other", "描述足够长的内容")).FailureKind);
        Assert.Equal(ErrorKind.NotFound, (await Report(null, "E404", "other", "描述足够长的内容")).FailureKind);
        Assert.Equal(ErrorKind.Forbidden, (await scope.ServiceProvider.RunAsAsync(Seeker, new ResolveComplaint.Command("C1", true, "越权"))).FailureKind);
        Assert.Empty(await scope.ServiceProvider.GetRequiredService<AppDbContext>().Complaints.ToListAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Verification_decisions_are_service_logged_with_the_operator_and_the_note(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, new ManualClock(Start));
        await SeedAsync(database);
        var noNote = await WithAsync(database, sp => sp.RunAsAsync(Operator, new DecideVerification.Command("E2", false, " ")));
        Assert.Equal(("note", EmployerErrors.RejectionNoteRequired), (noNote.Errors[0].Field, noNote.Errors[0].Code));
        await WithAsync(database, sp => sp.RunAsAsync(Operator, new DecideVerification.Command("E2", false, "营业执照照片不清晰")));
        await WithAsync(database, sp => sp.RunAsAsync(Operator, new DecideVerification.Command("E2", true, null)));
        var log = (await LogAsync(database)).Where(e => e.TargetKind == ServiceTargets.Employer && e.TargetId == "E2").ToList();
        Assert.Equal([(ServiceActions.VerificationRejected, "营业执照照片不清晰"), (ServiceActions.VerificationApproved, (string?)null)], log.Select(e => (e.Action, e.Reason)));
        Assert.All(log, e => Assert.Equal(Operator.UserId, e.ActorUserId));
    }
}
