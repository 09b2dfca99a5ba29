using Gongjiang.Application.Common;
using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Headhunting;
using Gongjiang.Application.Persistence;
using Gongjiang.Application.Tests.Infrastructure;
using Gongjiang.Core.Employers;
using Gongjiang.Core.Headhunting;
using Gongjiang.Core.Talent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongjiang.Application.Tests.Headhunting;

public sealed class ProjectFunnelTests
{
    private static readonly Actor Consultant = Acting.Agency("A1", "user-agency");
    private static readonly Actor OtherAgency = Acting.Agency("A2", "user-agency-b");
    private static readonly Actor ClientHr = Acting.Hr("E1", "user-hr");

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
            var sp = scope.ServiceProvider;
            projectId = (await sp.CreateAcceptedProjectAsync(Consultant, Input())).AssertValue().View.Project.Id;
            // Week 1: four sourced, three screened, two recommended.
            foreach (var t in new[] { "T1", "T2", "T3", "T4" })
                candidates[t] = (await sp.RunAsAsync(Consultant, new AddCandidate.Command(projectId, t))).AssertValue().Candidate.Id;
            (await sp.RunAsAsync(Consultant, new AddCandidate.Command(projectId, "T1"))).AssertFails(ErrorKind.Conflict, HeadhuntingErrors.AlreadyCandidate); // once per project
            (await sp.RunAsAsync(Consultant, new AddCandidate.Command(projectId, "T6"))).AssertFails(ErrorKind.NotFound, HeadhuntingErrors.TalentNotFound); // not in the shared pool
            Task<Result<CandidateEntry>> Move(Actor actor, string talent, string to, string? reason = null) =>
                sp.RunAsAsync(actor, new MoveCandidate.Command(projectId, candidates[talent], to, reason));
            foreach (var t in new[] { "T1", "T2", "T3" }) (await Move(Consultant, t, "screened")).AssertValue();
            foreach (var t in new[] { "T1", "T2" }) (await Move(Consultant, t, "recommended")).AssertValue();
            var skip = (await Move(Consultant, "T4", "hired")).AssertFails(ErrorKind.Conflict, HeadhuntingErrors.StageSkip);
            Assert.Equal("不能从「已寻访」变更为「已到岗」。", skip.InChinese());
            Assert.Equal("reason", (await Move(Consultant, "T4", "dropped", " ")).AssertFails(ErrorKind.Invalid, HeadhuntingErrors.DropReasonRequired).Field);
            Assert.Equal("to", (await Move(Consultant, "T4", "nowhere")).AssertFails(ErrorKind.Invalid, HeadhuntingErrors.UnknownStage).Field);
            Assert.Equal("dropped", CandidateStages.ToFileName((await Move(Consultant, "T4", "dropped", "期望薪资过高")).AssertValue().Candidate.Stage));
            (await Move(Consultant, "T4", "screened")).AssertFails(ErrorKind.Conflict, HeadhuntingErrors.CandidateFinished);
            // Another agency neither sees nor changes the project.
            (await Move(OtherAgency, "T3", "recommended")).AssertFails(ErrorKind.NotFound, HeadhuntingErrors.ProjectNotFound);
            (await sp.RunAsAsync(OtherAgency, new AddCandidate.Command(projectId, "T5"))).AssertFails(ErrorKind.NotFound, HeadhuntingErrors.ProjectNotFound);
            (await sp.RunAsAsync(OtherAgency, new GetProject.Query(projectId))).AssertFails(ErrorKind.NotFound, HeadhuntingErrors.ProjectNotFound);
        }
        // Week 2 (eight days later): two interviewed, one hired.
        clock.Advance(TimeSpan.FromDays(8));
        await using (var scope = database.Scope())
        {
            var sp = scope.ServiceProvider;
            foreach (var t in new[] { "T1", "T2" })
                (await sp.RunAsAsync(Consultant, new MoveCandidate.Command(projectId, candidates[t], "interviewed"))).AssertValue();
            (await sp.RunAsAsync(Consultant, new MoveCandidate.Command(projectId, candidates["T1"], "hired"))).AssertValue();
            // The client employer's HR reads it; an HR user cannot create projects.
            Assert.Equal(ProjectRole.Client, (await sp.RunAsAsync(ClientHr, new GetProject.Query(projectId))).AssertValue().View.Role);
            (await sp.RunAsAsync(ClientHr, new MoveCandidate.Command(projectId, candidates["T2"], "hired"))).AssertFails(ErrorKind.NotFound, HeadhuntingErrors.ProjectNotFound);
            (await sp.RunAsAsync(ClientHr, new CreateProject.Command(Input()))).AssertFails(ErrorKind.Forbidden, HeadhuntingErrors.AgencyOnly);
        }
        await using (var scope = database.Scope())
        {
            var sp = scope.ServiceProvider;
            var detail = (await sp.RunAsAsync(Consultant, new GetProject.Query(projectId))).AssertValue();
            var project = detail.View.Project;
            Assert.Equal(0.25, project.DeliveryRate, 6); // 1 hired of 4
            Assert.Equal([CandidateStage.Hired, CandidateStage.Interviewed, CandidateStage.Screened, CandidateStage.Dropped],
                project.Candidates.OrderBy(c => c.TalentId).Select(c => c.Stage));
            Assert.Equal("期望薪资过高", project.Candidates.Single(c => c.TalentId == "T4").DropReason);
            Assert.Equal([null, CandidateStage.Sourced, CandidateStage.Screened, CandidateStage.Recommended, CandidateStage.Interviewed],
                project.Candidates.Single(c => c.TalentId == "T1").History.OrderBy(h => h.Id).Select(h => h.From));
            Assert.Equal("张**", detail.Names["T1"]);

            var weekly = (await sp.RunAsAsync(ClientHr, new GetProjectReport.Query(projectId))).AssertValue().Report;
            Assert.Equal([new DateOnly(2026, 3, 2), new DateOnly(2026, 3, 9)], weekly.Rows.Select(r => r.From));
            var (w1, w2) = (weekly.Rows[0], weekly.Rows[1]);
            Assert.Equal([4, 3, 2, 0, 0], CandidateStages.Funnel.Select(s => w1.New[s]));
            Assert.Equal([0, 0, 0, 2, 1], CandidateStages.Funnel.Select(s => w2.New[s]));
            Assert.Equal([4, 3, 2, 2, 1], CandidateStages.Funnel.Select(s => w2.Cumulative[s]));
            Assert.Equal((0.0, 0.25), (w1.DeliveryRate, w2.DeliveryRate));
            var monthly = (await sp.RunAsAsync(Consultant, new GetProjectReport.Query(projectId, "monthly"))).AssertValue().Report;
            Assert.Equal(new DateOnly(2026, 3, 1), monthly.Rows.Single().From);
            Assert.Equal([4, 3, 2, 2, 1], CandidateStages.Funnel.Select(s => monthly.Rows.Single().New[s]));
            Assert.Equal(0.25, monthly.DeliveryRate, 6);
            Assert.Equal("period", (await sp.RunAsAsync(Consultant, new GetProjectReport.Query(projectId, "daily"))).AssertFails(ErrorKind.Invalid, HeadhuntingErrors.UnknownPeriod).Field);
            (await sp.RunAsAsync(OtherAgency, new GetProjectReport.Query(projectId))).AssertFails(ErrorKind.NotFound, HeadhuntingErrors.ProjectNotFound);

            Assert.Equal(ProjectStatus.Closed, (await sp.RunAsAsync(Consultant, new SetProjectStatus.Command(projectId, "closed"))).AssertValue().View.Project.Status);
            (await sp.RunAsAsync(Consultant, new SetProjectStatus.Command(projectId, "open"))).AssertFails(ErrorKind.Conflict, HeadhuntingErrors.CannotReopen);
            (await sp.RunAsAsync(Consultant, new SetProjectStatus.Command(projectId, "archived"))).AssertFails(ErrorKind.Invalid, HeadhuntingErrors.UnknownStatus);
            (await sp.RunAsAsync(Consultant, new MoveCandidate.Command(projectId, candidates["T2"], "hired"))).AssertFails(ErrorKind.Conflict, HeadhuntingErrors.CandidatesClosed);
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_project_is_worked_on_only_after_its_client_employer_accepts_it(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, new SettableClock(Start));
        await SeedAsync(database);
        await using var scope = database.Scope();
        var sp = scope.ServiceProvider;
        var created = (await sp.RunAsAsync(Consultant, new CreateProject.Command(Input()))).AssertValue();
        var id = created.View.Project.Id;
        Assert.Equal(ClientDecision.Awaiting, created.View.Project.ClientDecision);
        // Every use of the project is refused until the client answers, with one code.
        (await sp.RunAsAsync(Consultant, new AddCandidate.Command(id, "T1"))).AssertFails(ErrorKind.Refused, HeadhuntingErrors.NotAccepted);
        (await sp.RunAsAsync(Consultant, new SuggestCandidates.Query(id))).AssertFails(ErrorKind.Refused, HeadhuntingErrors.NotAccepted);
        (await sp.RunAsAsync(Consultant, new UpdateProject.Command(id, Input(target: 5)))).AssertFails(ErrorKind.Refused, HeadhuntingErrors.NotAccepted);
        (await sp.RunAsAsync(Consultant, new SetProjectStatus.Command(id, "paused"))).AssertFails(ErrorKind.Refused, HeadhuntingErrors.NotAccepted);
        (await sp.RunAsAsync(Consultant, new MoveCandidate.Command(id, "C-none", "screened"))).AssertFails(ErrorKind.Refused, HeadhuntingErrors.NotAccepted);
        Assert.Empty((await sp.RunAsAsync(Consultant, new GetProject.Query(id, 10))).AssertValue().Suggestions);
        // Only the client's HR answers: not the agency, not another employer's HR; a decline needs a reason.
        (await sp.RunAsAsync(Consultant, new DecideProject.Command(id, Accept: true))).AssertFails(ErrorKind.Forbidden, HeadhuntingErrors.ClientOnly);
        (await sp.RunAsAsync(Acting.Hr("E2"), new DecideProject.Command(id, Accept: true))).AssertFails(ErrorKind.NotFound, HeadhuntingErrors.ProjectNotFound);
        Assert.Equal("reason", (await sp.RunAsAsync(ClientHr, new DecideProject.Command(id, Accept: false, " "))).AssertFails(ErrorKind.Invalid,
            HeadhuntingErrors.DeclineReasonRequired).Field);
        var accepted = (await sp.RunAsAsync(ClientHr, new DecideProject.Command(id, Accept: true))).AssertValue().View.Project;
        Assert.Equal((ClientDecision.Accepted, "user-hr"), (accepted.ClientDecision, accepted.ClientDecidedByUserId));
        (await sp.RunAsAsync(ClientHr, new DecideProject.Command(id, Accept: false, "改主意了"))).AssertFails(ErrorKind.Conflict, HeadhuntingErrors.AlreadyDecided);
        (await sp.RunAsAsync(Consultant, new AddCandidate.Command(id, "T1"))).AssertValue();

        // A declined project stays refused, with the client's reason shown to the agency.
        var second = (await sp.RunAsAsync(Consultant, new CreateProject.Command(Input()))).AssertValue().View.Project.Id;
        (await sp.RunAsAsync(ClientHr, new DecideProject.Command(second, Accept: false, "已有合作机构"))).AssertValue();
        var declined = (await sp.RunAsAsync(Consultant, new GetProject.Query(second))).AssertValue().View.Project;
        Assert.Equal((ClientDecision.Declined, "已有合作机构"), (declined.ClientDecision, declined.ClientDeclineReason));
        (await sp.RunAsAsync(Consultant, new AddCandidate.Command(second, "T1"))).AssertFails(ErrorKind.Refused, HeadhuntingErrors.NotAccepted);
        var log = await sp.GetRequiredService<AppDbContext>().ServiceLog.Where(l => l.TargetKind == "project").OrderBy(l => l.Id)
            .Select(l => new { l.Action, l.TargetId, l.ActorUserId }).ToListAsync();
        Assert.Equal([("project.accepted", id), ("project.declined", second)], log.Select(l => (l.Action, l.TargetId)));
        Assert.All(log, l => Assert.Equal("user-hr", l.ActorUserId));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Suggestions_come_from_the_shared_pool_only_and_leave_out_candidates_already_added(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await SeedAsync(database);
        await using var scope = database.Scope();
        var sp = scope.ServiceProvider;
        var projectId = (await sp.CreateAcceptedProjectAsync(Consultant, Input(target: 2))).AssertValue().View.Project.Id;
        (await sp.RunAsAsync(Consultant, new AddCandidate.Command(projectId, "T1"))).AssertValue();
        var suggestions = (await sp.RunAsAsync(Consultant, new SuggestCandidates.Query(projectId, 10))).AssertValue();
        Assert.Equal(["T2", "T3", "T4", "T5"], suggestions.Select(s => s.TalentId).Order());
        Assert.All(suggestions, s => Assert.Matches(@"^张\*+$", s.MaskedName));
        // The project page shows the same suggestions to its agency, and none to the client.
        Assert.Equal(suggestions.Select(s => s.TalentId), (await sp.RunAsAsync(Consultant, new GetProject.Query(projectId, 10))).AssertValue().Suggestions.Select(s => s.TalentId));
        Assert.Empty((await sp.RunAsAsync(ClientHr, new GetProject.Query(projectId, 10))).AssertValue().Suggestions);
        (await sp.RunAsAsync(OtherAgency, new SuggestCandidates.Query(projectId, 10))).AssertFails(ErrorKind.NotFound, HeadhuntingErrors.ProjectNotFound);
        Assert.Equal("top", (await sp.RunAsAsync(Consultant, new SuggestCandidates.Query(projectId, 51))).AssertFails(ErrorKind.Invalid, InputErrors.Between).Field);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_project_needs_a_real_client_and_sane_requirements_and_each_broken_rule_names_its_field(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await SeedAsync(database);
        await using var scope = database.Scope();
        var sp = scope.ServiceProvider;
        async Task<string?> FieldOf(ProjectInput input, string code) =>
            (await sp.RunAsAsync(Consultant, new CreateProject.Command(input))).AssertFails(ErrorKind.Invalid, code).Field;
        Assert.Equal("clientEmployerId", await FieldOf(Input() with { ClientEmployerId = "A1" }, HeadhuntingErrors.ClientIsAgency));
        Assert.Equal("clientEmployerId", await FieldOf(Input() with { ClientEmployerId = "E9" }, HeadhuntingErrors.UnknownClient));
        Assert.Equal("targetHeadcount", await FieldOf(Input(target: 0), HeadhuntingErrors.TargetHeadcount));
        Assert.Equal("occupationCode", await FieldOf(Input() with { OccupationCode = "9-99-99-99" }, HeadhuntingErrors.UnknownOccupation));
        Assert.Equal("payMin", await FieldOf(Input() with { PayMin = 9000, PayMax = 5000 }, HeadhuntingErrors.PayRange));
        Assert.Equal("city", await FieldOf(Input() with { City = "999999" }, HeadhuntingErrors.City));
        // Everything missing at once: every required field is named in one answer.
        var empty = await sp.RunAsAsync(Consultant, new CreateProject.Command(new ProjectInput(null, " ", null, null, null, null, null, null, null, null, null, null)));
        Assert.Equal(["city", "clientEmployerId", "targetHeadcount", "title"], empty.Errors.Where(e => e.Code == InputErrors.Required).Select(e => e.Field).Order());
        Assert.Equal("薪资范围有误：下限不能高于上限。",
            (await sp.RunAsAsync(Consultant, new CreateProject.Command(Input() with { PayMin = 9000, PayMax = 5000 }))).Errors[0].InChinese());
        Assert.Equal(0, await sp.GetRequiredService<AppDbContext>().HeadhuntingProjects.CountAsync());
    }
}

/// <summary>A clock the test moves forward by hand, so stage changes land in known weeks.</summary>
internal sealed class SettableClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;
    public override DateTimeOffset GetUtcNow() => _now;
    public void Advance(TimeSpan by) => _now += by;
}
