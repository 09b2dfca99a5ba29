using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Persistence;
using Gongjiang.Application.Recruiting;
using Gongjiang.Application.Tests.Infrastructure;
using Gongjiang.Core.Employers;
using Gongjiang.Core.Jobs;
using Gongjiang.Core.Recruiting;
using Gongjiang.Core.Talent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongjiang.Application.Tests.Recruiting;

public sealed class RecruitingServiceTests
{
    private static readonly RecruitingActor Hr = new("user-hr", "E1", null, "王经理");
    private static readonly RecruitingActor OtherHr = new("user-hr-b", "E1", null, "刘主管");
    private static readonly RecruitingActor Seeker = new("user-seeker", null, "T1", "张伟");
    private static readonly RecruitingActor ForeignHr = new("user-foreign", "E2", null, "赵");

    private static async Task SeedAsync(TestDatabase database)
    {
        await using var scope = database.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = DateTime.UtcNow;
        db.Employers.AddRange(
            new Employer { Id = "E1", Name = "青岛海卓精密机械有限公司", Uscc = "91370211MA3C7K2P3D", CityCode = "370211", IndustryCluster = "智能制造", Verification = VerificationStatus.Verified, CreatedAt = now, UpdatedAt = now },
            new Employer { Id = "E2", Name = "青岛蓝芯微电子有限公司", Uscc = "91370212MA3D1B5Q4B", CityCode = "370212", IndustryCluster = "集成电路", Verification = VerificationStatus.Verified, CreatedAt = now, UpdatedAt = now });
        db.Jobs.Add(new JobPosting { Id = "J1", EmployerId = "E1", Title = "氩弧焊工", OccupationCode = "6-18-02-04", CityCode = "370211", SalaryMin = 7000, SalaryMax = 11000,
            PostedAt = DateOnly.FromDateTime(now), Status = JobStatus.Open, Description = "负责不锈钢管道氩弧焊接。", CreatedAt = now, UpdatedAt = now });
        db.Talent.Add(new TalentProfile { Id = "T1", CityCode = "370211" });
        await db.SaveChangesAsync();
    }

