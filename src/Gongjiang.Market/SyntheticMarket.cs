using System.Globalization;
using System.Text;
using Gongjiang.Core.Common;
using Gongjiang.Core.Employers;
using Gongjiang.Core.Jobs;
using Gongjiang.Core.Talent;
using Gongjiang.Core.Taxonomy;

namespace Gongjiang.Market;

/// <summary>A ground-truth candidate: an index into the market and its graded relevance (1–3).</summary>
public readonly record struct RelevantIndex(int Index, int Relevance);

/// <summary>How many candidates have each relevance grade.</summary>
public readonly record struct RelevanceCounts(int One, int Two, int Three)
{
    public int Total => One + Two + Three;
}

/// <summary>
/// A generated market. Employers are built eagerly; postings, profiles and contacts are built on demand by index
/// (<see cref="JobAt"/>, <see cref="TalentAt"/>, <see cref="ContactAt"/>: each call returns a new, identical object) or
/// all at once through <see cref="Jobs"/>, <see cref="Talent"/> and <see cref="Contacts"/>, which are cached after the first use.
/// </summary>
public sealed class SyntheticMarket
{
    private readonly MarketModel _model;
    private readonly JobLatent[] _jobs;
    private readonly TalentLatent[] _talent;
    private readonly int _jobWidth, _talentWidth;
    // Ground-truth indexes keyed by (occupation, city): who works in a trade (main, second) and would work in a city,
    // and which postings ask for a trade in a city. A query touches only people and postings that can be relevant.
    private readonly int _cityCount;
    private readonly int[] _talentByKeyStart, _talentByKey, _talent2ByKeyStart, _talent2ByKey, _jobsByKeyStart, _jobsByKey;
    // The seeker's hidden work quality (-1, 0, +1): part of the truth, shown only as cues in the résumé text.
    private readonly sbyte[] _quality;
    private IReadOnlyList<JobPosting>? _allJobs;
    private IReadOnlyList<TalentProfile>? _allTalent;
    private IReadOnlyList<TalentContact>? _allContacts;

    internal SyntheticMarket(MarketSpec spec, MarketModel model, Employer[] employers, JobLatent[] jobs, TalentLatent[] talent)
    {
        Spec = spec;
        _model = model;
        Employers = employers;
        _jobs = jobs;
        _talent = talent;
        _jobWidth = Math.Max(6, jobs.Length.ToString(CultureInfo.InvariantCulture).Length);
        _talentWidth = Math.Max(7, talent.Length.ToString(CultureInfo.InvariantCulture).Length);
        _cityCount = model.Geography.Cities.Length;
        _quality = new sbyte[talent.Length];
        for (var i = 0; i < talent.Length; i++)
        {
            var q = MarketRandom.For(spec.Seed, MarketGenerator.QualityStream, i).NextDouble();
            _quality[i] = (sbyte)(q < 0.2 ? -1 : q >= 0.8 ? 1 : 0);
        }
        var keys = model.Occupations.Length * _cityCount;
        (_talentByKeyStart, _talentByKey) = Group(talent.Length, keys, (i, slot) => Key(talent[i].Occupation, CitySlot(talent[i], slot)));
        (_talent2ByKeyStart, _talent2ByKey) = Group(talent.Length, keys, (i, slot) => Key(talent[i].Occupation2, CitySlot(talent[i], slot)));
        (_jobsByKeyStart, _jobsByKey) = Group(jobs.Length, keys, (i, slot) => slot == 0 ? Key(jobs[i].Occupation, jobs[i].City) : -1);
    }

    public MarketSpec Spec { get; }
    public TaxonomyCatalog Catalog => _model.Catalog;
    public IReadOnlyList<Employer> Employers { get; }
    public int JobCount => _jobs.Length;
    public int TalentCount => _talent.Length;

    /// <summary>Every posting, built once on first use (for large markets prefer <see cref="JobAt"/>).</summary>
    public IReadOnlyList<JobPosting> Jobs => _allJobs ??= BuildAll(_jobs.Length, JobAt);

    /// <summary>Every profile, built once on first use (for large markets prefer <see cref="TalentAt"/>).</summary>
    public IReadOnlyList<TalentProfile> Talent => _allTalent ??= BuildAll(_talent.Length, TalentAt);

    /// <summary>Every seeker's contact record, parallel to <see cref="Talent"/>.</summary>
    public IReadOnlyList<TalentContact> Contacts => _allContacts ??= BuildAll(_talent.Length, ContactAt);

    public string JobIdAt(int index) => "J" + (index + 1).ToString(CultureInfo.InvariantCulture).PadLeft(_jobWidth, '0');
    public string TalentIdAt(int index) => "T" + (index + 1).ToString(CultureInfo.InvariantCulture).PadLeft(_talentWidth, '0');

