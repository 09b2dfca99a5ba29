using System.Text.RegularExpressions;
using Gongjiang.Core.Taxonomy;

namespace Gongjiang.Core.Compliance;

/// <summary>A pattern over prepared text and the judgement of a match: its legal basis, or null when it is not a finding.
/// A named group <c>x</c>, when present, is the excerpt; otherwise the whole match is.
/// <c>When</c>, if not empty, lists words at least one of which the text must contain for the rule to run at all (a cheap
/// pre-check that spares patterns which would otherwise be tried at every digit).</summary>
internal sealed record TextRule(string Rule, Regex Regex, Func<Match, ScreeningText, string?> Judge, string[] When)
{
    public bool MayMatch(string text)
    {
        if (When.Length == 0) return true;
        foreach (var word in When) if (text.Contains(word, StringComparison.Ordinal)) return true;
        return false;
    }
}

/// <summary>
/// The wording rules. They run on <see cref="ScreeningText"/>: lower case, no spaces, simplified characters.
/// Each aims at a requirement or exclusion, not at the mere mention of a word: 男女不限, 男装设计, 年满16周岁,
/// 公司承担体检费, 可解决本地户口 and 免费接种乙肝疫苗 are all fine.
/// </summary>
internal static class TextRules
{
    private const RegexOptions Options = RegexOptions.CultureInvariant | RegexOptions.Compiled;

    private static Regex R(string pattern) => new(pattern, Options);

    // Words that turn a mention into an exclusion (…勿扰) or a preference (…优先).
    private const string Exclude = "(?:勿扰|免谈|不要|不招|不收|谢绝|除外|不考虑|不接受|莫扰|慎投|止步|绕道|免进|不予录用|不录用)";
    private const string ExcludeBefore = "(?:不招|不要|不收|谢绝|拒绝|拒收|不考虑|不接受|不录用|不予录用)";
    private const string Prefer = "(?:优先考虑|者优先|优先|为佳|更佳|最佳|最好|专属|限定|者佳)";
    private const string Only = "(?:仅限于|仅限|只限|限定|限于|限招|仅招|只招|只要|仅要|只收|仅收|只需|需要|要求|必须|(?<![无不])限|需|须)";

    /// <summary>Phrases that look like findings but are not; blanked before the rules run.</summary>
    public static readonly IReadOnlyList<Regex> Masks =
    [
        R("男女不限|不限男女|性别不限|不限性别|男女均可|男女皆可|男女都可|男女兼招|男女各半|男女平等|男女同工同酬|性别平等"),
        R("年龄不限|不限年龄"),
        R("户籍不限|户口不限|不限户籍|不限户口|籍贯不限|不限籍贯|不限地域|地域不限"),
        R("民族不限|不限民族|各民族|民族团结"),
        R("婚否不限|婚育不限|不限婚育|婚姻不限"),
        R("产检|孕检假|孕期检查假"),
        R("乙肝疫苗|乙型肝炎疫苗|(?:接受|欢迎|不歧视|不限)乙肝(?:病毒)?(?:携带者)?|乙肝(?:病毒)?(?:携带者)?(?:不限|均可|可以|不影响)"),
        R("尊重[^，。；\n]{0,8}(?:宗教|信仰)|宗教信仰自由|(?:宗教信仰|信仰|宗教)不限|不限(?:宗教|信仰)"),
        R("(?:欢迎|接受|优先录用|优先招用)(?:身体)?残疾(?:人|人士|朋友)?|残疾人(?:优先|友好|岗位|就业)"),
    ];

    private static readonly HashSet<string> PlaceNames = BuildPlaceNames();
    private static readonly string Places = string.Join("|", PlaceNames.OrderByDescending(x => x.Length).Select(Regex.Escape));

    public static readonly IReadOnlyList<TextRule> Rules = BuildRules();

    /// <summary>True when a description states conditions of hire itself (任职要求…), so a separate requirements field is not needed.</summary>
    public static bool StatesRequirements(string? description) =>
        description is not null && RequirementWords.IsMatch(description);

