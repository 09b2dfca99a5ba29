using Gongjiang.Application.Common;
using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Common.UseCases;
using Gongjiang.Application.Persistence;
using Gongjiang.Application.Recruiting;
using Gongjiang.Application.Sharing;
using Gongjiang.Application.Talent;
using Gongjiang.Application.Tests.Infrastructure;
using Gongjiang.Core.Talent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongjiang.Application.Tests.Sharing;

public sealed class SharingServiceTests
{
    private static readonly Actor Hr = Acting.Employer("user-hr", "E1");
    private static readonly Actor ForeignHr = Acting.Employer("user-foreign", "E2");
    private static readonly Actor Operator = Acting.Operator("user-op");
    private static readonly Actor SeekerT1 = Acting.Seeker("user-seeker", "T1");
    private static readonly Actor SeekerT2 = Acting.Seeker("user-t2", "T2");

    /// <summary>The résumé as the user opens it (the view is logged), or null when they may not see it.</summary>
    private static async Task<ResumeAccess?> OpenAsync(TestDatabase database, Actor actor, string talentId)
    {
        var opened = await RunAsync(database, actor, new OpenResume.Query(talentId, "api", "招聘"));
        return opened.Succeeded ? opened.Value.Access : opened.FailureKind == ErrorKind.NotFound ? null : throw new InvalidOperationException(opened.ToString());
    }

    private static async Task<Result<T>> RunAsync<T>(TestDatabase database, Actor actor, IUseCase<T> request)
    {
        await using var scope = database.Scope();
        return await scope.ServiceProvider.RunAsAsync(actor, request);
    }

    private static async Task<T> WithAsync<T>(TestDatabase database, Func<SharingService, Task<T>> action)
    {
        await using var scope = database.Scope();
        return await action(scope.ServiceProvider.GetRequiredService<SharingService>());
    }

