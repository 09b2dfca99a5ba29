using System.Text;
using System.Text.RegularExpressions;

namespace Gongjiang.Core.Compliance;

/// <summary>
/// A posting field prepared for matching: full-width folded to ASCII, lower case, traditional characters folded to
/// simplified, and spaces and filler symbols dropped (so 男 性 and 男*性 read 男性). Every character keeps the position it
/// came from, so a finding quotes the words exactly as the employer wrote them. Phrases that only look like a problem
/// (男女不限, 乙肝疫苗, 产检假, 无押金…) are masked out before the rules run.
/// </summary>
internal sealed class ScreeningText
{
    public const char Masked = '\u0001';

    private readonly string original;
    private readonly int[] origin; // origin[i] = index in original of Text[i]

    public string Text { get; }

    private ScreeningText(string original, string text, int[] origin)
    {
        this.original = original;
        Text = text;
        this.origin = origin;
    }

    public static ScreeningText Prepare(string original, IReadOnlyList<Regex> masks)
    {
        var text = new StringBuilder(original.Length);
        var origin = new List<int>(original.Length);
        for (var i = 0; i < original.Length; i++)
        {
            var c = Fold(original[i]);
            if (c == '\0') continue;
            text.Append(c);
            origin.Add(i);
        }
        var chars = text.ToString().ToCharArray();
        var normalized = new string(chars);
        foreach (var mask in masks)
            foreach (Match m in mask.Matches(normalized))
                Array.Fill(chars, Masked, m.Index, m.Length);
        return new ScreeningText(original, new string(chars), origin.ToArray());
    }

    /// <summary>The original words behind Text[start..end).</summary>
    public string Excerpt(int start, int end)
    {
        if (end <= start) return "";
        var from = origin[start];
        var to = origin[end - 1] + 1;
        if (to < original.Length && char.IsLowSurrogate(original[to])) to++;
        return original[from..to];
    }

    /// <summary>Start of the clause (分句) containing position <paramref name="index"/>.</summary>
    public int ClauseStart(int index)
    {
        for (var i = index - 1; i >= 0; i--) if (IsClauseBreak(Text[i])) return i + 1;
        return 0;
    }

    public int ClauseEnd(int index)
    {
        for (var i = index; i < Text.Length; i++) if (IsClauseBreak(Text[i])) return i;
        return Text.Length;
    }

    private static bool IsClauseBreak(char c) => c is '，' or '。' or '；' or ';' or ',' or '!' or '！' or '?' or '？' or '\n';

    /// <summary>One character as the rules see it; '\0' drops it.</summary>
    private static char Fold(char c)
    {
        if (c is >= '\uFF01' and <= '\uFF5E')
        {
            var ascii = (char)(c - 0xFEE0);
            // Full-width Chinese punctuation that separates clauses stays Chinese, so clause logic sees one form.
            c = ascii switch { ',' => '，', ';' => '；', '!' => '！', '?' => '？', _ => ascii };
        }
        if (c is '\n' or '\r') return '\n';
        if (char.IsWhiteSpace(c)) return '\0';
        if (c is '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF' or '\u00AD') return '\0';
        if (c is '*' or '·' or '•' or '・' or '_' or '^' or '|' or '丨' or '\'' or '"' or '“' or '”' or '‘' or '’' or '`' or '#'
            or '♂' or '♀' or '★' or '☆' or '…') return '\0';
        if (c is >= 'A' and <= 'Z') return (char)(c + 32);
        return Traditional.TryGetValue(c, out var simplified) ? simplified : c;
    }

    // The traditional forms of the characters the rules look for.
    private static readonly Dictionary<char, char> Traditional = BuildTraditional(
        "優优 僅仅 歲岁 齡龄 戶户 費费 險险 經经 驗验 聯联 繫系 係系 號号 電电 話话 輕轻 鬆松 過过 萬万 殘残 擾扰 漢汉 體体 檢检 須须 無无 與与 會会 證证 資资 業业 結结 錢钱 為为 婦妇 懷怀 兩两 陽阳 適适 條条 劃划 計计 個个 時时 週周 內内 從从 絕绝 謝谢 僱雇 訊讯 線线 納纳 繳缴 報报 銷销 擔担 負负 裝装 辦办 衛卫 壓压 養养 圖图 專专 屬属 賺赚 滿满 紀纪 層层 視视 認认 識识 試试 測测 產产 離离 異异 喪丧 慮虑 維维 爾尔 蘭兰 師师 門门 檻槛 陸陆 貳贰 參参 機机 碼码 郵邮 羣群 釘钉 幫帮 決决 遷迁 當当 區区 縣县 農农 鎮镇 勞劳 動动 務务 訓训 練练 製制 紹绍 檔档 願愿 嬰婴 顏颜 幹干 處处 醫医 療疗 歧歧");

    private static Dictionary<char, char> BuildTraditional(string pairs)
    {
        var map = new Dictionary<char, char>();
        foreach (var pair in pairs.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            if (pair[0] != pair[1]) map[pair[0]] = pair[1];
        return map;
    }
}
