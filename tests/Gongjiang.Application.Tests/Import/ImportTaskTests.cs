using System.Text;
using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Import;
using Gongjiang.Application.Persistence;
using Gongjiang.Application.Tests.Infrastructure;
using Gongjiang.Core.Employers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Gongjiang.Application.Tests.Import;

/// <summary>
/// Large uploads are imported in the background, batch by batch, each batch committed whole; the uploader follows the
/// progress and may cancel (the import stops after the current batch); nobody else (but an operator) sees or cancels it.
/// </summary>
public sealed class ImportTaskTests
{
    private const string Header = "id,employer_id,title,occupation_code,min_grade,city,salary_min,salary_max,headcount,description,status\n";

    private static async Task<TestDatabase> DatabaseAsync(DatabaseProvider provider)
    {
        var database = await TestDatabase.CreateAsync(provider);
        await using var scope = database.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = DateTime.UtcNow;
        db.Employers.AddRange(
            new Employer { Id = "E1", Name = "青岛海卓精密机械有限公司", Uscc = "91370211MA3C7K2P3D", CityCode = "370211", IndustryCluster = "智能制造", CreatedAt = now, UpdatedAt = now },
            new Employer { Id = "E2", Name = "青岛蓝芯微电子有限公司", Uscc = "91370212MA3D1B5Q4B", CityCode = "370212", IndustryCluster = "集成电路", CreatedAt = now, UpdatedAt = now });
        await db.SaveChangesAsync();
        // Small numbers so that a test file has several batches: more than 5 rows go to the background, 4 rows a batch.
        var options = scope.ServiceProvider.GetRequiredService<IOptions<ImportOptions>>().Value;
        (options.BackgroundAboveRows, options.BatchRows) = (5, 4);
        return database;
    }

    /// <summary>Ten jobs; rows 4 and 9 (lines 5 and 10) have a grade that is not a number.</summary>
    private static MemoryStream TenJobs()
    {
        var csv = new StringBuilder(Header);
        for (var i = 1; i <= 10; i++)
            csv.Append(System.Globalization.CultureInfo.InvariantCulture, $"JT{i:00},,氩弧焊工,6-18-02-04,{(i is 4 or 9 ? "four" : "3")},370211,7000,11000,2,负责管道焊接。,draft\n");
        return new MemoryStream(Encoding.UTF8.GetBytes(csv.ToString()));
    }

    private static async Task<T> InScopeAsync<T>(TestDatabase database, Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = database.Scope();
        return await work(scope.ServiceProvider);
    }

    private static Task<int> JobsAsync(TestDatabase database) =>
        InScopeAsync(database, sp => sp.GetRequiredService<AppDbContext>().Jobs.CountAsync());

    private static Task<bool> RunAsync(TestDatabase database, int maxBatches = int.MaxValue) =>
        InScopeAsync(database, sp => sp.GetRequiredService<ImportTaskRunner>().RunNextAsync(maxBatches));

