using System.Globalization;
using System.Text.RegularExpressions;
using Gongjiang.Core.Jobs;
using Gongjiang.Core.Taxonomy;

namespace Gongjiang.Core.Compliance;

/// <summary>
/// Screens a posting before publication and on every edit (发布前审核): discriminatory requirements, fees and deposits
/// asked of seekers, bait pay, contact details that steer seekers off the platform, and missing required information.
/// Deterministic and side-effect free; an operator reviews what it flags.
/// </summary>
public sealed class PostingScreener
{
    private readonly ScreeningPolicy policy;
    private readonly IPayNorms payNorms;
    private readonly TaxonomyCatalog catalog;

    public PostingScreener(ScreeningPolicy? policy = null, IPayNorms? payNorms = null, TaxonomyCatalog? catalog = null)
    {
        this.policy = policy ?? ScreeningPolicy.Default;
        this.payNorms = payNorms ?? DefaultPayNorms.Instance;
        this.catalog = catalog ?? TaxonomyCatalog.Default;
    }

    public ScreeningPolicy Policy => policy;

    public ScreeningResult Screen(JobPosting job) => Screen(PostingForScreening.From(job));

    public ScreeningResult Screen(PostingForScreening posting)
    {
        ArgumentNullException.ThrowIfNull(posting);
        var flags = new List<ScreeningFlag>();

        ScreenText(posting.Title, "title", flags);
        ScreenText(posting.Description, "description", flags);
        ScreenText(posting.Requirements, "requirements", flags);
        ScreenPay(posting, flags);
        ScreenRequiredFields(posting, flags);

        var distinct = flags
            .Where(f => policy.IsEnabled(f.Rule))
            .Select(f => f with { Severity = policy.SeverityOf(f.Rule)!.Value })
            .DistinctBy(f => (f.Rule, f.Excerpt))
            .ToList();
        return new ScreeningResult(distinct);
    }

    /// <summary>Screens free text outside a posting (a chat message) with the text rules: contact data, fees and deposits, discrimination.</summary>
    public ScreeningResult ScreenMessage(string? text, string field = "message")
    {
        var flags = new List<ScreeningFlag>();
        ScreenText(text, field, flags);
        return new ScreeningResult(flags.Where(f => policy.IsEnabled(f.Rule)).DistinctBy(f => (f.Rule, f.Excerpt)).ToList());
    }

    // ---- Text rules ---------------------------------------------------------------------------------------------

    private void ScreenText(string? value, string field, List<ScreeningFlag> flags)
    {
        if (string.IsNullOrWhiteSpace(value)) return;
        var text = ScreeningText.Prepare(value, TextRules.Masks);
        var hits = new List<Hit>();
        foreach (var rule in TextRules.Rules)
        {
            if (!policy.IsEnabled(rule.Rule) || !rule.MayMatch(text.Text)) continue;
            foreach (Match m in rule.Regex.Matches(text.Text))
            {
                if (rule.Judge(m, text) is not { } basis) continue;
                var span = m.Groups["x"] is { Success: true } g ? g : (Group)m;
                // A group p captured in a lookbehind (the place before 人勿扰) starts the excerpt.
                var start = m.Groups["p"] is { Success: true } p ? Math.Min(p.Index, span.Index) : span.Index;
                hits.Add(new Hit(rule.Rule, start, span.Index + span.Length, basis));
            }
        }
        if (policy.IsEnabled(ScreeningRules.FeeDeposit)) FeeRules.Find(text, hits);

        // Overlapping findings of one rule are one finding (仅限男性 matches several gender patterns).
        foreach (var group in hits.GroupBy(h => h.Rule))
        {
            Hit? current = null;
            foreach (var hit in group.OrderBy(h => h.Start).ThenByDescending(h => h.End))
            {
                if (current is { } c && hit.Start < c.End)
                {
                    current = c with { End = Math.Max(c.End, hit.End) };
                    continue;
                }
                if (current is { } done) flags.Add(ToFlag(done, text, field));
                current = hit;
            }
            if (current is { } last) flags.Add(ToFlag(last, text, field));
        }
    }

    private ScreeningFlag ToFlag(Hit hit, ScreeningText text, string field) =>
        new(hit.Rule, policy.SeverityOf(hit.Rule) ?? FlagSeverity.Warn, text.Excerpt(hit.Start, hit.End).Trim(), hit.Basis, field);

