using Gongjiang.Core.Common;
using Gongjiang.Core.Employers;
using Gongjiang.Core.Jobs;
using Gongjiang.Core.Recruiting;
using Gongjiang.Core.Taxonomy;

namespace Gongjiang.Market;

/// <summary>
/// Generates a realistic, reproducible labour market of a high-tech zone: employers across the industry clusters,
/// postings with the skewed demand of manufacturing recruiting, seekers with national skill grades, and the ground
/// truth of who fits which job. Only the hidden facts (latents) are drawn up front; postings, profiles and contacts
/// are built on demand from per-entity random streams, so a million seekers cost tens of megabytes until materialized.
/// </summary>
public static class MarketGenerator
{
    internal const int EmployerStream = 1, JobStream = 2, TalentStream = 3, JobTextStream = 4, TalentTextStream = 5, OutcomeStream = 6,
        HiddenWeightStream = 7, PairNoiseStream = 8, QualityStream = 9, CodelessStream = 10;

    // Cluster shares of a typical northern high-tech zone.
    private static readonly double[] ClusterCumulative = MarketRandom.Cumulative([22, 14, 11, 13, 10, 7, 8, 5, 10]);

    private static readonly (EnterpriseType Type, double Share, double Size)[] EnterpriseMix =
    [
        (EnterpriseType.ChainLeader, 3, 10), (EnterpriseType.Champion, 5, 5), (EnterpriseType.Specialized, 20, 2.5),
        (EnterpriseType.Sme, 52, 1), (EnterpriseType.StateOwned, 6, 5), (EnterpriseType.Foreign, 8, 4), (EnterpriseType.Other, 6, 1),
    ];
    private static readonly double[] EnterpriseCumulative = MarketRandom.Cumulative(EnterpriseMix.Select(m => m.Share));

    public static SyntheticMarket Generate(MarketSpec spec, TaxonomyCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(catalog);
        if (spec.Employers < 1 || spec.Jobs < 0 || spec.Talent < 0)
            throw new ArgumentOutOfRangeException(nameof(spec), "A market needs at least one employer and no negative counts.");

        var model = MarketModel.Build(catalog, spec.ZoneCityCode);
        var employers = GenerateEmployers(spec, model, out var employerDistricts);

        // Postings come from verified employers, more from larger ones.
        var publishing = Enumerable.Range(0, employers.Length).Where(i => employers[i].CanPublish).ToArray();
        if (publishing.Length == 0) publishing = Enumerable.Range(0, employers.Length).ToArray();
        var employerCumulative = MarketRandom.Cumulative(publishing.Select(i => EnterpriseMix.First(m => m.Type == employers[i].EnterpriseType).Size));
        var clusterIndex = employers.Select(e => IndustryClusters.All.ToList().IndexOf(e.IndustryCluster)).ToArray();

        var jobs = new JobLatent[spec.Jobs];
        Parallel.For(0, (spec.Jobs + 4095) / 4096, chunk =>
        {
            var end = Math.Min(spec.Jobs, (chunk + 1) * 4096);
            for (var j = chunk * 4096; j < end; j++)
            {
                var rng = MarketRandom.For(spec.Seed, JobStream, j);
                var employer = publishing[rng.PickCumulative(employerCumulative)];
                jobs[j] = DrawJob(ref rng, model, employer, clusterIndex[employer], employerDistricts[employer]);
            }
        });

        var talent = new TalentLatent[spec.Talent];
        Parallel.For(0, (spec.Talent + 8191) / 8192, chunk =>
        {
            var end = Math.Min(spec.Talent, (chunk + 1) * 8192);
            for (var t = chunk * 8192; t < end; t++)
            {
                var rng = MarketRandom.For(spec.Seed, TalentStream, t);
                talent[t] = DrawTalent(ref rng, model);
            }
        });

        return new SyntheticMarket(spec, model, employers, jobs, talent);
    }

