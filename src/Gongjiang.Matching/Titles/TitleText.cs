using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Gongjiang.Matching.Titles;

/// <summary>
/// Character-level clean-up of recruiting titles: width folding, pay, ids, symbols and emoji, brackets,
/// "X公司招聘Y" and separators. Word-level noise (benefits, places) is removed later, against the dictionary.
/// </summary>
internal static partial class TitleText
{
    /// <summary>Titles longer than this are truncated: a title is a few words, not a description.</summary>
    public const int MaxLength = 120;

    public static bool IsCjk(char c) => c is >= '\u4e00' and <= '\u9fff' or >= '\u3400' and <= '\u4dbf';

    public static bool IsLatinOrDigit(char c) => c is >= 'a' and <= 'z' or >= '0' and <= '9';

    /// <summary>Characters kept inside a Latin token (c++, c#, .net, node.js).</summary>
    public static bool IsLatinTokenChar(char c) => IsLatinOrDigit(c) || c is '+' or '#' or '.';

    /// <summary>Folds full-width forms, lowercases Latin letters and turns everything that is not a letter,
    /// digit or meaningful separator into a space.</summary>
    public static string Fold(string text)
    {
        if (text.Length > MaxLength * 2) text = text[..(MaxLength * 2)];
        var folded = text.Normalize(NormalizationForm.FormKC);
        var sb = new StringBuilder(folded.Length);
        foreach (var ch in folded)
        {
            var c = char.ToLowerInvariant(ch);
            if (IsCjk(c) || IsLatinOrDigit(c) || c is '+' or '#' or '.' or '-' or '/' or '(' or ')' or '[' or ']')
                sb.Append(c);
            else if (c is '【' or '〔' or '《' or '「' or '『' or '<' or '{') sb.Append('(');
            else if (c is '】' or '〕' or '》' or '」' or '』' or '>' or '}') sb.Append(')');
            else if (c is '…' or '、' or ',' or ';' or '|' or '\\' or '_' or '—' or '–' or '~' or '&' or '丨' or '·' or '!' or '?' or ':' or '*' or '=')
                sb.Append('/');
            else if (char.IsWhiteSpace(c)) sb.Append(' ');
            else if (char.GetUnicodeCategory(c) is UnicodeCategory.OtherLetter) sb.Append(c); // rare CJK beyond the basic blocks
            else sb.Append(' ');
        }
        var s = sb.ToString();
        return s.Length > MaxLength ? s[..MaxLength] : s;
    }

    // Job ids such as (J10016), ID112474, MJ002525.
    [GeneratedRegex(@"\b(?:id|mj|j|no)\s*\d{3,}\b")]
    private static partial Regex JobId();

    // Pay: 8k, 7500+, 5-7k, 1.2w, 3000-8000元, 260一天, 月入1w+, 月薪过万, 底薪4000+提成.
    [GeneratedRegex(@"(?:月入|月薪|底薪|年薪|日薪|时薪|保底|综合薪资|综合工资|薪资|工资|收入|薪酬|无责底薪|税前|税后|保)?\s*\d+(?:\.\d+)?\s*(?:[-至到~]\s*\d+(?:\.\d+)?)?\s*(?:k|w|万|千|元|块|kw)?\s*(?:\+|以上|起|左右|/月|每月|一个月|/天|一天|每天|天|/小时|小时|元/月|元/天|元/小时)*(?![a-z])")]
    private static partial Regex Pay();

    [GeneratedRegex(@"(?:月入|月薪|底薪|年薪|收入|薪资|工资)?(?:过万|上万|破万|万元|千元|过千)")]
    private static partial Regex PayWords();

    // Latin tokens that carry digits (3d, 5g, c4d, a2, b2, c1) are kept.
    [GeneratedRegex(@"(?<![a-z])\d+(?![a-z])")]
    private static partial Regex BareNumber();

    [GeneratedRegex(@"\((?<inner>[^()]*)\)|\[(?<inner>[^\[\]]*)\]")]
    private static partial Regex Bracket();

    [GeneratedRegex(@"\.{2,}")]
    private static partial Regex Ellipsis();

