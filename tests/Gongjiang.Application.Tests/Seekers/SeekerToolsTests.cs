using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using Gongjiang.Application.Common;
using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Common.UseCases;
using Gongjiang.Application.Jobs;
using Gongjiang.Application.Matching;
using Gongjiang.Application.Persistence;
using Gongjiang.Application.Recruiting;
using Gongjiang.Application.Seekers;
using Gongjiang.Application.Sharing;
using Gongjiang.Application.Talent;
using Gongjiang.Application.Tests.Infrastructure;
using Gongjiang.Application.Tests.Sharing;
using Gongjiang.Core.Jobs;
using Microsoft.Extensions.DependencyInjection;

namespace Gongjiang.Application.Tests.Seekers;

/// <summary>收藏 / 不感兴趣, blocked companies, work history, attachment résumés, the résumé PDF and benefit tags, on both databases.</summary>
public sealed class SeekerToolsTests
{
    private static readonly Actor SeekerT1 = Acting.Seeker("user-t1", "T1");
    private static readonly Actor HrE1 = Acting.Employer("user-hr-e1", "E1");
    private static readonly Actor HrE2 = Acting.Employer("user-hr-e2", "E2");

    private static async Task<Result<T>> RunAsync<T>(TestDatabase database, Actor actor, IUseCase<T> request)
    {
        await using var scope = database.Scope();
        return await scope.ServiceProvider.RunAsAsync(actor, request);
    }

    private static async Task<T> OkAsync<T>(TestDatabase database, Actor actor, IUseCase<T> request)
    {
        var result = await RunAsync(database, actor, request);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        return result.Value;
    }

    /// <summary>The seed of the sharing tests, with a second welding job at another employer (J2, E2).</summary>
    private static async Task<TestDatabase> SeededAsync(DatabaseProvider provider)
    {
        var database = await TestDatabase.CreateAsync(provider);
        await SharingSeed.SeedAsync(database);
        await using var scope = database.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = DateTime.UtcNow;
        db.Jobs.Add(new JobPosting { Id = "J2", EmployerId = "E2", Title = "氩弧焊工（夜班）", OccupationCode = "6-18-02-04", CityCode = "370211", SalaryMin = 7500, SalaryMax = 11500,
            PostedAt = DateOnly.FromDateTime(now), Status = JobStatus.Open, Description = "负责不锈钢管道氩弧焊接。", CreatedAt = now, UpdatedAt = now,
            Benefits = ["五险一金", "包吃住"] });
        db.Jobs.Add(new JobPosting { Id = "J3", EmployerId = "E1", Title = "焊接检验员", OccupationCode = "6-18-02-04", CityCode = "370211", SalaryMin = 6000, SalaryMax = 8000,
            PostedAt = DateOnly.FromDateTime(now), Status = JobStatus.Open, Description = "焊缝检验。", CreatedAt = now, UpdatedAt = now, Benefits = ["五险一金", "双休"] });
        await db.SaveChangesAsync();
        return database;
    }

