using System.Text;
using Gongjiang.Core.Common;
using Gongjiang.Core.Employers;

namespace Gongjiang.Market;

/// <summary>The Chinese text of a generated market: names, schools, employer names, job titles, descriptions and résumés.</summary>
internal static class MarketText
{
    // Words that would make a posting discriminatory (gender, age, hukou, marital status) never appear in generated text.
    private static readonly string[] ProtectedWords = ["男", "女", "岁", "户口", "户籍", "婚", "育", "民族", "乙肝"];

    public static bool HasProtectedWording(string text)
    {
        foreach (var w in ProtectedWords) if (text.Contains(w, StringComparison.Ordinal)) return true;
        return false;
    }

    // The most common surnames with rough population shares.
    private static readonly string[] Surnames =
        ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "高", "林", "罗",
         "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹", "彭", "曾", "肖", "田", "董", "袁", "潘", "于", "蒋", "蔡",
         "余", "杜", "叶", "程", "苏", "魏", "吕", "丁", "任", "沈", "姚", "卢", "姜", "崔", "钟", "谭", "陆", "汪", "范", "金",
         "石", "廖", "贾", "夏", "韦", "付", "方", "白", "邹", "孟", "熊", "秦", "邱", "江", "尹", "薛", "闫", "段", "雷", "侯",
         "龙", "史", "陶", "黎", "贺", "顾", "毛", "郝", "龚", "邵", "万", "钱", "严", "覃", "武", "戴", "莫", "孔", "向", "汤", "隋", "逄", "栾", "宫"];
    private static readonly double[] SurnameCumulative = MarketRandom.Cumulative(Surnames.Select((_, i) => i < 10 ? 7.0 - i * 0.35 : i < 40 ? 1.6 - (i - 10) * 0.03 : 0.5));

    private const string MaleChars = "伟强磊军勇杰涛斌超明刚平辉鹏华飞鑫波宇浩凯健俊帆帅旭宁龙林峰亮成坤志建永海晨博文浩然子轩宏斌栋晓东振国庆春立新";
    private const string FemaleChars = "芳娜敏静丽艳娟霞秀玲桂英慧婷雪琳晶颖倩欣悦洁梅兰月红燕萍琴璐瑶佳怡梦雨晴思萌丹薇露妍婕莉";
    private const string NeutralChars = "文明晓春海玉金宇晨安嘉子一若欣鑫雅诗";

    public static string PersonName(ref MarketRandom rng, bool female)
    {
        var sb = new StringBuilder(4);
        sb.Append(Surnames[rng.PickCumulative(SurnameCumulative)]);
        var pool = female ? FemaleChars : MaleChars;
        if (rng.Chance(0.72))
        {
            sb.Append(rng.Chance(0.3) ? NeutralChars[rng.Next(NeutralChars.Length)] : pool[rng.Next(pool.Length)]);
            sb.Append(pool[rng.Next(pool.Length)]);
        }
        else sb.Append(pool[rng.Next(pool.Length)]);
        return sb.ToString();
    }

    // Mobile prefixes in use by the three carriers.
    private static readonly string[] PhonePrefixes =
        ["130", "131", "132", "133", "135", "136", "137", "138", "139", "150", "151", "152", "153", "155", "156", "157", "158", "159",
         "166", "173", "175", "176", "177", "178", "180", "181", "182", "183", "185", "186", "187", "188", "189", "191", "198", "199"];

    /// <summary>A plausible mobile number; distinct indexes (below 10^8) give distinct numbers.</summary>
    public static string Phone(long index, int seed)
    {
        // An affine map modulo 10^8 with a multiplier coprime to 10 is a bijection, so numbers never repeat.
        var suffix = ((index + 13_579_246L + (uint)seed * 7919L) % 100_000_000L * 91_193_237L + 30_417_853L) % 100_000_000L;
        var prefix = PhonePrefixes[(int)(MarketRandom.Mix((ulong)suffix) % (ulong)PhonePrefixes.Length)];
        return prefix + suffix.ToString("D8", System.Globalization.CultureInfo.InvariantCulture);
    }

    // Schools in the zone's province and elsewhere, by the level they award.
    private static readonly string[] LocalSecondary =
        ["青岛技师学院", "青岛西海岸新区职业中等专业学校", "青岛电子学校", "青岛工贸职业学校", "青岛交通职业学校", "青岛市城阳区职业教育中心学校",
         "胶州市职业教育中心学校", "即墨区第一职业中等专业学校", "潍坊技师学院", "烟台工贸技师学院", "山东技师学院", "淄博市技师学院", "日照市技师学院", "临沂市技师学院"];
    private static readonly string[] OtherSecondary =
        ["江苏省常州技师学院", "广州市机电技师学院", "深圳技师学院", "天津市机电工艺技师学院", "河南省工业技师学院", "安徽合肥技师学院", "成都技师学院", "武汉市第一技师学院"];
    private static readonly string[] LocalAssociate =
        ["青岛职业技术学院", "青岛港湾职业技术学院", "青岛工程职业学院", "青岛远洋船员职业学院", "潍坊职业学院", "烟台职业学院", "日照职业技术学院",
         "淄博职业学院", "济南职业学院", "山东职业学院", "东营职业学院", "威海职业学院", "山东劳动职业技术学院", "滨州职业学院"];
    private static readonly string[] OtherAssociate =
        ["南京工业职业技术大学", "无锡职业技术学院", "常州机电职业技术学院", "武汉职业技术学院", "重庆电子工程职业学院", "陕西工业职业技术学院",
         "湖南铁道职业技术学院", "苏州工业园区职业技术学院", "金华职业技术大学", "深圳职业技术大学", "天津中德应用技术大学", "长春汽车职业技术大学"];
    private static readonly string[] LocalUniversity =
        ["青岛科技大学", "青岛理工大学", "青岛大学", "山东科技大学", "中国海洋大学", "山东大学", "中国石油大学(华东)", "齐鲁工业大学",
         "山东理工大学", "潍坊学院", "烟台大学", "青岛黄海学院", "青岛滨海学院", "青岛城市学院"];
    private static readonly string[] OtherUniversity =
        ["哈尔滨工业大学", "西安电子科技大学", "华中科技大学", "南京理工大学", "合肥工业大学", "大连理工大学", "东北大学", "天津大学",
         "北京航空航天大学", "西北工业大学", "电子科技大学", "南京航空航天大学", "江南大学", "沈阳航空航天大学", "河南理工大学", "长春理工大学"];
    private static readonly string[] GraduateSchools =
        ["中国海洋大学", "山东大学", "青岛科技大学", "哈尔滨工业大学", "西安电子科技大学", "华中科技大学", "天津大学", "北京航空航天大学",
         "西北工业大学", "电子科技大学", "大连理工大学", "东南大学"];

    public static string? School(ref MarketRandom rng, EducationLevel level, bool local) => level switch
    {
        EducationLevel.SecondaryVocational => rng.Pick(local ? LocalSecondary : OtherSecondary),
        EducationLevel.Associate => rng.Pick(local ? LocalAssociate : OtherAssociate),
        EducationLevel.Bachelor => rng.Pick(local ? LocalUniversity : OtherUniversity),
        EducationLevel.Master or EducationLevel.Doctor => rng.Pick(GraduateSchools),
        _ => null,
    };

    // Trade names (字号) and business words for employer names such as 青岛海卓精密机械有限公司.
    private const string NameChars = "海卓瑞恒博远腾达华鑫晟宏泰丰润科创新源盛联合天祥德信诚鼎聚力凯越宇航星辰智能巨轮东方兴昊泽汇通明阳正浩嘉宸锐思拓普睿尚瀚铭";
    private static readonly Dictionary<string, string[]> BusinessWords = new(StringComparer.Ordinal)
    {
        ["智能制造"] = ["精密机械", "智能装备", "数控科技", "自动化设备", "机械制造", "精工", "传动科技", "工业装备"],
        ["电子信息"] = ["电子科技", "电子", "通信技术", "光电科技", "智能科技", "信息技术"],
        ["新材料"] = ["新材料科技", "高分子材料", "复合材料", "特种材料", "化工新材料", "碳材料科技"],
        ["新能源"] = ["新能源科技", "电池科技", "光伏科技", "储能技术", "动力科技", "氢能科技"],
        ["生物医药"] = ["生物科技", "医药", "制药", "生物医药科技", "医疗器械", "基因科技"],
        ["集成电路"] = ["微电子", "半导体", "芯片科技", "集成电路", "芯源科技", "封测技术"],
        ["人工智能"] = ["人工智能科技", "智能科技", "数据科技", "视觉科技", "智算科技"],
        ["航空航天"] = ["航空科技", "航空装备", "航天科技", "无人机科技", "航空零部件"],
        ["机器人"] = ["机器人", "机器人科技", "智能机器人", "自动化科技", "协作机器人技术"],
    };
    private static readonly string[] ForeignBrands = ["艾默森", "博格", "斯凯孚", "奥森", "德玛格", "凯傲", "马勒斯", "欧姆泰克", "三岛", "富田", "大和精工", "韩新", "浦项", "安森美特", "泰科斯", "霍尼尔"];

    public static string EmployerName(ref MarketRandom rng, string cityShortName, string cluster, EnterpriseType type)
    {
        var word = rng.Pick(BusinessWords[cluster]);
        var trade = new string([NameChars[rng.Next(NameChars.Length)], NameChars[rng.Next(NameChars.Length)]]);
        return type switch
        {
            EnterpriseType.Foreign => $"{rng.Pick(ForeignBrands)}{trade}（{cityShortName}）{word}有限公司",
            EnterpriseType.StateOwned => rng.Chance(0.5) ? $"{cityShortName}{trade}{word}集团有限公司" : $"{cityShortName}{trade}{word}股份有限公司",
            EnterpriseType.ChainLeader => $"{cityShortName}{trade}{word}股份有限公司",
            _ => $"{cityShortName}{trade}{word}有限公司",
        };
    }

    public static string AgencyName(ref MarketRandom rng, string cityShortName)
    {
        var trade = new string([NameChars[rng.Next(NameChars.Length)], NameChars[rng.Next(NameChars.Length)]]);
        return $"{cityShortName}{trade}{rng.Pick(AgencyWords)}有限公司";
    }

    private static readonly string[] AgencyWords = ["人力资源服务", "人力资源", "人才服务", "人力资源开发", "企业管理咨询"];

    public static readonly string[] Benefits =
        ["五险一金", "带薪年假", "节日福利", "免费工作餐", "提供宿舍", "通勤班车", "年终奖", "技能等级津贴", "全勤奖", "定期体检", "技能培训", "高温补贴",
         "住房补贴", "人才公寓申请", "双休", "长白班", "加班费", "绩效奖金"];

    public static string SalaryK(int min, int max)
    {
        static string K(int v) => v % 1000 == 0 ? (v / 1000).ToString(System.Globalization.CultureInfo.InvariantCulture)
            : (v / 1000.0).ToString("0.#", System.Globalization.CultureInfo.InvariantCulture);
        return $"{K(min)}-{K(max)}K";
    }
}