    private static readonly Regex RequirementWords = R("要求|条件|资格|资质|具备|具有|熟悉|熟练|掌握|持有|持证|证书|经验|学历|以上|能够|能吃苦|会使用|会操作");

    private static List<TextRule> BuildRules()
    {
        var rules = new List<TextRule>();
        void Add(string rule, string pattern, Func<Match, ScreeningText, string?> judge, params string[] when) =>
            rules.Add(new TextRule(rule, R(pattern), judge, when));
        void Always(string rule, string pattern, string basis, params string[] when) => Add(rule, pattern, (_, _) => basis, when);

        // -- gender (性别) ---------------------------------------------------------------------------------------
        // A sex word not part of 男女 / 男、女, and not the start of 男装, 女鞋, 男科….
        const string sex = "(?:(?<sex>男)(?![/、和及或与]?女)|(?<sex>女)(?![/、和及或与]?男))";
        const string person = "(?:性|士|生|工|的|孩|子|人|同志|员工|职工|青年|同学|操作工|普工|技工|司机)?(?![装鞋款包袜裤衣式科表鞋性别厕宿])";
        static string Basis(Match m, bool excluded)
        {
            var woman = m.Groups["sex"].Value == "女";
            return woman == excluded ? LegalBasis.GenderAgainstWomen : LegalBasis.GenderAgainstMen;
        }
        Add(ScreeningRules.Gender, $"(?<x>{Only}(?:招聘?|聘用?|录用)?{sex}{person})", (m, _) => Basis(m, excluded: false));
        Add(ScreeningRules.Gender, $"(?<![男女/、])(?<x>{sex}{person}(?<neg>{Exclude})|{sex}{person}{Prefer})", (m, _) => Basis(m, m.Groups["neg"].Success));
        Add(ScreeningRules.Gender, $"{ExcludeBefore}{sex}{person}", (m, _) => Basis(m, excluded: true));
        Add(ScreeningRules.Gender, $"(?:招聘?|聘请?|急招|诚招|诚聘|急聘|录用){sex}(?:工|性|士|生|同志|青年|职工|员工)(?![装鞋款])", (m, _) => Basis(m, excluded: false));
        Add(ScreeningRules.Gender, $"性别(?:要求|限制|限定)?[:：]?(?:限|仅限|为|要求)?{sex}(?:性|士|生)?", (m, _) => Basis(m, excluded: false));
        Add(ScreeningRules.Gender, $"(?:适合|适宜|更适合|只适合){sex}(?:性|士|生|同志|青年)", (m, _) => Basis(m, excluded: false));
        Add(ScreeningRules.Gender, $"(?<![男女/、]){sex}(?:工|性|生|士)\\d+(?:名|人|位)", (m, _) => Basis(m, excluded: false));
        // A bare 男 or 女 as an item of a requirement list: "需持C1驾照，男，25-40岁".
        Add(ScreeningRules.Gender, "(?<=^|[，。；,;:：\\n(（])(?<x>(?<sex>男|女)(?:性|士|生)?)(?=$|[，。；,;\\n)）])", (m, _) => Basis(m, excluded: false));
        Add(ScreeningRules.Gender, "(?<![a-z])(?:(?<en>female|male|man|men|woman|women)s?(?:only|preferred|first)|only(?<en>female|male|man|men|woman|women)s?(?![a-z]))",
            (m, _) => m.Groups["en"].Value.StartsWith('f') || m.Groups["en"].Value.StartsWith("wom", StringComparison.Ordinal)
                ? LegalBasis.GenderAgainstMen : LegalBasis.GenderAgainstWomen, "male", "man", "men");
        Always(ScreeningRules.Gender, $"(?:帅哥|靓仔|小哥哥){Prefer}|{Only}(?:帅哥|靓仔)", LegalBasis.GenderAgainstWomen);
        Always(ScreeningRules.Gender, $"(?:美女|靓女|小姐姐|妹子){Prefer}|{Only}(?:美女|靓女|小姐姐|妹子)", LegalBasis.GenderAgainstMen);

        // -- age (年龄) ------------------------------------------------------------------------------------------------
        // Legal minimum ages (年满16周岁, 18周岁以上) and the retirement age are not discrimination; other bounds are.
        const string n = "(?:\\d{1,2}|[一二三四五六七八九]?十[一二三四五六七八九]?)";
        static int Age(Match m, string g) => PostingScreener.ParseAge(m.Groups[g].Value);
        static bool Upper(int age) => age is >= 19 and < 60;
        static bool Lower(int age) => age is >= 19 and <= 70;
        Add(ScreeningRules.Age, $"(?:年龄|年纪)(?:要求|限制|范围|需|须|限|在|为|介于|[:：])*(?<a>{n})(?:周?岁)?[-~～—–至到](?<b>{n})(?:周?岁)?(?:之间)?",
            (m, _) => Range(Age(m, "a"), Age(m, "b")), "年龄", "年纪");
        Add(ScreeningRules.Age, $"(?<![\\d.])(?<a>{n})(?:周?岁)?[-~～—–至到](?<b>{n})周?岁", (m, _) => Range(Age(m, "a"), Age(m, "b")), "岁");
        Add(ScreeningRules.Age, $"(?<![\\d.未不])(?<n>{n})周?岁(?:及|或)?(?:以下|以内|之内|内|前)", (m, _) => Upper(Age(m, "n")) ? LegalBasis.Age : null, "岁");
        Add(ScreeningRules.Age, $"(?:年龄|年纪)[^，。；\\n\\d]{{0,4}}?(?:不超过|不得超过|不能超过|不超|不大于|不高于|小于|低于|≤|<=|<)(?<n>{n})(?:周?岁)?",
            (m, _) => Upper(Age(m, "n")) ? LegalBasis.Age : null, "年龄", "年纪");
        Add(ScreeningRules.Age, $"(?:年龄|年纪)[^，。；\\n\\d]{{0,4}}?(?<n>{n})(?:周?岁)?(?:及|或)?(?:以下|以内|之内)", (m, _) => Upper(Age(m, "n")) ? LegalBasis.Age : null, "年龄", "年纪");
        Add(ScreeningRules.Age, $"(?:≤|<=|<|不超过|不大于|小于|低于)(?<n>{n})周?岁", (m, _) => Upper(Age(m, "n")) ? LegalBasis.Age : null, "岁");
        Add(ScreeningRules.Age, $"(?<![\\d.])(?<n>{n})周?岁(?:及|或)?以上(?:的|者|人员)?(?<neg>{Exclude})?(?!(?:的|者|人员)?(?:也|亦|均|都)?(?:可|欢迎))",
            (m, _) => m.Groups["neg"].Success ? (Age(m, "n") >= 16 ? LegalBasis.Age : null) : Lower(Age(m, "n")) ? LegalBasis.Age : null, "岁");
        Add(ScreeningRules.Age, $"(?:年满|满)(?<n>{n})周?岁", (m, _) => Lower(Age(m, "n")) ? LegalBasis.Age : null, "岁");
        Add(ScreeningRules.Age, $"(?:年龄|年纪)[^，。；\\n\\d]{{0,4}}?(?:不低于|不小于|大于|高于|≥|>=|>)(?<n>{n})", (m, _) => Lower(Age(m, "n")) ? LegalBasis.Age : null, "年龄", "年纪");
        Always(ScreeningRules.Age, $"{Only}(?:[0-9][05])后|(?<!\\d)(?:[0-9][05])后(?:{Prefer}|{Exclude})", LegalBasis.Age, "后");
        Always(ScreeningRules.Age, $"(?:年轻|青年)(?:人|者|力壮)?{Prefer}|{Only}年轻|(?:大龄|超龄|中年|老年|年龄(?:偏)?大|年纪(?:偏)?大)(?:人员|者|人士|的)?{Exclude}|{ExcludeBefore}(?:大龄|超龄|中年|老年)",
            LegalBasis.Age);

        // -- ethnicity (民族) --------------------------------------------------------------------------------------------
        Always(ScreeningRules.Ethnicity, "汉族|民族(?:要求|限制)?[:：]?(?:限|仅限|为|要求)?汉(?!语|字)", LegalBasis.Ethnicity);
        const string minorities = "(?:少数民族|维吾尔族|维族|藏族|回族|彝族|壮族|苗族|蒙古族|哈萨克族|朝鲜族|满族)";
        Always(ScreeningRules.Ethnicity, $"{minorities}(?:人员|人士|者|的)?{Exclude}|{ExcludeBefore}{minorities}", LegalBasis.Ethnicity);

        // -- hukou / region of origin (户籍、地域) -----------------------------------------------------------------------
        const string benefit = "(?:解决|办理|协助|帮助|提供|给予|享受|可落|落户|迁入|迁移|申请|取得|获得|引进)";
        Add(ScreeningRules.Hukou, "(?:本地|本市|本省|本区|本县|当地|城镇|城市|非农业?|农业|农村|外地|外省|外市)(?:户口|户籍|籍贯|籍)(?:人员|人士|者)?",
            (m, t) => Preceded(t, m.Index, benefit, 6) ? null : LegalBasis.Hukou);
        // The long list of places is looked up in a set, or tried only where an anchor was found: an alternation of
        // hundreds of names at every position would be slow.
        const string origin = "(?:户口|户籍|籍贯|籍|人)";
        Add(ScreeningRules.Hukou, $"{Only}(?<place>[\\u4e00-\\u9fff]{{2,8}}?){origin}",
            (m, t) => PlaceNames.Contains(m.Groups["place"].Value) && !Preceded(t, m.Index, benefit, 6) ? LegalBasis.Hukou : null);
        Add(ScreeningRules.Hukou,
            $"{origin}(?=(?:人员|人士|者)?(?:{Prefer}|{Exclude}))(?<=(?<p>{Places}){origin})(?:人员|人士|者)?(?:{Prefer}|{Exclude})",
            (m, t) => Preceded(t, m.Groups["p"].Index, benefit, 6) ? null : LegalBasis.Hukou);
        Always(ScreeningRules.Hukou, $"(?:外地|外省|外市|农村|东北|南方|北方)(?:人|人员|籍)?{Exclude}|{ExcludeBefore}(?:(?:{Places})(?:人|籍)|外地人?|外省人?|农村人?)", LegalBasis.Hukou);
        Always(ScreeningRules.Hukou, $"(?:本地|当地|本市|本省|本区|本县)(?:人|人员|居民){Prefer}|{Only}(?:本地|当地|本市|本省|本区|本县)(?:人|人员|居民)", LegalBasis.Hukou);

        // -- marriage and childbearing (婚育) ---------------------------------------------------------------------------
        Always(ScreeningRules.MaritalChildbearing, "已婚已育|已婚未育|未婚未育|已婚已孕|婚育(?:状况|情况|要求|计划)|婚否", LegalBasis.MaritalChildbearing);
        const string status = "(?:已婚|未婚|已育|未育|离异|丧偶|单身|有孩子|有小孩|无孩子|无小孩|有子女|无子女)";
        Always(ScreeningRules.MaritalChildbearing,
            $"{Only}{status}|{status}(?:者|人士|人员|女性|男性|女士|男士)?(?:{Prefer}|{Exclude})", LegalBasis.MaritalChildbearing);
        Always(ScreeningRules.MaritalChildbearing,
            "(?:无|没有|暂无|近期无|近期不|短期内不|短期无|暂不|不|[\\d一二两三四五]年内(?:不|无))(?:能|得|可|准|许|打算|计划|考虑)?(?:生育|生孩子|要孩子|怀孕|生二胎|生二孩|生三胎|生小孩|要小孩|结婚)(?:计划|打算|意愿)?",
            LegalBasis.MaritalChildbearing, "生育", "孩子", "怀孕", "二胎", "二孩", "三胎", "小孩", "结婚");
        const string pregnant = "(?:孕妇|孕期|哺乳期|怀孕|备孕|宝妈|产妇|孕产期)";
        Always(ScreeningRules.MaritalChildbearing, $"{pregnant}(?:者|人员|女性|女士|的|中)?{Exclude}|{ExcludeBefore}{pregnant}", LegalBasis.MaritalChildbearing);

        // -- pregnancy tests (孕检) ----------------------------------------------------------------------------------------
        Always(ScreeningRules.PregnancyTest, "孕检|妊娠(?:检查|测试|检测|试验|筛查)|验孕|早孕(?:检查|检测|试纸)?|怀孕检查|尿hcg|血hcg|hcg检", LegalBasis.PregnancyTest);

        // -- hepatitis B (乙肝) -------------------------------------------------------------------------------------------
        Always(ScreeningRules.HepatitisB,
            $"(?:{ExcludeBefore})?(?:乙肝(?:五项|两对半|表面抗原|病毒|携带者?|阳性|阴性|检查|检测|患者)?|乙型(?:病毒性)?肝炎|大三阳|小三阳|两对半|hbsag|hbv)(?:者|人员|人士)?(?:{Exclude})?",
            LegalBasis.HepatitisB);
        Always(ScreeningRules.HepatitisB, $"肝炎(?:患者|携带者|病人)?{Exclude}|{ExcludeBefore}肝炎", LegalBasis.HepatitisB);

        // -- disability (残疾) --------------------------------------------------------------------------------------------
        Always(ScreeningRules.Disability,
            $"(?:(?:身体|肢体)有?(?:残疾|残障|伤残|缺陷)|残疾|残障|伤残)(?:人|者|人士|人员)?{Exclude}|{ExcludeBefore}(?:身体|肢体)?(?:残疾|残障|伤残)(?:人|者|人士|人员)?" +
            "|(?:身体|肢体|四肢|五官)(?:健全|无残疾|无缺陷)|无(?:任何)?(?:身体)?(?:残疾|残障)",
            LegalBasis.Disability);

        // -- religion (宗教信仰) ------------------------------------------------------------------------------------------
        Always(ScreeningRules.Religion,
            "(?:有|无|信仰|信奉|参加)宗教(?:信仰)?|宗教信仰|宗教(?:人士|信徒|徒|背景)|信教|(?:无|有|不得有|不能有|要求|限)(?:任何)?信仰|信仰(?:要求|限制)" +
            "|(?:信仰|信奉)?(?:基督教|天主教|佛教|伊斯兰教?)(?:徒|者)?|穆斯林|基督徒|信徒",
            LegalBasis.Religion);

        // -- bait wording (诱导性薪酬表述) ----------------------------------------------------------------------------------
        Always(ScreeningRules.BaitPay,
            "轻松(?:月入|月薪|日入|日赚|月赚|赚|挣|拿|过万|上万|年入|破万)(?:[\\d.]+[万千kw]?(?:元|块|\\+)?)?" +
            "|(?:月入|月薪|收入|工资|薪资|月赚)(?:轻松)?(?:过万|上万|破万|\\d+万|[一二两三五十几]+万)(?:轻松|不是梦|没问题|很轻松|不难|很容易|稳稳)" +
            "|日结高薪|高薪日结" +
            "|(?:无需|无须|不需要?|不要求?|零)(?:任何)?(?:经验|学历|技术|技能|门槛)[^。；\\n]{0,6}(?:高薪|月入|日入|日赚|过万|上万)" +
            "|(?:高薪|月入过万|月入上万)[^。；\\n]{0,6}(?:无需|无须|不需要?|零)(?:任何)?(?:经验|学历|技术|技能|门槛)" +
            "|躺赚|躺着(?:赚|挣)|日赚\\d{3,}|一天(?:赚|挣)\\d{3,}|包(?:你)?月入|保底月入|(?:在家|动动手指)(?:就能|即可|也能)?(?:赚|挣)|不用上班[^，。；\\n]{0,4}(?:赚|挣)",
            LegalBasis.BaitPay);

        // -- contact details that take seekers off the platform (站外联系方式) ---------------------------------------------
        const string cnDigit = "[0-9零〇一二三四五六七八九幺两壹贰叁肆伍陆柒捌玖]";
        Always(ScreeningRules.OffPlatformContact, $"(?<!{cnDigit})[1一幺壹](?:-?)[3-9三四五六七八九叁肆伍陆柒捌玖](?:-?{cnDigit}){{9}}(?!{cnDigit})", LegalBasis.OffPlatformContact);
        Always(ScreeningRules.OffPlatformContact, "(?<![0-9])(?:0[1-9][0-9]{1,2}-[2-9][0-9]{6,7}|400-?[0-9]{3}-?[0-9]{4})(?![0-9])", LegalBasis.OffPlatformContact);
        Always(ScreeningRules.OffPlatformContact,
            "(?<![增追参附施外更叠累叠])(?:加|添加|加个|联系|咨询|私聊|私信|扫码加?|搜索|关注)(?:我|本人|老板|hr|人事|客服|招聘专员)?(?:的)?(?:微信|v信|vx|wx|威信|薇信|维信|卫星|qq群?|扣扣|企鹅|微信群|钉钉|抖音号?|公众号|v(?![a-z]))",
            LegalBasis.OffPlatformContact);
        Always(ScreeningRules.OffPlatformContact, "(?:微信|v信|vx|wx|威信|薇信|qq|扣扣|企鹅)(?:号码?)?[:：]?[a-z0-9_-]{5,}|微信同号|微信同步", LegalBasis.OffPlatformContact);
        Always(ScreeningRules.OffPlatformContact, "[a-z0-9._%+-]+@[a-z0-9.-]+\\.[a-z]{2,}", LegalBasis.OffPlatformContact);

        return rules;
    }

