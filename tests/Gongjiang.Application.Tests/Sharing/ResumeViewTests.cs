using Gongjiang.Application.Common;
using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Common.UseCases;
using Gongjiang.Application.Persistence;
using Gongjiang.Application.Recruiting;
using Gongjiang.Application.Sharing;
using Gongjiang.Application.Tests.Infrastructure;
using Gongjiang.Core.Recruiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongjiang.Application.Tests.Sharing;

/// <summary>
/// The one résumé view of a candidate for HR: where it was opened from goes into the view log, opened from the board it
/// carries the application, and HR of the employer a seeker applied to opening it marks the application 已查看.
/// </summary>
public sealed class ResumeViewTests
{
    private static readonly Actor Hr = Acting.Employer("user-hr", "E1");
    private static readonly Actor ForeignHr = Acting.Employer("user-foreign", "E2");
    private static readonly Actor Operator = Acting.Operator("user-op");
    private static readonly RecruitingActor SeekerT1 = new("user-seeker", null, "T1");
    private static readonly RecruitingActor SeekerT3 = new("user-t3", null, "T3");

    private static async Task<Result<T>> RunAsync<T>(TestDatabase database, Actor actor, IUseCase<T> request)
    {
        await using var scope = database.Scope();
        return await scope.ServiceProvider.RunAsAsync(actor, request);
    }

    private static async Task<JobApplication> ApplyAsync(TestDatabase database, RecruitingActor seeker)
    {
        await using var scope = database.Scope();
        var applied = await scope.ServiceProvider.GetRequiredService<RecruitingService>().ApplyAsync(seeker, "J1");
        Assert.True(applied.Succeeded, applied.ToString());
        return applied.Value!;
    }

