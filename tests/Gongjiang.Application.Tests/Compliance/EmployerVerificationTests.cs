using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Compliance;
using Gongjiang.Application.Employers;
using Gongjiang.Application.Headhunting;
using Gongjiang.Application.Jobs;
using Gongjiang.Application.Persistence;
using Gongjiang.Application.Tests.Infrastructure;
using Gongjiang.Core.Employers;
using Gongjiang.Core.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongjiang.Application.Tests.Compliance;

public sealed class EmployerVerificationTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 5, 4, 1, 0, 0, TimeSpan.Zero);
    private readonly string licenceDirectory = Path.Combine(Path.GetTempPath(), "gongjiang-licences-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(licenceDirectory)) Directory.Delete(licenceDirectory, recursive: true);
    }

    private VerificationService Verification(IServiceProvider sp) => new(sp.GetRequiredService<AppDbContext>(), sp.GetRequiredService<TimeProvider>(),
        sp.GetRequiredService<ServiceLog>(), new VerificationOptions { LicenceDirectory = licenceDirectory });

    private static JobPosting Draft(string id, string employerId) => new()
    {
        Id = id, EmployerId = employerId, Title = "氩弧焊工", OccupationCode = "6-18-02-04", CityCode = "370211", SalaryMin = 7000, SalaryMax = 11000,
        Headcount = 3, PostedAt = DateOnly.FromDateTime(Start.UtcDateTime), ExpiresAt = DateOnly.FromDateTime(Start.UtcDateTime).AddDays(400),
        Status = JobStatus.Draft, Description = "负责不锈钢管道氩弧焊接。任职要求：持焊工证，两年以上经验。", CreatedAt = Start.UtcDateTime, UpdatedAt = Start.UtcDateTime,
    };

    private static async Task SeedAsync(TestDatabase database)
    {
        await using var scope = database.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = Start.UtcDateTime;
        db.Employers.AddRange(
            new Employer { Id = "E1", Name = "青岛海卓精密机械（黄岛）有限公司", Uscc = "91370211MA3C7K2P3D", CityCode = "370211", IndustryCluster = "智能制造", CreatedAt = now, UpdatedAt = now },
            new Employer { Id = "A1", Name = "青岛匠才人力资源服务有限公司", Uscc = "91370211MA3C8L4R5F", CityCode = "370211", IndustryCluster = "智能制造",
                IsAgency = true, AccountClass = AccountClass.HrService, CreatedAt = now, UpdatedAt = now });
        db.Jobs.AddRange(Draft("J1", "E1"), Draft("J2", "E1"), Draft("J3", "A1"));
        await db.SaveChangesAsync();
    }

    private static async Task<T> WithAsync<T>(TestDatabase database, Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = database.Scope();
        return await work(scope.ServiceProvider);
    }

    [Theory]
    [InlineData("青岛海卓精密机械（黄岛）有限公司", true)]
    [InlineData("  青岛海卓精密机械(黄岛)有限公司 ", true)]
    [InlineData("青岛海卓精密机械（黄岛）有限公司　", true)]
    [InlineData("青岛海卓精密机械有限公司", false)]
    [InlineData("", false)]
    public void Names_match_after_trimming_and_bracket_folding(string licensed, bool matches) =>
        Assert.Equal(matches, EmployerVerification.NamesMatch(licensed, "青岛海卓精密机械（黄岛）有限公司"));

    [Theory]
    [InlineData(new byte[] { 0x25, 0x50, 0x44, 0x46, 0x2D, 0x31 }, "application/pdf")]
    [InlineData(new byte[] { 0xFF, 0xD8, 0xFF, 0xE0, 0x00 }, "image/jpeg")]
    [InlineData(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00 }, "image/png")]
    [InlineData(new byte[] { 0x50, 0x4B, 0x03, 0x04 }, null)]
    [InlineData(new byte[] { 0x3C, 0x68, 0x74, 0x6D, 0x6C }, null)]
    public void Licence_files_are_recognised_by_content(byte[] head, string? expected) =>
        Assert.Equal(expected, LicenceFiles.DetectContentType(head));

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_verification_needs_the_licensed_name_and_lapses_after_six_months(DatabaseProvider provider)
    {
        var clock = new ManualClock(Start);
        await using var database = await TestDatabase.CreateAsync(provider, clock);
        await SeedAsync(database);

        var mismatch = await WithAsync(database, sp => sp.RunAsAsync(Acting.Hr("E1"), new RequestVerification.Command("E1", "青岛海卓机械有限公司")));
        Assert.Equal((ErrorKind.Refused, "licensed_name", EmployerErrors.NamesDiffer), (mismatch.FailureKind, mismatch.Errors[0].Field, mismatch.Errors[0].Code));
        Assert.Contains("不一致", ErrorText.For(mismatch.Errors[0], System.Globalization.CultureInfo.GetCultureInfo("zh-CN")));
        // Another employer's verification is not the user's to request, nor its existence to learn.
        Assert.Equal(ErrorKind.NotFound, (await WithAsync(database, sp => sp.RunAsAsync(Acting.Hr("E1"), new RequestVerification.Command("A1", "青岛匠才人力资源服务有限公司")))).FailureKind);
        Assert.Equal(ErrorKind.NotFound, (await WithAsync(database, sp => Verification(sp).RequestVerificationAsync("hr", "E9", "x"))).FailureKind);
        var requested = await WithAsync(database, sp => Verification(sp).RequestVerificationAsync("hr", "E1", "青岛海卓精密机械(黄岛)有限公司"));
        Assert.True(requested.Succeeded, requested.ToString());
        Assert.False((await WithAsync(database, sp => sp.PublishAsEmployerAsync("J1"))).Published);

        var approved = await WithAsync(database, sp => sp.GetRequiredService<EmployerService>().DecideVerificationAsync("E1", true, null, "op"));
        Assert.Equal(Start.UtcDateTime.AddMonths(6), approved.Value.VerificationExpiresAt);
        Assert.True((await WithAsync(database, sp => sp.PublishAsEmployerAsync("J1"))).Published);
        // Still valid: neither due nor re-requestable yet.
        Assert.Empty(await WithAsync(database, sp => Verification(sp).DueAsync()));
        Assert.Equal(ErrorKind.Conflict, (await WithAsync(database, sp => Verification(sp).RequestVerificationAsync("hr", "E1", "青岛海卓精密机械（黄岛）有限公司"))).FailureKind);

        clock.Advance(TimeSpan.FromDays(160)); // within 30 days of expiry: in the operators' queue, still publishing
        Assert.Equal(["E1"], (await WithAsync(database, sp => Verification(sp).DueAsync())).Select(e => e.Id));
        Assert.Equal(0, await WithAsync(database, sp => Verification(sp).MarkExpiredAsync()));

        clock.Advance(TimeSpan.FromDays(30)); // past 6 months
        Assert.Equal(1, await WithAsync(database, sp => Verification(sp).MarkExpiredAsync()));
        var refused = await WithAsync(database, sp => sp.PublishAsEmployerAsync("J2"));
        Assert.False(refused.Published);
        Assert.Contains("认证已过期", refused.Refusal);
        await using (var scope = database.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            Assert.Equal(VerificationStatus.Expired, (await db.Employers.SingleAsync(e => e.Id == "E1")).Verification);
            Assert.Equal(JobStatus.Open, (await db.Jobs.SingleAsync(j => j.Id == "J1")).Status); // open postings stay open
            Assert.Contains(await db.ServiceLog.Where(l => l.TargetId == "E1").Select(l => l.Action).ToListAsync(), a => a == VerificationService.VerificationExpired);
        }
        Assert.Equal(["E1"], (await WithAsync(database, sp => Verification(sp).DueAsync())).Select(e => e.Id));

        var again = await WithAsync(database, sp => Verification(sp).RequestVerificationAsync("hr", "E1", "青岛海卓精密机械（黄岛）有限公司"));
        Assert.True(again.Succeeded, again.ToString());
        Assert.Equal(VerificationStatus.Pending, again.Value!.Verification);
        await WithAsync(database, sp => sp.GetRequiredService<EmployerService>().DecideVerificationAsync("E1", true, null, "op"));
        Assert.True((await WithAsync(database, sp => sp.PublishAsEmployerAsync("J2"))).Published);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_hr_service_business_publishes_and_runs_projects_only_with_an_approved_unexpired_licence(DatabaseProvider provider)
    {
        var clock = new ManualClock(Start);
        await using var database = await TestDatabase.CreateAsync(provider, clock);
        await SeedAsync(database);
        await WithAsync(database, sp => sp.GetRequiredService<EmployerService>().DecideVerificationAsync("A1", true, null, "op"));
        await WithAsync(database, sp => sp.GetRequiredService<EmployerService>().DecideVerificationAsync("E1", true, null, "op"));
        var agency = Acting.Agency("A1", "user-agency");
        var project = new CreateProject.Command(new ProjectInput("E1", "焊接技师专项招聘", 3, "6-18-02-04", 3, "370211", 8000, 12000, "持焊工证", "到岗后按年薪20%收费",
            DateOnly.FromDateTime(Start.UtcDateTime), null));

        var noLicence = await WithAsync(database, sp => sp.PublishAsEmployerAsync("J3"));
        Assert.False(noLicence.Published);
        Assert.Contains("人力资源服务许可证", noLicence.Refusal);
        var projectRefused = await WithAsync(database, sp => sp.RunAsAsync(agency, project));
        Assert.Contains("人力资源服务许可证", projectRefused.AssertFails(ErrorKind.Forbidden, PublishRefusals.HrLicenceMissing).InChinese());

        var validUntil = DateOnly.FromDateTime(Start.UtcDateTime).AddDays(60);
        var input = new LicenceInput("（鲁）人服证字〔2025〕第0211号", "青岛市人力资源和社会保障局", validUntil);
        byte[] pdf = [.. "%PDF-1.7\n"u8, .. new byte[1000]];
        // Named .pdf but an HTML page: refused by content.
        var fake = await WithAsync(database, sp => Verification(sp).SubmitLicenceAsync("user-agency", "A1", input, new MemoryStream("<html>licence</html>"u8.ToArray())));
        Assert.Equal(("file", ErrorKind.Refused), (fake.Errors[0].Field, fake.FailureKind));
        var huge = new byte[LicenceFiles.MaxBytes + 1];
        pdf.CopyTo(huge, 0);
        Assert.Equal("file", (await WithAsync(database, sp => Verification(sp).SubmitLicenceAsync("user-agency", "A1", input, new MemoryStream(huge)))).Errors[0].Field);
        Assert.Equal("valid_until", (await WithAsync(database, sp => Verification(sp).SubmitLicenceAsync("user-agency", "A1",
            input with { ValidUntil = validUntil.AddDays(-100) }, new MemoryStream(pdf)))).Errors[0].Field);
        Assert.Equal(ErrorKind.Conflict, (await WithAsync(database, sp => Verification(sp).SubmitLicenceAsync("hr", "E1", input, new MemoryStream(pdf)))).FailureKind);

        var submitted = await WithAsync(database, sp => Verification(sp).SubmitLicenceAsync("user-agency", "A1", input, new MemoryStream(pdf)));
        Assert.True(submitted.Succeeded, submitted.ToString());
        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(pdf));
        Assert.Equal(hash, submitted.Value!.HrLicenceFileHash);
        Assert.Equal(pdf, await File.ReadAllBytesAsync(Path.Combine(licenceDirectory, hash)));
        Assert.Contains("审核中", (await WithAsync(database, sp => sp.PublishAsEmployerAsync("J3"))).Refusal);

        Assert.Equal(ErrorKind.Refused, (await WithAsync(database, sp => Verification(sp).DecideLicenceAsync("op", "A1", false, " "))).FailureKind);
        Assert.True((await WithAsync(database, sp => Verification(sp).DecideLicenceAsync("op", "A1", true, null))).Succeeded);
        Assert.True((await WithAsync(database, sp => sp.PublishAsEmployerAsync("J3"))).Published);
        (await WithAsync(database, sp => sp.RunAsAsync(agency, project))).AssertValue();

        clock.Advance(TimeSpan.FromDays(61)); // the licence has lapsed though the verification has not
        var lapsed = await WithAsync(database, sp => sp.RunAsAsync(agency, project));
        Assert.Contains("已过有效期", lapsed.AssertFails(ErrorKind.Forbidden, PublishRefusals.HrLicenceExpired).InChinese());
        await using var scope = database.Scope();
        var actions = await scope.ServiceProvider.GetRequiredService<AppDbContext>().ServiceLog.Where(l => l.TargetId == "A1").Select(l => l.Action).ToListAsync();
        Assert.Contains(VerificationService.LicenceSubmitted, actions);
        Assert.Contains(VerificationService.LicenceApproved, actions);
    }
}
