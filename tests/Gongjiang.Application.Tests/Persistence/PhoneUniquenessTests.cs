using Gongjiang.Application.Identity;
using Gongjiang.Application.Persistence;
using Gongjiang.Application.Tests.Infrastructure;
using Gongjiang.Core.Talent;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Gongjiang.Application.Persistence.Migrations;
using Microsoft.Extensions.DependencyInjection;

namespace Gongjiang.Application.Tests.Persistence;

/// <summary>
/// A phone number belongs to one profile: the database refuses a second holder, and the migration that made numbers
/// unique left each number held twice before it on one profile — the one with the earliest account.
/// </summary>
public sealed class PhoneUniquenessTests
{
    private const string SharedPhone = "13722223333";

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_database_refuses_a_second_profile_with_the_same_number(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var scope = database.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            AddProfile(db, "T-A", SharedPhone);
            await db.SaveChangesAsync();
        }
        await using (var scope = database.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            AddProfile(db, "T-B", "+86 137-2222-3333"); // the same number, written another way
            await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        }
        await using (var scope = database.Scope())
            Assert.Equal(["T-A"], await scope.ServiceProvider.GetRequiredService<Talent.TalentService>().FindTalentIdsHoldingPhoneAsync(SharedPhone));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Numbers_held_twice_before_numbers_were_unique_stay_with_the_earliest_account(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var scope = database.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        // The data as it could be before the migration PhoneCodesAndUniquePhones: the index not yet unique, a number held three times.
        await db.Database.ExecuteSqlRawAsync("""DROP INDEX "IX_TalentContacts_PhoneIndex" """);
        AddProfile(db, "T-IMPORTED", SharedPhone);
        AddProfile(db, "T-LATER", SharedPhone);
        AddProfile(db, "T-FIRST", SharedPhone);
        AddProfile(db, "T-ALONE", "13900001111");
        db.Users.Add(new AppUser { Id = "u-later", UserName = "later", NormalizedUserName = "LATER", TalentId = "T-LATER", CreatedAt = new DateTime(2026, 3, 1, 0, 0, 0, DateTimeKind.Utc) });
        db.Users.Add(new AppUser { Id = "u-first", UserName = "first", NormalizedUserName = "FIRST", TalentId = "T-FIRST", CreatedAt = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc) });
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();

        // What the migration runs before it makes the index unique.
        await db.Database.ExecuteSqlRawAsync(PhoneDeduplication.LogCleared);
        await db.Database.ExecuteSqlRawAsync(PhoneDeduplication.ClearDuplicates);
        await db.Database.ExecuteSqlRawAsync("""CREATE UNIQUE INDEX "IX_TalentContacts_PhoneIndex" ON "TalentContacts" ("PhoneIndex")""");

        var talent = scope.ServiceProvider.GetRequiredService<Talent.TalentService>();
        Assert.Equal(["T-FIRST"], await talent.FindTalentIdsHoldingPhoneAsync(SharedPhone));
        Assert.Equal(["T-ALONE"], await talent.FindTalentIdsHoldingPhoneAsync("13900001111"));
        var contacts = await db.TalentContacts.AsNoTracking().ToDictionaryAsync(c => c.TalentId, c => c.Phone);
        Assert.Equal(SharedPhone, contacts["T-FIRST"]);
        Assert.Null(contacts["T-LATER"]);
        Assert.Null(contacts["T-IMPORTED"]);
        var cleared = await db.ServiceLog.AsNoTracking().Where(e => e.Action == "talent.phone_cleared").Select(e => e.TargetId).ToListAsync();
        Assert.Equal(["T-IMPORTED", "T-LATER"], cleared.Order());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_migration_that_makes_numbers_unique_clears_the_numbers_held_twice(DatabaseProvider provider)
    {
        // The migration's own SQL, as the migration class runs it (the test above checks what the SQL does to data).
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var scope = database.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var migration = db.GetService<IMigrationsAssembly>().Migrations.Single(m => m.Key.EndsWith("_PhoneCodesAndUniquePhones", StringComparison.Ordinal));
        var instance = (Migration)Activator.CreateInstance(migration.Value.AsType())!;
        var sql = instance.UpOperations.OfType<Microsoft.EntityFrameworkCore.Migrations.Operations.SqlOperation>().Select(o => o.Sql).ToList();
        Assert.Equal([PhoneDeduplication.LogCleared, PhoneDeduplication.ClearDuplicates], sql);
        var order = instance.UpOperations.Select(o => o.GetType().Name).ToList();
        Assert.True(order.IndexOf("SqlOperation") < order.LastIndexOf("CreateIndexOperation"), string.Join(", ", order));
    }

    private static void AddProfile(AppDbContext db, string id, string phone)
    {
        var now = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        db.Talent.Add(new TalentProfile { Id = id, CityCode = "370211", CreatedAt = now, UpdatedAt = now });
        db.TalentContacts.Add(new TalentContact { TalentId = id, Name = "测试", Phone = Gongjiang.Application.Privacy.PersonalDataProtector.NormalizePhone(phone) });
    }
}
