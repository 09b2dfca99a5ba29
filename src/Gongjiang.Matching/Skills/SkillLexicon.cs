namespace Gongjiang.Matching.Skills;

/// <summary>
/// Common skills and certificates of job descriptions and résumés in manufacturing and services.
/// A line lists the canonical name first, then other spellings, separated by <c>|</c>.
/// </summary>
internal static class SkillLexicon
{
    public static readonly string[] Skills =
    [
        // Machining and fabrication
        "数控车床|数控车", "数控铣床|数控铣", "数控编程|cnc编程|数控程序编制", "CNC|cnc加工|cnc操机", "加工中心|立式加工中心|卧式加工中心|五轴加工中心",
        "普通车床|普车", "铣床", "磨床|平面磨床|外圆磨床", "线切割|慢走丝|快走丝", "电火花", "三坐标|三坐标测量", "钳工", "FANUC系统|fanuc|发那科", "西门子数控系统|西门子系统|sinumerik",
        "氩弧焊", "二氧化碳气体保护焊|二保焊|co2气体保护焊|气保焊", "手工电弧焊|手弧焊", "埋弧焊", "激光焊|激光焊接", "气焊", "电焊", "焊接工艺评定",
        "钣金", "冲压", "注塑", "模具设计", "模具维修|修模", "热处理", "喷涂|喷漆", "电镀", "铸造", "锻造", "装配|机械装配",
        "机械制图", "识图|看图纸|图纸识读|识读图纸", "公差配合|形位公差", "gd&t",
        // Design software
        "CAD|cad制图|cad绘图", "AutoCAD", "SolidWorks|solid works", "UG|ug nx|nx", "Pro/E|proe|pro/engineer", "Creo", "CATIA", "Inventor",
        "CAXA", "Mastercam", "PowerMill", "3D打印|增材制造", "BIM|revit", "3ds Max|3dmax|3dsmax", "Photoshop|ps", "Illustrator|ai设计", "CorelDRAW",
        "C4D|cinema 4d", "Premiere|pr剪辑", "Altium Designer|altium|ad画板", "PCB设计|pcb layout|pcb",
        // Electrical and automation
        "PLC|plc编程|可编程控制器", "西门子PLC|西门子plc|s7-1200|s7-1500|s7-200", "三菱PLC|三菱plc", "欧姆龙PLC|欧姆龙plc", "变频器", "伺服|伺服电机|伺服驱动",
        "触摸屏|hmi", "组态软件|wincc|组态王", "电气控制|电气控制系统", "电气图纸|电气原理图|电路图", "电气安装", "低压配电", "高压配电", "电机维修",
        "工业机器人|工业机器人编程|机器人编程", "示教器", "机器视觉|视觉检测", "dcs|dcs系统", "scada", "液压|液压系统", "气动|气动系统",
        "单片机|stm32|51单片机", "嵌入式|嵌入式开发", "电路设计|硬件电路设计", "smt|表面贴装", "电子焊接|焊锡",
        // Quality and production management
        "质量检验|质检", "无损检测|探伤|超声波探伤|磁粉探伤", "spc", "msa", "fmea", "ppap", "apqp", "8d|8d报告", "qc七大手法",
        "六西格玛|6sigma|6西格玛", "精益生产|lean", "5S|5s管理", "6S|6s管理", "iso9001|iso 9001", "iatf16949|ts16949", "mes|mes系统", "erp|erp系统", "sap",
        // Software and office
        "Python", "Java", "C语言", "C++", "C#", ".NET", "JavaScript|js", "Linux", "SQL|mysql|sql server", "MATLAB", "Excel|excel表格", "Office|办公软件|word",
        "数据分析", "机器学习", "深度学习",
        // Equipment and services
        "叉车驾驶|叉车操作|开叉车|操作叉车|驾驶叉车", "行车操作|天车操作", "起重吊装", "设备维修", "设备维护|设备保养", "电梯维保|电梯维修", "空调维修|制冷维修", "汽车维修|汽修",
        "钢筋绑扎", "砌筑", "水电安装", "仓储管理|仓库管理", "物流管理", "采购管理", "成本核算", "财务报表", "账务处理", "出纳", "报关", "外贸", "英语|英文",
        "普通话", "客户服务", "直播带货", "短视频剪辑|视频剪辑", "新媒体运营", "烹饪|烹调", "面点", "烘焙", "咖啡制作", "茶艺", "美发", "美容", "美甲", "按摩|推拿",
        "养老护理", "育婴", "护理",
    ];

