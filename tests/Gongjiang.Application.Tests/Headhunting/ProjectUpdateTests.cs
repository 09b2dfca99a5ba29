using Gongjiang.Application.Headhunting;
using Gongjiang.Application.Persistence;
using Gongjiang.Application.Recruiting;
using Gongjiang.Application.Tests.Infrastructure;
using Gongjiang.Core.Employers;
using Gongjiang.Core.Headhunting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongjiang.Application.Tests.Headhunting;

public sealed class ProjectUpdateTests
{
    private static readonly RecruitingActor Consultant = new("user-agency", "A1", null, "猎头顾问");
    private static readonly RecruitingActor OtherAgency = new("user-agency-b", "A2", null, "另一家机构");
    private static readonly RecruitingActor ClientHr = new("user-hr", "E1", null, "王经理");
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
            var service = scope.ServiceProvider.GetRequiredService<HeadhuntingService>();
            var project = await service.CreateAsync(Consultant, Input());
            Assert.True(project.Succeeded, project.Message);
            id = project.Value!.Id;
            created = project.Value.Version;
            Assert.NotEqual(Guid.Empty, created);
            clock.Advance(TimeSpan.FromHours(1));
            var updated = await service.UpdateAsync(Consultant, id, Input(target: 6, fee: "年薪的18%，到岗满30天后支付", payMin: 9000, payMax: 13000),
                ProjectStatus.Paused, created);
            Assert.True(updated.Succeeded, updated.Message);
            edited = updated.Value!.Version;
            Assert.NotEqual(created, edited);
        }
        await using (var scope = database.Scope())
        {
            var service = scope.ServiceProvider.GetRequiredService<HeadhuntingService>();
            var p = (await service.FindAsync("A1", id))!.Project;
            Assert.Equal((6, "年薪的18%，到岗满30天后支付", 9000, 13000, ProjectStatus.Paused), (p.TargetHeadcount, p.FeeTerms, p.PayMin, p.PayMax, p.Status));
            Assert.Equal(Start.UtcDateTime.AddHours(1), p.UpdatedAt);

            Assert.Equal(RecruitingFailure.Conflict, (await service.UpdateAsync(Consultant, id, Input(target: 1), ProjectStatus.Open, created)).Failure);
            Assert.Equal(RecruitingFailure.NotFound, (await service.UpdateAsync(ClientHr, id, Input(target: 1), null, null)).Failure);
            Assert.Equal(RecruitingFailure.NotFound, (await service.UpdateAsync(OtherAgency, id, Input(target: 1), null, null)).Failure);
            Assert.Equal(RecruitingFailure.Invalid, (await service.UpdateAsync(Consultant, id, Input(target: 0), null, edited)).Failure);
            Assert.Equal(RecruitingFailure.Invalid, (await service.UpdateAsync(Consultant, id, Input(payMin: 15000, payMax: 9000), null, edited)).Failure);
            Assert.Equal(RecruitingFailure.Invalid, (await service.UpdateAsync(Consultant, id, Input(), (ProjectStatus)42, edited)).Failure);
        }
        await using (var scope = database.Scope())
        {
            var p = (await scope.ServiceProvider.GetRequiredService<HeadhuntingService>().FindAsync("A1", id))!.Project;
            Assert.Equal((6, ProjectStatus.Paused, edited), (p.TargetHeadcount, p.Status, p.Version));
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Closing_through_an_edit_ends_the_project_and_a_closed_project_is_no_longer_edited(DatabaseProvider provider)
    {
        var clock = new SettableClock(Start);
        await using var database = await TestDatabase.CreateAsync(provider, clock);
        await SeedAsync(database);
        await using var scope = database.Scope();
        var service = scope.ServiceProvider.GetRequiredService<HeadhuntingService>();
        var id = (await service.CreateAsync(Consultant, Input())).Value!.Id;
        clock.Advance(TimeSpan.FromDays(10));
        var closed = await service.UpdateAsync(Consultant, id, Input(target: 5), ProjectStatus.Closed, null);
        Assert.True(closed.Succeeded, closed.Message);
        Assert.Equal(new DateOnly(2026, 3, 12), closed.Value!.EndsOn);

        Assert.Equal(RecruitingFailure.Illegal, (await service.UpdateAsync(Consultant, id, Input(target: 9), ProjectStatus.Open, closed.Value.Version)).Failure);
        Assert.Equal(RecruitingFailure.Illegal, (await service.UpdateAsync(Consultant, id, Input(target: 9))).Failure);
        scope.ServiceProvider.GetRequiredService<AppDbContext>().ChangeTracker.Clear();
        var p = (await service.FindAsync("A1", id))!.Project;
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
            id = (await scope.ServiceProvider.GetRequiredService<HeadhuntingService>().CreateAsync(Consultant, Input())).Value!.Id;

        await using var scopeA = database.Scope();
        var loaded = await scopeA.ServiceProvider.GetRequiredService<AppDbContext>().HeadhuntingProjects.SingleAsync(p => p.Id == id);
        await using (var scopeB = database.Scope())
            Assert.True((await scopeB.ServiceProvider.GetRequiredService<HeadhuntingService>().UpdateAsync(Consultant, id, Input(target: 7), null, null)).Succeeded);
        var result = await scopeA.ServiceProvider.GetRequiredService<HeadhuntingService>().UpdateAsync(Consultant, id, Input(target: 2), null, loaded.Version);
        Assert.Equal(RecruitingFailure.Conflict, result.Failure);
        await using (var scope = database.Scope())
            Assert.Equal(7, (await scope.ServiceProvider.GetRequiredService<HeadhuntingService>().FindAsync("A1", id))!.Project.TargetHeadcount);
    }
}
