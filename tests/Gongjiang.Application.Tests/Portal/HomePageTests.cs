using Gongjiang.Application.Matching;
using Gongjiang.Application.Persistence;
using Gongjiang.Application.Portal;
using Gongjiang.Application.Tests.Compliance;
using Gongjiang.Application.Tests.Infrastructure;
using Gongjiang.Core.Employers;
using Microsoft.Extensions.DependencyInjection;

namespace Gongjiang.Application.Tests.Portal;

/// <summary>The home page is built once for a crowd: kept for a few seconds, rebuilt at once when a posting is published.</summary>
public sealed class HomePageTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_home_page_is_kept_briefly_and_rebuilt_when_a_posting_is_published(DatabaseProvider provider)
    {
        var clock = new Gongjiang.Application.Tests.Compliance.ManualClock(ComplaintServiceTests.Start);
        await using var database = await TestDatabase.CreateAsync(provider, clock);
        await ComplaintServiceTests.SeedAsync(database, ComplaintServiceTests.Posting("J1", "E1"));
        await using (var scope = database.Scope()) await scope.ServiceProvider.GetRequiredService<MatchingIndex>().GetAsync();

        var first = await HomeAsync(database);
        Assert.Equal((2, 1), (first.EmployerCount, first.OpenJobCount));

        await AddVerifiedEmployerAsync(database, "E3");
        var cached = await HomeAsync(database);
        Assert.Same(first, cached); // the same build: nothing was asked of the database
        Assert.Equal(2, cached.EmployerCount);

        await using (var scope = database.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var draft = ComplaintServiceTests.Posting("J2", "E2");
            draft.Status = Core.Jobs.JobStatus.Draft;
            db.Jobs.Add(draft);
            await db.SaveChangesAsync();
            Assert.True((await scope.ServiceProvider.PublishAsEmployerAsync("J2")).Published);
        }
        var afterPublishing = await HomeAsync(database);
        Assert.Equal((3, 2), (afterPublishing.EmployerCount, afterPublishing.OpenJobCount));
        Assert.Contains(afterPublishing.LatestJobs, j => j.Id == "J2");

        await AddVerifiedEmployerAsync(database, "E4");
        Assert.Equal(3, (await HomeAsync(database)).EmployerCount);
        clock.Advance(HomePageCache.Freshness);
        Assert.Equal(4, (await HomeAsync(database)).EmployerCount);
    }

    private static async Task<GetHomePage.Home> HomeAsync(TestDatabase database)
    {
        await using var scope = database.Scope();
        return (await scope.ServiceProvider.RunAsAsync(Acting.SeekerUser(), new GetHomePage.Query())).AssertValue();
    }

    private static async Task AddVerifiedEmployerAsync(TestDatabase database, string id)
    {
        await using var scope = database.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = ComplaintServiceTests.Start.UtcDateTime;
        db.Employers.Add(new Employer
        {
            Id = id, Name = "青岛新材科技有限公司" + id, Uscc = id == "E3" ? "91370211MA3C9M6T7H" : "91370211MA3CAN8W1K", CityCode = "370211",
            IndustryCluster = "新材料", Verification = VerificationStatus.Verified, VerifiedAt = now, CreatedAt = now, UpdatedAt = now,
        });
        await db.SaveChangesAsync();
    }
}
