using Gongjiang.Application.DemoZone;
using Gongjiang.Application.Identity;
using Gongjiang.Application.Persistence;
using Gongjiang.Application.Tests.Infrastructure;
using Gongjiang.Core.Headhunting;
using Gongjiang.Market;
using Gongjiang.Core.Recruiting;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Gongjiang.Application.Tests.DemoZone;

public sealed class DemoActivitySeederTests
{
    /// <summary>A small zone from the demo's own generator and seed, so the test stays quick.</summary>
    private static readonly MarketSpec SmallZone = new(40, 800, 4_000, MarketSpec.Demo().Seed);

    /// <summary>The application services with the sign-in store, as the web host has them.</summary>
    private static ServiceProvider Services(TestDatabase database)
    {
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        services.AddGongjiang(database.Target);
        services.AddIdentityCore<AppUser>(o =>
            {
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequireUppercase = false;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<AppDbContext>();
        return services.BuildServiceProvider();
    }

    private sealed record Counts(int Invitations, int Campaigns, int Recipients, int Talks, int SignUps, int Projects, int Candidates, int Moves, int Notifications);

    private static async Task<Counts> CountAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return new Counts(await db.Set<Invitation>().CountAsync(), await db.CampusCampaigns.CountAsync(), await db.CampaignRecipients.CountAsync(),
            await db.CampusTalks.CountAsync(), await db.Set<Gongjiang.Core.Campus.TalkSignup>().CountAsync(), await db.HeadhuntingProjects.CountAsync(),
            await db.ProjectCandidates.CountAsync(), await db.Set<CandidateStageChange>().CountAsync(), await db.Set<Gongjiang.Application.Notifications.Notification>().CountAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_demo_users_get_invitations_a_campaign_and_a_project_once_and_a_second_start_adds_nothing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var services = Services(database);
        await using (var scope = services.CreateAsyncScope())
        {
            var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
            foreach (var role in Roles.All) await roles.CreateAsync(new IdentityRole(role));
            Assert.True(await scope.ServiceProvider.GetRequiredService<DemoZoneSeeder>().SeedIfEmptyAsync(spec: SmallZone));
        }

        DemoActivity first;
        await using (var scope = services.CreateAsyncScope())
            first = await scope.ServiceProvider.GetRequiredService<DemoActivitySeeder>().SeedMissingAsync();
        Assert.InRange(first.Invitations, 2, DemoActivitySeeder.InvitationCount);
        Assert.Equal((1, 1), (first.Campaigns, first.Projects));

        await using (var scope = services.CreateAsyncScope())
        {
            var sp = scope.ServiceProvider;
            var db = sp.GetRequiredService<AppDbContext>();
            var users = sp.GetRequiredService<UserManager<AppUser>>();
            var seeker = (await users.FindByNameAsync("seeker"))!;
            var hr = (await users.FindByNameAsync("hr"))!;
            var agency = (await users.FindByNameAsync("agency"))!;

            // Pending invitations to the seeker, each for an open job of hr's employer, and the seeker heard of them in the inbox.
            var invitations = await db.Set<Invitation>().AsNoTracking().Where(i => i.TalentId == seeker.TalentId).ToListAsync();
            Assert.Equal(first.Invitations, invitations.Count);
            Assert.All(invitations, i => Assert.Equal((hr.EmployerId, InvitationStatus.Pending, hr.Id), (i.EmployerId, i.Status, i.InvitedByUserId)));
            Assert.Equal(invitations.Count, invitations.Select(i => i.JobId).Distinct().Count());
            Assert.Equal(invitations.Count, await db.Set<Gongjiang.Application.Notifications.Notification>().CountAsync(n => n.UserId == seeker.Id && n.Kind == "invitation"));

            // hr's campaign reached its audience and has an upcoming talk with sign-ups that count as responses.
            var campaign = await db.CampusCampaigns.AsNoTracking().Include(c => c.Recipients).Include(c => c.Talks).ThenInclude(t => t.Signups).SingleAsync();
            Assert.Equal(hr.EmployerId, campaign.EmployerId);
            Assert.NotEmpty(campaign.Recipients);
            Assert.NotEmpty(campaign.JobIds);
            var talk = Assert.Single(campaign.Talks);
            Assert.True(talk.StartsAt > DateTime.UtcNow);
            Assert.InRange(talk.Signups.Count, 1, 2);
            Assert.Equal(talk.Signups.Count, campaign.Recipients.Count(r => r.Response == "signed_up"));

            // agency's project for hr's employer, with candidates at different steps and their history.
            var project = await db.HeadhuntingProjects.AsNoTracking().Include(p => p.Candidates).ThenInclude(c => c.History).SingleAsync();
            Assert.Equal((agency.EmployerId, hr.EmployerId, ProjectStatus.Open), (project.AgencyId, project.ClientEmployerId, project.Status));
            Assert.Equal(DemoActivitySeeder.CandidateCount, project.Candidates.Count);
            Assert.Equal(
                [CandidateStage.Sourced, CandidateStage.Screened, CandidateStage.Recommended, CandidateStage.Interviewed, CandidateStage.Hired, CandidateStage.Dropped],
                project.Candidates.Select(c => c.Stage).Order());
            var hired = project.Candidates.Single(c => c.Stage == CandidateStage.Hired);
            Assert.Equal(5, hired.History.Count); // sourced, then one step at a time
            Assert.Equal(agency.Id, hired.History.OrderBy(h => h.At).ThenBy(h => h.Id).Last().ByUserId);
            Assert.NotNull(project.Candidates.Single(c => c.Stage == CandidateStage.Dropped).DropReason);
        }

        // A second start: nothing more.
        var before = await CountAsync(services);
        await using (var scope = services.CreateAsyncScope())
        {
            Assert.False(await scope.ServiceProvider.GetRequiredService<DemoZoneSeeder>().SeedIfEmptyAsync(spec: SmallZone));
            Assert.False((await scope.ServiceProvider.GetRequiredService<DemoActivitySeeder>().SeedMissingAsync()).Any);
        }
        Assert.Equal(before, await CountAsync(services));
    }
}
