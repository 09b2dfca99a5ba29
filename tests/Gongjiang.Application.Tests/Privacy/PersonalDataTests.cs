using Gongjiang.Application.Common.Results;
using System.Data.Common;
using System.Text;
using Gongjiang.Application.Identity;
using Gongjiang.Application.Persistence;
using Gongjiang.Application.Privacy;
using Gongjiang.Application.Recruiting;
using Gongjiang.Application.Talent;
using Gongjiang.Application.Tests.Infrastructure;
using Gongjiang.Core.Employers;
using Gongjiang.Core.Jobs;
using Gongjiang.Core.Recruiting;
using Gongjiang.Core.Talent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongjiang.Application.Tests.Privacy;

public sealed class PersonalDataTests
{
    private const string Phone = "13912345678";
    private const string IdNumber = "37021119900307123X";
    private const string Name = "欧阳明远";
    private const string Email = "ouyang.mingyuan@example.cn";

    private static async Task<List<string?>> RawColumnAsync(AppDbContext db, string column)
    {
        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open) await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT \"{column}\" FROM \"TalentContacts\" ORDER BY \"TalentId\"";
        var values = new List<string?>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) values.Add(reader.IsDBNull(0) ? null : reader.GetString(0));
        return values;
    }

    /// <summary>Every value of every column of every table, as text: what a copy of the database would reveal.</summary>
    private static async Task<List<string>> EverythingStoredAsync(AppDbContext db)
    {
        var tables = db.Model.GetEntityTypes().Select(t => t.GetTableName()).OfType<string>().Distinct().ToList();
        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open) await connection.OpenAsync();
        var values = new List<string>();
        foreach (var table in tables)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM \"{table}\"";
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
                for (var i = 0; i < reader.FieldCount; i++)
                    if (!reader.IsDBNull(i)) values.Add(Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture) ?? "");
        }
        return values;
    }

    private static TalentContact Contact(string id, string phone, string? idNumber = null) =>
        new() { TalentId = id, Name = Name, Phone = phone, Email = Email, IdNumber = idNumber };

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Contact_fields_are_sealed_at_rest_read_back_in_clear_and_found_by_blind_index(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var scope = database.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            db.Talent.AddRange(new TalentProfile { Id = "T1", CityCode = "370211" }, new TalentProfile { Id = "T2", CityCode = "370211" });
            db.TalentContacts.AddRange(Contact("T1", Phone, IdNumber), Contact("T2", "13800000002"));
            await db.SaveChangesAsync();
        }
        await using (var scope = database.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var contact = await scope.ServiceProvider.GetRequiredService<TalentService>().FindContactAsync("T1");
            Assert.Equal((Name, Phone, Email, IdNumber), (contact!.Name, contact.Phone, contact.Email, contact.IdNumber));

            foreach (var column in PersonalDataModel.ContactColumns)
                foreach (var raw in (await RawColumnAsync(db, column)).OfType<string>())
                {
                    Assert.StartsWith("gk", raw);
                    Assert.DoesNotContain(Phone, raw);
                    Assert.DoesNotContain(Name, raw);
                    Assert.DoesNotContain("ouyang", raw);
                    Assert.DoesNotContain("19900307", raw);
                }
            var phoneIndexes = await RawColumnAsync(db, PersonalDataModel.PhoneIndex);
            Assert.Equal(2, phoneIndexes.OfType<string>().Distinct().Count());

            var talent = scope.ServiceProvider.GetRequiredService<TalentService>();
            Assert.Equal("T1", await talent.FindTalentIdByIdentityAsync("+86 139-1234-5678", null));
            Assert.Equal("T1", await talent.FindTalentIdByIdentityAsync(null, "37021119900307123x"));
            Assert.Equal("T2", await talent.FindTalentIdByIdentityAsync("138 0000 0002", IdNumber));
            Assert.Null(await talent.FindTalentIdByIdentityAsync("13700000000", "370211199003071230"));
            Assert.Null(await talent.FindTalentIdByIdentityAsync(null, null));

            // Many at once (an upload's preview): the same answers from one look-up per index.
            var owners = await talent.FindTalentIdsByIdentityAsync(
                ["+86 139-1234-5678", "138 0000 0002", "13700000000", null], ["37021119900307123x", "370211199003071230", null]);
            Assert.Equal("T1", owners.Find("+86 139-1234-5678", null));
            Assert.Equal("T1", owners.Find(null, "37021119900307123x"));
            Assert.Equal("T2", owners.Find("138 0000 0002", IdNumber));
            Assert.Null(owners.Find("13700000000", "370211199003071230"));
            Assert.Null(owners.Find(null, null));
        }
        if (database.Target.SqliteFilePath is { } file)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            var bytes = new List<byte>(await File.ReadAllBytesAsync(file));
            if (File.Exists(file + "-wal")) bytes.AddRange(await File.ReadAllBytesAsync(file + "-wal"));
            var content = Encoding.Latin1.GetString(bytes.ToArray());
            Assert.DoesNotContain(Phone, content);
            Assert.DoesNotContain(Encoding.Latin1.GetString(Encoding.UTF8.GetBytes(Name)), content);
            Assert.DoesNotContain(Email, content);
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Rotation_reseals_every_row_under_the_new_key_while_old_keys_keep_opening(DatabaseProvider provider)
    {
        var keyFile = Path.Combine(Path.GetTempPath(), $"gongjiang-rotation-{Guid.NewGuid():N}.keys");
        await using var database = await TestDatabase.CreateAsync(provider, keyFile: keyFile);
        await using (var scope = database.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            for (var i = 0; i < 23; i++)
            {
                db.Talent.Add(new TalentProfile { Id = $"T{i:D2}", CityCode = "370211" });
                db.TalentContacts.Add(Contact($"T{i:D2}", $"1390000{i:D4}", i % 2 == 0 ? $"37021119900307{i:D4}" : null));
            }
            await db.SaveChangesAsync();
        }
        await using (var scope = database.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            // A row as written before encryption at rest: the phone in clear, without blind index.
            await db.Database.ExecuteSqlRawAsync("UPDATE \"TalentContacts\" SET \"Phone\" = '13955556666', \"PhoneIndex\" = NULL WHERE \"TalentId\" = 'T22'");
            var protector = db.Protector!;
            Assert.Equal(1, protector.CurrentKeyId);
            Assert.All((await RawColumnAsync(db, "Phone")).Take(22), raw => Assert.StartsWith("gk1:", raw));
            Assert.Equal("13955556666", (await RawColumnAsync(db, "Phone"))[22]);

            var rotation = await scope.ServiceProvider.GetRequiredService<KeyRotationService>().RotateAsync(batchSize: 5);
            Assert.Equal(2, rotation.NewKeyId);
            Assert.Equal(23, rotation.RowsResealed);
            Assert.Equal([1, 2], protector.KeyIds);
            foreach (var column in PersonalDataModel.ContactColumns)
                Assert.All((await RawColumnAsync(db, column)).OfType<string>(), raw => Assert.StartsWith("gk2:", raw));
            Assert.Equal(23, (await RawColumnAsync(db, PersonalDataModel.PhoneIndex)).OfType<string>().Count());
            Assert.DoesNotContain(await RawColumnAsync(db, "Phone"), raw => raw!.Contains("1395555", StringComparison.Ordinal));
        }
        await using (var scope = database.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var contacts = await db.TalentContacts.AsNoTracking().OrderBy(c => c.TalentId).ToListAsync();
            Assert.Equal("13900000007", contacts[7].Phone);
            Assert.Equal("370211199003070008", contacts[8].IdNumber);
            Assert.Equal("13955556666", contacts[22].Phone);
            var talent = scope.ServiceProvider.GetRequiredService<TalentService>();
            Assert.Equal("T22", await talent.FindTalentIdByIdentityAsync("13955556666", null));
            Assert.Equal("T08", await talent.FindTalentIdByIdentityAsync(null, "370211199003070008"));

            // Half-way through a rotation (key 3 current, rows still under key 2) every row still opens.
            db.Protector!.AddKey();
            db.Talent.Add(new TalentProfile { Id = "T99", CityCode = "370211" });
            db.TalentContacts.Add(Contact("T99", "13911112222"));
            await db.SaveChangesAsync();
            var raw = await RawColumnAsync(db, "Phone");
            Assert.StartsWith("gk3:", raw[^1]);
            Assert.StartsWith("gk2:", raw[0]);
        }
        await using (var scope = database.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var phones = await db.TalentContacts.AsNoTracking().OrderBy(c => c.TalentId).Select(c => c.Phone).ToListAsync();
            Assert.Equal("13900000000", phones[0]);
            Assert.Equal("13911112222", phones[^1]);
        }
        Assert.True(File.Exists(keyFile));
        if (!OperatingSystem.IsWindows())
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(keyFile));
    }

    private static async Task<(string UserId, string TalentId)> SeekerAsync(IServiceProvider services, string userName, string name, string phone)
    {
        var db = services.GetRequiredService<AppDbContext>();
        var user = new AppUser { UserName = userName, NormalizedUserName = userName.ToUpperInvariant(), DisplayName = name,
            CreatedAt = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime };
        db.Users.Add(user);
        await db.SaveChangesAsync();
        var profile = await services.GetRequiredService<PrivacyService>().CreateSeekerProfileAsync(user, name, phone, 1995);
        return (user.Id, profile.Id);
    }

    private static async Task SeedJobAsync(AppDbContext db)
    {
        var now = DateTime.UtcNow;
        db.Employers.Add(new Employer { Id = "E1", Name = "青岛海卓精密机械有限公司", Uscc = "91370211MA3C7K2P3D", CityCode = "370211", IndustryCluster = "智能制造", Verification = VerificationStatus.Verified, CreatedAt = now, UpdatedAt = now });
        db.Jobs.Add(new JobPosting { Id = "J1", EmployerId = "E1", Title = "氩弧焊工", OccupationCode = "6-18-02-04", CityCode = "370211", SalaryMin = 7000, SalaryMax = 11000,
            PostedAt = DateOnly.FromDateTime(now), Status = JobStatus.Open, Description = "负责不锈钢管道氩弧焊接。", CreatedAt = now, UpdatedAt = now });
        await db.SaveChangesAsync();
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Export_holds_the_seekers_own_data_and_erasure_leaves_no_personal_value_anywhere(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        string userId, talentId, otherTalentId, applicationId, phoneIndex;
        await using (var scope = database.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await SeedJobAsync(db);
            (userId, talentId) = await SeekerAsync(scope.ServiceProvider, "ouyang_my", Name, Phone);
            (_, otherTalentId) = await SeekerAsync(scope.ServiceProvider, "li_other", "李另一", "13700001111");
            phoneIndex = db.Protector!.PhoneIndex(Phone)!;
            var recruiting = scope.ServiceProvider.GetRequiredService<RecruitingService>();
            var applied = await recruiting.ApplyAsync(new RecruitingActor(userId, null, talentId, Name), "J1");
            Assert.True(applied.Succeeded, applied.ToString());
            applicationId = applied.Value!.Id;
            Assert.True((await recruiting.ApplyAsync(new RecruitingActor("other", null, otherTalentId, "李另一"), "J1")).Succeeded);
            var withdrawn = await recruiting.WithdrawAsync(new RecruitingActor(userId, null, talentId, Name), applicationId, $"{Name}已入职其他公司，电话{Phone}", null);
            Assert.True(withdrawn.Succeeded, withdrawn.ToString());
        }
        await using (var scope = database.Scope())
        {
            var export = await scope.ServiceProvider.GetRequiredService<PrivacyService>().ExportAsync(userId);
            Assert.NotNull(export);
            Assert.Equal((Name, Phone), (export.Contact!.Name, export.Contact.Phone));
            Assert.Equal(talentId, export.Profile!.Id);
            var application = Assert.Single(export.Applications);
            Assert.Equal(("J1", "氩弧焊工", "Withdrawn"), (application.JobId, application.JobTitle, application.Stage));
            Assert.Equal(2, application.History.Count);
            Assert.Equal(PrivacyPolicy.Version, Assert.Single(export.Consents).PolicyVersion);
            var json = System.Text.Json.JsonSerializer.Serialize(export);
            Assert.DoesNotContain("李另一", json);
            Assert.DoesNotContain(otherTalentId, json);
        }
        await using (var scope = database.Scope())
        {
            var record = await scope.ServiceProvider.GetRequiredService<PrivacyService>().EraseAsync(userId, "request");
            Assert.NotNull(record);
            Assert.Equal((1, 1, 1, 1, 1), (record.Users, record.Profiles, record.Contacts, record.Consents, record.ApplicationsAnonymised));
            Assert.True(record.NotesRemoved >= 1);
        }
        await using (var scope = database.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var stored = await EverythingStoredAsync(db);
            foreach (var secret in new[] { Phone, Name, "ouyang_my", "OUYANG_MY", phoneIndex, userId, talentId, "已入职其他公司" })
                Assert.DoesNotContain(stored, value => value.Contains(secret, StringComparison.Ordinal));
            // The employer's statistics keep the application, anonymised; the other seeker is untouched.
            var applications = await db.Applications.AsNoTracking().Include(a => a.History).ToListAsync();
            Assert.Equal(2, applications.Count);
            var anonymous = applications.Single(a => a.Id == applicationId);
            Assert.StartsWith("ANON-", anonymous.TalentId);
            Assert.Equal(ApplicationStage.Withdrawn, anonymous.Stage);
            Assert.All(anonymous.History, h => Assert.Null(h.Reason));
            Assert.NotNull(await db.TalentContacts.AsNoTracking().FirstOrDefaultAsync(c => c.TalentId == otherTalentId));
            Assert.Equal(1, await db.ErasureRecords.CountAsync());
            Assert.Null(await scope.ServiceProvider.GetRequiredService<TalentService>().FindTalentIdByIdentityAsync(Phone, null));
            Assert.Null(await scope.ServiceProvider.GetRequiredService<PrivacyService>().ExportAsync(userId));
        }
    }

    private sealed class SettableClock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;
        public override DateTimeOffset GetUtcNow() => Now;
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Retention_erases_long_inactive_seekers_and_old_notes_but_never_job_postings(DatabaseProvider provider)
    {
        var clock = new SettableClock(new DateTimeOffset(2021, 3, 1, 8, 0, 0, TimeSpan.Zero));
        await using var database = await TestDatabase.CreateAsync(provider, clock);
        string oldUser, recentUser, recentTalent, applicationId;
        await using (var scope = database.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await SeedJobAsync(db);
            db.Jobs.Single().PostedAt = new DateOnly(2021, 3, 1);
            db.Jobs.Single().ExpiresAt = null;
            await db.SaveChangesAsync();
            (oldUser, _) = await SeekerAsync(scope.ServiceProvider, "old_seeker", "陈旧", "13600000001");
            clock.Now = new DateTimeOffset(2025, 6, 1, 8, 0, 0, TimeSpan.Zero);
            (recentUser, recentTalent) = await SeekerAsync(scope.ServiceProvider, "recent_seeker", "孙近", "13600000002");
            var recruiting = scope.ServiceProvider.GetRequiredService<RecruitingService>();
            var applied = await recruiting.ApplyAsync(new RecruitingActor(recentUser, null, recentTalent, "孙近"), "J1");
            Assert.True(applied.Succeeded, applied.ToString());
            applicationId = applied.Value!.Id;
            Assert.True((await recruiting.WithdrawAsync(new RecruitingActor(recentUser, null, recentTalent, "孙近"), applicationId, "孙近个人原因", null)).Succeeded);
        }
        clock.Now = new DateTimeOffset(2026, 1, 1, 8, 0, 0, TimeSpan.Zero);
        await using (var scope = database.Scope())
        {
            var report = await scope.ServiceProvider.GetRequiredService<RetentionService>().RunAsync();
            Assert.Equal(1, report.SeekersErased);
            Assert.Equal(1, report.NotesRemoved);
        }
        await using (var scope = database.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            Assert.False(await db.Users.AnyAsync(u => u.Id == oldUser));
            Assert.True(await db.Users.AnyAsync(u => u.Id == recentUser));
            Assert.Equal(1, await db.Jobs.CountAsync());
            var application = await db.Applications.AsNoTracking().Include(a => a.History).SingleAsync();
            Assert.Equal(recentTalent, application.TalentId);
            Assert.All(application.History, h => Assert.Null(h.Reason));
            Assert.Equal("retention", (await db.ErasureRecords.SingleAsync()).Reason);
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_profile_under_16_cannot_apply_to_a_job(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var scope = database.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await SeedJobAsync(db);
        db.Talent.Add(new TalentProfile { Id = "T15", CityCode = "370211", BirthYear = DateTime.UtcNow.Year - 15 });
        db.Talent.Add(new TalentProfile { Id = "T16", CityCode = "370211", BirthYear = DateTime.UtcNow.Year - 16 });
        await db.SaveChangesAsync();
        var recruiting = scope.ServiceProvider.GetRequiredService<RecruitingService>();
        var refused = await recruiting.ApplyAsync(new RecruitingActor("u15", null, "T15", "小明"), "J1");
        Assert.Equal(ErrorKind.Refused, refused.FailureKind);
        Assert.Contains("16", refused.Text());
        Assert.True((await recruiting.ApplyAsync(new RecruitingActor("u16", null, "T16", "小李"), "J1")).Succeeded);
        Assert.Equal(1, await db.Applications.CountAsync());
        var privacy = scope.ServiceProvider.GetRequiredService<PrivacyService>();
        var underAge = privacy.RegistrationRefusal(DateTime.UtcNow.Year - 15, consented: true)!;
        Assert.Equal(("birthYear", Gongjiang.Application.Identity.AccountErrors.UnderAge), (underAge.Field, underAge.Code));
        Assert.Equal(PrivacyPolicy.UnderAgeMessage, Gongjiang.Application.Common.Results.ErrorText.For(underAge, System.Globalization.CultureInfo.GetCultureInfo("zh-CN")));
        Assert.Null(privacy.RegistrationRefusal(DateTime.UtcNow.Year - 16, consented: true));
        Assert.Equal("consent", privacy.RegistrationRefusal(DateTime.UtcNow.Year - 30, consented: false)?.Field);
    }
}