    internal readonly record struct Hit(string Rule, int Start, int End, string Basis);

    // ---- Pay ----------------------------------------------------------------------------------------------------

    private void ScreenPay(PostingForScreening posting, List<ScreeningFlag> flags)
    {
        if (!policy.IsEnabled(ScreeningRules.BaitPay)) return;
        var min = posting.SalaryMin is > 0 ? posting.SalaryMin : null;
        var max = posting.SalaryMax is > 0 ? posting.SalaryMax : null;
        if (min is null && max is null) return;
        if (payNorms.MonthlyMedian(posting.OccupationCode, posting.CityCode) is not { } norm || norm <= 0) return;

        var tooHighMinimum = min is { } lo && lo >= norm * policy.BaitPayMinimumMultiple;
        var tooHighMaximum = max is { } hi && hi >= norm * policy.BaitPayMaximumMultiple;
        // A bottom near the norm with a top several times it is the "5000–30000" lure.
        var lureRange = min is { } a && max is { } b && b >= a * 4 && b >= norm * 2.5;
        if (!tooHighMinimum && !tooHighMaximum && !lureRange) return;

        var range = (min, max) switch
        {
            ({ } x, { } y) => $"{x}-{y}",
            ({ } x, null) => $"{x}",
            (null, { } y) => $"{y}",
            _ => "",
        };
        flags.Add(new ScreeningFlag(ScreeningRules.BaitPay, FlagSeverity.Warn,
            $"月薪{range}元（同类岗位同城中位约{norm}元）", LegalBasis.BaitPay, "salary"));
    }

    // ---- Required fields (人力资源市场暂行条例第二十四条列明的招聘信息) ------------------------------------------------

    private void ScreenRequiredFields(PostingForScreening posting, List<ScreeningFlag> flags)
    {
        void Missing(string what, string field, string basis = LegalBasis.MissingField) =>
            flags.Add(new ScreeningFlag(ScreeningRules.MissingField, FlagSeverity.Block, what, basis, field));

        if (!HasWords(posting.Title)) Missing("缺少职位名称", "title");
        if (!HasWords(posting.Description)) Missing("缺少工作内容", "description");

        if (string.IsNullOrWhiteSpace(posting.CityCode)) Missing("缺少工作地点", "city");
        else if (catalog.FindRegion(posting.CityCode.Trim()) is null) Missing($"工作地点“{posting.CityCode}”不是有效的行政区划代码", "city");

        if (posting.Headcount is null or <= 0) Missing(posting.Headcount is null ? "缺少招聘人数" : $"招聘人数{posting.Headcount}无效", "headcount");

        var min = posting.SalaryMin is > 0 ? posting.SalaryMin : null;
        var max = posting.SalaryMax is > 0 ? posting.SalaryMax : null;
        if (min is null && max is null) Missing("缺少基本劳动报酬", "salary");
        else if (min > max) Missing($"基本劳动报酬下限{min}高于上限{max}", "salary");

        if (!HasWords(posting.Requirements) && !TextRules.StatesRequirements(posting.Description))
            Missing("缺少招聘条件", "requirements");

        if (posting.UnreadableExpiresAt is { } bad) Missing($"有效期“{bad}”不是日期", "expires_at", LegalBasis.MissingValidity);
        else if (posting.ExpiresAt is null) Missing("缺少有效期", "expires_at", LegalBasis.MissingValidity);
        else if (posting.PostedAt is { } posted && posting.ExpiresAt < posted)
            Missing($"有效期{posting.ExpiresAt:yyyy-MM-dd}早于发布日期{posted:yyyy-MM-dd}", "expires_at", LegalBasis.MissingValidity);
    }

    private static bool HasWords(string? value) => value is not null && value.Any(char.IsLetterOrDigit);

    internal static int ParseAge(string value)
    {
        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n)) return n;
        // 十八, 二十, 三十五, 四十
        const string digits = "零一二三四五六七八九";
        var ten = value.IndexOf('十');
        if (ten < 0) return digits.IndexOf(value[0]);
        var tens = ten == 0 ? 1 : digits.IndexOf(value[0]);
        var ones = ten == value.Length - 1 ? 0 : digits.IndexOf(value[ten + 1]);
        return tens * 10 + ones;
    }
}