    public bool TryGetJobIndex(string? id, out int index) => TryParseId(id, 'J', _jobs.Length, out index);
    public bool TryGetTalentIndex(string? id, out int index) => TryParseId(id, 'T', _talent.Length, out index);

    /// <summary>The latent occupation of a posting (the code a perfect title normalizer would find).</summary>
    public string OccupationOfJob(int jobIndex) => _model.Occupations[_jobs[jobIndex].Occupation].Code;

    /// <summary>The seeker's main occupation.</summary>
    public string OccupationOfTalent(int talentIndex) => _model.Occupations[_talent[talentIndex].Occupation].Code;

    // ---------------------------------------------------------------- ground truth

    /// <summary>
    /// How well a seeker fits a posting, from the generator's hidden model: 0 none (unrelated trade, or the job is
    /// where the seeker will not work), 1 a neighbouring trade (same minor group) or the right trade that fits poorly,
    /// 2 the right trade fitting fairly, 3 the right trade fitting well. For the right trade the fit is a hidden utility:
    /// coverage of the posting's skills under the employer's hidden weights (the stated weights times a log-normal factor
    /// per skill, which the posting never shows), the grade, experience and education against the requirements, the
    /// seeker's hidden work quality (shown only as cues in the résumé text) and noise per pair. The posting's status
    /// does not matter here; see <see cref="RelevantJobs"/>. The README lists what the truth depends on.
    /// </summary>
    public int Relevance(int jobIndex, int talentIndex)
    {
        ref readonly var j = ref _jobs[jobIndex];
        Span<double> weights = stackalloc double[64];
        var total = JobWeights(in j, jobIndex, weights);
        return Relevance(in j, jobIndex, in _talent[talentIndex], talentIndex, weights, total);
    }

    /// <summary>The hidden weight of each skill bit the posting asks for, and their sum (summed in bit order).</summary>
    private double JobWeights(in JobLatent j, int jobIndex, Span<double> weights)
    {
        var occ = _model.Occupations[j.Occupation];
        var rng = MarketRandom.For(Spec.Seed, MarketGenerator.HiddenWeightStream, jobIndex);
        double total = 0;
        var m = j.Skills;
        while (m != 0)
        {
            var b = System.Numerics.BitOperations.TrailingZeroCount(m);
            m &= m - 1;
            total += weights[b] = occ.Weight(b, j.SkillGrade) * Math.Exp(HiddenWeightSpread * rng.NextGaussian());
        }
        return total;
    }

    /// <summary>Deviation of the log of the hidden skill weight around the stated one.</summary>
    public const double HiddenWeightSpread = 0.8;

    private int Relevance(in JobLatent j, int jobIndex, in TalentLatent t, int talentIndex, ReadOnlySpan<double> weights, double total)
    {
        if (t.City != j.City && t.Willing1 != j.City && t.Willing2 != j.City) return 0;
        var quality = _quality[talentIndex];
        if (t.Occupation == j.Occupation)
            return Fit(in j, t.Grade, t.Skills, t.Education, t.Experience, quality, PairNoise(jobIndex, talentIndex), weights, total);
        // Second trades count, but less: experience was mostly gained in the first.
        if (t.Occupation2 == j.Occupation)
            return Math.Min(2, Fit(in j, t.Grade2, t.Skills2, t.Education, t.Experience * 0.5f, quality, PairNoise(jobIndex, talentIndex), weights, total));
        var occupations = _model.Occupations;
        var minor = occupations[j.Occupation].MinorGroup;
        if (occupations[t.Occupation].MinorGroup == minor || (t.Occupation2 >= 0 && occupations[t.Occupation2].MinorGroup == minor)) return 1;
        return 0;
    }

    /// <summary>Noise of one pair (what no profile says: the interview, the chemistry), normal with deviation 1.</summary>
    private double PairNoise(int jobIndex, int talentIndex) =>
        MarketRandom.For(Spec.Seed, MarketGenerator.PairNoiseStream, ((long)jobIndex << 32) | (uint)talentIndex).NextGaussian();

    private static int Fit(in JobLatent j, int grade, ulong skills, int education, float experience, sbyte quality, double noise,
        ReadOnlySpan<double> weights, double total)
    {
        var coverage = 1.0;
        if (j.Skills != 0)
        {
            double met = 0;
            var m = j.Skills & skills;
            while (m != 0)
            {
                met += weights[System.Numerics.BitOperations.TrailingZeroCount(m)];
                m &= m - 1;
            }
            coverage = met / total;
        }
        var gradeFit = j.MinGrade == 0 ? (grade != 0 ? 0.8 : 0.6)
            : grade == 0 ? 0 : grade <= j.MinGrade ? 1 : grade == j.MinGrade + 1 ? 0.5 : 0;
        var experienceFit = j.ExperienceMin <= 0 ? 1 : Math.Min(1, experience / j.ExperienceMin);
        var educationFit = education >= j.Education ? 1 : 0.5;
        var utility = 0.45 * coverage + 0.2 * gradeFit + 0.15 * experienceFit + 0.1 * educationFit + 0.12 * quality + 0.12 * noise;
        return utility >= 0.78 ? 3 : utility >= 0.55 ? 2 : 1;
    }