    private static Employer[] GenerateEmployers(MarketSpec spec, MarketModel model, out int[] districts)
    {
        var geo = model.Geography;
        var catalog = model.Catalog;
        var today = spec.EffectiveToday;
        var width = Math.Max(4, spec.Employers.ToString(System.Globalization.CultureInfo.InvariantCulture).Length);
        var names = new HashSet<string>(StringComparer.Ordinal);
        var result = new Employer[spec.Employers];
        districts = new int[spec.Employers];
        for (var e = 0; e < spec.Employers; e++)
        {
            var rng = MarketRandom.For(spec.Seed, EmployerStream, e);
            var cluster = IndustryClusters.All[rng.PickCumulative(ClusterCumulative)];
            var type = EnterpriseMix[rng.PickCumulative(EnterpriseCumulative)].Type;
            // A few HR-service agencies (人力资源服务机构) recruit for the cluster's manufacturers.
            var agency = type is EnterpriseType.Sme or EnterpriseType.Other && rng.Chance(0.05);
            var roll = rng.NextDouble();
            var city = roll < 0.85 ? geo.ZoneCity : roll < 0.95 ? geo.PickProvinceCity(ref rng) : geo.PickHubCity(ref rng);
            var district = geo.PickDistrict(ref rng, city);
            districts[e] = district;
            var districtCode = geo.Districts[district];
            var cityShort = catalog.FindRegion(geo.Cities[city])?.ShortName ?? "";
            string name;
            do name = agency ? MarketText.AgencyName(ref rng, cityShort) : MarketText.EmployerName(ref rng, cityShort, cluster, type);
            while (!names.Add(name));
            var newStyle = rng.Chance(type is EnterpriseType.StateOwned or EnterpriseType.ChainLeader or EnterpriseType.Foreign ? 0.2 : 0.75);
            var created = today.AddDays(-rng.Next(30, 900)).ToDateTime(new TimeOnly(rng.Next(1, 10), rng.Next(60)), DateTimeKind.Utc);
            var verified = rng.Chance(0.95);
            var region = catalog.RegionDisplayName(districtCode);
            result[e] = new Employer
            {
                Id = "E" + (e + 1).ToString(System.Globalization.CultureInfo.InvariantCulture).PadLeft(width, '0'),
                Name = name,
                Uscc = CreditCode.For(e, districtCode, newStyle),
                CityCode = districtCode,
                IndustryCluster = cluster,
                EnterpriseType = type,
                Employees = Headcount(type, e),
                Verification = verified ? VerificationStatus.Verified : VerificationStatus.Pending,
                VerifiedAt = verified ? created.AddDays(rng.Next(1, 5)) : null,
                Description = agency
                    ? $"{name}位于{region}，是经人社部门许可的人力资源服务机构，为{cluster}企业提供招聘、猎头和技能人才派遣服务。"
                    : $"{name}位于{region}，是一家{EnterpriseTypes.ChineseName(type)}，主要从事{cluster}领域产品的研发、生产与服务。",
                IsAgency = agency,
                Address = $"{region}{RoadNames[rng.Next(RoadNames.Length)]}{rng.Next(1, 999)}号",
                CreatedAt = created,
                UpdatedAt = created,
            };
        }
        return result;
    }

    private static readonly string[] RoadNames =
        ["科技路", "创新大道", "智造路", "高新大道", "产业园路", "汇智路", "前湾港路", "长江路", "科苑路", "新材料路", "未来路", "工业园二路", "光谷路", "海尔路", "锦业路"];

