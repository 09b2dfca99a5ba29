using System.Globalization;
using System.Reflection;
using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Compliance;
using Gongjiang.Application.Employers;
using Gongjiang.Application.Import;
using Gongjiang.Application.Taxonomy;

namespace Gongjiang.Application.Tests.Compliance;

public sealed class ComplianceErrorMessagesTests
{
    public static TheoryData<string> Codes()
    {
        var data = new TheoryData<string>();
        foreach (var type in new[] { typeof(ComplianceErrors), typeof(EmployerErrors), typeof(ImportErrors), typeof(TaxonomyErrors) })
            foreach (var field in type.GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral))
                data.Add((string)field.GetRawConstantValue()!);
        return data;
    }

    [Theory]
    [MemberData(nameof(Codes))]
    public void Every_code_has_a_chinese_and_an_english_message(string code)
    {
        var chinese = ErrorText.Template(code, CultureInfo.GetCultureInfo("zh-CN"));
        var english = ErrorText.Template(code, CultureInfo.GetCultureInfo("en"));
        Assert.False(string.IsNullOrWhiteSpace(chinese), code);
        Assert.False(string.IsNullOrWhiteSpace(english), code);
        Assert.NotEqual(chinese, english);
    }

    [Fact]
    public void A_message_keeps_the_wording_users_know_and_formats_its_arguments()
    {
        var error = Error.RefusedField("licensed_name", EmployerErrors.NamesDiffer, "青岛海卓机械有限公司", "青岛海卓精密机械有限公司");
        Assert.Equal("营业执照上的名称「青岛海卓机械有限公司」与注册名称「青岛海卓精密机械有限公司」不一致。", ErrorText.For(error, CultureInfo.GetCultureInfo("zh-CN")));
        Assert.Equal("描述最多 2000 个字符。", ErrorText.For(Error.Invalid("description", ComplianceErrors.DescriptionTooLong, 2000), CultureInfo.GetCultureInfo("zh-CN")));
    }
}
