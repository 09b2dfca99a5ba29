using System.Data.Common;
using System.Globalization;
using Gongjiang.Application.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Gongjiang.Application.Catalogue;

/// <summary>Where a listing is counted: the whole zone (database), a province or a prefecture-level city.</summary>
public enum RegionLevel { Zone = 0, Province, City }

/// <summary>How fine the occupations are: 细类 (the occupation), 小类 (minor group) or 中类 (middle group).</summary>
public enum OccupationLevel { Occupation = 0, Minor, Middle }

/// <summary>One occupation in one region.</summary>
public readonly record struct CellKey(string Occupation, string Region);

/// <summary>The measures of a cell that add up over cities (a seeker lives in one city, so distinct seekers add up too).</summary>
public sealed class AdditiveMeasures
{
    public long PostedDemand { get; set; }
    public double SurveyDemand { get; set; }
    public long Postings { get; set; }
    public long Supply { get; set; }
    public long Hires { get; set; }
    public long Applications { get; set; }

    public void Add(AdditiveMeasures other)
    {
        PostedDemand += other.PostedDemand; SurveyDemand += other.SurveyDemand; Postings += other.Postings;
        Supply += other.Supply; Hires += other.Hires; Applications += other.Applications;
    }
}

/// <summary>
/// The catalogue's aggregations, run in the database as SQL (SQLite and PostgreSQL share the statements but for JSON
/// and dates): only grouped rows come back, never the postings or the seekers themselves.
/// </summary>
public sealed class CatalogueMeasures(AppDbContext db)
{
    private bool Postgres => db.Database.IsNpgsql();

    /// <summary>The prefecture-level city of a stored region code: a district's city, a municipality for its districts.</summary>
    public static string CityOf(string column) =>
        $"(CASE WHEN substr({column},1,2) IN ('11','12','31','50') THEN substr({column},1,2) || '0000' ELSE substr({column},1,4) || '00' END)";

    public static string RegionOf(RegionLevel level, string column) => level switch
    {
        RegionLevel.Zone => "'zone'",
        RegionLevel.Province => $"(substr({column},1,2) || '0000')",
        _ => CityOf(column),
    };

    public static string OccupationOf(OccupationLevel level, string column) => level switch
    {
        OccupationLevel.Minor => $"(substr({column},1,7) || '-00')",
        OccupationLevel.Middle => $"(substr({column},1,4) || '-00-00')",
        _ => column,
    };

    /// <summary>The region a prefecture-level city belongs to at a level (the same rule as <see cref="RegionOf"/>).</summary>
    public static string RegionOfCity(RegionLevel level, string city) => level switch
    {
        RegionLevel.Zone => "zone",
        RegionLevel.Province => city[..2] + "0000",
        _ => city,
    };

    private static string ActivePostings(string? cluster) =>
        """
        j."OccupationCode" IS NOT NULL AND j."Status" NOT IN ('Draft', 'TakenDown')
          AND j."PostedAt" <= @last AND (j."ExpiresAt" IS NULL OR j."ExpiresAt" >= @first)
        """ + ClusterFilter(cluster);

    private static string ClusterFilter(string? cluster) =>
        cluster is null ? "" : """ AND j."EmployerId" IN (SELECT e."Id" FROM "Employers" e WHERE e."IndustryCluster" = @cluster)""";