    private static JobLatent DrawJob(ref MarketRandom rng, MarketModel model, int employer, int cluster, int employerDistrict)
    {
        var geo = model.Geography;
        var occIndex = rng.PickCumulative(model.DemandByCluster[cluster]);
        var occ = model.Occupations[occIndex];
        var job = new JobLatent { Occupation = (short)occIndex, Employer = employer };

        if (occ.IsGraded)
        {
            var none = occ.Tier == PayTier.Operator ? 0.6 : occ.Tier == PayTier.Technician ? 0.5 : 0.3;
            if (!rng.Chance(none))
            {
                var r = rng.NextDouble();
                // Line work asks for an intermediate or senior grade at most; trades also hire technicians.
                job.MinGrade = (sbyte)occ.Snap(occ.Tier == PayTier.Operator ? (r < 0.7 ? 4 : 3) : r < 0.4 ? 4 : r < 0.78 ? 3 : r < 0.96 ? 2 : 1);
            }
            job.SkillGrade = job.MinGrade != 0 ? job.MinGrade : (sbyte)occ.Snap(occ.Tier == PayTier.Operator ? 5 : 4);
        }

        job.Skills = PickJobSkills(ref rng, occ, job.SkillGrade);
        job.Education = (sbyte)(occ.Tier switch
        {
            PayTier.Operator => rng.Chance(0.55) ? 0 : rng.Chance(0.6) ? (int)EducationLevel.JuniorHigh : (int)EducationLevel.SecondaryVocational,
            PayTier.Skilled => rng.Chance(0.4) ? 0 : rng.Chance(0.8) ? (int)EducationLevel.SecondaryVocational : (int)EducationLevel.Associate,
            PayTier.Technician => rng.Chance(0.6) ? (int)EducationLevel.Associate : (int)EducationLevel.Bachelor,
            _ => rng.Chance(0.7) ? (int)EducationLevel.Bachelor : rng.Chance(0.66) ? (int)EducationLevel.Associate : (int)EducationLevel.Master,
        });
        job.ExperienceMin = occ.Tier switch
        {
            PayTier.Operator => job.MinGrade switch { 0 => rng.Chance(0.7) ? 0 : 1, 4 => rng.Next(1, 3), _ => rng.Next(2, 4) },
            PayTier.Skilled => job.MinGrade switch { 0 => rng.Chance(0.5) ? 0 : 1, 5 => rng.Next(0, 2), 4 => rng.Next(1, 3), 3 => rng.Next(2, 5), 2 => rng.Next(4, 8), _ => rng.Next(8, 12) },
            PayTier.Technician => rng.Next(0, 4),
            _ => rng.Pick(EngineerExperience),
        };

        job.District = rng.Chance(0.9) ? employerDistrict : geo.PickDistrict(ref rng, geo.DistrictCity[employerDistrict]);
        job.City = geo.DistrictCity[job.District];
        var s = rng.NextDouble();
        job.Status = (byte)(s < 0.85 ? JobStatus.Open : s < 0.93 ? JobStatus.Closed : JobStatus.Expired);
        return job;
    }

    private static readonly float[] EngineerExperience = [0, 1, 1, 2, 3, 3, 3, 5, 5, 8];

    private static ulong PickJobSkills(ref MarketRandom rng, OccupationModel occ, int grade)
    {
        ulong mask = 0;
        var standard = grade is >= 1 and <= 5 ? occ.GradeMask[grade] : 0UL;
        // Postings list the standard's heavier items at the required grade, three to five of them.
        var items = BitIndexes(standard);
        if (items.Count > 0)
        {
            var want = Math.Min(items.Count, rng.Next(3, 6));
            items.Sort((a, b) => occ.Terms[b].WeightByGrade[grade].CompareTo(occ.Terms[a].WeightByGrade[grade]));
            for (var i = 0; i < items.Count && BitOps(mask) < want; i++)
                if (i < 2 || rng.Chance(0.6)) mask |= 1UL << items[i];
        }
        var keywords = BitIndexes(occ.KeywordMask);
        var k = Math.Min(keywords.Count, items.Count > 0 ? rng.Next(1, 4) : rng.Next(3, 6));
        for (var i = 0; i < k; i++) mask |= 1UL << keywords[rng.Next(keywords.Count)];
        return mask;
    }

