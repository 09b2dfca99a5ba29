using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Serialization;
using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Common.UseCases;
using Gongjiang.Application.Persistence;
using Gongjiang.Core.Taxonomy;
using Microsoft.EntityFrameworkCore;

namespace Gongjiang.Application.Catalogue;

/// <summary>
/// <c>bench catalog</c>: writes a reproducible market into an empty database — postings whose lives add up to the given
/// posting-days (30–60 days each, posted over 2026Q2 and 2026Q3), seekers with one or two occupations and an active
/// spell, hires and applications — with INSERT … SELECT in the database itself, then times one build of the 2026Q3
/// catalogue (zone, occupations, with the previous quarter and the bootstrap) as the CLI and the page run it.
/// </summary>
public static class BenchCatalogue
{
    public sealed record Command(long PostingDays, long Seekers, int Seed) : IUseCase<Report>;

    public sealed record Report(
        [property: JsonPropertyName("db")] string Database,
        [property: JsonPropertyName("posting_days")] long PostingDays,
        [property: JsonPropertyName("postings")] long Postings,
        [property: JsonPropertyName("seekers")] long Seekers,
        [property: JsonPropertyName("seed")] int Seed,
        [property: JsonPropertyName("period")] string Period,
        [property: JsonPropertyName("cores")] int Cores,
        [property: JsonPropertyName("generate_s")] double GenerateSeconds,
        [property: JsonPropertyName("build_s")] double BuildSeconds,
        [property: JsonPropertyName("listings")] int Listings,
        [property: JsonPropertyName("in_shortage")] int InShortage);

    public const string NotEmpty = "catalogue.bench_not_empty";

    public sealed class Handler(AppDbContext db, CatalogueBuilder builder, TaxonomyCatalog taxonomy) : IUseCaseHandler<Command, Report>
    {
        private static readonly Quarter Period = new(2026, 3);

        public async Task<Result<Report>> HandleAsync(Command command, CancellationToken ct)
        {
            var errors = new ErrorList();
            if (command.PostingDays < 30) errors.Add("postings", InputErrors.Between, 30, long.MaxValue);
            if (command.Seekers < 1) errors.Add("seekers", InputErrors.Between, 1, long.MaxValue);
            if (!errors.IsEmpty) return errors;
            if (await db.Employers.AnyAsync(ct) || await db.Talent.AnyAsync(ct)) return Error.Refused(NotEmpty);

            var postgres = db.Database.IsNpgsql();
            var watch = Stopwatch.StartNew();
            db.Database.SetCommandTimeout(TimeSpan.FromHours(1));
            await db.Database.OpenConnectionAsync(ct);
            try
            {
                var postings = (command.PostingDays + 44) / 45; // lives of 30–60 days: 45 on average
                await GenerateAsync(postgres, postings, command.Seekers, command.Seed, ct);
                var postingDays = await ScalarAsync(postgres
                    ? """SELECT COALESCE(SUM("ExpiresAt" - "PostedAt" + 1), 0) FROM "Jobs" """
                    : """SELECT COALESCE(SUM(julianday("ExpiresAt") - julianday("PostedAt") + 1), 0) FROM "Jobs" """, ct);
                var generated = watch.Elapsed.TotalSeconds;

                watch.Restart();
                var catalogue = await builder.BuildAsync(Period, RegionLevel.Zone, OccupationLevel.Occupation, null, CatalogueMethod.Default, ct);
                var built = watch.Elapsed.TotalSeconds;
                return new Report(postgres ? "postgresql" : "sqlite", (long)postingDays, postings, command.Seekers, command.Seed, Period.ToString(),
                    Environment.ProcessorCount, Math.Round(generated, 1), Math.Round(built, 2), catalogue.Listings.Count,
                    catalogue.Listings.Count(l => l.Band != ShortageBand.General));
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }
        }