    private static string? Range(int a, int b)
    {
        // b ≤ 18 is about minors (未成年人), whom the law itself keeps out of most work.
        if (a < 14 || b > 75 || a >= b || b <= 18) return null;
        return b < 60 || a > 18 ? LegalBasis.Age : null;
    }

    /// <summary>True when the few characters before <paramref name="index"/> in the same clause match <paramref name="pattern"/>.</summary>
    internal static bool Preceded(ScreeningText text, int index, string pattern, int window)
    {
        var start = Math.Max(text.ClauseStart(index), index - window);
        return Regex.IsMatch(text.Text.AsSpan(start, index - start), pattern, RegexOptions.CultureInvariant);
    }

    private static HashSet<string> BuildPlaceNames()
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var region in TaxonomyCatalog.Default.Regions)
        {
            if (region.Depth > 2) continue;
            foreach (var name in new[] { region.Name, region.ShortName })
                if (name.Length >= 2 && name is not ("城区" or "郊区" or "矿区" or "新区" or "市辖区" or "中国")) names.Add(name);
        }
        return names;
    }
}

/// <summary>Money asked of seekers (押金、培训费、服装费…), judged within its clause: 公司承担体检费 is fine, 体检费自理 is not.</summary>
internal static class FeeRules
{
    private const RegexOptions Options = RegexOptions.CultureInvariant | RegexOptions.Compiled;