    private static async Task<(TestDatabase Database, string ApplicationId)> AppliedAsync(DatabaseProvider provider)
    {
        var database = await TestDatabase.CreateAsync(provider);
        await SeedAsync(database);
        await using var scope = database.Scope();
        var applied = await scope.ServiceProvider.GetRequiredService<RecruitingService>().ApplyAsync(Seeker, "J1");
        Assert.True(applied.Succeeded, applied.ToString());
        return (database, applied.Value!.Id);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_application_goes_from_applied_to_signed_with_its_history_and_outcomes(DatabaseProvider provider)
    {
        var (database, id) = await AppliedAsync(provider);
        await using (database)
        {
            await using (var scope = database.Scope())
            {
                var service = scope.ServiceProvider.GetRequiredService<RecruitingService>();
                Assert.True((await service.MoveAsync(Hr, id, ApplicationStage.Screening, null, "简历符合")).Succeeded);
                var scheduled = await service.ScheduleInterviewAsync(Hr, id, new InterviewInput(DateTime.UtcNow.AddDays(2), "黄岛区车间三楼", null), null);
                Assert.True(scheduled.Succeeded, scheduled.ToString());
                var interviewId = scheduled.Value!.Interviews.Single().Id;
                Assert.True((await service.RescheduleInterviewAsync(Hr, id, interviewId, new InterviewInput(DateTime.UtcNow.AddDays(3), null, "https://meeting.example.cn/abc"))).Succeeded);
                Assert.True((await service.AddScorecardAsync(Hr, id, interviewId, 4, "实操熟练")).Succeeded);
                Assert.True((await service.AddScorecardAsync(OtherHr, id, interviewId, 5, null)).Succeeded);
                Assert.Equal(ErrorKind.Invalid, (await service.AddScorecardAsync(Hr, id, interviewId, 6, null)).FailureKind);
                Assert.True((await service.SetInterviewStatusAsync(Hr, id, interviewId, InterviewStatus.Done)).Succeeded);
                var today = DateOnly.FromDateTime(DateTime.UtcNow);
                Assert.True((await service.SendOfferAsync(Hr, id, new OfferInput(9500, today.AddDays(30), "青岛黄岛区", today.AddDays(7)), null)).Succeeded);
                Assert.Equal(ErrorKind.Conflict, (await service.ConfirmSigningAsync(Hr, id, null)).FailureKind); // not yet accepted
                Assert.True((await service.AnswerOfferAsync(Seeker, id, accept: true)).Succeeded);
                var signed = await service.ConfirmSigningAsync(Hr, id, null);
                Assert.True(signed.Succeeded, signed.ToString());
            }
            await using (var scope = database.Scope())
            {
                var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
                var application = (await scope.ServiceProvider.GetRequiredService<RecruitingService>().ForSeekerAsync("T1")).Single();
                Assert.Equal(ApplicationStage.Signed, application.Stage);
                Assert.Equal([ApplicationStage.Applied, ApplicationStage.Screening, ApplicationStage.Interview, ApplicationStage.Offer, ApplicationStage.Signed],
                    application.History.OrderBy(h => h.Id).Select(h => h.To));
                Assert.Equal("简历符合", application.History.Single(h => h.To == ApplicationStage.Screening).Reason);
                var interview = application.Interviews.Single();
                Assert.Equal((InterviewStatus.Done, "https://meeting.example.cn/abc"), (interview.Status, interview.OnlineLink));
                Assert.Equal([4, 5], interview.Scorecards.OrderBy(s => s.Score).Select(s => s.Score));
                Assert.Equal(OfferStatus.Accepted, application.CurrentOffer!.Status);
                var outcomes = await db.Outcomes.Where(o => o.JobId == "J1" && o.TalentId == "T1").Select(o => o.Stage).ToListAsync();
                Assert.Equal([OutcomeStage.Applied, OutcomeStage.Interviewed, OutcomeStage.Offered, OutcomeStage.Hired], outcomes.Order());
            }
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Two_HR_users_changing_one_application_at_once_lose_no_update(DatabaseProvider provider)
    {
        var (database, id) = await AppliedAsync(provider);
        await using (database)
        {
            await using var first = database.Scope();
            await using var second = database.Scope();
            var firstDb = first.ServiceProvider.GetRequiredService<AppDbContext>();
            var secondDb = second.ServiceProvider.GetRequiredService<AppDbContext>();
            // Both read the same version, then both write: the database decides, and the later writer is told so.
            var a = await firstDb.Applications.Include(x => x.History).SingleAsync(x => x.Id == id);
            var b = await secondDb.Applications.Include(x => x.History).SingleAsync(x => x.Id == id);
            Assert.Null(a.TryMove(ApplicationStage.Screening, RecruitingRole.Employer, Hr.UserId, DateTime.UtcNow, "甲"));
            Assert.Null(b.TryMove(ApplicationStage.Interview, RecruitingRole.Employer, OtherHr.UserId, DateTime.UtcNow, "乙"));
            await firstDb.SaveChangesAsync();
            await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => secondDb.SaveChangesAsync());

            // Through the service: a writer holding the old version gets a conflict with a clear message, not an overwrite.
            await using var third = database.Scope();
            var service = third.ServiceProvider.GetRequiredService<RecruitingService>();
            var current = await ReadAsync(database, id);
            var moved = await service.MoveAsync(Hr, id, ApplicationStage.Interview, current.Version, "丙");
            Assert.True(moved.Succeeded, moved.ToString());
            var stale = await service.RejectAsync(OtherHr, id, confirmed: true, "丁", current.Version);
            Assert.Equal(ErrorKind.Conflict, stale.FailureKind);
            Assert.Equal(RecruitingErrors.ChangedMeanwhile, stale.Errors[0].Code);
            Assert.Contains("刚被其他人修改过", stale.Text());

            var final = await ReadAsync(database, id);
            Assert.Equal(ApplicationStage.Interview, final.Stage);
            Assert.Equal(["甲", "丙"], final.History.Where(h => h.Reason is not null).OrderBy(h => h.Id).Select(h => h.Reason));
        }
    }

    private static async Task<JobApplication> ReadAsync(TestDatabase database, string id)
    {
        await using var scope = database.Scope();
        return (await scope.ServiceProvider.GetRequiredService<RecruitingService>().FindAsync(Hr, id))!;
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Rejection_requires_a_human_confirmation_and_a_reason(DatabaseProvider provider)
    {
        var (database, id) = await AppliedAsync(provider);
        await using (database)
        {
            await using var scope = database.Scope();
            var service = scope.ServiceProvider.GetRequiredService<RecruitingService>();
            Assert.Equal(ErrorKind.Invalid, (await service.RejectAsync(Hr, id, confirmed: false, "不符合", null)).FailureKind);
            Assert.Equal(ErrorKind.Invalid, (await service.RejectAsync(Hr, id, confirmed: true, " ", null)).FailureKind);
            Assert.Equal(ErrorKind.Invalid, (await service.MoveAsync(Hr, id, ApplicationStage.Rejected, null, "不符合")).FailureKind);
            Assert.Equal(ApplicationStage.Applied, (await ReadAsync(database, id)).Stage);

            var rejected = await service.RejectAsync(Hr, id, confirmed: true, "焊工证已过期", null);
            Assert.True(rejected.Succeeded, rejected.ToString());
            var seen = (await service.ForSeekerAsync("T1")).Single();
            Assert.Equal(ApplicationStage.Rejected, seen.Stage);
            Assert.Equal("焊工证已过期", seen.History.Single(h => h.To == ApplicationStage.Rejected).Reason);
            Assert.Equal(ErrorKind.Conflict, (await service.WithdrawAsync(Seeker, id, null, null)).FailureKind);
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task One_application_per_job_and_seeker_and_others_cannot_see_it(DatabaseProvider provider)
    {
        var (database, id) = await AppliedAsync(provider);
        await using (database)
        {
            await using var scope = database.Scope();
            var service = scope.ServiceProvider.GetRequiredService<RecruitingService>();
            Assert.Equal(ErrorKind.Conflict, (await service.ApplyAsync(Seeker, "J1")).FailureKind);
            Assert.Null(await service.FindAsync(ForeignHr, id));
            Assert.Null(await service.ForJobAsync("E2", "J1"));
            Assert.Equal(ErrorKind.NotFound, (await service.MoveAsync(ForeignHr, id, ApplicationStage.Screening, null)).FailureKind);
            Assert.Equal(ErrorKind.NotFound, (await service.MoveAsync(Seeker, id, ApplicationStage.Screening, null)).FailureKind);
            var withdrawn = await service.WithdrawAsync(Seeker, id, "已找到工作", null);
            Assert.True(withdrawn.Succeeded, withdrawn.ToString());
        }
    }
}
