using Gongjiang.Application.Persistence;
using Gongjiang.Application.Recruiting;
using Gongjiang.Application.Sharing;
using Gongjiang.Application.Talent;
using Gongjiang.Application.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongjiang.Application.Tests.Sharing;

public sealed class SharingServiceTests
{
    private static readonly Viewer Hr = new("user-hr", "E1", null);
    private static readonly Viewer ForeignHr = new("user-foreign", "E2", null);
    private static readonly Viewer Operator = new("user-op", null, null, IsOperator: true);

    private static async Task<ResumeAccess?> OpenAsync(TestDatabase database, Viewer viewer, string talentId)
    {
        await using var scope = database.Scope();
        return await scope.ServiceProvider.GetRequiredService<SharingService>().OpenAsync(viewer, talentId, "api", "招聘");
    }

    private static async Task<T> WithAsync<T>(TestDatabase database, Func<SharingService, Task<T>> action)
    {
        await using var scope = database.Scope();
        return await action(scope.ServiceProvider.GetRequiredService<SharingService>());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Contact_appears_only_after_consent_to_that_employer_and_hides_again_on_revocation(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await SharingSeed.SeedAsync(database);

        var before = (await OpenAsync(database, Hr, "T1"))!;
        Assert.Equal(("张*", "138****5678", (string?)null, ContactKinds.None), (before.Contact!.Name, before.Contact.Phone, before.Contact.Email, before.Revealed));
        Assert.Null(before.Contact.IdNumber);

        var asked = await WithAsync(database, s => s.RequestContactAsync(Hr, "T1", "  邀请参加氩弧焊工面试  ", ContactKinds.Name | ContactKinds.Phone));
        Assert.True(asked.Succeeded, asked.Message);
        Assert.Equal(SharingFailure.Conflict, (await WithAsync(database, s => s.RequestContactAsync(Hr, "T1", "再次申请", ContactKinds.Phone))).Failure);
        Assert.Equal(SharingFailure.Invalid, (await WithAsync(database, s => s.RequestContactAsync(ForeignHr, "T1", " ", ContactKinds.Phone))).Failure);
        Assert.Equal(SharingFailure.Invalid, (await WithAsync(database, s => s.RequestContactAsync(ForeignHr, "T1", "面试", ContactKinds.None))).Failure);
        Assert.Equal(SharingFailure.NotFound, (await WithAsync(database, s => s.RequestContactAsync(Hr, "T3", "面试", ContactKinds.Phone))).Failure); // not shared
        Assert.Equal(SharingFailure.NotFound, (await WithAsync(database, s => s.AnswerAsync("T2", asked.Value!.Id, grant: true))).Failure);    // another seeker's request

        var pending = await WithAsync(database, s => s.RequestsForSeekerAsync("T1"));
        Assert.Equal(("青岛海卓精密机械有限公司", "邀请参加氩弧焊工面试"), (pending.Single().EmployerName, pending.Single().Request.Purpose));
        var answered = await WithAsync(database, s => s.AnswerAsync("T1", asked.Value!.Id, grant: true));
        Assert.True(answered.Succeeded, answered.Message);
        Assert.Equal(SharingFailure.Conflict, (await WithAsync(database, s => s.AnswerAsync("T1", asked.Value!.Id, grant: false))).Failure);

        var granted = (await OpenAsync(database, Hr, "T1"))!;
        Assert.Equal(("张伟", "13812345678", (string?)null), (granted.Contact!.Name, granted.Contact.Phone, granted.Contact.Email)); // e-mail was not asked for
        var foreign = (await OpenAsync(database, ForeignHr, "T1"))!;
        Assert.Equal(("张*", "138****5678"), (foreign.Contact!.Name, foreign.Contact.Phone));
        var byOperator = (await OpenAsync(database, Operator, "T1"))!;
        Assert.Equal("张*", byOperator.Contact!.Name);

        var grant = (await WithAsync(database, s => s.GrantsForSeekerAsync("T1"))).Single();
        Assert.Equal(("E1", "邀请参加氩弧焊工面试", ContactKinds.Name | ContactKinds.Phone, true), (grant.Grant.EmployerId, grant.Grant.Purpose, grant.Grant.Kinds, grant.Grant.IsActive));
        Assert.True((await WithAsync(database, s => s.RevokeAsync("T1", grant.Grant.Id))).Succeeded);
        Assert.Equal(SharingFailure.Conflict, (await WithAsync(database, s => s.RevokeAsync("T1", grant.Grant.Id))).Failure);
        Assert.Equal(SharingFailure.NotFound, (await WithAsync(database, s => s.RevokeAsync("T2", grant.Grant.Id))).Failure);
        var after = (await OpenAsync(database, Hr, "T1"))!;
        Assert.Equal(("张*", "138****5678", ContactKinds.None), (after.Contact!.Name, after.Contact.Phone, after.Revealed));

        // The owner's view log: every view by someone else, with what was shown; the owner's own views are not logged.
        await OpenAsync(database, new Viewer("user-seeker", null, "T1"), "T1");
        var views = await WithAsync(database, s => s.ViewsOfAsync("T1"));
        Assert.Equal([ContactKinds.None, ContactKinds.None, ContactKinds.None, ContactKinds.Name | ContactKinds.Phone, ContactKinds.None],
            views.Select(v => v.View.Shown));
        Assert.Equal(["E1", null, "E2", "E1", "E1"], views.Select(v => v.View.ViewerEmployerId));
        Assert.Equal("青岛蓝芯微电子有限公司", views[2].EmployerName);
        Assert.All(views, v => Assert.Equal(("api", "招聘"), (v.View.Channel, v.View.Purpose)));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Leaving_the_shared_pool_revokes_consents_and_hides_the_profile(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await SharingSeed.SeedAsync(database);
        var asked = await WithAsync(database, s => s.RequestContactAsync(Hr, "T1", "面试邀请", ContactKinds.All));
        await WithAsync(database, s => s.AnswerAsync("T1", asked.Value!.Id, grant: true, onlyKinds: ContactKinds.Phone | ContactKinds.Email));
        var other = await WithAsync(database, s => s.RequestContactAsync(ForeignHr, "T1", "面试邀请", ContactKinds.Phone));
        Assert.Equal(("张*", "13812345678", "zhangwei@example.cn"), ((await OpenAsync(database, Hr, "T1"))!.Contact!.Name, (await OpenAsync(database, Hr, "T1"))!.Contact!.Phone, (await OpenAsync(database, Hr, "T1"))!.Contact!.Email));

        await using (var scope = database.Scope())
            await scope.ServiceProvider.GetRequiredService<TalentService>().SetSharingAsync("T1", false);

        Assert.Null(await OpenAsync(database, Hr, "T1"));
        Assert.Null(await OpenAsync(database, ForeignHr, "T1"));
        var grants = await WithAsync(database, s => s.GrantsForSeekerAsync("T1"));
        Assert.Equal("sharing-off", grants.Single().Grant.RevokedReason);
        Assert.Empty(await WithAsync(database, s => s.RequestsForSeekerAsync("T1")));
        Assert.Equal(ContactRequestStatus.Declined, (await WithAsync(database, s => s.RequestsForSeekerAsync("T1", pendingOnly: false))).Single(r => r.Request.Id == other.Value!.Id).Request.Status);

        // Sharing again does not bring the old consent back.
        await using (var scope = database.Scope())
            await scope.ServiceProvider.GetRequiredService<TalentService>().SetSharingAsync("T1", true);
        Assert.Equal(ContactKinds.None, (await OpenAsync(database, Hr, "T1"))!.Revealed);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_application_shares_contact_with_that_employer_until_withdrawn(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await SharingSeed.SeedAsync(database);
        Assert.Null(await OpenAsync(database, Hr, "T3")); // not in the pool, no application
        string applicationId;
        await using (var scope = database.Scope())
        {
            var applied = await scope.ServiceProvider.GetRequiredService<RecruitingService>().ApplyAsync(new RecruitingActor("user-t3", null, "T3"), "J1");
            Assert.True(applied.Succeeded, applied.ToString());
            applicationId = applied.Value!.Id;
        }
        var access = (await OpenAsync(database, Hr, "T3"))!;
        Assert.Equal((AccessBasis.Application, "王强", "13700002222"), (access.Basis, access.Contact!.Name, access.Contact.Phone));
        Assert.Null(await OpenAsync(database, ForeignHr, "T3"));
        await using (var scope = database.Scope())
        {
            var recruiting = scope.ServiceProvider.GetRequiredService<RecruitingService>();
            var version = (await scope.ServiceProvider.GetRequiredService<AppDbContext>().Applications.AsNoTracking().SingleAsync(a => a.Id == applicationId)).Version;
            var withdrawn = await recruiting.WithdrawAsync(new RecruitingActor("user-t3", null, "T3"), applicationId, "已找到工作", version);
            Assert.True(withdrawn.Succeeded, withdrawn.ToString());
        }
        Assert.Null(await OpenAsync(database, Hr, "T3"));
    }
}
