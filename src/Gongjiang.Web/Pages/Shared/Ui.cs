using System.Globalization;
using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Jobs;
using Gongjiang.Core.Common;
using Gongjiang.Core.Employers;
using Gongjiang.Core.Jobs;
using Gongjiang.Core.Taxonomy;
using Microsoft.AspNetCore.Html;
using Gongjiang.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Gongjiang.Web.Pages;

/// <summary>How domain values read on screen: status words, grades, pay, places and field errors, in the user's language.</summary>
public static class Ui
{
    public static bool English => CultureInfo.CurrentUICulture.Name.StartsWith("en", StringComparison.OrdinalIgnoreCase);

    /// <summary>What a posting's state means to a reader today: an open posting past its date reads as expired.</summary>
    public static JobStatus EffectiveStatus(JobPosting job, DateOnly today) => job.StatusOn(today);

    public static string StatusKey(JobStatus status) => status switch
    {
        JobStatus.Draft => "草稿", JobStatus.Open => "招聘中", JobStatus.Closed => "已关闭",
        JobStatus.Expired => "已过期", JobStatus.TakenDown => "已下架", _ => status.ToString(),
    };

    public static string StatusTag(JobStatus status) => status switch
    {
        JobStatus.Open => "tag tag-ok", JobStatus.Draft => "tag tag-muted", JobStatus.TakenDown => "tag tag-err", _ => "tag tag-warn",
    };

    public static string VerificationKey(VerificationStatus status) => status switch
    {
        VerificationStatus.Pending => "待审核", VerificationStatus.Verified => "已认证",
        VerificationStatus.Rejected => "未通过", VerificationStatus.Suspended => "已暂停", VerificationStatus.Expired => "已过期", _ => status.ToString(),
    };

    public static string VerificationTag(VerificationStatus status) => status switch
    {
        VerificationStatus.Verified => "tag tag-ok", VerificationStatus.Pending => "tag tag-warn", _ => "tag tag-err",
    };

    /// <summary>The grade in words (三级/高级工), or "no requirement" when there is none.</summary>
    /// <summary>An occupation as the seeker named it beside its standard name: 电焊工（焊工）; either alone when the other is missing.</summary>
    public static string OccupationLabel(string? typedName, string? name) =>
        string.IsNullOrWhiteSpace(typedName) ? name ?? "" : string.IsNullOrWhiteSpace(name) ? typedName : English ? $"{typedName} ({name})" : $"{typedName}（{name}）";

    public static string GradeKey(int? grade) => grade is { } g && SkillGrade.IsValid(g) ? SkillGrade.ChineseName(g) : "不限";

    public static string EducationKey(EducationLevel? level) => level is { } l ? EducationLevels.ChineseName(l) : "不限";

    public static string Pay(int min, int max) =>
        min == max ? min.ToString("N0", CultureInfo.InvariantCulture) : $"{min.ToString("N0", CultureInfo.InvariantCulture)}–{max.ToString("N0", CultureInfo.InvariantCulture)}";

    public static string Years(double years) => years.ToString("0.#", CultureInfo.InvariantCulture);

    /// <summary>
    /// How long ago a posting went up, China time: 今天, 昨天, {0}天前 (within a month), or "" for its date.
    /// </summary>
    public static (string Key, int? Days) PostedAgo(DateOnly posted, DateOnly today) => (today.DayNumber - posted.DayNumber) switch
    {
        <= 0 => ("今天", null),
        1 => ("昨天", null),
        var d and <= 30 => ("{0}天前", d),
        _ => ("", null),
    };

    /// <summary>The month before the current one in China, yyyy-MM (the monthly report's default).</summary>
    public static string PreviousMonth()
    {
        var today = ChinaTime.Day(DateTime.UtcNow);
        return new DateOnly(today.Year, today.Month, 1).AddMonths(-1).ToString("yyyy-MM", CultureInfo.InvariantCulture);
    }

    public static string Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";

    /// <summary>The day in China (Asia/Shanghai) of a stored UTC instant: every page shows instants through this and <see cref="Time"/>.</summary>
    public static string Date(DateTime? utc) => utc is { } at ? ChinaTime.Date(at) : "";

    /// <summary>A stored UTC instant as China time to the minute: 2026-07-01 14:30.</summary>
    public static string Time(DateTime? utc) => utc is { } at ? ChinaTime.Minutes(at) : "";

    /// <summary>A recent UTC instant as China time without the year: 07-01 14:30.</summary>
    public static string ShortTime(DateTime utc) => ChinaTime.FromUtc(utc).ToString("MM-dd HH:mm", CultureInfo.InvariantCulture);

    /// <summary>A short place name: 青岛市·黄岛区 (Qingdao · Huangdao in English).</summary>
    public static string Place(TaxonomyCatalog catalog, string? code)
    {
        var region = catalog.FindRegion(code);
        if (region is null) return code ?? "";
        string Name(Region r) => English ? r.Pinyin : r.Name;
        if (region.Depth == 1) return Name(region);
        var parent = catalog.FindRegion(region.ParentCode) ?? catalog.FindRegion(region.Code[..2] + "0000");
        if (region.Depth == 3 && parent is not null) return $"{Name(parent)} · {Name(region)}";
        if (region.Depth == 2 && catalog.FindRegion(region.ParentCode) is null && parent is not null) return $"{Name(parent)} · {Name(region)}";
        return Name(region);
    }