    /// <summary>Every seeker with relevance &gt; 0 for a posting, in index order. Touches only the posting's minor group in its city.</summary>
    public IReadOnlyList<RelevantIndex> RelevantTalent(int jobIndex)
    {
        ref readonly var j = ref _jobs[jobIndex];
        var occupations = _model.Occupations;
        var minor = occupations[j.Occupation].MinorGroup;
        Span<double> weights = stackalloc double[64];
        var total = JobWeights(in j, jobIndex, weights);
        var result = new List<RelevantIndex>();
        foreach (var o in _model.OccupationsByMinorGroup[minor])
        {
            var key = Key(o, j.City);
            for (var k = _talentByKeyStart[key]; k < _talentByKeyStart[key + 1]; k++)
            {
                var t = _talentByKey[k];
                var r = Relevance(in j, jobIndex, in _talent[t], t, weights, total);
                if (r > 0) result.Add(new RelevantIndex(t, r));
            }
            for (var k = _talent2ByKeyStart[key]; k < _talent2ByKeyStart[key + 1]; k++)
            {
                var t = _talent2ByKey[k];
                if (occupations[_talent[t].Occupation].MinorGroup == minor) continue; // already seen through the main trade
                var r = Relevance(in j, jobIndex, in _talent[t], t, weights, total);
                if (r > 0) result.Add(new RelevantIndex(t, r));
            }
        }
        result.Sort((a, b) => a.Index.CompareTo(b.Index));
        return result;
    }

    /// <summary>Every posting with relevance &gt; 0 for a seeker, in index order; by default only postings open on <see cref="MarketSpec.Today"/>.</summary>
    public IReadOnlyList<RelevantIndex> RelevantJobs(int talentIndex, bool openOnly = true)
    {
        ref readonly var t = ref _talent[talentIndex];
        var occupations = _model.Occupations;
        var minor1 = occupations[t.Occupation].MinorGroup;
        var minor2 = t.Occupation2 >= 0 ? occupations[t.Occupation2].MinorGroup : minor1;
        var result = new List<RelevantIndex>();
        for (var m = 0; m < 2; m++)
        {
            if (m == 1 && minor2 == minor1) break;
            foreach (var o in _model.OccupationsByMinorGroup[m == 0 ? minor1 : minor2])
                for (var slot = 0; slot < 3; slot++)
                {
                    var city = CitySlot(t, slot);
                    if (city < 0) continue;
                    var key = Key(o, city);
                    for (var k = _jobsByKeyStart[key]; k < _jobsByKeyStart[key + 1]; k++)
                    {
                        var j = _jobsByKey[k];
                        if (openOnly && _jobs[j].Status != (byte)JobStatus.Open) continue;
                        var r = Relevance(j, talentIndex);
                        if (r > 0) result.Add(new RelevantIndex(j, r));
                    }
                }
        }
        result.Sort((a, b) => a.Index.CompareTo(b.Index));
        return result;
    }

    /// <summary>How many seekers have relevance 1, 2 and 3 for a posting (for the ideal DCG), without listing them.</summary>
    public RelevanceCounts RelevantTalentCounts(int jobIndex)
    {
        ref readonly var j = ref _jobs[jobIndex];
        var occupations = _model.Occupations;
        var minor = occupations[j.Occupation].MinorGroup;
        Span<int> counts = stackalloc int[4];
        Span<double> weights = stackalloc double[64];
        var total = JobWeights(in j, jobIndex, weights);
        foreach (var o in _model.OccupationsByMinorGroup[minor])
        {
            var key = Key(o, j.City);
            for (var k = _talentByKeyStart[key]; k < _talentByKeyStart[key + 1]; k++) counts[Relevance(in j, jobIndex, in _talent[_talentByKey[k]], _talentByKey[k], weights, total)]++;
            for (var k = _talent2ByKeyStart[key]; k < _talent2ByKeyStart[key + 1]; k++)
            {
                var t = _talent2ByKey[k];
                if (occupations[_talent[t].Occupation].MinorGroup != minor) counts[Relevance(in j, jobIndex, in _talent[t], t, weights, total)]++;
            }
        }
        return new RelevanceCounts(counts[1], counts[2], counts[3]);
    }