    /// <summary>Demand, postings, supply, hires and applications of the quarter per occupation and prefecture-level city.</summary>
    public async Task<Dictionary<CellKey, AdditiveMeasures>> ByCityAsync(Quarter quarter, OccupationLevel level, string? cluster, CancellationToken ct)
    {
        var cells = new Dictionary<CellKey, AdditiveMeasures>();
        AdditiveMeasures Cell(DbDataReader r) => GetOrAdd(cells, new CellKey(r.GetString(0), r.GetString(1)));

        var occ = OccupationOf(level, "j.\"OccupationCode\"");
        var city = CityOf("j.\"CityCode\"");
        await ReadAsync($"""
            SELECT {occ}, {city}, SUM(j."Headcount"), COUNT(*) FROM "Jobs" j
            WHERE {ActivePostings(cluster)}
            GROUP BY 1, 2
            """, quarter, cluster, r => { var c = Cell(r); c.PostedDemand = r.GetInt64(2); c.Postings = r.GetInt64(3); }, ct);

        var code = Postgres ? "o.value ->> 'Code'" : "json_extract(o.value, '$.Code')";
        var talentOcc = OccupationOf(level, code);
        var talentCity = CityOf("t.\"CityCode\"");
        var elements = Postgres ? "CROSS JOIN LATERAL jsonb_array_elements(t.\"Occupations\") AS o(value)" : ", json_each(t.\"Occupations\") AS o";
        await ReadAsync($"""
            SELECT {talentOcc}, {talentCity}, COUNT(DISTINCT t."Id") FROM "Talent" t {elements}
            WHERE t."RegisteredAt" <= @last AND t."LastActiveAt" >= @first AND {code} IS NOT NULL
            GROUP BY 1, 2
            """, quarter, null, r => Cell(r).Supply = r.GetInt64(2), ct);

        await ReadAsync($"""
            SELECT {occ}, {city}, SUM(CASE WHEN o."Stage" = 'Hired' THEN 1 ELSE 0 END), SUM(CASE WHEN o."Stage" = 'Applied' THEN 1 ELSE 0 END)
            FROM "Outcomes" o JOIN "Jobs" j ON j."Id" = o."JobId"
            WHERE o."Stage" IN ('Hired', 'Applied') AND o."At" >= @start AND o."At" < @end AND j."OccupationCode" IS NOT NULL{ClusterFilter(cluster)}
            GROUP BY 1, 2
            """, quarter, cluster, r => { var c = Cell(r); c.Hires = r.GetInt64(2); c.Applications = r.GetInt64(3); }, ct);
        return cells;
    }

    /// <summary>Median of (min + max) ÷ 2 over the quarter's active postings, per occupation and region.</summary>
    public Task<Dictionary<CellKey, double>> SalaryMedianAsync(Quarter quarter, OccupationLevel level, RegionLevel region, string? cluster, CancellationToken ct) =>
        MedianAsync("(j.\"SalaryMin\" + j.\"SalaryMax\") / 2.0", "", level, region, quarter, cluster, ct);

    /// <summary>Median days from posting to the first hire over the quarter's active postings that have one.</summary>
    public Task<Dictionary<CellKey, double>> DaysToFillMedianAsync(Quarter quarter, OccupationLevel level, RegionLevel region, string? cluster, CancellationToken ct)
    {
        var days = Postgres
            ? "CAST((h.first_hire AT TIME ZONE 'Asia/Shanghai')::date - j.\"PostedAt\" AS double precision)"
            : "(julianday(date(h.first_hire, '+8 hours')) - julianday(j.\"PostedAt\"))";
        const string join = """JOIN (SELECT "JobId", MIN("At") AS first_hire FROM "Outcomes" WHERE "Stage" = 'Hired' GROUP BY "JobId") h ON h."JobId" = j."Id" """;
        return MedianAsync(days, join, level, region, quarter, cluster, ct);
    }

    /// <summary>Median of the experience the quarter's active postings ask for (postings that state none count as 0).</summary>
    public Task<Dictionary<CellKey, double>> ExperienceMedianAsync(Quarter quarter, OccupationLevel level, RegionLevel region, string? cluster, CancellationToken ct) =>
        MedianAsync("COALESCE(j.\"ExperienceMinYears\", 0)", "", level, region, quarter, cluster, ct);

    /// <summary>Active postings per occupation, region and minimum education (null: none stated).</summary>
    public async Task<Dictionary<CellKey, Dictionary<string, long>>> EducationAsync(Quarter quarter, OccupationLevel level, RegionLevel region, string? cluster, CancellationToken ct)
    {
        var occ = OccupationOf(level, "j.\"OccupationCode\"");
        var reg = RegionOf(region, "j.\"CityCode\"");
        var result = new Dictionary<CellKey, Dictionary<string, long>>();
        await ReadAsync($"""
            SELECT {occ}, {reg}, COALESCE(j."EducationMin", ''), COUNT(*) FROM "Jobs" j
            WHERE {ActivePostings(cluster)}
            GROUP BY 1, 2, 3
            """, quarter, cluster, r =>
            {
                var key = new CellKey(r.GetString(0), r.GetString(1));
                if (!result.TryGetValue(key, out var counts)) result[key] = counts = new Dictionary<string, long>(StringComparer.Ordinal);
                counts[r.GetString(2)] = r.GetInt64(3);
            }, ct);
        return result;
    }