    private static async Task<T> ReadAsync<T>(TestDatabase database, Func<AppDbContext, Task<T>> read)
    {
        await using var scope = database.Scope();
        return await read(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    private static Task<DateTime?> ViewedAtAsync(TestDatabase database, string applicationId) =>
        ReadAsync(database, db => db.Applications.AsNoTracking().Where(a => a.Id == applicationId).Select(a => a.ViewedAt).SingleAsync());

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Each_view_is_logged_with_where_it_was_opened_from(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await SharingSeed.SeedAsync(database);
        var application = await ApplyAsync(database, SeekerT3);

        foreach (var source in new[] { "search", "Recommendations", "invitation" })
            Assert.True((await RunAsync(database, Hr, new OpenResume.Query("T1", "page", Source: source))).Succeeded);
        var fromBoard = await RunAsync(database, Hr, new OpenResume.Query("T3", "api", Source: "board", ApplicationId: application.Id));
        Assert.True(fromBoard.Succeeded, fromBoard.ToString());
        Assert.Equal(("board", application.Id, "氩弧焊工", ApplicationStage.Applied),
            (fromBoard.Value.Source, fromBoard.Value.Application!.Application.Id, fromBoard.Value.Application.JobTitle, fromBoard.Value.Application.Application.Stage));
        Assert.True((await RunAsync(database, Hr, new OpenResume.Query("T2", "page"))).Succeeded); // no source said

        var log = await ReadAsync(database, db => db.Set<ResumeView>().AsNoTracking().OrderBy(v => v.Id)
            .Select(v => new { v.TalentId, v.Channel, v.Source, v.Purpose }).ToListAsync());
        Assert.Equal([("T1", "page", "search", "人才搜索"), ("T1", "page", "recommendations", "推荐人才"), ("T1", "page", "invitation", "邀请投递"),
            ("T3", "api", "board", "招聘看板"), ("T2", "page", null, null)], log.Select(v => (v.TalentId, v.Channel, v.Source, v.Purpose)).ToList());

        // A source nobody knows is refused, and nothing is logged.
        var unknown = await RunAsync(database, Hr, new OpenResume.Query("T1", "api", Source: "email"));
        Assert.Equal((ErrorKind.Invalid, "source", SharingErrors.UnknownSource), (unknown.FailureKind, unknown.Errors[0].Field, unknown.Errors[0].Code));
        Assert.Equal(5, await ReadAsync(database, db => db.Set<ResumeView>().CountAsync()));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Opened_from_the_board_only_with_an_application_of_that_seeker_to_the_viewers_employer(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await SharingSeed.SeedAsync(database);
        var application = await ApplyAsync(database, SeekerT1);

        // T1 is in the shared pool, so E2 may read the résumé, but not through E1's application; nor for another seeker.
        Assert.Equal(ErrorKind.NotFound, (await RunAsync(database, ForeignHr, new OpenResume.Query("T1", "page", Source: "board", ApplicationId: application.Id))).FailureKind);
        Assert.Equal(ErrorKind.NotFound, (await RunAsync(database, Hr, new OpenResume.Query("T2", "page", Source: "board", ApplicationId: application.Id))).FailureKind);
        Assert.Equal(0, await ReadAsync(database, db => db.Set<ResumeView>().CountAsync()));
        Assert.Null(await ViewedAtAsync(database, application.Id));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_application_is_viewed_when_that_employers_hr_opens_the_resume_after_applying_and_keeps_the_first_time(DatabaseProvider provider)
    {
        var clock = new ManualClock(DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds())); // whole seconds: both databases keep them exactly
        await using var database = await TestDatabase.CreateAsync(provider, clock);
        await SharingSeed.SeedAsync(database);

        // Before applying: the view is logged, but there is no application to mark.
        Assert.True((await RunAsync(database, Hr, new OpenResume.Query("T1", "page", Source: "search"))).Succeeded);
        clock.Advance(TimeSpan.FromMinutes(5));
        var application = await ApplyAsync(database, SeekerT1);
        Assert.Null(await ViewedAtAsync(database, application.Id));

        // Another employer's HR and an operator open it: not this employer's HR, still not viewed.
        clock.Advance(TimeSpan.FromMinutes(5));
        Assert.True((await RunAsync(database, ForeignHr, new OpenResume.Query("T1", "page", Source: "search"))).Succeeded);
        Assert.True((await RunAsync(database, Operator, new OpenResume.Query("T1", "page"))).Succeeded);
        Assert.Null(await ViewedAtAsync(database, application.Id));
        Assert.Null((await RunAsync(database, Acting.Seeker("user-seeker", "T1"), new ListMyApplications.Query())).Value.Items.Single().ViewedAt);

        // The employer's HR opens it, from anywhere: viewed at that time, which a later view does not move.
        clock.Advance(TimeSpan.FromMinutes(5));
        var viewedAt = clock.GetUtcNow().UtcDateTime;
        Assert.True((await RunAsync(database, Hr, new OpenResume.Query("T1", "page", Source: "recommendations"))).Succeeded);
        clock.Advance(TimeSpan.FromHours(2));
        var again = await RunAsync(database, Acting.Employer("user-hr-2", "E1"), new OpenResume.Query("T1", "page", Source: "board", ApplicationId: application.Id));
        Assert.Equal(viewedAt, again.Value.Application!.Application.ViewedAt);
        Assert.Equal(viewedAt, await ViewedAtAsync(database, application.Id));
        var mine = (await RunAsync(database, Acting.Seeker("user-seeker", "T1"), new ListMyApplications.Query())).Value.Items.Single();
        Assert.Equal(viewedAt, mine.ViewedAt);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_applicant_opened_from_the_board_is_shown_in_full_while_the_same_seeker_found_in_search_is_masked(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await SharingSeed.SeedAsync(database);
        var before = await RunAsync(database, Hr, new OpenResume.Query("T1", "page", Source: "search"));
        Assert.Equal(("张*", "138****5678", AccessBasis.SharedPool), (before.Value.Access.Contact!.Name, before.Value.Access.Contact.Phone, before.Value.Access.Basis));

        var application = await ApplyAsync(database, SeekerT1);
        var fromBoard = await RunAsync(database, Hr, new OpenResume.Query("T1", "page", Source: "board", ApplicationId: application.Id));
        Assert.Equal(("张伟", "13812345678", AccessBasis.Application), (fromBoard.Value.Access.Contact!.Name, fromBoard.Value.Access.Contact.Phone, fromBoard.Value.Access.Basis));
        var foreign = await RunAsync(database, ForeignHr, new OpenResume.Query("T1", "page", Source: "search"));
        Assert.Equal(("张*", "138****5678"), (foreign.Value.Access.Contact!.Name, foreign.Value.Access.Contact.Phone));

        var shown = await ReadAsync(database, db => db.Set<ResumeView>().AsNoTracking().OrderBy(v => v.Id).Select(v => v.Shown).ToListAsync());
        Assert.Equal([ContactKinds.None, ContactKinds.All, ContactKinds.None], shown);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_board_card_shows_grade_key_skills_experience_and_the_match_reasons(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await SharingSeed.SeedAsync(database);
        await ApplyAsync(database, SeekerT1);

        var board = await RunAsync(database, Hr, new GetBoard.Query("J1"));
        Assert.True(board.Succeeded, board.ToString());
        var card = board.Value.Candidates["T1"];
        Assert.Equal(("6-18-02-04", (int?)3, 8.0), (card.OccupationCode, card.Grade, card.ExperienceYears));
        Assert.Equal(["二氧化碳保护焊", "氩弧焊"], card.KeySkills.Order(StringComparer.Ordinal).ToList());
        Assert.NotNull(card.Reasons);
        Assert.Equal((int?)3, card.Reasons!.GradeHeld);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Views_logged_before_applications_recorded_them_mark_the_applications_they_followed(DatabaseProvider provider)
    {
        var clock = new ManualClock(DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds()));
        await using var database = await TestDatabase.CreateAsync(provider, clock);
        await SharingSeed.SeedAsync(database);
        var application = await ApplyAsync(database, SeekerT3);
        var applied = application.AppliedAt;
        await using (var scope = database.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            // The log as it stood before the migration: a view by E1 before applying, one by E2 after, two by E1 after.
            db.Set<ResumeView>().AddRange(
                new ResumeView { TalentId = "T3", ViewerUserId = "user-hr", ViewerEmployerId = "E1", At = applied.AddHours(-1), Channel = "page" },
                new ResumeView { TalentId = "T3", ViewerUserId = "user-foreign", ViewerEmployerId = "E2", At = applied.AddMinutes(10), Channel = "page" },
                new ResumeView { TalentId = "T3", ViewerUserId = "user-hr", ViewerEmployerId = "E1", At = applied.AddHours(2), Channel = "page" },
                new ResumeView { TalentId = "T3", ViewerUserId = "user-hr", ViewerEmployerId = "E1", At = applied.AddHours(1), Channel = "api" });
            await db.SaveChangesAsync();
            await db.Database.ExecuteSqlRawAsync(Gongjiang.Application.Persistence.Migrations.ApplicationViewedBackfill.FromViewLog);
        }
        Assert.Equal(applied.AddHours(1), await ViewedAtAsync(database, application.Id));
    }
}