    /// <summary>A random seeker in the posting's trade or a neighbouring one who would work in its city; -1 when there is none.</summary>
    internal int RandomCandidate(int jobIndex, ref MarketRandom rng)
    {
        ref readonly var j = ref _jobs[jobIndex];
        var siblings = _model.OccupationsByMinorGroup[_model.Occupations[j.Occupation].MinorGroup];
        var o = rng.Chance(0.75) ? j.Occupation : siblings[rng.Next(siblings.Length)];
        var key = Key(o, j.City);
        var n = _talentByKeyStart[key + 1] - _talentByKeyStart[key];
        return n == 0 ? -1 : _talentByKey[_talentByKeyStart[key] + rng.Next(n)];
    }

    private int Key(int occupation, int city) => occupation < 0 || city < 0 ? -1 : occupation * _cityCount + city;

    private static int CitySlot(in TalentLatent t, int slot) => slot switch { 0 => t.City, 1 => t.Willing1, _ => t.Willing2 };

    // ---------------------------------------------------------------- materialization

    public JobPosting JobAt(int index)
    {
        ref readonly var j = ref _jobs[index];
        var occ = _model.Occupations[j.Occupation];
        var geo = _model.Geography;
        var employer = Employers[j.Employer];
        var rng = MarketRandom.For(Spec.Seed, MarketGenerator.JobTextStream, index);
        var today = Spec.EffectiveToday;

        var center = BasePay(occ.Tier, j.MinGrade != 0 ? j.MinGrade : (occ.IsGraded ? 6 : 0), j.ExperienceMin) * occ.PayFactor
            * geo.CityPayFactor[j.City] * EmployerPayFactor(employer.EnterpriseType) * (1 + 0.07 * rng.NextGaussian());
        var salaryMin = RoundTo(center * 0.85, 500);
        var salaryMax = Math.Max(salaryMin + 1000, RoundTo(center * (1.25 + 0.1 * rng.NextDouble()), 500));

        var skills = new List<JobSkill>();
        double total = 0;
        foreach (var b in MarketGenerator.BitIndexes(j.Skills)) total += occ.Weight(b, j.SkillGrade);
        foreach (var b in MarketGenerator.BitIndexes(j.Skills))
            skills.Add(new JobSkill { Name = occ.Terms[b].Name, Weight = Math.Round(occ.Weight(b, j.SkillGrade) / total, 3) });
        skills.Sort((a, b) => b.Weight.CompareTo(a.Weight));

        var certificates = new List<string>();
        if (occ.Certificate is not null && rng.Chance(occ.Code == "6-31-01-03" ? 0.85 : 0.5)) certificates.Add(occ.Certificate);

        var benefits = PickBenefits(ref rng, employer.EnterpriseType);
        DateOnly posted;
        DateOnly expires;
        var status = (JobStatus)j.Status;
        switch (status)
        {
            case JobStatus.Open:
                posted = today.AddDays(-rng.Next(0, 60));
                expires = posted.AddDays(rng.Pick(ExpiryDays));
                if (expires < today) expires = today.AddDays(rng.Next(7, 45));
                break;
            case JobStatus.Closed:
                posted = today.AddDays(-rng.Next(20, 150));
                expires = posted.AddDays(rng.Pick(ExpiryDays));
                break;
            default:
                posted = today.AddDays(-rng.Next(95, 200));
                expires = posted.AddDays(rng.Next(30, 90));
                break;
        }
        var created = posted.ToDateTime(new TimeOnly(rng.Next(1, 11), rng.Next(60)), DateTimeKind.Utc);

        return new JobPosting
        {
            Id = JobIdAt(index),
            EmployerId = employer.Id,
            Title = (employer.IsAgency && rng.Chance(0.6) ? "【代招】" : "") + JobTitle(ref rng, occ, j, salaryMin, salaryMax, benefits),
            OccupationCode = Codeless(index, Spec.CodelessJobShare) ? null : occ.Code,
            MinGrade = j.MinGrade == 0 ? null : j.MinGrade,
            Skills = skills,
            RequiredCertificates = certificates,
            EducationMin = j.Education == 0 ? null : (EducationLevel)j.Education,
            ExperienceMinYears = j.ExperienceMin,
            CityCode = geo.Districts[j.District],
            SalaryMin = salaryMin,
            SalaryMax = salaryMax,
            Headcount = rng.Chance(0.5) ? rng.Next(1, 4) : rng.Chance(0.7) ? rng.Next(3, 11) : rng.Next(10, 51),
            PostedAt = posted,
            ExpiresAt = expires,
            Description = JobDescription(ref rng, occ, j, skills, certificates, benefits),
            Benefits = BenefitTagsOf(benefits),
            Status = status,
            CreatedAt = created,
            UpdatedAt = status == JobStatus.Open ? created : expires.ToDateTime(new TimeOnly(0, 0), DateTimeKind.Utc),
        };
    }