    public static readonly (string Names, int? Grade)[] Certificates =
    [
        ("高级技师证|高级技师证书|一级证书|一级职业技能等级证书", 1),
        ("技师证|技师证书|二级证书|二级职业技能等级证书", 2),
        ("高级工证|高级工证书|高级技工证|三级证书|三级职业技能等级证书|高级职业资格证书|高级职业资格证", 3),
        ("中级工证|中级工证书|中级技工证|四级证书|四级职业技能等级证书|中级职业资格证书|中级职业资格证", 4),
        ("初级工证|初级工证书|初级技工证|五级证书|五级职业技能等级证书|初级职业资格证书|初级职业资格证", 5),
        ("职业技能等级证书|技能等级证书|职业技能等级证", null),
        ("职业资格证书|职业资格证", null),
        ("特种作业操作证|特种作业证|特种作业人员操作证|特种作业资格证", null),
        ("特种设备作业人员证|特种设备操作证|特种设备作业证", null),
        ("一级建造师|一建", null), ("二级建造师|二建", null), ("注册安全工程师", null), ("注册会计师|cpa", null),
        ("初级会计职称|初级会计证|初级会计师", null), ("中级会计职称|中级会计师", null), ("教师资格证|教师资格证书", null),
        ("护士执业证|护士资格证|护士执业资格证", null), ("执业医师资格证|执业医师证", null), ("执业药师|执业药师证", null),
        ("健康证", null), ("驾驶证|驾照", null), ("a1驾照|a1驾驶证", null), ("a2驾照|a2驾驶证", null), ("b2驾照|b2驾驶证", null), ("c1驾照|c1驾驶证", null),
        ("PMP|pmp证书", null), ("英语四级|cet-4|cet4", null), ("英语六级|cet-6|cet6", null), ("计算机二级", null),
        ("安全员C证|安全员c证|c证", null), ("人力资源管理师证|人力资源管理师资格证", null),
    ];

    /// <summary>Crafts whose certificate is written as craft + 证/操作证/上岗证 (焊工证, 电工上岗证, 叉车操作证).</summary>
    public static readonly string[] CertifiedCrafts =
    [
        "焊工", "电工", "低压电工", "高压电工", "维修电工", "叉车", "行车", "起重机", "起重", "电梯", "锅炉", "压力容器", "制冷", "登高", "高处作业",
        "安全员", "消防设施操作员", "消防", "厨师", "育婴师", "保育员", "养老护理员", "美容师", "美发师", "电焊", "氩弧焊", "挖掘机", "装载机", "塔吊",
        "危化品", "司索", "架子工", "船员",
    ];

    /// <summary>Standard items shorter than four characters that still name a skill.</summary>
    public static readonly HashSet<string> ShortStandardItems = new(StringComparer.Ordinal)
    {
        "云技术", "云计算", "染发", "按摩", "测绘", "刺绣", "砌筑", "布线", "酿酒", "调音", "肺康复", "配种", "制曲", "制版",
    };

    /// <summary>Standard items that occur in nearly every standard.</summary>
    public static readonly HashSet<string> GenericStandardItems = new(StringComparer.Ordinal)
    {
        "生产操作", "技术管理", "制作产品", "管理与指导", "技术指导", "技术管理与指导", "指导与管理", "业务管理", "综合管理",
        "工作实施", "工作评价", "工作总结", "技术改进", "技术创新", "方案制定", "质量管理", "安全管理", "生产管理",
    };
}
