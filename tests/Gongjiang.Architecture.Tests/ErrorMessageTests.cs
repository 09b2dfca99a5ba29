using System.Globalization;
using System.Reflection;
using System.Resources;
using System.Xml.Linq;
using Gongjiang.Application.Common.Results;

namespace Gongjiang.Architecture.Tests;

/// <summary>Every error code the platform can answer has its words in both languages, once.</summary>
public sealed class ErrorMessageTests
{
    private static readonly ResourceManager Messages = new("Gongjiang.Application.Common.Results.ErrorMessages", typeof(ErrorText).Assembly);

    /// <summary>The const string fields of the *Errors classes of the application and of the domain's publishing gate (PublishRefusals).</summary>
    private static List<(string Owner, string Code)> Codes() =>
        typeof(ErrorText).Assembly.GetTypes().Where(t => t.Name.EndsWith("Errors", StringComparison.Ordinal))
            .Append(typeof(Gongjiang.Core.Employers.PublishRefusals))
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral && f.FieldType == typeof(string))
                .Select(f => (t.Name, (string)f.GetRawConstantValue()!)))
            .ToList();

    [Fact]
    public void Every_code_has_a_chinese_and_an_english_message()
    {
        var codes = Codes();
        Assert.True(codes.Count > 150, $"only {codes.Count} codes found");
        var chinese = Messages.GetResourceSet(CultureInfo.InvariantCulture, createIfNotExists: true, tryParents: false)!;
        var english = Messages.GetResourceSet(CultureInfo.GetCultureInfo("en"), createIfNotExists: true, tryParents: false)!;
        var missing = codes.Where(c => string.IsNullOrWhiteSpace(chinese.GetString(c.Code))).Select(c => $"{c.Owner}: {c.Code} (zh)")
            .Concat(codes.Where(c => string.IsNullOrWhiteSpace(english.GetString(c.Code))).Select(c => $"{c.Owner}: {c.Code} (en)")).ToList();
        Assert.True(missing.Count == 0, "Codes without words:\n" + string.Join("\n", missing));
    }

    [Fact]
    public void No_two_constants_share_a_code_unless_they_mean_the_same()
    {
        var clashes = Codes().GroupBy(c => c.Code).Where(g => g.Select(c => c.Owner).Distinct().Count() > 1 && g.Count() > 1)
            .Select(g => $"{g.Key}: {string.Join(", ", g.Select(c => c.Owner))}").ToList();
        Assert.True(clashes.Count == 0, "Codes declared in more than one place:\n" + string.Join("\n", clashes));
    }

    [Theory]
    [InlineData("ErrorMessages.resx")]
    [InlineData("ErrorMessages.en.resx")]
    public void A_resource_file_names_each_code_once_and_both_files_name_the_same_codes(string file)
    {
        var folder = Path.Combine(RepositoryRoot(), "src", "Gongjiang.Application", "Common", "Results");
        var names = XDocument.Load(Path.Combine(folder, file)).Root!.Elements("data").Select(d => (string)d.Attribute("name")!).ToList();
        var twice = names.GroupBy(n => n).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.True(twice.Count == 0, $"{file} names these codes more than once: {string.Join(", ", twice)}");

        var chinese = Load(Path.Combine(folder, "ErrorMessages.resx"));
        var english = Load(Path.Combine(folder, "ErrorMessages.en.resx"));
        Assert.Empty(chinese.Keys.Except(english.Keys));
        Assert.Empty(english.Keys.Except(chinese.Keys));
    }

    /// <summary>A page text translated twice shows whichever translation the loader meets first, whatever the page meant.</summary>
    [Fact]
    public void The_page_texts_translation_names_each_text_once()
    {
        var path = Path.Combine(RepositoryRoot(), "src", "Gongjiang.Web", "Resources", "Infrastructure", "SharedResource.en.resx");
        var twice = XDocument.Load(path).Root!.Elements("data").Select(d => (string)d.Attribute("name")!)
            .GroupBy(n => n, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.True(twice.Count == 0, $"SharedResource.en.resx translates these texts more than once: {string.Join(", ", twice)}");
    }

    private static Dictionary<string, string> Load(string path) =>
        XDocument.Load(path).Root!.Elements("data").GroupBy(d => (string)d.Attribute("name")!)
            .ToDictionary(g => g.Key, g => (string?)g.First().Element("value") ?? "");

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Gongjiang.slnx"))) return dir.FullName;
        throw new InvalidOperationException("the repository root (Gongjiang.slnx) was not found above " + AppContext.BaseDirectory);
    }
}