    /// <summary>Posted demand per occupation, region and employer: what the bootstrap resamples.</summary>
    public async Task<List<(CellKey Cell, string Employer, long Demand)>> DemandByEmployerAsync(Quarter quarter, OccupationLevel level, RegionLevel region, string? cluster, CancellationToken ct)
    {
        var occ = OccupationOf(level, "j.\"OccupationCode\"");
        var reg = RegionOf(region, "j.\"CityCode\"");
        var rows = new List<(CellKey, string, long)>();
        await ReadAsync($"""
            SELECT {occ}, {reg}, j."EmployerId", SUM(j."Headcount") FROM "Jobs" j
            WHERE {ActivePostings(cluster)}
            GROUP BY 1, 2, 3
            """, quarter, cluster, r => rows.Add((new CellKey(r.GetString(0), r.GetString(1)), r.GetString(2), r.GetInt64(3))), ct);
        return rows;
    }

    /// <summary>Openings of the quarter's active postings per occupation and skill named in the posting.</summary>
    public async Task<List<(string Occupation, string Skill, long Demand)>> SkillDemandAsync(Quarter quarter, string? cluster, CancellationToken ct)
    {
        var name = Postgres ? "s.value ->> 'Name'" : "json_extract(s.value, '$.Name')";
        var elements = Postgres ? "CROSS JOIN LATERAL jsonb_array_elements(j.\"Skills\") AS s(value)" : ", json_each(j.\"Skills\") AS s";
        var rows = new List<(string, string, long)>();
        await ReadAsync($"""
            SELECT j."OccupationCode", {name}, SUM(j."Headcount") FROM "Jobs" j {elements}
            WHERE {ActivePostings(cluster)} AND {name} IS NOT NULL
            GROUP BY 1, 2
            """, quarter, cluster, r => rows.Add((r.GetString(0), r.GetString(1), r.GetInt64(2))), ct);
        return rows;
    }

    private async Task<Dictionary<CellKey, double>> MedianAsync(string value, string join, OccupationLevel level, RegionLevel region,
        Quarter quarter, string? cluster, CancellationToken ct)
    {
        var occ = OccupationOf(level, "j.\"OccupationCode\"");
        var reg = RegionOf(region, "j.\"CityCode\"");
        // The middle value, or the mean of the two middle values: one statement for both databases.
        var sql = $"""
            WITH x AS (
                SELECT {occ} AS occ, {reg} AS reg, {value} AS val FROM "Jobs" j {join}
                WHERE {ActivePostings(cluster)}),
            r AS (
                SELECT occ, reg, val, ROW_NUMBER() OVER (PARTITION BY occ, reg ORDER BY val) AS rn, COUNT(*) OVER (PARTITION BY occ, reg) AS n FROM x)
            SELECT occ, reg, AVG(val) FROM r WHERE rn IN ((n + 1) / 2, (n + 2) / 2) GROUP BY occ, reg
            """;
        var result = new Dictionary<CellKey, double>();
        await ReadAsync(sql, quarter, cluster, r => result[new CellKey(r.GetString(0), r.GetString(1))] = Convert.ToDouble(r.GetValue(2), CultureInfo.InvariantCulture), ct);
        return result;
    }

    private static AdditiveMeasures GetOrAdd(Dictionary<CellKey, AdditiveMeasures> cells, CellKey key)
    {
        if (!cells.TryGetValue(key, out var cell)) cells[key] = cell = new AdditiveMeasures();
        return cell;
    }

    private async Task ReadAsync(string sql, Quarter quarter, string? cluster, Action<DbDataReader> row, CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened) await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            command.CommandTimeout = 600;
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            Parameter(command, "first", Postgres ? quarter.FirstDay : quarter.FirstDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            Parameter(command, "last", Postgres ? quarter.LastDay : quarter.LastDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            Parameter(command, "start", Postgres ? quarter.StartUtc : quarter.StartUtc.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture));
            Parameter(command, "end", Postgres ? quarter.EndUtc : quarter.EndUtc.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture));
            if (cluster is not null) Parameter(command, "cluster", cluster);
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct)) row(reader);
        }
        finally
        {
            if (opened) await db.Database.CloseConnectionAsync();
        }
    }

    private static void Parameter(DbCommand command, string name, object value)
    {
        var p = command.CreateParameter();
        p.ParameterName = name;
        p.Value = value;
        command.Parameters.Add(p);
    }
}