    private static async Task<List<string>> RecommendedAsync(TestDatabase database) =>
        (await OkAsync(database, SeekerT1, new RecommendJobs.Query(20))).Rows.Select(r => r.Job.Id).ToList();

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Saving_lists_the_job_and_not_interested_takes_it_out_of_the_recommendations(DatabaseProvider provider)
    {
        await using var database = await SeededAsync(provider);
        Assert.Contains("J1", await RecommendedAsync(database));
        await OkAsync(database, SeekerT1, new MarkJob.Command("J1", "saved"));
        await OkAsync(database, SeekerT1, new MarkJob.Command("J1", "saved")); // twice is once
        var saved = await OkAsync(database, SeekerT1, new ListSavedJobs.Query());
        Assert.Equal(["J1"], saved.Select(s => s.Job.Id));
        Assert.True(saved[0].IsOpen);
        Assert.Equal("青岛海卓精密机械有限公司", saved[0].EmployerName);
        Assert.Contains("J1", await RecommendedAsync(database)); // saving does not hide

        await OkAsync(database, SeekerT1, new MarkJob.Command("J1", "not-interested"));
        var recommended = await RecommendedAsync(database);
        Assert.DoesNotContain("J1", recommended);
        Assert.Equal(Enumerable.Range(1, recommended.Count), (await OkAsync(database, SeekerT1, new RecommendJobs.Query(20))).Rows.Select(r => r.Match.Rank));
        var marks = await OkAsync(database, SeekerT1, new GetJobMarks.Query(["J1", "J2"]));
        Assert.True(marks.CanMark && marks.IsSaved("J1") && marks.IsNotInterested("J1") && !marks.IsSaved("J2"));

        await OkAsync(database, SeekerT1, new MarkJob.Command("J1", "not-interested", On: false));
        Assert.Contains("J1", await RecommendedAsync(database));
        await OkAsync(database, SeekerT1, new MarkJob.Command("J1", "saved", On: false));
        Assert.Empty(await OkAsync(database, SeekerT1, new ListSavedJobs.Query()));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_saved_job_that_closes_stays_listed_and_marked_closed_and_bad_marks_are_refused(DatabaseProvider provider)
    {
        await using var database = await SeededAsync(provider);
        await OkAsync(database, SeekerT1, new MarkJob.Command("J2", "saved"));
        await using (var scope = database.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            db.Jobs.Single(j => j.Id == "J2").Status = JobStatus.Closed;
            await db.SaveChangesAsync();
        }
        var saved = Assert.Single(await OkAsync(database, SeekerT1, new ListSavedJobs.Query()));
        Assert.Equal(JobStatus.Closed, saved.State);
        Assert.False(saved.IsOpen);
        await OkAsync(database, SeekerT1, new MarkJob.Command("J2", "saved")); // already saved: stays as it is
        await OkAsync(database, SeekerT1, new MarkJob.Command("J2", "saved", On: false));
        (await RunAsync(database, SeekerT1, new MarkJob.Command("J2", "saved"))).AssertFails(ErrorKind.NotFound, JobErrors.NotFound); // closed: cannot save anew
        (await RunAsync(database, SeekerT1, new MarkJob.Command("NOPE", "saved"))).AssertFails(ErrorKind.NotFound, JobErrors.NotFound);
        (await RunAsync(database, SeekerT1, new MarkJob.Command("J1", "liked"))).AssertFails(ErrorKind.Invalid, SeekerErrors.UnknownMark);
        (await RunAsync(database, HrE1, new MarkJob.Command("J1", "saved"))).AssertFails(ErrorKind.Forbidden, SeekerErrors.NotSeeker);
        Assert.False((await OkAsync(database, HrE1, new GetJobMarks.Query(["J1"]))).CanMark);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_blocked_company_cannot_find_open_invite_or_ask_for_the_seeker_and_its_jobs_leave_the_recommendations(DatabaseProvider provider)
    {
        await using var database = await SeededAsync(provider);
        async Task<List<string>> SearchAsync(Actor hr) => (await OkAsync(database, hr, new SearchTalent.Query(Text: "氩弧焊"))).Items.Select(c => c.Id).ToList();
        async Task<List<string>> RecommendedTalentAsync() => (await OkAsync(database, HrE1, new RecommendTalent.Query("J1", 20))).Rows.Select(r => r.Match.TalentId).ToList();
        async Task<List<string>> SimilarToT5Async(Actor hr) => (await OkAsync(database, hr, new FindSimilarTalent.Query("T5", 10))).Select(c => c.Id).ToList();
        // Before: E1 finds, recommends, opens T1; T1 is like T5.
        Assert.Contains("T1", await SearchAsync(HrE1));
        Assert.Contains("T1", await RecommendedTalentAsync());
        Assert.Contains("T1", await SimilarToT5Async(HrE1));
        Assert.True((await RunAsync(database, HrE1, new OpenResume.Query("T1", "web", null))).Succeeded);
        Assert.Contains("J1", await RecommendedAsync(database));

        await OkAsync(database, SeekerT1, new BlockCompany.Command("E1"));
        await OkAsync(database, SeekerT1, new BlockCompany.Command("E1")); // twice is once
        Assert.Equal(["E1"], (await OkAsync(database, SeekerT1, new ListBlockedCompanies.Query())).Select(b => b.EmployerId));

        Assert.DoesNotContain("T1", await SearchAsync(HrE1));
        Assert.Contains("T5", await SearchAsync(HrE1));
        Assert.Contains("T1", await SearchAsync(HrE2)); // other companies still find T1
        Assert.DoesNotContain("T1", await RecommendedTalentAsync());
        Assert.DoesNotContain("T1", await SimilarToT5Async(HrE1));
        Assert.Contains("T1", await SimilarToT5Async(HrE2));
        (await RunAsync(database, HrE1, new OpenResume.Query("T1", "web", null))).AssertFails(ErrorKind.NotFound, SharingErrors.TalentNotFound);
        (await RunAsync(database, HrE1, new FindSimilarTalent.Query("T1"))).AssertFails(ErrorKind.NotFound, SharingErrors.TalentNotFound);
        (await RunAsync(database, HrE1, new InviteTalent.Command("J1", "T1", "欢迎投递"))).AssertFails(ErrorKind.NotFound, InvitationErrors.TalentNotFound);
        Assert.False((await RunAsync(database, HrE1, new RequestContact.Command("T1", "招聘焊工", ["phone"]))).Succeeded);
        Assert.True((await RunAsync(database, HrE2, new OpenResume.Query("T1", "web", null))).Succeeded);
        // The seeker no longer gets the blocked company's jobs recommended.
        var recommended = await RecommendedAsync(database);
        Assert.DoesNotContain("J1", recommended);
        Assert.DoesNotContain("J3", recommended);
        Assert.Contains("J2", recommended);

        await OkAsync(database, SeekerT1, new BlockCompany.Command("E1", Block: false));
        Assert.Contains("T1", await SearchAsync(HrE1));
        Assert.Contains("T1", await RecommendedTalentAsync());
        Assert.True((await RunAsync(database, HrE1, new InviteTalent.Command("J1", "T1", "欢迎投递"))).Succeeded);
        (await RunAsync(database, SeekerT1, new BlockCompany.Command("E404"))).AssertFails(ErrorKind.NotFound, SeekerErrors.EmployerNotFound);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Work_history_is_checked_row_by_row_and_kept_on_the_profile(DatabaseProvider provider)
    {
        await using var database = await SeededAsync(provider);
        WorkExperienceRow Row(string? employer, string? title, string? start, string? end, string? duties = "焊接") =>
            new() { Employer = employer, Title = title, Start = start, End = end, Duties = duties };
        var nextYear = (DateTime.UtcNow.Year + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var bad = await RunAsync(database, SeekerT1, new SaveWorkHistory.Command([
            Row("青岛海卓", "焊工", "2020-05", "2019-01"),
            Row("", "焊工", "2020-05", ""),
            Row("青岛海卓", "焊工", nextYear + "-01", ""),
            Row("青岛海卓", "焊工", "2020/13", "去年"),
            Row(new string('厂', 101), new string('工', 61), "2020-01", "", new string('焊', 2001)),
            new WorkExperienceRow(), // blank rows are dropped
        ]));
        Assert.False(bad.Succeeded);
        var fields = bad.Errors.ToDictionary(e => e.Field!, e => e.Code);
        Assert.Equal(SeekerErrors.EndBeforeStart, fields["work_history[0].end"]);
        Assert.Equal(InputErrors.Required, fields["work_history[1].employer"]);
        Assert.Equal(SeekerErrors.InFuture, fields["work_history[2].start"]);
        Assert.Equal(SeekerErrors.NotMonth, fields["work_history[3].start"]);
        Assert.Equal(SeekerErrors.NotMonth, fields["work_history[3].end"]);
        Assert.Equal(InputErrors.TooLong, fields["work_history[4].employer"]);
        Assert.Equal(InputErrors.TooLong, fields["work_history[4].title"]);
        Assert.Equal(InputErrors.TooLong, fields["work_history[4].duties"]);
        Assert.DoesNotContain(bad.Errors, e => e.Field!.StartsWith("work_history[5]", StringComparison.Ordinal));
        Assert.Empty((await OkAsync(database, SeekerT1, new GetMyProfile.Query())).Profile.WorkHistory); // nothing kept

        var saved = await OkAsync(database, SeekerT1, new SaveWorkHistory.Command([
            Row("青岛海卓精密机械有限公司", "氩弧焊工", "2021-03", "", "不锈钢管道焊接"),
            Row("青岛造船厂", "焊工学徒", "2016-7", "2021-02", "船体分段焊接"),
        ]));
        Assert.Equal(2, saved.Count);
        var profile = (await OkAsync(database, SeekerT1, new GetMyProfile.Query())).Profile;
        Assert.Equal(["青岛海卓精密机械有限公司", "青岛造船厂"], profile.WorkHistory.Select(w => w.Employer));
        Assert.Null(profile.WorkHistory[0].End); // 至今
        Assert.Equal(new DateOnly(2016, 7, 1), profile.WorkHistory[1].Start);
        Assert.Equal(new DateOnly(2021, 2, 1), profile.WorkHistory[1].End);
        // The HR résumé view reads the same profile.
        var opened = await OkAsync(database, HrE1, new OpenResume.Query("T1", "web", null));
        Assert.Equal(2, opened.Access.Profile.WorkHistory.Count);
    }

    internal static byte[] Pdf() => Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");

    internal static byte[] Zip(params string[] entries)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var name in entries)
            {
                using var writer = new StreamWriter(zip.CreateEntry(name).Open());
                writer.Write("<w:document/>");
            }
        return buffer.ToArray();
    }

    internal static byte[] Docx() => Zip("[Content_Types].xml", "word/document.xml");

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Attachments_are_judged_by_content_and_refused_with_a_reason_keeping_nothing(DatabaseProvider provider)
    {
        await using var database = await SeededAsync(provider);
        Task<Result<Core.Talent.ResumeAttachment>> UploadAsync(byte[] bytes, string name) =>
            RunAsync(database, SeekerT1, new UploadResumeAttachment.Command(new MemoryStream(bytes), name));
        (await UploadAsync(new byte[ResumeFiles.MaxBytes + 1], "big.pdf")).AssertFails(ErrorKind.Refused, SeekerErrors.AttachmentTooLarge);
        (await UploadAsync(Encoding.UTF8.GetBytes("这不是 PDF"), "fake.pdf")).AssertFails(ErrorKind.Refused, SeekerErrors.AttachmentType);
        (await UploadAsync(Docx(), "resume.pdf")).AssertFails(ErrorKind.Refused, SeekerErrors.AttachmentExtension);
        (await UploadAsync(Pdf(), "resume.docx")).AssertFails(ErrorKind.Refused, SeekerErrors.AttachmentExtension);
        (await UploadAsync(Zip("readme.txt"), "resume.docx")).AssertFails(ErrorKind.Refused, SeekerErrors.AttachmentType);
        (await UploadAsync(Encoding.ASCII.GetBytes("PK\u0003\u0004broken"), "resume.docx")).AssertFails(ErrorKind.Refused, SeekerErrors.AttachmentType);
        (await UploadAsync([], "empty.pdf")).AssertFails(ErrorKind.Refused, SeekerErrors.AttachmentRequired);
        Assert.Empty(await OkAsync(database, SeekerT1, new ListResumeAttachments.Query()));

        var pdf = (await UploadAsync(Pdf(), "张伟 简历.pdf")).Value;
        var docx = (await UploadAsync(Docx(), "../../etc/简历.docx")).Value;
        Assert.Equal(ResumeFiles.Pdf, pdf.ContentType);
        Assert.Equal("张伟 简历.pdf", pdf.FileName);
        Assert.Equal("简历.docx", docx.FileName);
        Assert.Equal(64, pdf.FileHash.Length);
        var listed = await OkAsync(database, SeekerT1, new ListResumeAttachments.Query());
        Assert.Equal(2, listed.Count);
        await using (var file = (await OkAsync(database, SeekerT1, new GetResumeAttachmentFile.Query(pdf.Id))).Content)
        {
            using var copy = new MemoryStream();
            await file.CopyToAsync(copy);
            Assert.Equal(Pdf(), copy.ToArray());
        }
        await OkAsync(database, SeekerT1, new DeleteResumeAttachment.Command(docx.Id));
        Assert.Equal([pdf.Id], (await OkAsync(database, SeekerT1, new ListResumeAttachments.Query())).Select(a => a.Id));
        (await RunAsync(database, Acting.Seeker("user-t2", "T2"), new DeleteResumeAttachment.Command(pdf.Id))).AssertFails(ErrorKind.NotFound, SeekerErrors.AttachmentNotFound);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Attachments_reach_an_employer_only_with_the_contact_data_and_each_download_is_logged(DatabaseProvider provider)
    {
        await using var database = await SeededAsync(provider);
        var pdf = await OkAsync(database, SeekerT1, new UploadResumeAttachment.Command(new MemoryStream(Pdf()), "简历.pdf"));
        // E2 sees T1 in the shared pool with the contact masked: no attachments; neither does an operator.
        (await RunAsync(database, HrE2, new ListResumeAttachments.Query("T1"))).AssertFails(ErrorKind.NotFound, SharingErrors.TalentNotFound);
        (await RunAsync(database, HrE2, new GetResumeAttachmentFile.Query(pdf.Id))).AssertFails(ErrorKind.NotFound, SeekerErrors.AttachmentNotFound);
        (await RunAsync(database, Acting.Operator(), new GetResumeAttachmentFile.Query(pdf.Id))).AssertFails(ErrorKind.NotFound, SeekerErrors.AttachmentNotFound);
        (await RunAsync(database, Acting.Seeker("user-t2", "T2"), new GetResumeAttachmentFile.Query(pdf.Id))).AssertFails(ErrorKind.NotFound, SeekerErrors.AttachmentNotFound);
        // Applying to E1 hands E1 the contact data, and with it the attachments.
        await OkAsync(database, SeekerT1, new ApplyToJob.Command("J1"));
        Assert.Equal([pdf.Id], (await OkAsync(database, HrE1, new ListResumeAttachments.Query("T1"))).Select(a => a.Id));
        (await OkAsync(database, HrE1, new GetResumeAttachmentFile.Query(pdf.Id))).Content.Dispose();
        await using (var scope = database.Scope())
        {
            var views = scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<ResumeView>().Where(v => v.TalentId == "T1" && v.Channel == "attachment").ToList();
            Assert.Equal("E1", Assert.Single(views).ViewerEmployerId);
        }
        // Blocking E1 ends it.
        await OkAsync(database, SeekerT1, new BlockCompany.Command("E1"));
        (await RunAsync(database, HrE1, new GetResumeAttachmentFile.Query(pdf.Id))).AssertFails(ErrorKind.NotFound, SeekerErrors.AttachmentNotFound);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_export_carries_and_erasing_the_account_removes_the_marks_blocks_attachments_chats_and_the_stored_files(DatabaseProvider provider)
    {
        await using var database = await SeededAsync(provider);
        await using (var scope = database.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            db.Users.Add(new Gongjiang.Application.Identity.AppUser { Id = "user-t1", UserName = "t1", NormalizedUserName = "T1", DisplayName = "张伟", TalentId = "T1" });
            await db.SaveChangesAsync();
        }
        var unique = Encoding.ASCII.GetBytes("%PDF-1.4\n% erased " + Guid.NewGuid() + "\n%%EOF\n");
        var attachment = await OkAsync(database, SeekerT1, new UploadResumeAttachment.Command(new MemoryStream(unique), "简历.pdf"));
        await OkAsync(database, SeekerT1, new MarkJob.Command("J1", "saved"));
        await OkAsync(database, SeekerT1, new BlockCompany.Command("E2"));
        var chat = await OkAsync(database, SeekerT1, new Gongjiang.Application.Chat.StartConversation.Command("J1"));
        await OkAsync(database, SeekerT1, new Gongjiang.Application.Chat.SendMessage.Command(chat.Id, "您好，这个岗位还招人吗？"));
        await using (var scope = database.Scope())
        {
            // 我的数据: everything the seeker keeps here is in the export.
            var export = (await scope.ServiceProvider.GetRequiredService<Gongjiang.Application.Privacy.PrivacyService>().ExportAsync("user-t1"))!;
            Assert.Equal(attachment.Id, Assert.Single(export.Attachments).Id);
            Assert.Equal(("J1", "Saved"), (Assert.Single(export.JobMarks).JobId, export.JobMarks[0].Kind));
            Assert.Equal("E2", Assert.Single(export.BlockedCompanies).EmployerId);
            var conversation = Assert.Single(export.Conversations);
            Assert.Equal(("J1", "您好，这个岗位还招人吗？"), (conversation.JobId, Assert.Single(conversation.Messages, m => m.Kind == "Text").Text));
        }
        string path;
        await using (var scope = database.Scope())
        {
            path = Path.Combine(scope.ServiceProvider.GetRequiredService<ResumeFileOptions>().Directory, attachment.FileHash);
            Assert.True(File.Exists(path));
            Assert.NotNull(await scope.ServiceProvider.GetRequiredService<Gongjiang.Application.Privacy.PrivacyService>().EraseAsync("user-t1", "request"));
        }
        Assert.False(File.Exists(path));
        await using (var scope = database.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            Assert.False(db.ResumeAttachments.Any(a => a.TalentId == "T1"));
            Assert.False(db.JobMarks.Any(m => m.TalentId == "T1"));
            Assert.False(db.CompanyBlocks.Any(b => b.TalentId == "T1"));
            Assert.False(db.Conversations.Any(c => c.TalentId == "T1"));
            Assert.False(db.ChatMessages.Any(m => m.ConversationId == chat.Id));
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_resume_pdf_opens_has_pages_and_carries_the_name_and_work_history(DatabaseProvider provider)
    {
        await using var database = await SeededAsync(provider);
        await OkAsync(database, SeekerT1, new SaveWorkHistory.Command([new WorkExperienceRow
        {
            Employer = "青岛海卓精密机械有限公司", Title = "氩弧焊工", Start = "2021-03", Duties = string.Concat(Enumerable.Repeat("不锈钢管道氩弧焊接，压力容器焊缝返修。", 40)),
        }]));
        var file = await OkAsync(database, SeekerT1, new DownloadResumePdf.Query());
        Assert.StartsWith("%PDF-", Encoding.ASCII.GetString(file.Content, 0, 8), StringComparison.Ordinal);
        Assert.Equal("简历-张伟.pdf", file.FileName);
        using (var document = PdfSharp.Pdf.IO.PdfReader.Open(new MemoryStream(file.Content), PdfSharp.Pdf.IO.PdfDocumentOpenMode.Import))
            Assert.True(document.PageCount >= 1);
        var text = PdfText(file.Content);
        Assert.Contains("张伟", text, StringComparison.Ordinal);
        Assert.Contains("青岛海卓精密机械有限公司", text, StringComparison.Ordinal);
        Assert.Contains("至今", text, StringComparison.Ordinal);
        (await RunAsync(database, HrE1, new DownloadResumePdf.Query())).AssertFails(ErrorKind.Forbidden, SeekerErrors.NotSeeker);
    }

    /// <summary>The PDF's text as poppler's pdftotext reads it (scripts/test.sh installs poppler-utils).</summary>
    private static string PdfText(byte[] pdf)
    {
        var path = Path.Combine(Path.GetTempPath(), $"gongjiang-resume-{Guid.NewGuid():N}.pdf");
        File.WriteAllBytes(path, pdf);
        try
        {
            using var process = Process.Start(new ProcessStartInfo("pdftotext", ["-enc", "UTF-8", path, "-"]) { RedirectStandardOutput = true, RedirectStandardError = true })!;
            var text = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            Assert.True(process.ExitCode == 0, process.StandardError.ReadToEnd());
            return text.Replace("\n", "", StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Job_search_filters_on_any_or_all_benefit_tags_and_refuses_unknown_ones(DatabaseProvider provider)
    {
        await using var database = await SeededAsync(provider);
        async Task<List<string>> SearchAsync(string benefits, string? match = null) =>
            (await OkAsync(database, SeekerT1, new SearchJobs.Query(Benefits: benefits, BenefitsMatch: match))).Result.Items.Select(j => j.Id).Order().ToList();
        Assert.Equal(["J2", "J3"], await SearchAsync("五险一金"));
        Assert.Equal(["J2", "J3"], await SearchAsync("包吃住,双休", "any"));
        Assert.Equal(["J2", "J3"], await SearchAsync("包吃住，双休", "any"));
        Assert.Equal(["J2"], await SearchAsync("包吃住 五险一金"));   // all, the default
        Assert.Equal(["J2"], await SearchAsync("包吃住 五险一金", "all"));
        Assert.Empty(await SearchAsync("包吃住,双休", "all"));
        Assert.Equal(["J1", "J2", "J3"], await SearchAsync(""));
        (await RunAsync(database, SeekerT1, new SearchJobs.Query(Benefits: "包分配对象"))).AssertFails(ErrorKind.Invalid, JobErrors.UnknownBenefit);
        (await RunAsync(database, SeekerT1, new SearchJobs.Query(Benefits: "双休", BenefitsMatch: "most"))).AssertFails(ErrorKind.Invalid, JobErrors.BenefitMatch);
    }
}
