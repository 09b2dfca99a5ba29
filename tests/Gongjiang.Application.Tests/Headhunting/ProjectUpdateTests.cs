using Gongjiang.Application.Common;
using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Headhunting;
using Gongjiang.Application.Persistence;
using Gongjiang.Application.Tests.Infrastructure;
using Gongjiang.Core.Employers;
using Gongjiang.Core.Headhunting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongjiang.Application.Tests.Headhunting;

public sealed class ProjectUpdateTests
{
    private static readonly Actor Consultant = Acting.Agency("A1", "user-agency");
    private static readonly Actor OtherAgency = Acting.Agency("A2", "user-agency-b");
    private static readonly Actor ClientHr = Acting.Hr("E1", "user-hr");
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
        await db.SaveChangesAsync();
    }

    private static ProjectInput Input(int target = 4, string fee = "到岗后按年薪20%收费", int payMin = 8000, int payMax = 12000) =>
        new("E1", "焊接技师专项招聘", target, "6-18-02-04", 3, "370211", payMin, payMax, "持焊工证", fee, new DateOnly(2026, 3, 2), null);

    private static Task<Result<ProjectDetail>> UpdateAsync(IServiceProvider sp, Actor actor, string id, ProjectInput input, string? status = null,
        Guid? expected = null) => sp.RunAsAsync(actor, new UpdateProject.Command(id, input, status, expected));

    private static async Task<HeadhuntingProject> ReadAsync(TestDatabase database, string id)
    {
        await using var scope = database.Scope();
        return (await scope.ServiceProvider.RunAsAsync(Consultant, new GetProject.Query(id))).AssertValue().View.Project;
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_agency_edits_terms_and_status_together_and_stale_foreign_and_invalid_edits_change_nothing(DatabaseProvider provider)
    {
        var clock = new SettableClock(Start);
        await using var database = await TestDatabase.CreateAsync(provider, clock);
        await SeedAsync(database);
        string id;
        Guid created, edited;
        await using (var scope = database.Scope())
        {
            var sp = scope.ServiceProvider;
            var project = (await sp.CreateAcceptedProjectAsync(Consultant, Input())).AssertValue().View.Project;
            id = project.Id;
            created = project.Version;
            Assert.NotEqual(Guid.Empty, created);
            clock.Advance(TimeSpan.FromHours(1));
            var updated = (await UpdateAsync(sp, Consultant, id, Input(target: 6, fee: "年薪的18%，到岗满30天后支付", payMin: 9000, payMax: 13000), "paused", created))
                .AssertValue();
            edited = updated.View.Project.Version;
            Assert.NotEqual(created, edited);
        }
        var p = await ReadAsync(database, id);
        Assert.Equal((6, "年薪的18%，到岗满30天后支付", 9000, 13000, ProjectStatus.Paused), (p.TargetHeadcount, p.FeeTerms, p.PayMin, p.PayMax, p.Status));
        Assert.Equal(Start.UtcDateTime.AddHours(1), p.UpdatedAt);
        await using (var scope = database.Scope())
        {
            var sp = scope.ServiceProvider;
            var stale = (await UpdateAsync(sp, Consultant, id, Input(target: 1), "open", created)).AssertFails(ErrorKind.Conflict, HeadhuntingErrors.ChangedMeanwhile);
            Assert.StartsWith("该项目刚被其他人修改过", stale.InChinese());
            (await UpdateAsync(sp, ClientHr, id, Input(target: 1))).AssertFails(ErrorKind.NotFound, HeadhuntingErrors.ProjectNotFound);
            (await UpdateAsync(sp, OtherAgency, id, Input(target: 1))).AssertFails(ErrorKind.NotFound, HeadhuntingErrors.ProjectNotFound);
            (await UpdateAsync(sp, Consultant, id, Input(target: 0), null, edited)).AssertFails(ErrorKind.Invalid, HeadhuntingErrors.TargetHeadcount);
            (await UpdateAsync(sp, Consultant, id, Input(payMin: 15000, payMax: 9000), null, edited)).AssertFails(ErrorKind.Invalid, HeadhuntingErrors.PayRange);
            Assert.Equal("status", (await UpdateAsync(sp, Consultant, id, Input(), "42", edited)).AssertFails(ErrorKind.Invalid, HeadhuntingErrors.UnknownStatus).Field);
        }
        p = await ReadAsync(database, id);
        Assert.Equal((6, ProjectStatus.Paused, edited), (p.TargetHeadcount, p.Status, p.Version));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Closing_through_an_edit_ends_the_project_and_a_closed_project_is_no_longer_edited(DatabaseProvider provider)
    {
        var clock = new SettableClock(Start);
        await using var database = await TestDatabase.CreateAsync(provider, clock);
        await SeedAsync(database);
        await using var scope = database.Scope();
        var sp = scope.ServiceProvider;
        var id = (await sp.CreateAcceptedProjectAsync(Consultant, Input())).AssertValue().View.Project.Id;
        clock.Advance(TimeSpan.FromDays(10));
        var closed = (await UpdateAsync(sp, Consultant, id, Input(target: 5), "closed")).AssertValue().View.Project;
        Assert.Equal(new DateOnly(2026, 3, 12), closed.EndsOn);

        (await UpdateAsync(sp, Consultant, id, Input(target: 9), "open", closed.Version)).AssertFails(ErrorKind.Conflict, HeadhuntingErrors.ProjectClosed);
        (await UpdateAsync(sp, Consultant, id, Input(target: 9))).AssertFails(ErrorKind.Conflict, HeadhuntingErrors.ProjectClosed);
        var p = await ReadAsync(database, id);
        Assert.Equal((5, ProjectStatus.Closed), (p.TargetHeadcount, p.Status));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Two_editors_saving_the_same_project_at_once_cannot_both_win(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, new SettableClock(Start));
        await SeedAsync(database);
        string id;
        await using (var scope = database.Scope())
            id = (await scope.ServiceProvider.CreateAcceptedProjectAsync(Consultant, Input())).AssertValue().View.Project.Id;

        // Editor A has the project loaded (tracked) when editor B saves; A's save then hits the version check in the database.
        await using var scopeA = database.Scope();
        var loaded = await scopeA.ServiceProvider.GetRequiredService<AppDbContext>().HeadhuntingProjects.SingleAsync(p => p.Id == id);
        await using (var scopeB = database.Scope())
            (await UpdateAsync(scopeB.ServiceProvider, Consultant, id, Input(target: 7))).AssertValue();
        (await UpdateAsync(scopeA.ServiceProvider, Consultant, id, Input(target: 2), null, loaded.Version)).AssertFails(ErrorKind.Conflict, HeadhuntingErrors.ChangedMeanwhile);
        Assert.Equal(7, (await ReadAsync(database, id)).TargetHeadcount);
    }
}