    private static Task<Result<ImportProgress>> ProgressAsync(TestDatabase database, Gongjiang.Application.Common.Actor actor, string id) =>
        InScopeAsync(database, sp => sp.RunAsAsync(actor, new GetImportProgress.Query(id)));

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_large_upload_is_imported_in_the_background_batch_by_batch_each_committed_whole_with_its_row_errors_kept(DatabaseProvider provider)
    {
        await using var database = await DatabaseAsync(provider);
        var hr = Acting.Hr("E1");
        var started = (await InScopeAsync(database, sp => sp.RunAsAsync(hr, new StartImport.Command(ImportSheet.Jobs, TenJobs(), "jobs.csv")))).AssertValue();
        Assert.Null(started.Report);
        var task = Assert.IsType<ImportProgress>(started.Task);
        Assert.Equal((ImportTaskState.Queued, 10, 0), (task.State, task.RowsTotal, task.RowsDone));
        Assert.Equal(0, await JobsAsync(database)); // nothing imported until the worker runs

        Assert.True(await RunAsync(database, maxBatches: 1));
        var afterOne = (await ProgressAsync(database, hr, task.Id)).AssertValue();
        Assert.Equal((4, 3, 1), (afterOne.RowsDone, afterOne.Inserted, afterOne.Skipped)); // the first batch: lines 2–5, line 5 bad
        Assert.Equal(3, await JobsAsync(database));                                        // committed whole, nothing of the next batch
        Assert.Equal(["line 5: min_grade: 'four' is not a whole number"], afterOne.Errors);

        Assert.True(await RunAsync(database));
        var done = (await ProgressAsync(database, hr, task.Id)).AssertValue();
        Assert.Equal((ImportTaskState.Done, 10, 8, 2, 100), (done.State, done.RowsDone, done.Inserted, done.Skipped, done.Percent));
        Assert.Equal(["line 5: min_grade: 'four' is not a whole number", "line 10: min_grade: 'four' is not a whole number"], done.Errors);
        Assert.Equal(8, await JobsAsync(database));
        Assert.Equal("E1", await InScopeAsync(database, sp => sp.GetRequiredService<AppDbContext>().Jobs.Select(j => j.EmployerId).Distinct().SingleAsync()));
        Assert.Equal(0, await InScopeAsync(database, sp => sp.GetRequiredService<AppDbContext>().ImportTaskFiles.CountAsync())); // the file is not kept
        Assert.False(await RunAsync(database)); // nothing left to run
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Cancelling_stops_the_import_after_the_current_batch_and_keeps_what_was_committed(DatabaseProvider provider)
    {
        await using var database = await DatabaseAsync(provider);
        var hr = Acting.Hr("E1");
        var task = (await InScopeAsync(database, sp => sp.RunAsAsync(hr, new StartImport.Command(ImportSheet.Jobs, TenJobs(), "jobs.csv")))).AssertValue().Task!;
        Assert.True(await RunAsync(database, maxBatches: 1));

        // A worker is in the middle of the import (it holds the task) when its uploader cancels.
        await InScopeAsync(database, sp => sp.GetRequiredService<AppDbContext>().ImportTasks.Where(t => t.Id == task.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.State, ImportTaskState.Running).SetProperty(t => t.LeaseUntil, DateTime.UtcNow.AddMinutes(-1))));
        var cancelling = (await InScopeAsync(database, sp => sp.RunAsAsync(hr, new CancelImport.Command(task.Id)))).AssertValue();
        Assert.Equal((ImportTaskState.Running, true), (cancelling.State, cancelling.CancelRequested));

        Assert.True(await RunAsync(database));
        var cancelled = (await ProgressAsync(database, hr, task.Id)).AssertValue();
        Assert.Equal((ImportTaskState.Cancelled, 4, 3), (cancelled.State, cancelled.RowsDone, cancelled.Inserted));
        Assert.Equal(3, await JobsAsync(database)); // the committed batch stays; no row after it was imported
        Assert.False(await RunAsync(database));
        (await InScopeAsync(database, sp => sp.RunAsAsync(hr, new CancelImport.Command(task.Id)))).AssertFails(ErrorKind.Conflict, ImportErrors.TaskFinished);

        // A queued import cancelled before any batch ends at once and imports nothing.
        var queued = (await InScopeAsync(database, sp => sp.RunAsAsync(hr, new StartImport.Command(ImportSheet.Jobs, TenJobs(), "again.csv")))).AssertValue().Task!;
        Assert.Equal(ImportTaskState.Cancelled, (await InScopeAsync(database, sp => sp.RunAsAsync(hr, new CancelImport.Command(queued.Id)))).AssertValue().State);
        Assert.False(await RunAsync(database));
        Assert.Equal(3, await JobsAsync(database));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Only_the_uploader_and_operators_see_or_cancel_a_background_import(DatabaseProvider provider)
    {
        await using var database = await DatabaseAsync(provider);
        var task = (await InScopeAsync(database, sp => sp.RunAsAsync(Acting.Hr("E1"), new StartImport.Command(ImportSheet.Jobs, TenJobs(), "jobs.csv"))))
            .AssertValue().Task!;
        foreach (var stranger in new[] { Acting.Hr("E2"), Acting.Hr("E1", userId: "another-hr-of-E1"), Acting.SeekerUser() })
        {
            (await ProgressAsync(database, stranger, task.Id)).AssertFails(ErrorKind.NotFound, ImportErrors.TaskNotFound);
            (await InScopeAsync(database, sp => sp.RunAsAsync(stranger, new CancelImport.Command(task.Id)))).AssertFails(ErrorKind.NotFound, ImportErrors.TaskNotFound);
        }
        Assert.Equal(ImportTaskState.Queued, (await ProgressAsync(database, Acting.Hr("E1"), task.Id)).AssertValue().State);
        Assert.Equal(10, (await ProgressAsync(database, Acting.Operator(), task.Id)).AssertValue().RowsTotal);
        Assert.True((await InScopeAsync(database, sp => sp.RunAsAsync(Acting.Operator(), new CancelImport.Command(task.Id)))).AssertValue().CancelRequested);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_small_upload_is_imported_at_once(DatabaseProvider provider)
    {
        await using var database = await DatabaseAsync(provider);
        var csv = Header + "JS1,,氩弧焊工,6-18-02-04,3,370211,7000,11000,2,负责管道焊接。,draft\nJS2,,数控车工,6-18-01-01,x,370211,7000,10000,1,操作数控车床。,draft\n";
        var started = (await InScopeAsync(database, sp => sp.RunAsAsync(Acting.Hr("E1"),
            new StartImport.Command(ImportSheet.Jobs, new MemoryStream(Encoding.UTF8.GetBytes(csv)), "jobs.csv")))).AssertValue();
        Assert.Null(started.Task);
        Assert.Equal((1, 1), (started.Report!.Inserted, started.Preview.Invalid));
        Assert.Equal(1, await JobsAsync(database));
    }

    [Fact]
    public async Task A_preview_of_a_large_file_shows_the_first_rows_and_the_first_errors_but_counts_every_row()
    {
        await using var database = await DatabaseAsync(DatabaseProvider.Sqlite);
        var csv = new StringBuilder(Header);
        for (var i = 1; i <= 3000; i++)
            csv.Append(System.Globalization.CultureInfo.InvariantCulture, $"JP{i:0000},,氩弧焊工,6-18-02-04,{(i % 100 == 0 ? "x" : "3")},370211,7000,11000,2,负责管道焊接。,draft\n");
        var preview = (await InScopeAsync(database, sp => sp.RunAsAsync(Acting.Hr("E1"),
            new ImportSheet.Command(ImportSheet.Jobs, new MemoryStream(Encoding.UTF8.GetBytes(csv.ToString())), "jobs.csv", Commit: false)))).AssertValue().Preview;
        Assert.Equal((3000, 2970, 30, true), (preview.Total, preview.Valid, preview.Invalid, preview.Truncated));
        Assert.Equal(TabularImport.ShownRows + 29, preview.Rows.Count); // the first 100 rows (1 error among them) and the 29 errors after them
        Assert.Equal(3001, preview.Rows[^1].Line);
        Assert.Empty(preview.ValidRecords); // a preview keeps no records
    }

    [Fact]
    public async Task A_file_of_more_than_the_row_limit_is_refused_with_a_clear_error()
    {
        await using var database = await DatabaseAsync(DatabaseProvider.Sqlite);
        var csv = new StringBuilder("id,title\n");
        for (var i = 0; i < TabularImport.MaxRows; i++) csv.Append("J,x\n");
        Task<Result<ImportSheet.Outcome>> PreviewAsync() => InScopeAsync(database, sp => sp.RunAsAsync(Acting.Hr("E1"),
            new ImportSheet.Command(ImportSheet.Jobs, new MemoryStream(Encoding.UTF8.GetBytes(csv.ToString())), "jobs.csv", Commit: false)));
        Assert.Equal(TabularImport.MaxRows, (await PreviewAsync()).AssertValue().Preview.Total); // exactly the limit is fine

        csv.Append("J,x\n");
        var error = (await PreviewAsync()).AssertFails(ErrorKind.Invalid, ImportErrors.TooManyRows);
        Assert.Contains("250000", error.InChinese());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_batch_and_the_record_of_it_are_committed_together_so_a_resumed_import_imports_each_row_once(DatabaseProvider provider)
    {
        await using var database = await DatabaseAsync(provider);
        var hr = Acting.Hr("E1");
        var task = (await InScopeAsync(database, sp => sp.RunAsAsync(hr, new StartImport.Command(ImportSheet.Jobs, TenJobs(), "jobs.csv")))).AssertValue().Task!;

        // The process dies as it records the first batch: the database refuses the write of the progress.
        var (refuse, allow) = provider == DatabaseProvider.Sqlite
            ? ("""CREATE TRIGGER crash_on_progress BEFORE UPDATE OF "RowsDone" ON "ImportTasks" BEGIN SELECT RAISE(ABORT, 'crash while recording'); END""",
               "DROP TRIGGER crash_on_progress")
            : ("""
               CREATE FUNCTION crash_on_progress() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'crash while recording'; END $$ LANGUAGE plpgsql;
               CREATE TRIGGER crash_on_progress BEFORE UPDATE OF "RowsDone" ON "ImportTasks" FOR EACH ROW EXECUTE FUNCTION crash_on_progress();
               """,
               """DROP TRIGGER crash_on_progress ON "ImportTasks"; DROP FUNCTION crash_on_progress();""");
        await InScopeAsync(database, sp => sp.GetRequiredService<AppDbContext>().Database.ExecuteSqlRawAsync(refuse));
        await Assert.ThrowsAnyAsync<Exception>(() => RunAsync(database, maxBatches: 1));
        Assert.Equal(0, await JobsAsync(database)); // the batch went with its record
        await InScopeAsync(database, sp => sp.GetRequiredService<AppDbContext>().Database.ExecuteSqlRawAsync(allow));

        // Resumed once its lease lapses (here: the lease is ended by hand), it imports every row once: nothing is updated.
        await InScopeAsync(database, sp => sp.GetRequiredService<AppDbContext>().ImportTasks.Where(t => t.Id == task.Id)
            .ExecuteUpdateAsync(u => u.SetProperty(t => t.LeaseUntil, DateTime.UtcNow.AddMinutes(-1))));
        Assert.True(await RunAsync(database));
        var done = (await ProgressAsync(database, hr, task.Id)).AssertValue();
        Assert.Equal((ImportTaskState.Done, 10, 8, 0, 2), (done.State, done.RowsDone, done.Inserted, done.Updated, done.Skipped));
        Assert.Equal(8, await JobsAsync(database));
    }
}
