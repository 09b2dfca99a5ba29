using Gongjiang.Application.Compliance;
using Gongjiang.Application.Identity;
using Gongjiang.Application.Persistence;
using Gongjiang.Application.Privacy;
using Gongjiang.Application.Tests.Compliance;
using Gongjiang.Application.Tests.Infrastructure;
using Gongjiang.Core.Compliance;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ManualClock = Gongjiang.Application.Tests.Compliance.ManualClock;

namespace Gongjiang.Application.Tests.Privacy;

/// <summary>
/// A seeker who erases their account leaves their complaints behind as the platform's service record, detached from them;
/// RetentionGuard lets exactly that detachment through and keeps refusing every other rewrite or deletion of a recent complaint.
/// </summary>
public sealed class ComplaintErasureTests
{
    private const string Operator = "user-operator";

    private static int _phones;

    private static async Task<string> SeekerAsync(TestDatabase database, string userName)
    {
        var phone = "139123456" + Interlocked.Increment(ref _phones).ToString("00", System.Globalization.CultureInfo.InvariantCulture); // one number per person
        await using var scope = database.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var user = new AppUser { UserName = userName, NormalizedUserName = userName.ToUpperInvariant(), DisplayName = "欧阳明远", CreatedAt = ComplaintServiceTests.Start.UtcDateTime };
        db.Users.Add(user);
        await db.SaveChangesAsync();
        await scope.ServiceProvider.GetRequiredService<PrivacyService>().CreateSeekerProfileAsync(user, "欧阳明远", phone, 1995);
        return user.Id;
    }

    private static async Task<string> ReportAsync(TestDatabase database, string userId, string jobId, string description)
    {
        await using var scope = database.Scope();
        var filed = await scope.ServiceProvider.GetRequiredService<ComplaintService>()
            .ReportAsync(userId, new ComplaintInput(jobId, null, ComplaintCategory.FeesDeposits, description, "聊天记录截图已保存"));
        Assert.True(filed.Succeeded, filed.ToString());
        return filed.Value!.Id;
    }

    private static async Task<Complaint> ComplaintAsync(TestDatabase database, string id)
    {
        await using var scope = database.Scope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Complaints.AsNoTracking().SingleAsync(c => c.Id == id);
    }

    /// <summary>Every stored value of the complaints table, as text.</summary>
    private static async Task<List<string>> ComplaintColumnsAsync(TestDatabase database)
    {
        await using var scope = database.Scope();
        var connection = scope.ServiceProvider.GetRequiredService<AppDbContext>().Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT * FROM \"Complaints\"";
        var values = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            for (var i = 0; i < reader.FieldCount; i++)
                if (!reader.IsDBNull(i)) values.Add(Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture) ?? "");
        return values;
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Erasure_keeps_the_complaints_in_the_operator_queue_but_detaches_them_from_the_reporter(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, new ManualClock(ComplaintServiceTests.Start));
        await ComplaintServiceTests.SeedAsync(database, ComplaintServiceTests.Posting("J1", "E1"), ComplaintServiceTests.Posting("J2", "E2"));
        var userId = await SeekerAsync(database, "ouyang_my");
        var otherUserId = await SeekerAsync(database, "li_other");
        var investigated = await ReportAsync(database, userId, "J1", "面试时要求先交500元服装费。");
        var waiting = await ReportAsync(database, userId, "J2", "入职前要求缴纳300元押金。");
        var others = await ReportAsync(database, otherUserId, "J2", "招聘信息与实际岗位不符。");
        await using (var scope = database.Scope())
            Assert.True((await scope.ServiceProvider.GetRequiredService<ComplaintService>().AssignAsync(Operator, investigated, null)).Succeeded);
        var before = await ComplaintAsync(database, investigated);

        await using (var scope = database.Scope())
            Assert.NotNull(await scope.ServiceProvider.GetRequiredService<PrivacyService>().EraseAsync(userId, "request"));

        var after = await ComplaintAsync(database, investigated);
        Assert.True(ErasurePlaceholder.IsPlaceholder(after.ReporterUserId), after.ReporterUserId);
        Assert.Equal(
            (before.JobId, before.EmployerId, before.Category, before.Description, before.Evidence, before.Status, before.AssignedToUserId, before.CreatedAt, before.UpdatedAt),
            (after.JobId, after.EmployerId, after.Category, after.Description, after.Evidence, after.Status, after.AssignedToUserId, after.CreatedAt, after.UpdatedAt));
        Assert.Equal(after.ReporterUserId, (await ComplaintAsync(database, waiting)).ReporterUserId);
        Assert.Equal(otherUserId, (await ComplaintAsync(database, others)).ReporterUserId);
        Assert.DoesNotContain(await ComplaintColumnsAsync(database), value => value.Contains(userId, StringComparison.Ordinal));