    public TalentProfile TalentAt(int index)
    {
        ref readonly var t = ref _talent[index];
        var occ = _model.Occupations[t.Occupation];
        var geo = _model.Geography;
        var rng = MarketRandom.For(Spec.Seed, MarketGenerator.TalentTextStream, index);
        var today = Spec.EffectiveToday;
        var education = (EducationLevel)t.Education;

        var gender = rng.Chance(0.02) ? null : rng.Chance(occ.FemaleShare) ? "female" : "male";
        // Many came to the trade after years elsewhere (farming, services, other factories).
        var gap = Math.Min(rng.Chance(0.35) ? rng.Next(2, 12) : rng.Next(0, 3), Math.Max(0, 57 - GraduationAge(education) - (int)Math.Ceiling(t.Experience)));
        var graduation = today.Year - (int)Math.Ceiling(t.Experience) - gap;
        // Factories hire adults; a junior-high leaver starts at eighteen at the earliest.
        var birth = Math.Min(graduation - GraduationAge(education) + rng.Next(-1, 2), today.Year - 18 - (int)Math.Ceiling(t.Experience));

        var occupations = new List<TalentOccupation> { new() { Code = occ.Code, Grade = t.Grade == 0 ? null : t.Grade, Certified = t.Grade != 0 && rng.Chance(0.8) } };
        OccupationModel? occ2 = null;
        if (t.Occupation2 >= 0)
        {
            occ2 = _model.Occupations[t.Occupation2];
            occupations.Add(new TalentOccupation { Code = occ2.Code, Grade = t.Grade2 == 0 ? null : t.Grade2, Certified = t.Grade2 != 0 && rng.Chance(0.5) });
        }

        var skills = new List<string>();
        foreach (var b in MarketGenerator.BitIndexes(t.Skills)) skills.Add(occ.Terms[b].Name);
        if (occ2 is not null) foreach (var b in MarketGenerator.BitIndexes(t.Skills2)) if (!skills.Contains(occ2.Terms[b].Name)) skills.Add(occ2.Terms[b].Name);

        var certificates = new List<string>();
        foreach (var o in occupations)
            if (o.Certified) certificates.Add((o.Code == occ.Code ? occ : occ2!).GradeCertificates[o.Grade!.Value]);
        if (occ.Certificate is not null && rng.Chance(t.Grade == 0 ? 0.3 : 0.7)) certificates.Add(occ.Certificate);

        var grade = t.Grade == 0 ? (occ.IsGraded ? 6 : 0) : t.Grade;
        var expected = BasePay(occ.Tier, grade, t.Experience) * occ.PayFactor * geo.CityPayFactor[t.City] * (1 + 0.08 * rng.NextGaussian());
        var salaryMin = RoundTo(expected * 0.9, 500);
        var salaryMax = Math.Max(salaryMin + 1000, RoundTo(expected * 1.3, 500));

        var willing = new List<string> { geo.Districts[t.District], geo.Cities[t.City] };
        if (t.Willing1 >= 0) willing.Add(geo.Cities[t.Willing1]);
        if (t.Willing2 >= 0) willing.Add(geo.Cities[t.Willing2]);

        var desired = new List<string> { rng.Pick(occ.Titles) };
        var another = rng.Pick(occ.Titles);
        if (!desired.Contains(another) && rng.Chance(0.6)) desired.Add(another);
        if (occ2 is not null && rng.Chance(0.6)) desired.Add(rng.Pick(occ2.Titles));

        string? major = null;
        var majors = occ.Majors[(int)education];
        if (majors.Length > 0 && education >= EducationLevel.SecondaryVocational) major = majors[rng.Next(majors.Length)];
        var local = t.City == geo.ZoneCity || geo.ProvinceCities.Contains(t.City);
        var school = MarketText.School(ref rng, education, local ? rng.Chance(0.85) : rng.Chance(0.2));
        var created = today.AddDays(-rng.Next(0, 720)).ToDateTime(new TimeOnly(rng.Next(0, 14), rng.Next(60)), DateTimeKind.Utc);

        var profile = new TalentProfile
        {
            Id = TalentIdAt(index),
            Gender = gender,
            BirthYear = birth,
            CityCode = geo.Districts[t.District],
            WillingCities = willing,
            Education = new TalentEducation { Level = education, MajorCode = major, School = school, GraduationYear = graduation },
            Occupations = Codeless(-1 - index, Spec.CodelessTalentShare) ? [] : occupations,
            Skills = skills,
            Certificates = certificates,
            ExperienceYears = t.Experience,
            ExpectedSalaryMin = salaryMin,
            ExpectedSalaryMax = salaryMax,
            DesiredTitles = desired,
            // People from elsewhere who would move say where they want to go.
            ResumeText = Resume(ref rng, occ, t, occupations[0].Certified, skills, education, major, school, desired,
                geo.Cities[t.Willing1 == geo.ZoneCity ? geo.ZoneCity : t.City]) + QualityCue(index),
            // Every generated profile is active and in the zone's pool, so the ground truth is what a search may return.
            SharedWithZone = true,
            IsActive = true,
            CreatedAt = created,
            UpdatedAt = created.AddDays(rng.Next(0, 60)),
        };
        profile.RegisteredAt = DateOnly.FromDateTime(profile.CreatedAt);
        // Seekers keep coming back: last active on one of the last 120 days (spread by index, no draw of the random
        // stream, so the rest of the market stays as it was), never before registering.
        var lastActive = today.AddDays(-(int)((uint)index * 2654435761u % 120));
        profile.LastActiveAt = lastActive < profile.RegisteredAt ? profile.RegisteredAt : lastActive;
        return profile;
    }

