using System.Globalization;
using System.Resources;

namespace Gongjiang.Application.Common.Results;

/// <summary>
/// The words of an error, looked up by its code in <c>ErrorMessages.resx</c> (zh-CN, the default) and
/// <c>ErrorMessages.en.resx</c>; the arguments are formatted into the resource's text, never the other way round.
/// </summary>
public static class ErrorText
{
    private static readonly ResourceManager Messages = new("Gongjiang.Application.Common.Results.ErrorMessages", typeof(ErrorText).Assembly);
    private static readonly CultureInfo EnglishCulture = CultureInfo.GetCultureInfo("en");

    /// <summary>The message in the current UI culture.</summary>
    public static string For(Error error) => For(error, CultureInfo.CurrentUICulture);

    public static string For(Error error, CultureInfo culture)
    {
        var template = Template(error.Code, culture);
        if (template is null) return error.Code;
        var args = error.Args.Select(a => a is IFormattable f ? f.ToString(null, CultureInfo.InvariantCulture) : a?.ToString() ?? "").ToArray<object?>();
        return args.Length == 0 ? template : string.Format(culture, template, args);
    }

    /// <summary>The message in English, as the command line and the logs print it.</summary>
    public static string English(Error error) => For(error, EnglishCulture);

    /// <summary>"field: message" in English, the command line's form of an input error.</summary>
    public static string EnglishWithField(Error error) => error.Field is null ? English(error) : $"{error.Field}: {English(error)}";

    /// <summary>
    /// All errors on one line in English, grouped by field as the command line and the import report print them:
    /// "salary: min 9000 is greater than max 8000; city: unknown city code '999999'".
    /// </summary>
    public static string EnglishLine(IEnumerable<Error> errors) =>
        string.Join("; ", errors.GroupBy(e => e.Field).Select(g => g.Key is null
            ? string.Join(", ", g.Select(English))
            : $"{g.Key}: {string.Join(", ", g.Select(English))}"));

    /// <summary>The resource text of a code, or null when the resources lack it (a test keeps every code covered).</summary>
    public static string? Template(string code, CultureInfo culture) => Messages.GetString(code, culture);
}
