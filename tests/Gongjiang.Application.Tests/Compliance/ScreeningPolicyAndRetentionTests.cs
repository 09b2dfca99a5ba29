using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Compliance;
using Gongjiang.Application.Jobs;
using Gongjiang.Application.Persistence;
using Gongjiang.Application.Taxonomy;
using Gongjiang.Application.Tests.Infrastructure;
using Gongjiang.Core.Compliance;
using Gongjiang.Core.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongjiang.Application.Tests.Compliance;

public sealed class ScreeningPolicyAndRetentionTests
{
    private static readonly Gongjiang.Application.Common.Actor Operator = Acting.Operator("user-operator");
    private const string GenderBiased = "负责不锈钢管道氩弧焊接，男性优先。任职要求：持焊工证，两年以上经验。";

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Switching_a_rule_between_block_and_warn_applies_at_once_and_is_logged(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, new ManualClock(ComplaintServiceTests.Start));
        await ComplaintServiceTests.SeedAsync(database);
        await using (var scope = database.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            db.Jobs.AddRange(ComplaintServiceTests.Posting("J1", "E1", GenderBiased), ComplaintServiceTests.Posting("J2", "E1", GenderBiased));
            await db.SaveChangesAsync();
            var blocked = await scope.ServiceProvider.PublishAsEmployerAsync("J1");
            Assert.False(blocked.Published);
            Assert.Contains(blocked.Flags, f => f.Rule == ScreeningRules.Gender && f.Severity == FlagSeverities.ToFileName(FlagSeverity.Block));
            Assert.Equal(ComplianceErrors.UnknownRule, (await scope.ServiceProvider.RunAsAsync(Operator, new SetScreeningRules.Command(new Dictionary<string, string?> { ["no_such_rule"] = "warn" }))).Errors[0].Code);
            Assert.True((await scope.ServiceProvider.RunAsAsync(Operator, new SetScreeningRules.Command(new Dictionary<string, string?> { [ScreeningRules.Gender] = "warn" }))).Succeeded);
        }
        await using (var scope = database.Scope())
        {
            var published = await scope.ServiceProvider.PublishAsEmployerAsync("J1");
            Assert.True(published.Published, published.Refusal);
            Assert.Contains(published.Flags, f => f.Rule == ScreeningRules.Gender && f.Severity == FlagSeverities.ToFileName(FlagSeverity.Warn));
            // Published with a warning: it waits for an operator in the screening queue.
            var queue = (await scope.ServiceProvider.RunAsAsync(Operator, new ListScreeningQueue.Query())).Value;
            var item = Assert.Single(queue);
            Assert.Equal("J1", item.Job.Id);
            Assert.Contains("男性优先", item.Review.Findings);
            Assert.True((await scope.ServiceProvider.RunAsAsync(Operator, new SetScreeningRules.Command(new Dictionary<string, string?> { [ScreeningRules.Gender] = "block" }))).Succeeded);
        }
        await using (var scope = database.Scope())
        {
            Assert.False((await scope.ServiceProvider.PublishAsEmployerAsync("J2")).Published);
            var sp = scope.ServiceProvider;
            var review = (await sp.RunAsAsync(Operator, new ListScreeningQueue.Query())).Value.Single().Review;
            var noNote = await sp.RunAsAsync(Operator, new DecideScreeningReview.Command(review.Id, ScreeningQueueService.Decision.SendBack, null));
            Assert.Equal(("note", ComplianceErrors.SendbackNoteRequired), (noNote.Errors[0].Field, noNote.Errors[0].Code));
            var sentBack = await sp.RunAsAsync(Operator, new DecideScreeningReview.Command(review.Id, ScreeningQueueService.Decision.SendBack, "请删除“男性优先”"));
            Assert.Equal(ScreeningReviewStatus.SentBack, sentBack.Value.Status);
            var twice = await sp.RunAsAsync(Operator, new DecideScreeningReview.Command(review.Id, ScreeningQueueService.Decision.Approve, null));
            Assert.Equal((ErrorKind.Conflict, ComplianceErrors.ReviewDecided), (twice.FailureKind, twice.Errors[0].Code));
            Assert.Empty((await sp.RunAsAsync(Operator, new ListScreeningQueue.Query())).Value);
            var profile = await sp.RunAsAsync(Acting.Hr("E1"), new Gongjiang.Application.Employers.GetCompanyProfile.Query());
            Assert.Equal("请删除“男性优先”", profile.Value.SentBack.Single().Review.OperatorNote);
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            Assert.Equal(JobStatus.Draft, (await db.Jobs.AsNoTracking().SingleAsync(j => j.Id == "J1")).Status);
            var log = await db.ServiceLog.AsNoTracking().OrderBy(e => e.Id).ToListAsync();
            Assert.Equal(["block → warn", "warn → block"], log.Where(e => e.Action == ServiceActions.ScreeningRuleChanged && e.TargetId == ScreeningRules.Gender).Select(e => e.Reason));
            Assert.Contains(log, e => e.Action == ServiceActions.ScreeningSentBack && e.TargetId == "J1");
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Screeners_are_built_from_the_held_policy_which_a_reload_or_a_saved_rule_replaces(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, new ManualClock(ComplaintServiceTests.Start));
        FlagSeverity? GenderSeverity()
        {
            using var scope = database.Scope();
            return scope.ServiceProvider.GetRequiredService<PostingScreener>().Policy.SeverityOf(ScreeningRules.Gender);
        }
        Assert.Equal(FlagSeverity.Block, GenderSeverity());
        // Written on another node (not through this node's ComplianceSettings): the held policy serves until it is reloaded.
        await using (var scope = database.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            db.SystemSettings.Add(new SystemSetting { Key = ComplianceSettings.RulePrefix + ScreeningRules.Gender, Value = "warn" });
            await db.SaveChangesAsync();
        }
        Assert.Equal(FlagSeverity.Block, GenderSeverity());
        await using (var scope = database.Scope())
            await new ScreeningPolicyWarmup(scope.ServiceProvider.GetRequiredService<ScreeningPolicyCache>(),
                Microsoft.Extensions.Logging.Abstractions.NullLogger<ScreeningPolicyWarmup>.Instance).StartAsync(CancellationToken.None);
        Assert.Equal(FlagSeverity.Warn, GenderSeverity());
        // Saved on this node: in force for the next screener at once.
        await using (var scope = database.Scope())
            Assert.True((await scope.ServiceProvider.RunAsAsync(Operator, new SetScreeningRules.Command(new Dictionary<string, string?> { [ScreeningRules.Gender] = "block" }))).Succeeded);
        Assert.Equal(FlagSeverity.Block, GenderSeverity());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_operator_takes_down_a_queued_posting_and_an_employer_may_ask_for_a_review(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, new ManualClock(ComplaintServiceTests.Start));
        await ComplaintServiceTests.SeedAsync(database, ComplaintServiceTests.Posting("J1", "E1"));
        await using var scope = database.Scope();
        var sp = scope.ServiceProvider;
        Assert.Equal(ErrorKind.NotFound, (await sp.RunAsAsync(Acting.Hr("E2"), new RequestScreeningReview.Command("J1", null))).FailureKind);
        var requested = await sp.RunAsAsync(Acting.Hr("E1"), new RequestScreeningReview.Command("J1", "请复核薪资说明"));
        Assert.True(requested.Value.RequestedByEmployer);
        Assert.Equal(ErrorKind.Conflict, (await sp.RunAsAsync(Acting.Hr("E1"), new RequestScreeningReview.Command("J1", null))).FailureKind);
        Assert.Equal(ErrorKind.Forbidden, (await sp.RunAsAsync(Acting.Hr("E1"), new DecideScreeningReview.Command(requested.Value.Id, ScreeningQueueService.Decision.Approve, null))).FailureKind);
        var taken = await sp.RunAsAsync(Operator, new DecideScreeningReview.Command(requested.Value.Id, ScreeningQueueService.Decision.TakeDown, "岗位信息与实际不符"));
        Assert.Equal(ScreeningReviewStatus.TakenDown, taken.Value.Status);
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.Equal(JobStatus.TakenDown, (await db.Jobs.AsNoTracking().SingleAsync(j => j.Id == "J1")).Status);
        Assert.Contains("岗位信息与实际不符", (await scope.ServiceProvider.GetRequiredService<ServiceLog>().TakedownReasonsAsync(["J1"]))["J1"]);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Nothing_deletes_postings_or_service_log_rows_younger_than_three_years(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await ComplaintServiceTests.SeedAsync(database, ComplaintServiceTests.Posting("J1", "E1"));
        var now = DateTime.UtcNow;
        await using (var scope = database.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            db.ServiceLog.AddRange(
                new ServiceLogEntry { At = now.AddYears(-3).AddDays(5), ActorUserId = "u", Action = "x", TargetKind = "job", TargetId = "J1" },
                new ServiceLogEntry { At = now.AddYears(-3).AddDays(-5), ActorUserId = "u", Action = "old", TargetKind = "job", TargetId = "J1" });
            await db.SaveChangesAsync();
        }
        await using (var scope = database.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            db.Jobs.Remove(await db.Jobs.SingleAsync(j => j.Id == "J1"));
            await Assert.ThrowsAsync<RetentionViolationException>(() => db.SaveChangesAsync());
            db.ChangeTracker.Clear();
            var young = await db.ServiceLog.SingleAsync(e => e.Action == "x");
            db.ServiceLog.Remove(young);
            Assert.Throws<RetentionViolationException>(() => db.SaveChanges());
            db.ChangeTracker.Clear();
            young = await db.ServiceLog.SingleAsync(e => e.Action == "x");
            young.Reason = "rewritten";
            await Assert.ThrowsAsync<RetentionViolationException>(() => db.SaveChangesAsync());
            db.ChangeTracker.Clear();
            // Older than the retention period: a clean-up may remove it.
            db.ServiceLog.Remove(await db.ServiceLog.SingleAsync(e => e.Action == "old"));
            await db.SaveChangesAsync();
        }
        await using (var scope = database.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            Assert.True(await db.Jobs.AnyAsync(j => j.Id == "J1"));
            Assert.Equal(["x"], await db.ServiceLog.Where(e => e.TargetId == "J1" && (e.Action == "x" || e.Action == "old")).Select(e => e.Action).ToListAsync());
            Assert.Null((await db.ServiceLog.SingleAsync(e => e.Action == "x")).Reason);
        }
    }

    /// <summary>Bulk deletes bypass the change tracker, so none may target postings, complaints or the service log.</summary>
    [Fact]
    public void No_code_bulk_deletes_or_removes_postings_complaints_or_service_log_rows()
    {
        var root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "Gongjiang.slnx"))) root = Path.GetDirectoryName(root)!;
        var offenders = new List<string>();
        var patterns = new[]
        {
            new System.Text.RegularExpressions.Regex(@"\b(Jobs|ServiceLog|Complaints)\b[^;]*\.ExecuteDelete"),
            new System.Text.RegularExpressions.Regex(@"\b(Jobs|ServiceLog|Complaints)\.Remove(Range)?\("),
            new System.Text.RegularExpressions.Regex(@"DELETE\s+FROM\s+""?(Jobs|ServiceLog|Complaints)\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase),
        };
        var files = Directory.EnumerateFiles(Path.Combine(root, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}Migrations{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToList();
        Assert.NotEmpty(files);
        foreach (var file in files)
        {
            var text = File.ReadAllText(file);
            if (patterns.Any(p => p.IsMatch(text))) offenders.Add(Path.GetRelativePath(root, file));
        }
        Assert.Empty(offenders);
    }
}