    private static readonly Regex Deposit = new("风险抵押金|押金|保证金|风险金|抵押金|担保金", Options);
    private static readonly Regex Fee = new(
        "培训费|服装费|工服费|工装费|制服费|体检费|办卡费|制卡费|工卡费|资料费|报名费|中介费|介绍费|信息费|服务费|建档费|工本费|管理费|考证费|办证费|证件费|手续费|面试费|上岗费|入职费|押证费", Options);
    private static readonly Regex Pay = new(
        "(?:需|须|要|先|另|预)(?:交|缴纳?|交纳|支付|付)[^，。；\\n]{0,6}?(?:\\d+元|费用|钱|费)", Options);
    private static readonly Regex Papers = new(
        "扣押(?:身份证|证件|毕业证|学历证书?|证书|银行卡)|(?:身份证|毕业证|证件|学历证书?|银行卡)(?:原件)?(?:需|须)?(?:抵押|押在|扣押|交公司保管|由公司保管)", Options);

    private const string DepositWaived = "(?:无|不收|不收取|免|免收|不需|不需要|无需|无须|不用|不交|没有|零|拒绝|不要|不会收取?|从不收取?|绝不收取?|不存在)(?:任何)?(?:费用|押金|、|和|及|或)*$";
    private static readonly Regex WaivedAfter = new("^(?:全免|全无|为零|为0|0元|免收|不收|免)", Options);
    private static readonly Regex EmployerPays = new(
        "(?:公司|企业|单位|厂方|厂里|工厂|我司|本公司|雇主|用人单位|老板|甲方)[^，。；\\n]{0,4}(?:承担|负责|报销|支付|出资|买单|提供|全包|包)" +
        "|免费|全免|免收|报销|不收|无需|无须|不需|不用交|不交|无任何|没有|零收费|返还|由公司", Options);
    private static readonly Regex Reimbursed = new("报销|返还|退还", Options);
    private static readonly Regex SeekerPays = new(
        "自理|自付|自费|自行承担|自己承担|自己出|(?:由)?(?:求职者|应聘者|个人|本人|员工|学员|劳动者|职工|自己)(?:承担|支付|负责|缴纳|交纳|出)" +
        "|(?:需|须|要)(?:交|缴|支付|付)|先(?:交|缴|付)|收取|扣除|从工资(?:中|里)?扣|工资(?:中|里)?扣|预交|预付", Options);
    private static readonly Regex NotAFee = new("社保|保险|公积金|税|房租|住宿|伙食|饭|水电|餐", Options);

