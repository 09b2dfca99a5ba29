namespace Gongjiang.Cli.Tests;

/// <summary>
/// <c>catalog build</c> on a market imported through the CLI, whose catalogue is worked out by hand: 焊工 has J1 (5, started
/// before the quarter) and J2 (3, ends after it) → V = 8, seekers T1 (active on the first day only) and T2 (registered on
/// the last) → S = 2 (T3 registers after the quarter), R = 4.00; days to fill 20 and 11 → 15.5; J2's hire is 2026-10-01 in
/// China, so the fill rate is 1 ÷ 8; pay 7000 and 9000 → 8000, on 7000 in 2026Q2 → 0.143. 铸造工程技术人员 has no seekers:
/// R is empty. With two listings the percentiles are 0.25 and 0.75, so the indices are 53.6 and 47.5.
/// </summary>
public sealed class CatalogCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("gongjiang-catalog-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private async Task<string> ImportAsync()
    {
        File.WriteAllText(Path.Combine(_dir, "employers.csv"), """
            id,name,uscc,city,industry_cluster,enterprise_type,employees
            E1,青岛一厂有限公司,91370200MA3C5LXU3L,370211,高端装备,sme,800
            E3,济南三厂有限公司,91370200MA3C5LXU3L,370102,高端装备,sme,120

            """);
        File.WriteAllText(Path.Combine(_dir, "jobs.jsonl"), """
            {"id":"J1","employer_id":"E1","title":"焊工","occupation_code":"6-18-02-04","city":"370211","salary":{"min":6000,"max":8000},"headcount":5,"posted_at":"2026-06-15","expires_at":"2026-07-10","status":"closed","description":"焊接"}
            {"id":"J2","employer_id":"E1","title":"焊工","occupation_code":"6-18-02-04","city":"370212","salary":{"min":8000,"max":10000},"headcount":3,"posted_at":"2026-09-20","expires_at":"2026-10-31","description":"焊接"}
            {"id":"J7","employer_id":"E3","title":"铸造工程师","occupation_code":"2-02-07-13","city":"370102","salary":{"min":15000,"max":25000},"headcount":2,"posted_at":"2026-07-01","description":"铸造"}

            """);
        File.WriteAllText(Path.Combine(_dir, "talent.jsonl"), """
            {"id":"T1","name":"张伟","city":"370211","occupations":[{"code":"6-18-02-04"}],"registered_at":"2025-01-01","last_active_at":"2026-07-01"}
            {"id":"T2","name":"李强","city":"370212","occupations":[{"code":"6-18-02-04"}],"registered_at":"2026-09-30","last_active_at":"2026-12-01"}
            {"id":"T3","name":"王芳","city":"370211","occupations":[{"code":"6-18-02-04"}],"registered_at":"2026-10-01"}

            """);
        File.WriteAllText(Path.Combine(_dir, "outcomes.csv"), "job_id,talent_id,stage,at\nJ1,T1,hired,2026-07-05T02:00:00Z\nJ2,T2,hired,2026-09-30T17:00:00Z\n");
        var db = Path.Combine(_dir, "g.db");
        var import = await CliProcess.RunAsync(_dir, "import", "--db", db, "--employers", "employers.csv", "--jobs", "jobs.jsonl",
            "--talent", "talent.jsonl", "--outcomes", "outcomes.csv");
        Assert.True(import.ExitCode == 0, import.Stderr);
        return db;
    }

    [Fact]
    public async Task Build_writes_the_catalogue_of_the_quarter_with_the_contract_columns()
    {
        var db = await ImportAsync();
        var run = await CliProcess.RunAsync(_dir, "catalog", "build", "--db", db, "--period", "2026Q3", "--out", "catalog.csv");
        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Equal("""
            period,rank,occupation_code,occupation_name,region,demand,supply,ratio,gap,median_days_to_fill,fill_rate,salary_median,salary_change,index,band,previous_rank,typical_cities
            2026Q3,1,2-02-07-13,铸造工程技术人员,zone,2,0,,2,,0.000,20000,,53.6,一般,,370100
            2026Q3,2,6-18-02-04,焊工,zone,8,2,4.00,6,15.5,0.125,8000,0.143,47.5,一般,1,370200
            """, File.ReadAllText(Path.Combine(_dir, "catalog.csv")).ReplaceLineEndings("\n").TrimEnd('\n'));

        // Weights from the command line: R alone orders 铸造 (S = 0) first at 75.0, 焊工 at 25.0.
        run = await CliProcess.RunAsync(_dir, "catalog", "build", "--db", db, "--period", "2026Q3", "--out", "r.csv", "--weights", "1,0,0,0");
        Assert.True(run.ExitCode == 0, run.Stderr);
        var rows = File.ReadAllLines(Path.Combine(_dir, "r.csv"));
        Assert.Contains(",75.0,", rows[1], StringComparison.Ordinal);
        Assert.Contains(",25.0,", rows[2], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_period_or_weights_exits_1_with_a_reason_and_writes_nothing()
    {
        var db = await ImportAsync();
        var run = await CliProcess.RunAsync(_dir, "catalog", "build", "--db", db, "--period", "2026Q7", "--out", "catalog.csv");
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("period must be a quarter such as 2026Q3, got 2026Q7", run.Stderr, StringComparison.Ordinal);
        run = await CliProcess.RunAsync(_dir, "catalog", "build", "--db", db, "--period", "2026Q3", "--out", "catalog.csv", "--weights", "1,x");
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("--weights", run.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_dir, "catalog.csv")));
    }
}