    private static TalentLatent DrawTalent(ref MarketRandom rng, MarketModel model)
    {
        var geo = model.Geography;
        var occIndex = rng.PickCumulative(model.SupplyCumulative);
        var occ = model.Occupations[occIndex];
        var t = new TalentLatent { Occupation = (short)occIndex, Occupation2 = -1, Willing1 = -1, Willing2 = -1 };

        t.Grade = (sbyte)DrawGrade(ref rng, occ);
        t.Experience = DrawExperience(ref rng, occ, t.Grade);
        t.Education = (sbyte)DrawEducation(ref rng, occ.Tier, t.Grade);
        t.Skills = PickTalentSkills(ref rng, occ, t.Grade);

        // A quarter also work in a neighbouring trade (车工 who also runs CNC, 电工 who also repairs equipment).
        if (rng.Chance(0.25))
        {
            var siblings = model.OccupationsByMinorGroup[occ.MinorGroup];
            if (siblings.Length > 1)
            {
                var other = siblings[rng.Next(siblings.Length)];
                if (other != occIndex)
                {
                    var occ2 = model.Occupations[other];
                    t.Occupation2 = (short)other;
                    t.Grade2 = (sbyte)(occ2.IsGraded && t.Grade != 0 ? occ2.Snap(Math.Min(5, t.Grade + 1)) : 0);
                    t.Skills2 = PickTalentSkills(ref rng, occ2, t.Grade2);
                }
            }
        }

        // Most seekers live in the zone's city; neighbours in the province and migrants from hubs make the tail.
        var roll = rng.NextDouble();
        t.City = roll < 0.6 ? geo.ZoneCity : roll < 0.82 ? geo.PickProvinceCity(ref rng) : geo.PickHubCity(ref rng);
        t.District = geo.PickDistrict(ref rng, t.City);
        if (t.City == geo.ZoneCity)
        {
            var w = rng.NextDouble();
            if (w < 0.2) t.Willing1 = geo.PickProvinceCity(ref rng);
            else if (w < 0.28) t.Willing1 = geo.PickHubCity(ref rng);
        }
        else
        {
            if (rng.Chance(0.72)) t.Willing1 = geo.ZoneCity;
            if (rng.Chance(0.25)) t.Willing2 = rng.Chance(0.5) ? geo.PickProvinceCity(ref rng) : geo.PickHubCity(ref rng);
            if (t.Willing2 == t.City || t.Willing2 == t.Willing1) t.Willing2 = -1;
        }
        if (t.Willing1 == t.City) t.Willing1 = -1;
        return t;
    }

    private static int DrawGrade(ref MarketRandom rng, OccupationModel occ)
    {
        if (!occ.IsGraded) return 0;
        var ungraded = occ.Tier switch { PayTier.Operator => 0.45, PayTier.Technician => 0.35, _ => 0.15 };
        if (rng.Chance(ungraded)) return 0;
        var r = rng.NextDouble();
        return occ.Snap(r < 0.22 ? 5 : r < 0.58 ? 4 : r < 0.85 ? 3 : r < 0.97 ? 2 : 1);
    }

    private static float DrawExperience(ref MarketRandom rng, OccupationModel occ, int grade)
    {
        double years = occ.Tier == PayTier.Engineer
            ? Math.Min(20, Math.Exp(1.2 + 0.75 * rng.NextGaussian()) - 1)
            : grade switch
            {
                0 => rng.NextDouble() * (rng.Chance(0.3) ? 10 : 4),
                5 => rng.NextDouble() * 5,
                4 => 2 + rng.NextDouble() * 7,
                3 => 5 + rng.NextDouble() * 9,
                2 => 9 + rng.NextDouble() * 11,
                _ => 14 + rng.NextDouble() * 14,
            };
        return (float)Math.Round(Math.Max(0, years) * 2) / 2f;
    }

