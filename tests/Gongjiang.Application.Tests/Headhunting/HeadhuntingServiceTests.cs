using Gongjiang.Application.Headhunting;
using Gongjiang.Application.Persistence;
using Gongjiang.Application.Recruiting;
using Gongjiang.Application.Tests.Infrastructure;
using Gongjiang.Core.Employers;
using Gongjiang.Core.Headhunting;
using Gongjiang.Core.Talent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongjiang.Application.Tests.Headhunting;

public sealed class HeadhuntingServiceTests
{
    private static readonly RecruitingActor Consultant = new("user-agency", "A1", null, "猎头顾问");
    private static readonly RecruitingActor OtherAgency = new("user-agency-b", "A2", null, "另一家机构");
    private static readonly RecruitingActor ClientHr = new("user-hr", "E1", null, "王经理");

    /// <summary>Monday 2026-03-02 09:00 China time.</summary>
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 1, 0, 0, TimeSpan.Zero);

    private static async Task SeedAsync(TestDatabase database)
    {
        await using var scope = database.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = Start.UtcDateTime;
        Employer Make(string id, string name, string uscc, bool agency) => new()
        {
            Id = id, Name = name, Uscc = uscc, CityCode = "370211", IndustryCluster = "智能制造", Verification = VerificationStatus.Verified,
            IsAgency = agency, CreatedAt = now, UpdatedAt = now,
        };
        db.Employers.AddRange(Make("E1", "青岛海卓精密机械有限公司", "91370211MA3C7K2P3D", false), Make("A1", "青岛匠才人力资源服务有限公司", "91370211MA3C8L4R5F", true),
            Make("A2", "青岛英才猎头服务有限公司", "91370212MA3D2C6S7G", true));
        for (var i = 1; i <= 6; i++)
        {
            db.Talent.Add(new TalentProfile
            {
                Id = $"T{i}", CityCode = "370211", SharedWithZone = i != 6, ExperienceYears = 5, Skills = ["氩弧焊"],
                Occupations = [new TalentOccupation { Code = "6-18-02-04", Grade = 3, Certified = true }], CreatedAt = now, UpdatedAt = now,
            });
            db.TalentContacts.Add(new TalentContact { TalentId = $"T{i}", Name = $"张{i}号", Phone = $"1381234567{i}" });
        }
        await db.SaveChangesAsync();
    }

    private static ProjectInput Input(int target = 4) => new("E1", "焊接技师专项招聘", target, "6-18-02-04", 3, "370211", 8000, 12000,
        "持焊工证", "到岗后按年薪20%收费", new DateOnly(2026, 3, 2), null);

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_funnel_counts_moves_and_the_report_splits_them_by_period(DatabaseProvider provider)
    {
        var clock = new SettableClock(Start);
        await using var database = await TestDatabase.CreateAsync(provider, clock);
        await SeedAsync(database);
        string projectId;
        var candidates = new Dictionary<string, string>();
        await using (var scope = database.Scope())
        {
            var service = scope.ServiceProvider.GetRequiredService<HeadhuntingService>();
            var created = await service.CreateAsync(Consultant, Input());
            Assert.True(created.Succeeded, created.Message);
            projectId = created.Value!.Id;
            // Week 1: four sourced, three screened, two recommended.
            foreach (var t in new[] { "T1", "T2", "T3", "T4" })
            {
                var added = await service.AddCandidateAsync(Consultant, projectId, t);
                Assert.True(added.Succeeded, added.Message);
                candidates[t] = added.Value!.Id;
            }
            Assert.Equal(RecruitingFailure.Illegal, (await service.AddCandidateAsync(Consultant, projectId, "T1")).Failure); // once per project
            Assert.Equal(RecruitingFailure.NotFound, (await service.AddCandidateAsync(Consultant, projectId, "T6")).Failure); // not in the shared pool
            foreach (var t in new[] { "T1", "T2", "T3" }) Assert.True((await service.MoveCandidateAsync(Consultant, projectId, candidates[t], CandidateStage.Screened, null)).Succeeded);
            foreach (var t in new[] { "T1", "T2" }) Assert.True((await service.MoveCandidateAsync(Consultant, projectId, candidates[t], CandidateStage.Recommended, null)).Succeeded);
            Assert.Equal(RecruitingFailure.Illegal, (await service.MoveCandidateAsync(Consultant, projectId, candidates["T4"], CandidateStage.Hired, null)).Failure);
            Assert.Equal(RecruitingFailure.Invalid, (await service.MoveCandidateAsync(Consultant, projectId, candidates["T4"], CandidateStage.Dropped, " ")).Failure);
            Assert.True((await service.MoveCandidateAsync(Consultant, projectId, candidates["T4"], CandidateStage.Dropped, "期望薪资过高")).Succeeded);
            Assert.Equal(RecruitingFailure.Illegal, (await service.MoveCandidateAsync(Consultant, projectId, candidates["T4"], CandidateStage.Screened, null)).Failure);
            // Another agency neither sees nor changes the project.
            Assert.Equal(RecruitingFailure.NotFound, (await service.MoveCandidateAsync(OtherAgency, projectId, candidates["T3"], CandidateStage.Recommended, null)).Failure);
            Assert.Equal(RecruitingFailure.NotFound, (await service.AddCandidateAsync(OtherAgency, projectId, "T5")).Failure);
            Assert.Null(await service.FindAsync("A2", projectId));
        }
        // Week 2 (eight days later): two interviewed, one hired.
        clock.Advance(TimeSpan.FromDays(8));
        await using (var scope = database.Scope())
        {
            var service = scope.ServiceProvider.GetRequiredService<HeadhuntingService>();
            foreach (var t in new[] { "T1", "T2" }) Assert.True((await service.MoveCandidateAsync(Consultant, projectId, candidates[t], CandidateStage.Interviewed, null)).Succeeded);
            Assert.True((await service.MoveCandidateAsync(Consultant, projectId, candidates["T1"], CandidateStage.Hired, null)).Succeeded);
            // The client employer's HR reads it; an HR user cannot create projects.
            var client = await service.FindAsync("E1", projectId);
            Assert.Equal(ProjectRole.Client, client!.Role);
            Assert.Equal(RecruitingFailure.NotFound, (await service.MoveCandidateAsync(ClientHr, projectId, candidates["T2"], CandidateStage.Hired, null)).Failure);
            Assert.Equal(RecruitingFailure.Invalid, (await service.CreateAsync(ClientHr, Input())).Failure);
        }
        await using (var scope = database.Scope())
        {
            var service = scope.ServiceProvider.GetRequiredService<HeadhuntingService>();
            var project = (await service.FindAsync("A1", projectId))!.Project;
            Assert.Equal(0.25, project.DeliveryRate, 6); // 1 hired of 4
            Assert.Equal([CandidateStage.Hired, CandidateStage.Interviewed, CandidateStage.Screened, CandidateStage.Dropped],
                project.Candidates.OrderBy(c => c.TalentId).Select(c => c.Stage));
            Assert.Equal("期望薪资过高", project.Candidates.Single(c => c.TalentId == "T4").DropReason);
            Assert.Equal([null, CandidateStage.Sourced, CandidateStage.Screened, CandidateStage.Recommended, CandidateStage.Interviewed],
                project.Candidates.Single(c => c.TalentId == "T1").History.OrderBy(h => h.Id).Select(h => h.From));

            var weekly = service.Report(project, ReportPeriod.Weekly);
            Assert.Equal([new DateOnly(2026, 3, 2), new DateOnly(2026, 3, 9)], weekly.Rows.Select(r => r.From));
            var (w1, w2) = (weekly.Rows[0], weekly.Rows[1]);
            Assert.Equal([4, 3, 2, 0, 0], CandidateStages.Funnel.Select(s => w1.New[s]));
            Assert.Equal([0, 0, 0, 2, 1], CandidateStages.Funnel.Select(s => w2.New[s]));
            Assert.Equal([4, 3, 2, 2, 1], CandidateStages.Funnel.Select(s => w2.Cumulative[s]));
            Assert.Equal((0.0, 0.25), (w1.DeliveryRate, w2.DeliveryRate));
            var monthly = service.Report(project, ReportPeriod.Monthly);
            Assert.Equal(new DateOnly(2026, 3, 1), monthly.Rows.Single().From);
            Assert.Equal([4, 3, 2, 2, 1], CandidateStages.Funnel.Select(s => monthly.Rows.Single().New[s]));
            Assert.Equal(0.25, monthly.DeliveryRate, 6);

            Assert.True((await service.SetStatusAsync(Consultant, projectId, ProjectStatus.Closed)).Succeeded);
            Assert.Equal(RecruitingFailure.Illegal, (await service.SetStatusAsync(Consultant, projectId, ProjectStatus.Open)).Failure);
            Assert.Equal(RecruitingFailure.Illegal, (await service.MoveCandidateAsync(Consultant, projectId, candidates["T2"], CandidateStage.Hired, null)).Failure);
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Suggestions_come_from_the_shared_pool_only_and_leave_out_candidates_already_added(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await SeedAsync(database);
        await using var scope = database.Scope();
        var service = scope.ServiceProvider.GetRequiredService<HeadhuntingService>();
        var projectId = (await service.CreateAsync(Consultant, Input(target: 2))).Value!.Id;
        Assert.True((await service.AddCandidateAsync(Consultant, projectId, "T1")).Succeeded);
        var suggestions = await service.SuggestAsync(Consultant, projectId, 10);
        Assert.Equal(["T2", "T3", "T4", "T5"], suggestions!.Select(s => s.TalentId).Order());
        Assert.All(suggestions!, s => Assert.Matches(@"^张\*+$", s.MaskedName));
        Assert.Null(await service.SuggestAsync(OtherAgency, projectId, 10));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_project_needs_a_real_client_and_sane_requirements(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await SeedAsync(database);
        await using var scope = database.Scope();
        var service = scope.ServiceProvider.GetRequiredService<HeadhuntingService>();
        Assert.Equal(RecruitingFailure.Invalid, (await service.CreateAsync(Consultant, Input() with { ClientEmployerId = "A1" })).Failure);
        Assert.Equal(RecruitingFailure.Invalid, (await service.CreateAsync(Consultant, Input() with { ClientEmployerId = "E9" })).Failure);
        Assert.Equal(RecruitingFailure.Invalid, (await service.CreateAsync(Consultant, Input(target: 0))).Failure);
        Assert.Equal(RecruitingFailure.Invalid, (await service.CreateAsync(Consultant, Input() with { OccupationCode = "9-99-99-99" })).Failure);
        Assert.Equal(RecruitingFailure.Invalid, (await service.CreateAsync(Consultant, Input() with { PayMin = 9000, PayMax = 5000 })).Failure);
        Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<AppDbContext>().HeadhuntingProjects.CountAsync());
    }
}

/// <summary>A clock the test moves forward by hand, so stage changes land in known weeks.</summary>
internal sealed class SettableClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;
    public override DateTimeOffset GetUtcNow() => _now;
    public void Advance(TimeSpan by) => _now += by;
}
