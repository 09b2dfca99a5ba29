using System.Globalization;
using System.Reflection;
using Gongjiang.Application.Campus;
using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Headhunting;

namespace Gongjiang.Application.Tests.Headhunting;

public sealed class ErrorCodeMessagesTests
{
    public static TheoryData<string> Codes()
    {
        var data = new TheoryData<string>();
        foreach (var type in new[] { typeof(HeadhuntingErrors), typeof(CampusErrors) })
            foreach (var field in type.GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral))
                data.Add((string)field.GetRawConstantValue()!);
        return data;
    }

    [Theory]
    [MemberData(nameof(Codes))]
    public void Every_headhunting_and_campus_code_has_a_chinese_and_an_english_message(string code)
    {
        var chinese = ErrorText.Template(code, CultureInfo.GetCultureInfo("zh-CN"));
        var english = ErrorText.Template(code, CultureInfo.GetCultureInfo("en"));
        Assert.False(string.IsNullOrWhiteSpace(chinese), code);
        Assert.False(string.IsNullOrWhiteSpace(english), code);
        Assert.NotEqual(chinese, english);
    }
}
