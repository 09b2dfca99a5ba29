using System.Text.RegularExpressions;
using Gongjiang.Core.Taxonomy;

namespace Gongjiang.Matching.Skills;

/// <summary>
/// Finds skills, certificates and national skill grades (五级/初级工 … 一级/高级技师) in job descriptions and
/// résumé text. Skills come from the national skill standards' items and a lexicon of common workshop and
/// office skills; certificates from a lexicon of common ones (焊工证, 特种作业操作证, 叉车证…).
/// Built once from a <see cref="TaxonomyCatalog"/>; immutable and thread-safe afterwards.
/// </summary>
public sealed partial class SkillExtractor
{
    /// <summary>Texts longer than this are read up to this length: a résumé, not a book.</summary>
    public const int MaxTextLength = 20_000;

    private enum Kind { Skill, StandardItem, Certificate }

    private sealed record Term(string Name, Kind Kind, int? Grade);

    private readonly Dictionary<string, Term> _terms;
    private readonly Dictionary<string, Term>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly int _maxLength;

    public SkillExtractor(TaxonomyCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        _terms = new Dictionary<string, Term>(StringComparer.Ordinal);
        foreach (var item in catalog.SkillItems.Select(i => i.Name.Trim()).Distinct(StringComparer.Ordinal))
            if (IsSpecificItem(item)) _terms.TryAdd(Fold(item), new Term(item, Kind.StandardItem, null));

        // The lexicon wins over a standard item of the same name: its canonical spelling is the common one.
        foreach (var line in SkillLexicon.Skills)
        {
            var names = line.Split('|');
            foreach (var name in names) _terms[Fold(name)] = new Term(names[0], Kind.Skill, null);
        }
        foreach (var (names, grade) in SkillLexicon.Certificates)
        {
            var forms = names.Split('|');
            foreach (var form in forms) _terms[Fold(form)] = new Term(forms[0], Kind.Certificate, grade);
        }
        foreach (var craft in SkillLexicon.CertifiedCrafts)
        {
            var canonical = craft + "证";
            foreach (var suffix in new[] { "证", "证书", "操作证", "上岗证", "资格证", "特种作业操作证", "作业证", "执业证" })
                _terms.TryAdd(Fold(craft + suffix), new Term(canonical, Kind.Certificate, null));
        }
        _lookup = _terms.GetAlternateLookup<ReadOnlySpan<char>>();
        _maxLength = _terms.Keys.Max(k => k.Length);
    }

    public ExtractedSkills Extract(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return ExtractedSkills.Empty;
        if (text.Length > MaxTextLength) text = text[..MaxTextLength];
        var folded = Fold(text);

        var skills = new List<SkillMention>();
        var certificates = new List<CertificateMention>();
        var grades = new List<GradeMention>();
        var seen = new HashSet<string>(StringComparer.Ordinal);

        // Dictionary terms: longest match first, left to right, without overlaps.
        var span = folded.AsSpan();
        for (var i = 0; i < span.Length;)
        {
            var matched = 0;
            for (var len = Math.Min(_maxLength, span.Length - i); len >= 2; len--)
            {
                if (!_lookup.TryGetValue(span.Slice(i, len), out var term)) continue;
                if (IsLatin(span[i]) && !IsBoundary(span, i, len)) continue;
                matched = len;
                if (seen.Add(term.Kind + ":" + term.Name))
                {
                    if (term.Kind is Kind.Certificate) certificates.Add(new CertificateMention(term.Name, i, term.Grade));
                    else skills.Add(new SkillMention(term.Name, i, term.Kind is Kind.StandardItem));
                }
                if (term.Grade is { } g) grades.Add(new GradeMention(text.Substring(i, len), i, g));
                break;
            }
            i += Math.Max(1, matched);
        }

        foreach (Match m in GradePattern().Matches(folded))
        {
            var grade = GradeOf(folded, m);
            if (grade is not null) grades.Add(new GradeMention(text.Substring(m.Index, m.Length), m.Index, grade));
        }
        // One mention per grade (五级/初级工 is one grade said twice), in text order.
        var distinctGrades = grades.OrderBy(g => g.Offset).GroupBy(g => g.Grade).Select(g => g.First()).OrderBy(g => g.Offset).ToList();
        return new ExtractedSkills(skills, certificates, distinctGrades);
    }

    // 高级技师 | 初级工/中级工/高级工 (not 高级工程师) | 初/中/高级 + 职业资格/技能等级 | 技师 | 一级…五级.
    [GeneratedRegex(@"高级技师|(?:初级|中级|高级)(?:技工|工)(?!程|艺|作|厂|人|资|种|位)|(?:初级|中级|高级)(?=职业资格|技能等级|技能证|职业技能)|技师|[一二三四五12345]级")]
    private static partial Regex GradePattern();