        await using (var scope = database.Scope())
        {
            var complaints = scope.ServiceProvider.GetRequiredService<ComplaintService>();
            Assert.Empty(await complaints.ForReporterAsync(userId));
            Assert.Null(await complaints.FindAsync(investigated, userId, isOperator: false));
            var queue = await complaints.QueueAsync(null);
            Assert.Equal(new[] { investigated, waiting, others }.Order(), queue.Select(c => c.Id).Order());
            Assert.NotNull(await complaints.FindAsync(waiting, Operator, isOperator: true));
            // The handling goes on after the reporter is gone.
            var resolved = await complaints.ResolveAsync(Operator, investigated, upheld: true, "核实收取服装费");
            Assert.True(resolved.Succeeded, resolved.ToString());
        }
        Assert.Equal(ComplaintStatus.Upheld, (await ComplaintAsync(database, investigated)).Status);
    }

    public static TheoryData<DatabaseProvider, string> RefusedChanges()
    {
        var data = new TheoryData<DatabaseProvider, string>();
        foreach (var provider in new[] { DatabaseProvider.Sqlite, DatabaseProvider.PostgreSql })
            foreach (var change in new[] { "description", "evidence", "employer", "created", "reporter-to-person", "reporter-to-placeholder-and-description",
                         "reporter-to-placeholder-and-status", "placeholder-to-placeholder", "delete", "delete-after-detachment" })
                data.Add(provider, change);
        return data;
    }

    [Theory]
    [MemberData(nameof(RefusedChanges))]
    public async Task The_guard_refuses_every_other_change_to_a_recent_complaint(DatabaseProvider provider, string change)
    {
        await using var database = await TestDatabase.CreateAsync(provider, new ManualClock(ComplaintServiceTests.Start));
        await ComplaintServiceTests.SeedAsync(database, ComplaintServiceTests.Posting("J1", "E1"));
        var userId = await SeekerAsync(database, "ouyang_my");
        var id = await ReportAsync(database, userId, "J1", "面试时要求先交500元服装费。");
        if (change is "placeholder-to-placeholder" or "delete-after-detachment")
        {
            await using var scope = database.Scope();
            Assert.NotNull(await scope.ServiceProvider.GetRequiredService<PrivacyService>().EraseAsync(userId, "request"));
        }
        var before = await ComplaintAsync(database, id);

        await using (var scope = database.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var complaint = await db.Complaints.SingleAsync(c => c.Id == id);
            switch (change)
            {
                case "description": complaint.Description = "已改写的内容。"; break;
                case "evidence": complaint.Evidence = null; break;
                case "employer": complaint.EmployerId = "E2"; break;
                case "created": complaint.CreatedAt = complaint.CreatedAt.AddYears(-4); break;
                case "reporter-to-person": complaint.ReporterUserId = "someone-else"; break;
                case "reporter-to-placeholder-and-description":
                    complaint.ReporterUserId = ErasurePlaceholder.NewId();
                    complaint.Description = "已改写的内容。";
                    break;
                case "reporter-to-placeholder-and-status":
                    complaint.ReporterUserId = ErasurePlaceholder.NewId();
                    complaint.Status = ComplaintStatus.Dismissed;
                    break;
                case "placeholder-to-placeholder": complaint.ReporterUserId = ErasurePlaceholder.NewId(); break;
                default: db.Complaints.Remove(complaint); break;
            }
            await Assert.ThrowsAsync<RetentionViolationException>(() => db.SaveChangesAsync());
        }

        var after = await ComplaintAsync(database, id);
        Assert.Equal((before.ReporterUserId, before.EmployerId, before.Description, before.Evidence, before.Status, before.CreatedAt),
            (after.ReporterUserId, after.EmployerId, after.Description, after.Evidence, after.Status, after.CreatedAt));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_guard_lets_a_lone_reporter_detachment_through_and_the_handling_of_the_complaint_go_on(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, new ManualClock(ComplaintServiceTests.Start));
        await ComplaintServiceTests.SeedAsync(database, ComplaintServiceTests.Posting("J1", "E1"));
        var id = await ReportAsync(database, "user-seeker", "J1", "面试时要求先交500元服装费。");
        var placeholder = ErasurePlaceholder.NewId();
        await using (var scope = database.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            (await db.Complaints.SingleAsync(c => c.Id == id)).ReporterUserId = placeholder;
            await db.SaveChangesAsync();
        }
        await using (var scope = database.Scope())
            Assert.True((await scope.ServiceProvider.GetRequiredService<ComplaintService>().AssignAsync(Operator, id, null)).Succeeded);
        var after = await ComplaintAsync(database, id);
        Assert.Equal((placeholder, ComplaintStatus.Investigating), (after.ReporterUserId, after.Status));
    }
}