    public TalentContact ContactAt(int index)
    {
        var occ = _model.Occupations[_talent[index].Occupation];
        var rng = MarketRandom.For(Spec.Seed, MarketGenerator.TalentTextStream, index);
        // Same draw as the profile's gender, so the name fits.
        var female = !rng.Chance(0.02) && rng.Chance(occ.FemaleShare);
        var contactRng = MarketRandom.For(Spec.Seed, MarketGenerator.TalentTextStream + 100, index);
        return new TalentContact { TalentId = TalentIdAt(index), Name = MarketText.PersonName(ref contactRng, female), Phone = MarketText.Phone(index, Spec.Seed) };
    }

    /// <summary>Whether a posting (index ≥ 0) or a profile (−1 − index) is published without its occupation code.</summary>
    private bool Codeless(long key, double share) =>
        share > 0 && MarketRandom.For(Spec.Seed, MarketGenerator.CodelessStream, key).Chance(share);

    /// <summary>A sentence of the résumé that hints at the seeker's hidden work quality (four times in five when it is not average).</summary>
    private string QualityCue(int index)
    {
        var quality = _quality[index];
        var rng = MarketRandom.For(Spec.Seed, MarketGenerator.QualityStream + 100, index);
        if (quality == 0 || !rng.Chance(0.8)) return "";
        return quality > 0 ? rng.Pick(StrongCues) : rng.Pick(WeakCues);
    }

    private static readonly string[] StrongCues =
        ["曾获市级职业技能竞赛三等奖。", "连续两年被评为优秀员工。", "带过三名徒弟，均已独立上岗。", "提出的工艺改进建议被车间采纳，降低了返工率。"];
    private static readonly string[] WeakCues =
        ["近两年换过四份工作。", "每份工作时间较短，希望找到稳定岗位。", "中间有一段时间离开了本行业。", "目前主要做辅助性工作，独立操作经验不多。"];

    // ---------------------------------------------------------------- text and pay

    private static readonly int[] ExpiryDays = [30, 45, 60, 60, 90, 90, 120];

    private static double BasePay(PayTier tier, int grade, float experience) => tier switch
    {
        // grade 6 stands for "ungraded" in a graded trade, 0 for occupations without grades.
        PayTier.Operator => grade switch { 5 => 5300, 4 => 6000, 3 => 7000, 2 => 8500, 1 => 10000, _ => 5000 },
        PayTier.Skilled => grade switch { 5 => 5800, 4 => 7200, 3 => 9500, 2 => 11500, 1 => 14000, _ => 5500 },
        PayTier.Technician => grade switch { 5 => 6000, 4 => 7500, 3 => 9500, 2 => 12000, 1 => 15000, _ => 6500 },
        _ => 8000 + 900 * Math.Min(experience, 12),
    };

    private static double EmployerPayFactor(EnterpriseType type) => type switch
    {
        EnterpriseType.ChainLeader => 1.1, EnterpriseType.Foreign => 1.1, EnterpriseType.Champion => 1.06,
        EnterpriseType.StateOwned => 1.02, EnterpriseType.Sme => 0.95, _ => 1.0,
    };

    private static int RoundTo(double value, int step) => Math.Max(step, (int)Math.Round(value / step) * step);

    private static int GraduationAge(EducationLevel level) => level switch
    {
        EducationLevel.JuniorHigh => 16, EducationLevel.HighSchool => 19, EducationLevel.SecondaryVocational => 19,
        EducationLevel.Associate => 21, EducationLevel.Bachelor => 22, EducationLevel.Master => 25, _ => 29,
    };

    private static List<string> PickBenefits(ref MarketRandom rng, EnterpriseType type)
    {
        var list = new List<string>();
        if (rng.Chance(type == EnterpriseType.Sme ? 0.8 : 0.97)) list.Add("五险一金"); else list.Add("五险");
        foreach (var b in MarketText.Benefits.Skip(1)) if (rng.Chance(0.3)) list.Add(b);
        return list;
    }

