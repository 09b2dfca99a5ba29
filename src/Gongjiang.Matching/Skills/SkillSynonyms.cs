namespace Gongjiang.Matching.Skills;

/// <summary>
/// Skills as people write them and as the national skill standards name them (技能同义词). A line lists forms of one
/// skill separated by <c>|</c>: everyday and workshop words, certificate names, and the words of the standards' items
/// (职业功能) they stand for. The recogniser merges these lines with the skill and certificate lines of
/// <see cref="SkillLexicon"/> (lines sharing a form become one skill) and compares every form with the standard items of
/// the occupation a posting or profile names. The first form of a line is the skill's common name, used when the
/// occupation's standard has no item for it (二保焊 → 二氧化碳气体保护焊 for 焊工, whose standard lists no items here).
/// </summary>
internal static class SkillSynonyms
{
    public static readonly string[] Lines =
    [
        // Machining: CNC operation and programming (多工序数控机床操作调整工, 车工, 铣工 …)
        "数控车床编程与操作|数控机床操作|数控编程|cnc编程|cnc|数控程序编制|数控机床编程|cnc操机|数控操机|cnc操作|数控操作|cnc加工|数控加工|加工中心操作|加工中心编程|ug编程|数控车床|数控铣床|数控车|数控铣|mastercam编程|fanuc编程|发那科编程|五轴编程",
        "数控加工刀具|刀具调整|对刀|刀具选用|刀具操作|换刀",
        "夹具使用|夹具调整|装夹|工装夹具|夹具安装",
        "工艺文件|看图纸|识图|读图|图纸识读|识读图纸|工艺卡|加工工艺",
        "质量检测|质检|测量|量具使用|游标卡尺|千分尺|首件检验|尺寸检测",
        "数控机加生产线|自动化生产线|产线操作|生产线操作",
        "轴类工件加工|轴类加工|车轴|轴类零件",
        "套类工件加工|套类加工|套类零件",
        "螺纹加工|车螺纹|攻丝|螺纹车削",
        "设备维护与保养|设备保养|设备维护|机床保养|机床维护",
        // Welding (焊工 and its certificates)
        "二氧化碳气体保护焊|二保焊|co2焊|co2气体保护焊|气保焊|熔化极气体保护焊|熔化极活性气体保护焊|mag焊|二氧化碳焊",
        "钨极氩弧焊|氩弧焊|tig焊|手工钨极氩弧焊|氩弧焊接",
        "焊条电弧焊|手工电弧焊|手弧焊|电焊|电弧焊",
        "熔化焊接与热切割作业证|熔化焊接与热切割作业|焊工证|焊工操作证|电焊证|焊接与热切割作业|熔化焊接与热切割作业证",
        // Electricians (电工 and its certificates)
        "低压电工作业证|低压电工作业|电工证|低压电工证|电工操作证|电工上岗证|低压电工操作证|电工特种作业操作证",
        "高压电工作业证|高压电工作业|高压电工证|高压电工操作证|高压进网证",
        "电气设备装调维修|电气设备维修|电气维修|设备电气维修|电气设备安装调试|电气安装与调试",
        "电气自动控制系统调试维修|电气控制|电气控制系统|自动控制系统|自控系统调试",
        "交直流传动及伺服系统调试维修|伺服|伺服电机|伺服驱动|变频器|变频调速|交直流调速",
        "可编程控制器|plc|plc编程|plc控制系统|西门子plc|三菱plc|欧姆龙plc|plc调试",
        "照明线路安装|照明安装|照明线路|线路安装|布线|电路安装",
        // Robots and automation
        "系统操作与编程调试|工业机器人编程|机器人编程|示教编程|示教器|机器人调试|工业机器人操作",
        "系统编程与调试|视觉系统调试|机器视觉|视觉编程",
        // Lifting and driving
        "叉车驾驶|叉车证|叉车操作|开叉车|操作叉车|驾驶叉车|叉车司机证|n1叉车证|场(厂)内专用机动车辆作业",
        "起重机械作业|行车证|天车证|起重机司机|行车操作|天车操作|桥式起重机",
    ];
}