    [GeneratedRegex(@"^.{3,}?(?:有限责任公司|股份有限公司|有限公司|集团公司|集团|公司)(?=.)")]
    private static partial Regex CompanyPrefix();

    // What a job is not: 不带销售, 无销售性质, 不跑业务, 无需经验, 非销售. The negated word names no part of the job.
    [GeneratedRegex(@"(?:不带|不做|不跑|不用|不需|无需|无须|不含|没有|无|非|不)(?:电话销售|销售|营销|电销|推销|业务|外呼|拉客|任务|业绩|考核|压力|经验|指标)(?:性质|工作|任务|压力)?")]
    private static partial Regex Negated();

    /// <summary>Removes what a title says the job is not ("纯客服不带销售" → "纯客服").</summary>
    public static string StripNegated(string s) => Negated().Replace(s, "/");

    /// <summary>Removes ids, pay and numbers; keeps Latin tokens with digits.</summary>
    public static string StripNumbers(string s)
    {
        s = JobId().Replace(s, " ");
        s = PayWords().Replace(s, " ");
        s = Pay().Replace(s, m => m.Value.Any(char.IsAsciiDigit) && !IsGlued(s, m) ? " " : m.Value);
        s = BareNumber().Replace(s, " ");
        return Ellipsis().Replace(s, "/");
    }

    // A number glued to a Latin letter before it (c4d, a2, b2) is part of a token, not pay.
    private static bool IsGlued(string s, Match m)
    {
        var start = m.Index;
        while (start < m.Index + m.Length && s[start] == ' ') start++;
        return start > 0 && s[start - 1] is >= 'a' and <= 'z';
    }

    /// <summary>Splits off bracketed parts: they usually hold a place, benefits or an id, and are used only
    /// when nothing is left outside them.</summary>
    public static (string Outside, List<string> Inside) SplitBrackets(string s)
    {
        var inside = new List<string>();
        for (var guard = 0; guard < 8; guard++)
        {
            var replaced = Bracket().Replace(s, m => { inside.Add(m.Groups["inner"].Value); return "/"; });
            if (replaced == s) break;
            s = replaced;
        }
        // Unbalanced brackets are separators.
        s = s.Replace('(', '/').Replace(')', '/').Replace('[', '/').Replace(']', '/');
        return (s, inside);
    }

    public static string StripCompanyPrefix(string s)
    {
        var m = CompanyPrefix().Match(s);
        return m.Success ? s[m.Length..] : s;
    }

    /// <summary>
    /// A field word of one or two characters before a slash shares the head of the longer part after it:
    /// "餐饮/酒店渠道销售" → "餐饮渠道销售/酒店渠道销售", "水/空/陆运操作" → "水运操作/空运操作/陆运操作".
    /// Parallel titles ("车工/铣工", "店长/营业员") are left alone: their parts differ in length by less than two.
    /// </summary>
    public static string ShareHeads(string s)
    {
        if (!s.Contains('/')) return s;
        var parts = s.Split('/');
        for (var i = parts.Length - 2; i >= 0; i--)
        {
            var word = parts[i].Trim();
            var next = parts[i + 1].Trim();
            if (word.Length is < 1 or > 2 || !word.All(IsCjk) || next.Length < word.Length + 2 || !next.All(IsCjk)) continue;
            parts[i] = word + next[word.Length..];
        }
        return string.Join('/', parts);
    }

    /// <summary>Splits on separators; a hyphen or space splits only between words, not inside a Latin token.</summary>
    public static List<string> Split(string s)
    {
        var parts = new List<string>();
        var sb = new StringBuilder();
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            var separator = c is '/' || c is ' ' && !(i > 0 && i + 1 < s.Length && IsLatinOrDigit(s[i - 1]) && IsLatinOrDigit(s[i + 1]))
                || c is '-' || c is '+' && !(i > 0 && s[i - 1] is >= 'a' and <= 'z' or '+');
            if (separator)
            {
                Flush();
                continue;
            }
            sb.Append(c);
        }
        Flush();
        return parts;

        void Flush()
        {
            var part = sb.ToString().Trim().Trim('.');
            if (part.Length > 0) parts.Add(part);
            sb.Clear();
        }
    }
}
