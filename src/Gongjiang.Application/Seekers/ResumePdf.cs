using System.Globalization;
using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Common.UseCases;
using Gongjiang.Application.Persistence;
using Gongjiang.Application.Talent;
using Gongjiang.Core.Common;
using Gongjiang.Core.Taxonomy;
using Microsoft.EntityFrameworkCore;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Gongjiang.Application.Seekers;

/// <summary>The seeker downloads their own résumé as a PDF (A4, Chinese, with the font embedded).</summary>
public static class DownloadResumePdf
{
    public sealed record Query : IUseCase<ResumePdfFile>;

    public sealed record ResumePdfFile(byte[] Content, string FileName);

    public sealed class Handler(AppDbContext db, SeekerScope seeker, TaxonomyCatalog catalog) : IUseCaseHandler<Query, ResumePdfFile>
    {
        public async Task<Result<ResumePdfFile>> HandleAsync(Query query, CancellationToken ct)
        {
            var talent = await seeker.TalentIdAsync(ct);
            if (!talent.Succeeded) return talent.Cast<ResumePdfFile>();
            var profile = await db.Talent.AsNoTracking().FirstAsync(t => t.Id == talent.Value, ct);
            var contact = await db.TalentContacts.AsNoTracking().FirstOrDefaultAsync(c => c.TalentId == talent.Value, ct)
                ?? new Core.Talent.TalentContact { TalentId = talent.Value };
            var pdf = ResumePdfWriter.Write(new TalentRecord(profile, contact), catalog, seeker.Today);
            return new ResumePdfFile(pdf, "简历-" + (contact.Name.Length > 0 ? contact.Name : profile.Id) + ".pdf");
        }
    }
}

/// <summary>Lays a profile out as a one-column PDF résumé: a heading with the contact data, then one section per part of the profile.</summary>
public static class ResumePdfWriter
{
    private const double Margin = 50;

    public static byte[] Write(TalentRecord record, TaxonomyCatalog catalog, DateOnly today)
    {
        CjkFontResolver.Install();
        var p = record.Profile;
        var c = record.Contact;
        using var document = new PdfDocument();
        document.Info.Title = "简历 " + c.Name;
        document.Info.Creator = "工匠 Gongjiang";
        var writer = new PageWriter(document);
        writer.Heading(c.Name.Length > 0 ? c.Name : "简历", 20);
        writer.Line(string.Join("  |  ", new[] { c.Phone, c.Email, catalog.FindRegion(p.CityCode)?.Name }.Where(s => !string.IsNullOrWhiteSpace(s))), 10);
        writer.Gap(8);

        writer.Section("求职意向");
        if (p.DesiredTitles.Count > 0) writer.Line("期望岗位：" + string.Join("、", p.DesiredTitles));
        if (p.ExpectedSalaryMin is not null || p.ExpectedSalaryMax is not null)
            writer.Line("期望月薪：" + string.Join(" – ", new[] { p.ExpectedSalaryMin, p.ExpectedSalaryMax }.Where(v => v is not null)
                .Select(v => v!.Value.ToString("N0", CultureInfo.InvariantCulture))) + " 元");
        if (p.WillingCities.Count > 0) writer.Line("意向城市：" + string.Join("、", p.WillingCities.Select(code => catalog.FindRegion(code)?.Name ?? code)));

        if (p.Occupations.Count > 0)
        {
            writer.Section("职业与技能等级");
            foreach (var o in p.Occupations)
                writer.Line((catalog.FindOccupation(o.Code)?.Name ?? o.Code) + (o.Grade is { } g ? "　" + SkillGrade.ChineseName(g) : "") + (o.Certified ? "（已取证）" : ""));
        }
        if (p.Skills.Count > 0) { writer.Section("技能"); writer.Line(string.Join("、", p.Skills)); }
        if (p.Certificates.Count > 0) { writer.Section("证书"); writer.Line(string.Join("、", p.Certificates)); }

        writer.Section("工作经历");
        writer.Line("工作年限：" + p.ExperienceYears.ToString("0.#", CultureInfo.InvariantCulture) + " 年");
        foreach (var w in p.WorkHistory)
        {
            writer.Gap(4);
            writer.Line($"{WorkHistoryRules.Month(w.Start)} – {(w.End is { } e ? WorkHistoryRules.Month(e) : "至今")}　{w.Employer}　{w.Title}", 11, bold: true);
            if (w.Duties.Length > 0) writer.Line(w.Duties);
        }

        var education = p.Education;
        if (education.Level is not null || education.School is not null)
        {
            writer.Section("教育经历");
            writer.Line(string.Join("　", new[]
            {
                education.School, education.Level is { } l ? EducationLevels.ChineseName(l) : null,
                (education.MajorCode is { } major && catalog.MajorsByCode.TryGetValue(major, out var m) ? m.Name : null), education.GraduationYear?.ToString(CultureInfo.InvariantCulture) + (education.GraduationYear is null ? "" : " 年毕业"),
            }.Where(s => !string.IsNullOrWhiteSpace(s))));
        }
        if (p.ResumeText.Length > 0) { writer.Section("自我介绍"); writer.Line(p.ResumeText); }
        writer.Gap(12);
        writer.Line("生成于 " + today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + " · 工匠人才服务平台", 8);
        writer.Close();
        using var output = new MemoryStream();
        document.Save(output, closeStream: false);
        return output.ToArray();
    }

    /// <summary>Writes lines down the page, wrapping at the margin (character by character: Chinese has no spaces) and turning pages.</summary>
    private sealed class PageWriter(PdfDocument document)
    {
        private PdfPage? page;
        private XGraphics? graphics;
        private double y;

        private XGraphics Graphics
        {
            get
            {
                if (graphics is not null) return graphics;
                page = document.AddPage();
                page.Size = PdfSharp.PageSize.A4;
                graphics = XGraphics.FromPdfPage(page);
                y = Margin;
                return graphics;
            }
        }

        public void Heading(string text, double size) => Line(text, size, bold: true);

        public void Section(string title)
        {
            Gap(10);
            Line(title, 13, bold: true);
            var g = Graphics;
            g.DrawLine(XPens.Gray, Margin, y, page!.Width.Point - Margin, y);
            y += 4;
        }

        public void Gap(double points) => y += points;

        public void Line(string text, double size = 10.5, bool bold = false)
        {
            var font = new XFont(CjkFontResolver.FaceName, size, bold ? XFontStyleEx.Bold : XFontStyleEx.Regular);
            foreach (var paragraph in text.Replace("\r", "", StringComparison.Ordinal).Split('\n'))
                foreach (var line in Wrap(paragraph, font))
                {
                    var g = Graphics;
                    var height = font.GetHeight() * 1.25;
                    if (y + height > page!.Height.Point - Margin) { Close(); g = Graphics; }
                    g.DrawString(line, font, XBrushes.Black, new XRect(Margin, y, page!.Width.Point - 2 * Margin, height), XStringFormats.TopLeft);
                    y += height;
                }
        }

        private IEnumerable<string> Wrap(string text, XFont font)
        {
            var width = PdfSharp.PageSizeConverter.ToSize(PdfSharp.PageSize.A4).Width - 2 * Margin;
            var g = Graphics;
            var start = 0;
            for (var end = 1; end <= text.Length; end++)
            {
                if (g.MeasureString(text[start..end], font).Width <= width) continue;
                var cut = Math.Max(start + 1, end - 1);
                yield return text[start..cut];
                start = cut;
            }
            if (start < text.Length || text.Length == 0) yield return text[start..];
        }

        public void Close()
        {
            graphics?.Dispose();
            graphics = null;
        }
    }
}