    private static int? GradeOf(string text, Match m)
    {
        var v = m.Value;
        var after = text.AsSpan(m.Index + m.Length);
        var before = text.AsSpan(0, m.Index);
        if (v == "高级技师") return 1;
        if (v.StartsWith("初级", StringComparison.Ordinal)) return 5;
        if (v.StartsWith("中级", StringComparison.Ordinal)) return 4;
        if (v.StartsWith("高级", StringComparison.Ordinal)) return 3;
        if (v == "技师")
        {
            // "技师" is also a job title (美容技师, 维修技师); as a grade it comes with a certificate or a level.
            if (before.EndsWith("高级")) return null;
            return StartsWithAny(after, "证", "资格", "职业资格", "等级", "及以上", "以上", "(", "/") || EndsWithAny(before, "二级/", "二级", "国家", "取得", "具有", "具备", "持有", "持", "考取", "获得", "级/")
                ? 2 : null;
        }
        // 一级…五级: only as a vocational grade, not 英语四级, 二级建造师 or 三级甲等.
        var grade = v[0] switch { '一' or '1' => 1, '二' or '2' => 2, '三' or '3' => 3, '四' or '4' => 4, _ => 5 };
        var tail = before.Length > 6 ? before[^6..] : before;
        if (ContainsAny(tail, "英语", "计算机", "日语", "韩语", "普通话", "cet", "钢琴", "考级", "德语", "法语")) return null;
        if (StartsWithAny(after, "建造师", "消防", "注册", "造价", "甲", "乙", "医院", "结构", "建筑", "代理", "经销", "响应", "预警", "风险", "保护", "公路", "资质", "市场", "学科", "部门", "客户", "城市", "以下"))
            return null;
        if (StartsWithAny(after, "/", "(", "职业", "技能", "证", "工", "技师", "高级工", "中级工", "初级工", "及以上", "以上", "、", ")"))
            return grade;
        if (ContainsAny(tail, "技能", "等级", "职业", "国家", "取得", "持有", "具有", "具备", "考取", "获得", "持"))
            return grade;
        // "四级电工", "三级焊工": a craft right after the level.
        var word = after.Length > 6 ? after[..6] : after;
        var end = 0;
        while (end < word.Length && word[end] is >= '\u4e00' and <= '\u9fff') end++;
        for (var k = 1; k <= end; k++)
            if (word[k - 1] is '工' || k >= 2 && word.Slice(k - 2, 2).SequenceEqual("技师") || word[k - 1] is '师' && k <= 4)
                return grade;
        return null;
    }

    private static bool StartsWithAny(ReadOnlySpan<char> s, params string[] prefixes)
    {
        foreach (var p in prefixes) if (s.StartsWith(p, StringComparison.Ordinal)) return true;
        return false;
    }

    private static bool EndsWithAny(ReadOnlySpan<char> s, params string[] suffixes)
    {
        foreach (var p in suffixes) if (s.EndsWith(p, StringComparison.Ordinal)) return true;
        return false;
    }

    private static bool ContainsAny(ReadOnlySpan<char> s, params string[] parts)
    {
        foreach (var p in parts) if (s.Contains(p, StringComparison.Ordinal)) return true;
        return false;
    }

    private static bool IsLatin(char c) => c is >= 'a' and <= 'z' or >= '0' and <= '9';

    private static bool IsBoundary(ReadOnlySpan<char> s, int start, int length) =>
        (start == 0 || !IsLatin(s[start - 1])) && (start + length >= s.Length || !IsLatin(s[start + length]));

    /// <summary>Width folding and lowercase, one character for one so offsets stay those of the input.</summary>
    internal static string Fold(string text) => string.Create(text.Length, text, static (dest, src) =>
    {
        for (var i = 0; i < src.Length; i++)
        {
            var c = src[i];
            if (c is >= '\uFF01' and <= '\uFF5E') c = (char)(c - 0xFEE0);
            else if (c == '\u3000') c = ' ';
            dest[i] = char.ToLowerInvariant(c);
        }
    });

    // Standard items such as 准备, 培训与指导 or 生产操作 appear in every standard and name no particular skill.
    internal static bool IsSpecificItem(string item)
    {
        if (item.Length < 4) return SkillLexicon.ShortStandardItems.Contains(item);
        if (item.Contains("准备", StringComparison.Ordinal) || item.Contains("培训", StringComparison.Ordinal)) return false;
        return !SkillLexicon.GenericStandardItems.Contains(item);
    }
}