    /// <summary>The full place name with the province: 山东省青岛市黄岛区.</summary>
    public static string FullPlace(TaxonomyCatalog catalog, string? code) =>
        English && catalog.FindRegion(code) is { } r ? Chain(catalog, r) : catalog.RegionDisplayName(code);

    private static string Chain(TaxonomyCatalog catalog, Region r)
    {
        var names = new List<string>();
        for (Region? x = r; x is not null; x = catalog.FindRegion(x.ParentCode)) names.Add(x.Pinyin);
        if (r.Depth == 2 && catalog.FindRegion(r.ParentCode) is null && catalog.FindRegion(r.Code[..2] + "0000") is { } m) names.Add(m.Pinyin);
        names.Reverse();
        return string.Join(", ", names.Distinct());
    }

    /// <summary>A city for the pickers: a prefecture-level city or a municipality, grouped by province.</summary>
    public sealed record CityOption(string Code, string Name, string Pinyin);

    public sealed record ProvinceCities(string Code, string Name, string Pinyin, IReadOnlyList<CityOption> Cities);

    private static IReadOnlyList<ProvinceCities>? cities;

    public static IReadOnlyList<ProvinceCities> Cities(TaxonomyCatalog catalog) => cities ??= BuildCities(catalog);

    private static List<ProvinceCities> BuildCities(TaxonomyCatalog catalog)
    {
        var list = new List<ProvinceCities>();
        foreach (var province in catalog.Regions.Where(r => r.Depth == 1).OrderBy(r => r.Code, StringComparer.Ordinal))
        {
            var children = catalog.Regions.Where(r => r.Depth == 2 && r.ParentCode == province.Code).OrderBy(r => r.Code, StringComparer.Ordinal)
                .Select(r => new CityOption(r.Code, r.Name, r.Pinyin)).ToList();
            // Municipalities (北京市…) list their districts one level up; the municipality itself is the city.
            var isMunicipality = children.Count == 0 || catalog.Regions.Any(r => r.Depth == 2 && r.ParentCode == province.Code[..2] + "0100");
            if (isMunicipality || children.Count == 0) children = [new CityOption(province.Code, province.Name, province.Pinyin)];
            list.Add(new ProvinceCities(province.Code, province.Name, province.Pinyin, children));
        }
        return list;
    }

    /// <summary>The picker's city for any region code (a district selects its city).</summary>
    public static string? PickerCity(TaxonomyCatalog catalog, string? code)
    {
        if (string.IsNullOrEmpty(code)) return null;
        foreach (var p in Cities(catalog))
            foreach (var c in p.Cities)
                if (c.Code == code) return code;
        var city = catalog.CityOf(code);
        if (city is not null && catalog.FindRegion(city) is { Depth: 2 } r && catalog.FindRegion(r.ParentCode) is not null) return city;
        return code.Length == 6 ? code[..2] + "0000" : null;
    }

    /// <summary>The message of an error code without arguments (a publishing gate, a refusal) in the user's language.</summary>
    public static string Message(string code) => Gongjiang.Application.Common.Results.ErrorText.For(Error.Refused(code));

    /// <summary>A field's messages from the model state (already in the user's language), as an inline error.</summary>
    public static IHtmlContent FieldError(ModelStateDictionary state, string field)
    {
        var messages = state.MessagesOf(field);
        if (messages.Count == 0) return HtmlString.Empty;
        var builder = new HtmlContentBuilder();
        builder.AppendHtml("<span class=\"field-error\">");
        builder.Append(string.Join("；", messages));
        builder.AppendHtml("</span>");
        return builder;
    }

    public static string Invalid(ModelStateDictionary state, string field) => state.MessagesOf(field).Count > 0 ? "invalid" : "";

    /// <summary>What the job editor tells the employer about the skill standard it filled in (a key of the shared resources).</summary>
    public static string? EditorNotice(ReviewJobDraft.Notice notice) => notice switch
    {
        ReviewJobDraft.Notice.NoSkillStandard => "所选职业暂未收录国家职业技能标准，请手动填写技能要求。",
        ReviewJobDraft.Notice.StandardSkillsFilled => "已按国家职业技能标准填入该等级的技能项和比重，可再调整。",
        ReviewJobDraft.Notice.StandardSkillsFilledNearestGrade => "已按国家职业技能标准填入技能项（该标准没有所选等级，已使用最接近的等级），可再调整。",
        _ => null,
    };

    /// <summary>Every message in the model state, the form's own and its fields', for the summary above a form.</summary>
    public static IReadOnlyList<string> AllMessages(ModelStateDictionary state) =>
        state.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage).Distinct().ToList();
}