    private static int DrawEducation(ref MarketRandom rng, PayTier tier, int grade)
    {
        var r = rng.NextDouble();
        // Senior grades are slightly more often held by college graduates.
        if (grade is 1 or 2) r = Math.Min(0.999, r + 0.1);
        var level = tier switch
        {
            PayTier.Operator => r < 0.25 ? EducationLevel.JuniorHigh : r < 0.45 ? EducationLevel.HighSchool : r < 0.85 ? EducationLevel.SecondaryVocational : EducationLevel.Associate,
            PayTier.Skilled => r < 0.1 ? EducationLevel.JuniorHigh : r < 0.25 ? EducationLevel.HighSchool : r < 0.7 ? EducationLevel.SecondaryVocational : r < 0.97 ? EducationLevel.Associate : EducationLevel.Bachelor,
            PayTier.Technician => r < 0.1 ? EducationLevel.SecondaryVocational : r < 0.6 ? EducationLevel.Associate : r < 0.97 ? EducationLevel.Bachelor : EducationLevel.Master,
            _ => r < 0.2 ? EducationLevel.Associate : r < 0.8 ? EducationLevel.Bachelor : r < 0.97 ? EducationLevel.Master : EducationLevel.Doctor,
        };
        return (int)level;
    }

    private static ulong PickTalentSkills(ref MarketRandom rng, OccupationModel occ, int grade)
    {
        ulong mask = 0;
        if (occ.IsGraded)
        {
            var g = grade != 0 ? grade : occ.Snap(5);
            mask |= Subset(ref rng, occ.GradeMask[g], grade != 0 ? 0.85 : 0.55);
            // Items of the grade below are mastered too, though not always listed.
            if (g < 5) mask |= Subset(ref rng, occ.GradeMask[occ.Snap(g + 1)], 0.45);
        }
        return mask | Subset(ref rng, occ.KeywordMask, 0.45);
    }

    /// <summary>Each bit of <paramref name="mask"/> kept with probability <paramref name="p"/>.</summary>
    private static ulong Subset(ref MarketRandom rng, ulong mask, double p)
    {
        ulong kept = 0;
        while (mask != 0)
        {
            var bit = mask & (~mask + 1);
            mask ^= bit;
            if (rng.Chance(p)) kept |= bit;
        }
        return kept;
    }

    internal static List<int> BitIndexes(ulong mask)
    {
        var list = new List<int>(System.Numerics.BitOperations.PopCount(mask));
        while (mask != 0)
        {
            var b = System.Numerics.BitOperations.TrailingZeroCount(mask);
            list.Add(b);
            mask &= mask - 1;
        }
        return list;
    }

    private static int BitOps(ulong mask) => System.Numerics.BitOperations.PopCount(mask);