    private static Task<Result<TalentProfile>> ShareAsync(TestDatabase database, bool share) =>
        RunAsync(database, SeekerT1, new SetProfileSharing.Command(share));

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Contact_appears_only_after_consent_to_that_employer_and_hides_again_on_revocation(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await SharingSeed.SeedAsync(database);

        var before = (await OpenAsync(database, Hr, "T1"))!;
        Assert.Equal(("张*", "138****5678", (string?)null, ContactKinds.None), (before.Contact!.Name, before.Contact.Phone, before.Contact.Email, before.Revealed));
        Assert.Null(before.Contact.IdNumber);

        var asked = await RunAsync(database, Hr, new RequestContact.Command("T1", "  邀请参加氩弧焊工面试  ", ["name", "phone"]));
        Assert.True(asked.Succeeded, asked.ToString());
        Assert.Equal(SharingErrors.RequestPending, Assert.Single((await RunAsync(database, Hr, new RequestContact.Command("T1", "再次申请", ["phone"]))).Errors).Code);
        var noPurpose = await RunAsync(database, ForeignHr, new RequestContact.Command("T1", " ", ["phone"]));
        Assert.Equal((ErrorKind.Invalid, "purpose", SharingErrors.PurposeRequired), (noPurpose.FailureKind, noPurpose.Errors[0].Field, noPurpose.Errors[0].Code));
        var noKinds = await RunAsync(database, ForeignHr, new RequestContact.Command("T1", "面试", []));
        Assert.Equal((ErrorKind.Invalid, "kinds", SharingErrors.KindsRequired), (noKinds.FailureKind, noKinds.Errors[0].Field, noKinds.Errors[0].Code));
        Assert.Equal(SharingErrors.UnknownKind, (await RunAsync(database, ForeignHr, new RequestContact.Command("T1", "面试", ["fax"]))).Errors[0].Code);
        Assert.Equal(ErrorKind.Conflict, (await RunAsync(database, Hr, new RequestContact.Command("T1", "再次申请", ["phone"]))).FailureKind);
        Assert.Equal(ErrorKind.NotFound, (await RunAsync(database, Hr, new RequestContact.Command("T3", "面试", ["phone"]))).FailureKind); // not shared
        Assert.Equal(ErrorKind.NotFound, (await RunAsync(database, SeekerT1, new RequestContact.Command("T1", "面试", ["phone"]))).FailureKind); // not an employer
        var requestId = asked.Value.Request.Id;
        Assert.Equal(ErrorKind.NotFound, (await RunAsync(database, SeekerT2, new AnswerContactRequest.Command(requestId, true))).FailureKind); // another seeker's request

        var pending = await WithAsync(database, s => s.RequestsForSeekerAsync("T1"));
        Assert.Equal(("青岛海卓精密机械有限公司", "邀请参加氩弧焊工面试"), (pending.Single().EmployerName, pending.Single().Request.Purpose));
        var answered = await RunAsync(database, SeekerT1, new AnswerContactRequest.Command(requestId, true));
        Assert.True(answered.Succeeded, answered.ToString());
        Assert.Equal(("青岛海卓精密机械有限公司", ContactRequestStatus.Granted), (answered.Value.EmployerName, answered.Value.Request.Status));
        Assert.Equal(ErrorKind.Conflict, (await RunAsync(database, SeekerT1, new AnswerContactRequest.Command(requestId, false))).FailureKind);

        var granted = (await OpenAsync(database, Hr, "T1"))!;
        Assert.Equal(("张伟", "13812345678", (string?)null), (granted.Contact!.Name, granted.Contact.Phone, granted.Contact.Email)); // e-mail was not asked for
        var foreign = (await OpenAsync(database, ForeignHr, "T1"))!;
        Assert.Equal(("张*", "138****5678"), (foreign.Contact!.Name, foreign.Contact.Phone));
        var byOperator = (await OpenAsync(database, Operator, "T1"))!;
        Assert.Equal("张*", byOperator.Contact!.Name);

        var grant = (await WithAsync(database, s => s.GrantsForSeekerAsync("T1"))).Single();
        Assert.Equal(("E1", "邀请参加氩弧焊工面试", ContactKinds.Name | ContactKinds.Phone, true), (grant.Grant.EmployerId, grant.Grant.Purpose, grant.Grant.Kinds, grant.Grant.IsActive));
        Assert.Equal(ErrorKind.NotFound, (await RunAsync(database, SeekerT2, new RevokeConsent.Command(grant.Grant.Id))).FailureKind);
        Assert.True((await RunAsync(database, SeekerT1, new RevokeConsent.Command(grant.Grant.Id))).Succeeded);
        Assert.Equal(ErrorKind.Conflict, (await RunAsync(database, SeekerT1, new RevokeConsent.Command(grant.Grant.Id))).FailureKind);
        var after = (await OpenAsync(database, Hr, "T1"))!;
        Assert.Equal(("张*", "138****5678", ContactKinds.None), (after.Contact!.Name, after.Contact.Phone, after.Revealed));

        // The owner's view log: every view by someone else, with what was shown; the owner's own views are not logged.
        await OpenAsync(database, SeekerT1, "T1");
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
        var asked = await RunAsync(database, Hr, new RequestContact.Command("T1", "面试邀请", ["name", "phone", "email"]));
        Assert.True((await RunAsync(database, SeekerT1, new AnswerContactRequest.Command(asked.Value.Request.Id, true, ["phone", "email"]))).Succeeded);
        var other = await RunAsync(database, ForeignHr, new RequestContact.Command("T1", "面试邀请", ["phone"]));
        Assert.Equal(("张*", "13812345678", "zhangwei@example.cn"), ((await OpenAsync(database, Hr, "T1"))!.Contact!.Name, (await OpenAsync(database, Hr, "T1"))!.Contact!.Phone, (await OpenAsync(database, Hr, "T1"))!.Contact!.Email));

        Assert.False((await ShareAsync(database, false)).Value.SharedWithZone);

        Assert.Null(await OpenAsync(database, Hr, "T1"));
        Assert.Null(await OpenAsync(database, ForeignHr, "T1"));
        var grants = await WithAsync(database, s => s.GrantsForSeekerAsync("T1"));
        Assert.Equal("sharing-off", grants.Single().Grant.RevokedReason);
        Assert.Empty(await WithAsync(database, s => s.RequestsForSeekerAsync("T1")));
        Assert.Equal(ContactRequestStatus.Declined, (await WithAsync(database, s => s.RequestsForSeekerAsync("T1", pendingOnly: false))).Single(r => r.Request.Id == other.Value.Request.Id).Request.Status);

        // Sharing again does not bring the old consent back.
        Assert.True((await ShareAsync(database, true)).Value.SharedWithZone);
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

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_rejected_applicants_contact_is_masked_again_30_days_after_the_rejection_unless_the_seeker_grants_it(DatabaseProvider provider)
    {
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        await using var database = await TestDatabase.CreateAsync(provider, clock);
        await SharingSeed.SeedAsync(database);
        var seeker = new RecruitingActor("user-t3", null, "T3");
        await using (var scope = database.Scope())
        {
            var recruiting = scope.ServiceProvider.GetRequiredService<RecruitingService>();
            var applied = await recruiting.ApplyAsync(seeker, "J1");
            Assert.True(applied.Succeeded, applied.ToString());
            var rejected = await recruiting.RejectAsync(new RecruitingActor("user-hr", "E1", null), applied.Value!.Id, confirmed: true, "岗位已招满", applied.Value.Version);
            Assert.True(rejected.Succeeded, rejected.ToString());
        }

        clock.Advance(TimeSpan.FromDays(29));
        var within = (await OpenAsync(database, Hr, "T3"))!;
        Assert.Equal((AccessBasis.Application, "王强", "13700002222"), (within.Basis, within.Contact!.Name, within.Contact.Phone));
        Assert.Equal("王强", await BoardNameAsync(database, "T3"));

        clock.Advance(TimeSpan.FromDays(2));
        var after = (await OpenAsync(database, Hr, "T3"))!; // T3 is not in the pool: the employer still reads the résumé it received
        Assert.Equal((AccessBasis.ClosedApplication, "王*", "137****2222", ContactKinds.None), (after.Basis, after.Contact!.Name, after.Contact.Phone, after.Revealed));
        Assert.Equal("王*", await BoardNameAsync(database, "T3")); // the job's board masks the name as the résumé does
        Assert.Null(await OpenAsync(database, ForeignHr, "T3"));

        // The seeker keeps sharing the phone with that employer: it stays in clear, the name masked.
        var asked = await RunAsync(database, Hr, new RequestContact.Command("T3", "邀请参加下一批焊工面试", ["phone"]));
        Assert.True(asked.Succeeded, asked.ToString());
        Assert.True((await RunAsync(database, Acting.Seeker("user-t3", "T3"), new AnswerContactRequest.Command(asked.Value.Request.Id, true))).Succeeded);
        var granted = (await OpenAsync(database, Hr, "T3"))!;
        Assert.Equal(("王*", "13700002222", ContactKinds.Phone), (granted.Contact!.Name, granted.Contact.Phone, granted.Revealed));
        Assert.Equal("王*", await BoardNameAsync(database, "T3"));
    }

    /// <summary>The applicant's name on the board of job J1, as its employer sees it.</summary>
    private static async Task<string?> BoardNameAsync(TestDatabase database, string talentId)
    {
        var board = (await RunAsync(database, Hr, new Gongjiang.Application.Recruiting.GetBoard.Query("J1"))).Value;
        return board.Names.GetValueOrDefault(talentId);
    }
}