    /// <summary>The posting's benefits as the fixed tags (<see cref="BenefitTags"/>): the same words, or the tag they stand for.</summary>
    internal static List<string> BenefitTagsOf(IEnumerable<string> benefits)
    {
        var words = benefits.ToHashSet(StringComparer.Ordinal);
        var tags = words.Where(BenefitTags.IsKnown).ToList();
        if (words.Contains("免费工作餐") && words.Contains("提供宿舍")) tags.Add("包吃住");
        else if (words.Contains("免费工作餐")) tags.Add("包吃");
        else if (words.Contains("提供宿舍")) tags.Add("包住");
        if (words.Contains("技能等级津贴")) tags.Add("技能补贴");
        return BenefitTags.Ordered(tags);
    }

    private static readonly string[] UrgentPrefixes = ["急聘", "高薪诚聘", "长期招聘", "诚聘", "直招"];

    private string JobTitle(ref MarketRandom rng, OccupationModel occ, in JobLatent j, int salaryMin, int salaryMax, List<string> benefits)
    {
        var sb = new StringBuilder(32);
        var r = rng.NextDouble();
        if (r < 0.22) sb.Append(rng.Pick(UrgentPrefixes));
        else if (r < 0.28) sb.Append('【').Append(Catalog.FindRegion(_model.Geography.Districts[j.District])?.ShortName).Append('】');
        if (j.MinGrade is >= 1 and <= 3 && rng.Chance(0.25)) sb.Append(j.MinGrade == 3 ? "高级" : "技师级");
        sb.Append(rng.Pick(occ.Titles));
        if (j.MinGrade == 0 && occ.Tier != PayTier.Engineer && rng.Chance(0.3)) sb.Append(rng.Chance(0.5) ? "/学徒" : "（可带学徒）");
        var tags = new List<string>();
        foreach (var b in benefits)
            if (b is "五险一金" or "提供宿舍" or "免费工作餐" or "双休" or "长白班" or "年终奖" && rng.Chance(0.35))
                tags.Add(b switch { "提供宿舍" => "包住", "免费工作餐" => rng.Chance(0.5) ? "包吃" : "免费三餐", _ => b });
        if (tags.Contains("包住") && tags.Remove("包吃")) tags[tags.IndexOf("包住")] = "包吃住";
        if (tags.Count > 0 && rng.Chance(0.7)) sb.Append('（').Append(string.Join('，', tags.Take(3))).Append('）');
        var s = rng.NextDouble();
        if (s < 0.35) sb.Append(' ').Append(MarketText.SalaryK(salaryMin, salaryMax));
        else if (s < 0.42 && salaryMax >= 11000) sb.Append(" 月入过万");
        else if (s < 0.46 && occ.Tier is PayTier.Operator or PayTier.Skilled) sb.Append(' ').Append(rng.Chance(0.5) ? "底薪+计件" : "综合工资高");
        return sb.ToString();
    }

    private string JobDescription(ref MarketRandom rng, OccupationModel occ, in JobLatent j, List<JobSkill> skills, List<string> certificates, List<string> benefits)
    {
        var sb = new StringBuilder(400);
        sb.Append("工作内容：\n");
        var tasks = occ.Tasks;
        var first = tasks.Length > 3 ? rng.Next(tasks.Length - 2) : 0;
        var n = 0;
        for (var i = first; i < tasks.Length && n < 4; i++) sb.Append(++n).Append(". ").Append(tasks[i]).Append("；\n");
        sb.Append(++n).Append(occ.Tier is PayTier.Engineer or PayTier.Technician ? ". 完成部门交办的其他工作。\n" : ". 遵守安全生产和质量管理制度，完成班组交办的其他工作。\n");

        sb.Append("任职要求：\n");
        n = 0;
        var education = j.Education == 0 ? "学历不限" : EducationLevels.ChineseName((EducationLevel)j.Education) + "及以上学历";
        var majors = occ.Majors[(int)EducationLevel.Associate];
        var majorHint = majors.Length > 0 && Catalog.MajorsByCode.TryGetValue(majors[rng.Next(majors.Length)], out var major) ? $"，{major.Name}等相关专业优先" : "";
        sb.Append(++n).Append(". ").Append(education).Append(majorHint).Append("；\n");
        if (j.MinGrade != 0)
            sb.Append(++n).Append(". 具备").Append(occ.Name).Append(SkillGrade.ChineseName(j.MinGrade)).Append("及以上职业技能等级证书；\n");
        if (skills.Count > 0)
            sb.Append(++n).Append(". 熟悉").Append(string.Join('、', skills.Take(4).Select(s => s.Name))).Append("；\n");
        sb.Append(++n).Append(". ").Append(j.ExperienceMin > 0
            ? $"{j.ExperienceMin.ToString(CultureInfo.InvariantCulture)}年以上相关工作经验"
            : "经验不限，无经验者提供带教培训").Append("；\n");
        foreach (var c in certificates) sb.Append(++n).Append(". 持").Append(c).Append("上岗；\n");
        sb.Append(++n).Append(". ").Append(rng.Pick(Attitudes)).Append("。\n");

        sb.Append("福利待遇：\n").Append(string.Join('、', benefits)).Append("。\n");
        sb.Append("工作地点：").Append(Catalog.RegionDisplayName(_model.Geography.Districts[j.District]));
        return sb.ToString();
    }

