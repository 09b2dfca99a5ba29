using Gongjiang.Market;
using Gongjiang.Core.Taxonomy;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Gongjiang.Cli.Tests;

/// <summary><c>match jobs|talent</c> and <c>ranker train</c> on a small generated market imported through the CLI.</summary>
public sealed class MatchCommandTests : IClassFixture<MatchCommandTests.ImportedMarket>
{
    /// <summary>A generated market (with its outcomes) written as the docs/formats.md files and imported once for these tests.</summary>
    public sealed class ImportedMarket : IAsyncLifetime
    {
        public string Dir { get; } = Directory.CreateTempSubdirectory("gongjiang-match-").FullName;
        public SyntheticMarket Market { get; } = MarketGenerator.Generate(new MarketSpec(40, 500, 3_000, 11, Today: new DateOnly(2026, 7, 1)), TaxonomyCatalog.Default);
        public CliProcess.Result Import { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            var options = new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
            var employers = new StringBuilder("id,name,uscc,city,industry_cluster,enterprise_type\n");
            foreach (var e in Market.Employers)
                employers.Append(CultureInfo.InvariantCulture,
                    $"{e.Id},{e.Name},{e.Uscc},{e.CityCode},{e.IndustryCluster},{Core.Employers.EnterpriseTypes.ToFileName(e.EnterpriseType)}\n");
            File.WriteAllText(Path.Combine(Dir, "employers.csv"), employers.ToString());
            File.WriteAllLines(Path.Combine(Dir, "jobs.jsonl"), Market.Jobs.Select(j => JsonSerializer.Serialize(new
            {
                id = j.Id, employer_id = j.EmployerId, title = j.Title, occupation_code = j.OccupationCode, min_grade = j.MinGrade,
                skills = j.Skills.Select(s => new { name = s.Name, weight = s.Weight }),
                city = j.CityCode, salary = new { min = j.SalaryMin, max = j.SalaryMax }, headcount = j.Headcount,
                posted_at = j.PostedAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), expires_at = "2099-12-31", description = j.Description,
            }, options)));
            File.WriteAllLines(Path.Combine(Dir, "talent.jsonl"), Market.Talent.Select((t, i) => JsonSerializer.Serialize(new
            {
                id = t.Id, name = Market.Contacts[i].Name, city = t.CityCode, willing_cities = t.WillingCities,
                occupations = t.Occupations.Select(o => new { code = o.Code, grade = o.Grade, certified = o.Certified }),
                skills = t.Skills, experience_years = t.ExperienceYears,
                expected_salary = new { min = t.ExpectedSalaryMin, max = t.ExpectedSalaryMax }, desired_titles = t.DesiredTitles,
            }, options)));
            var outcomes = MarketGenerator.GenerateOutcomes(Market, 11, jobsSampled: 400, recommendationsPerJob: 20);
            File.WriteAllLines(Path.Combine(Dir, "outcomes.csv"), outcomes.Select(o =>
                $"{o.JobId},{o.TalentId},{Core.Recruiting.OutcomeStages.ToFileName(o.Stage)},{o.At:yyyy-MM-ddTHH:mm:ssZ}").Prepend("job_id,talent_id,stage,at"));
            Import = await CliProcess.RunAsync(Dir, "import", "--db", "zone.db", "--employers", "employers.csv", "--jobs", "jobs.jsonl",
                "--talent", "talent.jsonl", "--outcomes", "outcomes.csv");
        }

