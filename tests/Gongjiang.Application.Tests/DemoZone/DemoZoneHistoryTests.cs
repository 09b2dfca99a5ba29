using Gongjiang.Application.DemoZone;
using Gongjiang.Application.Identity;
using Gongjiang.Application.Persistence;
using Gongjiang.Application.Tests.Infrastructure;
using Gongjiang.Core.Headhunting;
using Gongjiang.Core.Recruiting;
using Gongjiang.Market;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Gongjiang.Application.Tests.DemoZone;

/// <summary>The demo zone's history lies in the past of the moment it is seeded, whatever the hour of that day in UTC.</summary>
public sealed class DemoZoneHistoryTests
{
    private static readonly MarketSpec SmallZone = new(30, 600, 3_000, MarketSpec.Demo().Seed);

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Nothing_the_demo_zone_seeds_happened_after_the_moment_it_was_seeded(DatabaseProvider provider)
    {
        // 02:00 UTC (10:00 in China): most of the UTC day is still ahead, where the generated history used to run on to.
        var now = new DateTimeOffset(2026, 7, 1, 2, 0, 0, TimeSpan.Zero);
        await using var database = await TestDatabase.CreateAsync(provider);
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        services.AddGongjiang(database.Target);
        services.AddSingleton<TimeProvider>(new ManualClock(now));
        services.AddIdentityCore<AppUser>(o => { o.Password.RequireNonAlphanumeric = false; o.Password.RequireUppercase = false; })
            .AddRoles<IdentityRole>().AddEntityFrameworkStores<AppDbContext>();
        await using var provided = services.BuildServiceProvider();
        await using (var scope = provided.CreateAsyncScope())
        {
            var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
            foreach (var role in Roles.All) await roles.CreateAsync(new IdentityRole(role));
            Assert.True(await scope.ServiceProvider.GetRequiredService<DemoZoneSeeder>().SeedIfEmptyAsync(spec: SmallZone with { Today = DateOnly.FromDateTime(now.UtcDateTime) }));
        }
        await using (var scope = provided.CreateAsyncScope())
            Assert.True((await scope.ServiceProvider.GetRequiredService<DemoActivitySeeder>().SeedMissingAsync()).Any);

        await using (var scope = provided.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var at = now.UtcDateTime;
            var today = DateOnly.FromDateTime(at);
            Assert.True(await db.Outcomes.CountAsync() > 100, "the demo zone has a recruiting history");
            Assert.Equal(0, await db.Outcomes.CountAsync(o => o.At > at));
            Assert.Equal(0, await db.Jobs.CountAsync(j => j.CreatedAt > at || j.UpdatedAt > at || j.PostedAt > today));
            Assert.Equal(0, await db.Talent.CountAsync(t => t.CreatedAt > at || t.UpdatedAt > at));
            Assert.Equal(0, await db.Employers.CountAsync(e => e.CreatedAt > at || e.VerifiedAt > at));
            Assert.Equal(0, await db.Set<Invitation>().CountAsync(i => i.CreatedAt > at));
            Assert.Equal(0, await db.Set<CandidateStageChange>().CountAsync(c => c.At > at));
            Assert.Equal(0, await db.ServiceLog.CountAsync(e => e.At > at));
        }
    }
}