        private async Task GenerateAsync(bool postgres, long postings, long seekers, int seed, CancellationToken ct)
        {
            // Real occupations (production and engineering, skewed: the first are the most demanded) and the province's cities.
            var occupations = taxonomy.Occupations.Where(o => o.Level == 4 && (o.Code.StartsWith("6-", StringComparison.Ordinal) || o.Code.StartsWith("2-02-", StringComparison.Ordinal)))
                .Select(o => o.Code).Order(StringComparer.Ordinal).ToList();
            occupations = occupations.OrderBy(c => Hash(c, seed)).Take(400).ToList();
            var cities = taxonomy.Regions.Where(r => r.Depth == 2 && r.Code.StartsWith("37", StringComparison.Ordinal)).Select(r => r.Code).Order(StringComparer.Ordinal).ToList();
            var employers = Math.Max(100, postings / 40);

            await ExecuteAsync("CREATE TEMP TABLE bench_occ (i INTEGER PRIMARY KEY, code TEXT NOT NULL)", ct);
            await ExecuteAsync("CREATE TEMP TABLE bench_city (i INTEGER PRIMARY KEY, code TEXT NOT NULL)", ct);
            await ExecuteAsync("INSERT INTO bench_occ (i, code) VALUES " + string.Join(",", occupations.Select((c, i) => $"({i}, '{c}')")), ct);
            await ExecuteAsync("INSERT INTO bench_city (i, code) VALUES " + string.Join(",", cities.Select((c, i) => $"({i}, '{c}')")), ct);

            string Seq(long count) => postgres ? $"generate_series(CAST(1 AS bigint), {count}) AS s(n)" : $"(WITH RECURSIVE q(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM q WHERE n < {count}) SELECT n FROM q) AS s";
            // A reproducible draw in [0, k) for row n: a multiplicative hash per field, the same on both databases.
            string H(string n, long multiplier, long k) => $"((({n}) * {multiplier} + {seed}) % 4294967291 % {k})";
            string Day(string baseDay, string offset) => postgres ? $"(DATE '{baseDay}' + CAST({offset} AS integer))" : $"date('{baseDay}', '+' || ({offset}) || ' days')";
            string At(string day, string hours) => postgres ? $"(CAST({day} AS timestamp) + make_interval(hours => CAST({hours} AS integer))) AT TIME ZONE 'UTC'" : $"(({day}) || ' 0' || ({hours}) || ':00:00')";
            string Id(string prefix, string n) => postgres ? $"'{prefix}' || lpad(CAST({n} AS text), 9, '0')" : $"'{prefix}' || substr('000000000' || ({n}), -9, 9)";
            var emptyList = postgres ? "'{}'" : "'[]'";
            var now = postgres ? "TIMESTAMPTZ '2026-07-01 00:00:00+00'" : "'2026-07-01 00:00:00'";
            string Json(string text) => postgres ? $"CAST({text} AS jsonb)" : text;

            await ExecuteAsync($"""
                INSERT INTO "Employers" ("Id", "Name", "Uscc", "CityCode", "IndustryCluster", "EnterpriseType", "Verification", "IsAgency",
                    "CreatedAt", "UpdatedAt", "AccountClass", "HrLicenceStatus", "Employees")
                SELECT {Id("BE", "n")}, 'Bench employer ' || n, '', c.code, 'cluster-' || {H("n", 2246822519, 9)}, 'Sme', 'Verified', {(postgres ? "false" : "0")},
                    {now}, {now}, 'SelfRecruiting', 'None', 10 + {H("n", 3266489917, 2000)}
                FROM {Seq(employers)} JOIN bench_city c ON c.i = {H("n", 668265263, cities.Count)}
                """, ct);

            // Postings: posted over 2026-03-02 … 2026-09-30 (212 days), living 30–60 days; the occupation is skewed (u²).
            var occupationIndex = $"({H("n", 374761393, 1000)} * {H("n", 374761393, 1000)} * {occupations.Count} / 1000000)";
            await ExecuteAsync($"""
                INSERT INTO "Jobs" ("Id", "EmployerId", "Title", "OccupationCode", "RequiredCertificates", "EducationMin", "ExperienceMinYears",
                    "CityCode", "SalaryMin", "SalaryMax", "Headcount", "PostedAt", "ExpiresAt", "Description", "Status", "CreatedAt", "UpdatedAt", "Skills")
                SELECT {Id("BJ", "n")}, {Id("BE", $"1 + {H("n", 2654435761, employers)}")}, 'Bench posting', o.code, {emptyList},
                    'SecondaryVocational', {H("n", 1103515245, 6)}, c.code, 5000 + 500 * {H("n", 22695477, 10)}, 9000 + 500 * {H("n", 22695477, 10)} + 500 * {H("n", 134775813, 8)},
                    1 + {H("n", 1664525, 5)}, {Day("2026-03-02", H("n", 69069, 212))}, {Day("2026-03-02", $"{H("n", 69069, 212)} + 29 + {H("n", 214013, 31)}")},
                    '', CASE WHEN {H("n", 16807, 10)} < 7 THEN 'Open' ELSE 'Closed' END, {now}, {now}, {Json("'[]'")}
                FROM {Seq(postings)}
                JOIN bench_occ o ON o.i = {occupationIndex}
                JOIN bench_city c ON c.i = {H("n", 48271, cities.Count)}
                """, ct);

            // Seekers: registered over the two years before the quarter's end, active for up to 240 days after; 30% list a second occupation.
            var first = $"'[{{\"Code\":\"' || o.code || '\",\"Grade\":null,\"Certified\":false}}'";
            var second = $"CASE WHEN {H("n", 40692, 10)} < 3 THEN ',{{\"Code\":\"' || o2.code || '\",\"Grade\":null,\"Certified\":false}}' ELSE '' END";
            await ExecuteAsync($"""
                INSERT INTO "Talent" ("Id", "CityCode", "WillingCities", "Skills", "Certificates", "ExperienceYears", "DesiredTitles", "ResumeText",
                    "SharedWithZone", "IsActive", "CreatedAt", "UpdatedAt", "Occupations", "RegisteredAt", "LastActiveAt")
                SELECT {Id("BT", "n")}, c.code, {emptyList}, {emptyList}, {emptyList}, {H("n", 1140671485, 20)}, {emptyList}, '',
                    {(postgres ? "true, true" : "1, 1")}, {now}, {now}, {Json($"{first} || {second} || ']'")},
                    {Day("2024-10-01", H("n", 1812433253, 730))}, {Day("2024-10-01", $"{H("n", 1812433253, 730)} + {H("n", 1566083941, 240)}")}
                FROM {Seq(seekers)}
                JOIN bench_occ o ON o.i = ({H("n", 1099087573, 1000)} * {H("n", 1099087573, 1000)} * {occupations.Count} / 1000000)
                JOIN bench_occ o2 ON o2.i = {H("n", 2891336453, occupations.Count)}
                JOIN bench_city c ON c.i = {H("n", 1181783497, cities.Count)}
                """, ct);

            // Two applications on every posting a day or two after it opened; a hire on three in ten, 3–42 days after.
            var jobs = $"(SELECT \"Id\", \"PostedAt\", CAST(substr(\"Id\", 3) AS bigint) AS n FROM \"Jobs\") j";
            await ExecuteAsync($"""
                INSERT INTO "Outcomes" ("JobId", "TalentId", "Stage", "At")
                SELECT j."Id", {Id("BT", $"1 + {H("j.n", 2654435761, seekers)}")}, 'Applied', {At("j.\"PostedAt\"", "2")} FROM {jobs}
                UNION ALL
                SELECT j."Id", {Id("BT", $"1 + {H("j.n", 1597334677, seekers)}")}, 'Applied', {At(Day2(postgres, "j.\"PostedAt\"", "1"), "3")} FROM {jobs}
                UNION ALL
                SELECT j."Id", {Id("BT", $"1 + {H("j.n", 3812015801, seekers)}")}, 'Hired', {At(Day2(postgres, "j.\"PostedAt\"", $"3 + {H("j.n", 48271, 40)}"), "4")} FROM {jobs}
                WHERE {H("j.n", 16807, 10)} < 3
                """, ct);
            await ExecuteAsync("DROP TABLE bench_occ", ct);
            await ExecuteAsync("DROP TABLE bench_city", ct);
            await ExecuteAsync("ANALYZE", ct);
        }

        private static string Day2(bool postgres, string day, string plus) =>
            postgres ? $"({day} + CAST({plus} AS integer))" : $"date({day}, '+' || ({plus}) || ' days')";

        private async Task ExecuteAsync(string sql, CancellationToken ct)
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = sql;
            command.CommandTimeout = 3600;
            await command.ExecuteNonQueryAsync(ct);
        }

        private async Task<double> ScalarAsync(string sql, CancellationToken ct)
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = sql;
            return Convert.ToDouble(await command.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
        }

        private static long Hash(string text, int seed)
        {
            unchecked
            {
                var h = 1469598103934665603UL ^ (ulong)seed;
                foreach (var c in text) h = (h ^ c) * 1099511628211UL;
                return (long)(h >> 1);
            }
        }
    }
}