    /// <summary>
    /// Recruiting events for a ranker to learn from: for sampled jobs, a recommendation list mixing fitting and
    /// unrelated seekers, then views, applications, invitations, interviews, offers, hires, rejections and
    /// withdrawals whose odds rise with the ground-truth relevance, spread over the weeks after posting.
    /// </summary>
    public static IReadOnlyList<Outcome> GenerateOutcomes(SyntheticMarket market, int seed, int jobsSampled = 2_000, int recommendationsPerJob = 20)
    {
        ArgumentNullException.ThrowIfNull(market);
        var result = new List<Outcome>();
        if (market.JobCount == 0 || market.TalentCount == 0) return result;
        var today = market.Spec.EffectiveToday.ToDateTime(new TimeOnly(23, 59), DateTimeKind.Utc);
        var sample = Math.Min(jobsSampled, market.JobCount);
        long id = 1;
        for (var s = 0; s < sample; s++)
        {
            var rng = MarketRandom.For(seed, OutcomeStream, s);
            // Spread the sample over the whole job range without repeats.
            var j = (int)((long)s * market.JobCount / sample + rng.Next(Math.Max(1, market.JobCount / sample))) % market.JobCount;
            var job = market.JobAt(j);
            var chosen = new HashSet<int>();
            var picks = new List<int>();
            for (var k = 0; k < recommendationsPerJob * 3 && picks.Count < recommendationsPerJob; k++)
            {
                // A naive recommender: mostly people of the trade in the city, the better of two, plus some noise.
                var t = -1;
                if (rng.Chance(0.75))
                {
                    var a = market.RandomCandidate(j, ref rng);
                    var b = market.RandomCandidate(j, ref rng);
                    t = a < 0 || b < 0 ? Math.Max(a, b) : market.Relevance(j, a) >= market.Relevance(j, b) ? a : b;
                }
                if (t < 0) t = rng.Next(market.TalentCount);
                if (chosen.Add(t)) picks.Add(t);
            }
            var start = job.PostedAt.ToDateTime(new TimeOnly(9, 0), DateTimeKind.Utc);
            foreach (var t in picks)
            {
                var rel = market.Relevance(j, t);
                var at = start.AddHours(rng.Next(0, 24 * 5));
                if (at > today) continue;
                var talentId = market.TalentIdAt(t);
                void Add(OutcomeStage stage, double maxHours)
                {
                    at = at.AddHours(1 + rng.NextDouble() * maxHours);
                    if (at <= today) result.Add(new Outcome { Id = id++, JobId = job.Id, TalentId = talentId, Stage = stage, At = at });
                }
                result.Add(new Outcome { Id = id++, JobId = job.Id, TalentId = talentId, Stage = OutcomeStage.Recommended, At = at });
                if (!rng.Chance(ViewOdds[rel])) continue;
                Add(OutcomeStage.Viewed, 48);
                var invited = rng.Chance(InviteOdds[rel]);
                if (invited) Add(OutcomeStage.Invited, 72);
                if (!rng.Chance(invited ? Math.Min(0.9, ApplyOdds[rel] + 0.3) : ApplyOdds[rel])) continue;
                Add(OutcomeStage.Applied, 72);
                if (rng.Chance(0.06)) { Add(OutcomeStage.Withdrawn, 120); continue; }
                if (!rng.Chance(InterviewOdds[rel])) { if (rng.Chance(0.7)) Add(OutcomeStage.Rejected, 120); continue; }
                Add(OutcomeStage.Interviewed, 168);
                if (!rng.Chance(OfferOdds[rel])) { Add(OutcomeStage.Rejected, 96); continue; }
                Add(OutcomeStage.Offered, 72);
                Add(rng.Chance(0.72) ? OutcomeStage.Hired : OutcomeStage.Withdrawn, 240);
            }
        }
        return result;
    }

    private static readonly double[] ViewOdds = [0.2, 0.4, 0.55, 0.7];
    private static readonly double[] InviteOdds = [0.01, 0.05, 0.12, 0.2];
    private static readonly double[] ApplyOdds = [0.04, 0.18, 0.35, 0.55];
    private static readonly double[] InterviewOdds = [0.08, 0.3, 0.5, 0.7];
    private static readonly double[] OfferOdds = [0.05, 0.2, 0.4, 0.6];

    /// <summary>
    /// An employer's head count (the size strata of demand surveys), by enterprise type and spread by its index without a
    /// draw of the random streams, so the rest of the market is unchanged.
    /// </summary>
    private static int Headcount(EnterpriseType type, int index)
    {
        var spread = (int)((uint)(index + 1) * 2654435761u % 1000); // 0…999
        return type switch
        {
            EnterpriseType.ChainLeader => 1_000 + spread * 9,
            EnterpriseType.Champion or EnterpriseType.StateOwned or EnterpriseType.Foreign => 300 + spread * 2,
            EnterpriseType.Specialized => 50 + spread / 2,
            _ => 8 + spread / 4,
        };
    }
}
