using Gongjiang.Application.Persistence;
using Gongjiang.Application.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongjiang.Application.Tests.Persistence;

public sealed class MigrationTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_new_database_gets_the_schema_and_the_taxonomy(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var scope = database.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();

        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        var welder = await db.Occupations.SingleAsync(o => o.Code == "6-18-02-04");
        Assert.Equal("焊工", welder.Name);
        Assert.True(await db.SkillStandardItems.CountAsync() > 8000);
        Assert.True(await db.Regions.AnyAsync(r => r.Code == "370211" && r.Name == "黄岛区"));
        Assert.True(await db.MajorOccupations.AnyAsync(m => m.MajorCode == "510102"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Migrating_twice_changes_nothing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var scope = database.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var before = await db.Occupations.CountAsync();
        await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().MigrateAsync();
        Assert.Equal(before, await db.Occupations.CountAsync());
    }
}