    public static void Find(ScreeningText text, List<PostingScreener.Hit> hits)
    {
        var s = text.Text;
        foreach (Match m in Deposit.Matches(s))
        {
            var clauseStart = text.ClauseStart(m.Index);
            var before = s[clauseStart..m.Index];
            var after = s[(m.Index + m.Length)..text.ClauseEnd(m.Index)];
            if (Regex.IsMatch(before, DepositWaived) || WaivedAfter.IsMatch(after)) continue;
            hits.Add(new PostingScreener.Hit(ScreeningRules.FeeDeposit, m.Index, m.Index + m.Length, LegalBasis.FeeDeposit));
        }
        foreach (Match m in Fee.Matches(s))
        {
            var clause = s[text.ClauseStart(m.Index)..text.ClauseEnd(m.Index)];
            var employer = EmployerPays.IsMatch(clause);
            var seeker = SeekerPays.IsMatch(clause);
            if (employer && (!seeker || Reimbursed.IsMatch(clause))) continue;
            hits.Add(new PostingScreener.Hit(ScreeningRules.FeeDeposit, m.Index, m.Index + m.Length, LegalBasis.FeeDeposit));
        }
        foreach (Match m in Pay.Matches(s))
        {
            if (NotAFee.IsMatch(m.Value)) continue;
            var clause = s[text.ClauseStart(m.Index)..text.ClauseEnd(m.Index)];
            if (EmployerPays.IsMatch(clause) && !SeekerPays.IsMatch(clause.Replace(m.Value, "", StringComparison.Ordinal))) continue;
            hits.Add(new PostingScreener.Hit(ScreeningRules.FeeDeposit, m.Index, m.Index + m.Length, LegalBasis.FeeDeposit));
        }
        foreach (Match m in Papers.Matches(s))
            hits.Add(new PostingScreener.Hit(ScreeningRules.FeeDeposit, m.Index, m.Index + m.Length, LegalBasis.FeeDeposit));
    }
}