        public Task DisposeAsync()
        {
            Directory.Delete(Dir, recursive: true);
            return Task.CompletedTask;
        }
    }

    private readonly ImportedMarket _market;

    public MatchCommandTests(ImportedMarket market) => _market = market;

    private string Dir => _market.Dir;

    [Fact]
    public async Task Match_jobs_writes_the_best_talent_per_job_with_reasons_and_reports_unknown_ids_by_line()
    {
        Assert.Equal(0, _market.Import.ExitCode);
        var jobs = _market.Market.Jobs.Take(3).Select(j => j.Id).ToList();
        File.WriteAllLines(Path.Combine(Dir, "ids.txt"), [jobs[0], "J-NOPE", "", jobs[1], jobs[2]]);

        var result = await CliProcess.RunAsync(Dir, "match", "jobs", "--db", "zone.db", "--ids", "ids.txt", "--top", "5", "--out", "matches.csv");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("ids.txt:2: unknown job id J-NOPE", result.Stderr);
        Assert.DoesNotContain("   at ", result.Stderr);
        var lines = File.ReadAllLines(Path.Combine(Dir, "matches.csv"));
        Assert.Equal("job_id,talent_id,rank,score,reasons", lines[0]);
        var rows = lines.Skip(1).Select(l => l.Split(',', 5)).ToList();
        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.Contains(r[0], jobs));
        foreach (var job in rows.GroupBy(r => r[0]))
        {
            Assert.InRange(job.Count(), 1, 5);
            Assert.Equal(Enumerable.Range(1, job.Count()).Select(i => i.ToString(CultureInfo.InvariantCulture)), job.Select(r => r[2]));
        }
        Assert.All(rows, r => Assert.False(string.IsNullOrWhiteSpace(r[4].Trim('"')), "every match explains itself"));
        Assert.Empty(Directory.GetFiles(Dir, ".matches.csv.*")); // no temporary file left behind
    }

    [Fact]
    public async Task Match_talent_writes_the_best_open_jobs_per_seeker()
    {
        var talent = _market.Market.Talent.Take(4).Select(t => t.Id).ToList();
        File.WriteAllLines(Path.Combine(Dir, "talent-ids.txt"), talent);

        var result = await CliProcess.RunAsync(Dir, "match", "talent", "--db", "zone.db", "--ids", "talent-ids.txt", "--top", "3", "--out", "jobs-for-talent.csv");

        Assert.Equal(0, result.ExitCode);
        var lines = File.ReadAllLines(Path.Combine(Dir, "jobs-for-talent.csv"));
        Assert.Equal("talent_id,job_id,rank,score,reasons", lines[0]);
        Assert.All(lines.Skip(1), l => Assert.Contains(l.Split(',')[0], talent));
        Assert.True(lines.Length > 1);
    }

    [Fact]
    public async Task Ranker_train_says_what_it_learned_from_and_compares_with_the_hand_weights_on_later_outcomes()
    {
        var result = await CliProcess.RunAsync(Dir, "ranker", "train", "--db", "zone.db");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("job groups", result.Stdout);
        Assert.Contains("labels: 0 recommended", result.Stdout);
        Assert.Matches(@"time split at \d{4}-\d{2}-\d{2} \d{2}:\d{2}: train \d+ groups", result.Stdout);
        Assert.Matches(@"gain: [+-]?\d\.\d{4} over \d+ validation groups, 95% bootstrap interval \[[+-]?\d\.\d{4}, [+-]?\d\.\d{4}\]", result.Stdout);
        Assert.Matches(@"validation NDCG@10: learned 0\.\d{4}, hand weights 0\.\d{4}", result.Stdout);
        Assert.Matches("adopted: (yes|no)", result.Stdout);
        Assert.Contains("work_record", result.Stdout);
        Assert.Matches(@"model: hand weights corrected by LightGbm LambdaRank trees on the features and the hand score; \d+ trees of \d+ leaves, weight \d", result.Stdout);
        Assert.Matches(@"chosen on the training period only: its latest \d+ groups with a response", result.Stdout);

        // Matching still works with whichever ranking is in force.
        File.WriteAllLines(Path.Combine(Dir, "one.txt"), [_market.Market.Jobs[0].Id]);
        var match = await CliProcess.RunAsync(Dir, "match", "jobs", "--db", "zone.db", "--ids", "one.txt", "--top", "5", "--out", "after.csv");
        Assert.Equal(0, match.ExitCode);
    }
}