    private static readonly string[] Attitudes =
        ["责任心强，具备良好的团队合作意识", "能适应倒班作业", "工作认真细致，执行力强", "服从工作安排，吃苦耐劳", "具备良好的沟通能力和学习能力", "有安全意识，遵守现场5S管理"];

    private string Resume(ref MarketRandom rng, OccupationModel occ, in TalentLatent t, bool certified, List<string> skills, EducationLevel education,
        string? majorCode, string? school, List<string> desired, string cityCode)
    {
        var sb = new StringBuilder(240);
        var years = t.Experience;
        if (years >= 1) sb.Append(years.ToString("0.#", CultureInfo.InvariantCulture)).Append('年').Append(occ.Name).Append("工作经验");
        else sb.Append(rng.Chance(0.5) ? "应届毕业生，有" : "有").Append(occ.Name).Append("实习经历");
        if (t.Grade != 0)
            sb.Append(certified ? "，持有" : "，具备").Append(occ.Name).Append(SkillGrade.ChineseName(t.Grade)).Append(certified ? "职业技能等级证书" : "水平，正在准备考证");
        sb.Append('。');
        if (skills.Count > 0) sb.Append("熟练掌握").Append(string.Join('、', skills.Take(5))).Append('。');
        if (occ.Tasks.Length > 0) sb.Append(years >= 1 ? "曾在" : "在").Append(rng.Pick(PastEmployers)).Append("负责").Append(rng.Pick(occ.Tasks)).Append("等工作。");
        if (school is not null)
        {
            sb.Append(school);
            if (majorCode is not null && Catalog.MajorsByCode.TryGetValue(majorCode, out var major)) sb.Append(major.Name).Append("专业");
            sb.Append(EducationLevels.ChineseName(education)).Append("毕业。");
        }
        sb.Append(rng.Pick(SelfIntroductions)).Append("。期望在").Append(Catalog.FindRegion(cityCode)?.Name).Append("从事").Append(string.Join('、', desired)).Append("相关工作。");
        return sb.ToString();
    }

    private static readonly string[] PastEmployers =
        ["一家汽车零部件企业", "某电子厂", "某机械加工厂", "一家上市制造企业", "某外资企业", "一家专精特新企业", "某新能源企业", "某装备制造公司", "一家医药企业", "某半导体公司"];
    private static readonly string[] SelfIntroductions =
        ["工作踏实肯干，能吃苦，服从安排", "做事认真负责，注重质量和安全", "学习能力强，愿意接受新设备新工艺", "有团队协作精神，能适应倒班", "动手能力强，善于分析和解决现场问题", "持续提升技能，计划考取更高等级证书"];

    // ---------------------------------------------------------------- helpers

    /// <summary>Compressed rows: items listed under up to three keys each (key(i, slot) is -1 for none).</summary>
    private static (int[] Start, int[] Items) Group(int count, int keys, Func<int, int, int> key)
    {
        var start = new int[keys + 1];
        for (var i = 0; i < count; i++)
            for (var slot = 0; slot < 3; slot++) { var k = key(i, slot); if (k >= 0) start[k + 1]++; }
        for (var g = 0; g < keys; g++) start[g + 1] += start[g];
        var items = new int[start[keys]];
        var next = (int[])start.Clone();
        for (var i = 0; i < count; i++)
            for (var slot = 0; slot < 3; slot++) { var k = key(i, slot); if (k >= 0) items[next[k]++] = i; }
        return (start, items);
    }

    private static T[] BuildAll<T>(int count, Func<int, T> build)
    {
        var all = new T[count];
        Parallel.For(0, (count + 1023) / 1024, chunk =>
        {
            var end = Math.Min(count, (chunk + 1) * 1024);
            for (var i = chunk * 1024; i < end; i++) all[i] = build(i);
        });
        return all;
    }

    private static bool TryParseId(string? id, char prefix, int count, out int index)
    {
        index = -1;
        if (id is null || id.Length < 2 || id[0] != prefix || !int.TryParse(id.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var n)) return false;
        if (n < 1 || n > count) return false;
        index = n - 1;
        return true;
    }
}
