using System.Text.Json.Serialization;
using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Common.UseCases;
using Gongjiang.Application.Identity;
using Gongjiang.Application.Seekers;
using Gongjiang.Core.Talent;
using Gongjiang.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Gongjiang.Web.Api;

/// <summary>The seekers' everyday tools: 收藏 and 不感兴趣 on jobs, blocked companies, work history, attachment résumés, the résumé as PDF.</summary>
public static class SeekersApi
{
    public static RouteGroupBuilder MapSeekersApi(this RouteGroupBuilder v1)
    {
        var me = v1.MapGroup("/me").WithTags("Seeker tools").RequireAuthorization(p => p.RequireRole(Roles.Seeker));
        me.MapGet("/saved-jobs", SavedJobs).WithName("GetSavedJobs").WithSummary("我的收藏: saved jobs, last saved first; closed ones say so in state");
        me.MapPut("/saved-jobs/{jobId}", (string jobId, IUseCases u, CancellationToken ct) => Mark(jobId, JobMarks.Saved, true, u, ct))
            .WithName("SaveJobForLater").WithSummary("收藏 an open job (again is the same as once)");
        me.MapDelete("/saved-jobs/{jobId}", (string jobId, IUseCases u, CancellationToken ct) => Mark(jobId, JobMarks.Saved, false, u, ct))
            .WithName("UnsaveJob").WithSummary("Take a job out of 我的收藏");
        me.MapPut("/not-interested-jobs/{jobId}", (string jobId, IUseCases u, CancellationToken ct) => Mark(jobId, JobMarks.NotInterested, true, u, ct))
            .WithName("MarkJobNotInterested").WithSummary("不感兴趣: the job no longer appears in 为你推荐");
        me.MapDelete("/not-interested-jobs/{jobId}", (string jobId, IUseCases u, CancellationToken ct) => Mark(jobId, JobMarks.NotInterested, false, u, ct))
            .WithName("UnmarkJobNotInterested").WithSummary("Take back 不感兴趣");
        me.MapGet("/blocked-companies", Blocked).WithName("GetBlockedCompanies").WithSummary("Companies the seeker blocked");
        me.MapPut("/blocked-companies/{employerId}", (string employerId, IUseCases u, CancellationToken ct) => Block(employerId, true, u, ct))
            .WithName("BlockCompany").WithSummary("屏蔽公司: it no longer finds, opens or invites the seeker's résumé");
        me.MapDelete("/blocked-companies/{employerId}", (string employerId, IUseCases u, CancellationToken ct) => Block(employerId, false, u, ct))
            .WithName("UnblockCompany").WithSummary("Lift a block");

        var talent = v1.MapGroup("/talent").WithTags("Talent");
        talent.MapPut("/me/work-history", SaveWorkHistory).WithName("SaveMyWorkHistory")
            .WithSummary("Replace the seeker's work history: months as yyyy-MM, end empty for 至今; end not before start, nothing later than this month")
            .RequireAuthorization(p => p.RequireRole(Roles.Seeker));
        talent.MapGet("/me/attachments", MyAttachments).WithName("GetMyAttachments").WithSummary("The seeker's attachment résumés")
            .RequireAuthorization(p => p.RequireRole(Roles.Seeker));
        talent.MapPost("/me/attachments", Upload).WithName("UploadAttachment")
            .WithSummary("Upload an attachment résumé (multipart field file): PDF or DOCX by content, at most 5 MB, the extension matching the content")
            .RequireAuthorization(p => p.RequireRole(Roles.Seeker)).DisableAntiforgery()
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(ResumeFiles.MaxBytes + 64 * 1024));
        talent.MapDelete("/me/attachments/{id}", Delete).WithName("DeleteAttachment").WithSummary("Delete one of the seeker's attachment résumés")
            .RequireAuthorization(p => p.RequireRole(Roles.Seeker));
        talent.MapGet("/me/resume.pdf", Pdf).WithName("DownloadMyResumePdf").WithSummary("The seeker's résumé as a PDF")
            .RequireAuthorization(p => p.RequireRole(Roles.Seeker));
        talent.MapGet("/{id}/attachments", TheirAttachments).WithName("GetTalentAttachments")
            .WithSummary("A seeker's attachment résumés, for an employer to whom the seeker's contact data is revealed (an application or a full grant); others 404")
            .RequireAuthorization();
        talent.MapGet("/attachments/{id}", Download).WithName("DownloadAttachment")
            .WithSummary("One attachment résumé's file: its owner, or an employer to whom the contact data is revealed (the download is logged as a view)")
            .RequireAuthorization();
        return v1;
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Mark(string jobId, string kind, bool on, IUseCases useCases, CancellationToken ct) =>
        (await useCases.RunAsync(new MarkJob.Command(jobId, kind, on), ct)).ToNoContent();

    private static async Task<Results<NoContent, ProblemHttpResult>> Block(string employerId, bool block, IUseCases useCases, CancellationToken ct) =>
        (await useCases.RunAsync(new BlockCompany.Command(employerId, block), ct)).ToNoContent();

    private static async Task<Results<Ok<List<SavedJobResponse>>, ProblemHttpResult>> SavedJobs(IUseCases useCases, CancellationToken ct) =>
        (await useCases.RunAsync(new ListSavedJobs.Query(), ct)).ToHttp(list => list.Select(s =>
            new SavedJobResponse(JobResponse.Of(s.Job), s.EmployerName, s.SavedAt, s.State.ToString().ToLowerInvariant())).ToList());

    private static async Task<Results<Ok<List<BlockedCompanyResponse>>, ProblemHttpResult>> Blocked(IUseCases useCases, CancellationToken ct) =>
        (await useCases.RunAsync(new ListBlockedCompanies.Query(), ct)).ToHttp(list => list.Select(b => new BlockedCompanyResponse(b.EmployerId, b.Name, b.BlockedAt)).ToList());

    private static async Task<Results<Ok<List<WorkHistoryEntry>>, ProblemHttpResult>> SaveWorkHistory(List<WorkHistoryEntry?> body, IUseCases useCases, CancellationToken ct) =>
        (await useCases.RunAsync(new SaveWorkHistory.Command(body.Select(e => e?.ToRow()).ToList()), ct)).ToHttp(list => list.Select(WorkHistoryEntry.Of).ToList());

    private static async Task<Results<Ok<List<AttachmentResponse>>, ProblemHttpResult>> MyAttachments(IUseCases useCases, CancellationToken ct) =>
        (await useCases.RunAsync(new ListResumeAttachments.Query(), ct)).ToHttp(list => list.Select(AttachmentResponse.Of).ToList());

    private static async Task<Results<Ok<List<AttachmentResponse>>, ProblemHttpResult>> TheirAttachments(string id, IUseCases useCases, CancellationToken ct) =>
        (await useCases.RunAsync(new ListResumeAttachments.Query(id), ct)).ToHttp(list => list.Select(AttachmentResponse.Of).ToList());

    /// <summary>The file arrives as a multipart form (field <c>file</c>); the use case judges its size and content.</summary>
    private static async Task<Results<Created<AttachmentResponse>, ProblemHttpResult>> Upload(HttpContext http, IUseCases useCases, CancellationToken ct)
    {
        IFormFile? file = null;
        try
        {
            if (http.Request.HasFormContentType) file = (await http.Request.ReadFormAsync(ct)).Files.GetFile("file");
        }
        catch (InvalidDataException)
        {
            // A multipart body without any part carries no file: the use case says what is missing.
        }
        catch (IOException)
        {
        }
        await using var stream = file?.OpenReadStream();
        return (await useCases.RunAsync(new UploadResumeAttachment.Command(stream, file?.FileName), ct))
            .ToCreated(a => "/api/v1/talent/attachments/" + a.Id, AttachmentResponse.Of);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Delete(string id, IUseCases useCases, CancellationToken ct) =>
        (await useCases.RunAsync(new DeleteResumeAttachment.Command(id), ct)).ToNoContent();

    private static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> Download(string id, IUseCases useCases, CancellationToken ct)
    {
        var file = await useCases.RunAsync(new GetResumeAttachmentFile.Query(id), ct);
        if (!file.Succeeded) return ResultHttp.Problem(file.Errors);
        return TypedResults.File(file.Value.Content, file.Value.ContentType, file.Value.FileName);
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> Pdf(IUseCases useCases, CancellationToken ct)
    {
        var pdf = await useCases.RunAsync(new DownloadResumePdf.Query(), ct);
        if (!pdf.Succeeded) return ResultHttp.Problem(pdf.Errors);
        return TypedResults.File(pdf.Value.Content, "application/pdf", pdf.Value.FileName);
    }
}

public sealed record SavedJobResponse(
    [property: JsonPropertyName("job")] JobResponse Job,
    [property: JsonPropertyName("employer_name")] string EmployerName,
    [property: JsonPropertyName("saved_at")] DateTime SavedAt,
    [property: JsonPropertyName("state")] string State);

public sealed record BlockedCompanyResponse(
    [property: JsonPropertyName("employer_id")] string EmployerId,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("blocked_at")] DateTime BlockedAt);

/// <summary>One work history entry: months as yyyy-MM, <c>end</c> null (or empty) for 至今.</summary>
public sealed record WorkHistoryEntry(
    [property: JsonPropertyName("employer")] string? Employer,
    [property: JsonPropertyName("title")] string? Title,
    [property: JsonPropertyName("start")] string? Start,
    [property: JsonPropertyName("end")] string? End,
    [property: JsonPropertyName("duties")] string? Duties)
{
    public static WorkHistoryEntry Of(WorkExperience w) =>
        new(w.Employer, w.Title, WorkHistoryRules.Month(w.Start), w.End is { } e ? WorkHistoryRules.Month(e) : null, w.Duties);

    public WorkExperienceRow ToRow() => new() { Employer = Employer, Title = Title, Start = Start, End = End, Duties = Duties };
}

public sealed record AttachmentResponse(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("file_name")] string FileName,
    [property: JsonPropertyName("content_type")] string ContentType,
    [property: JsonPropertyName("size")] long Size,
    [property: JsonPropertyName("uploaded_at")] DateTime UploadedAt,
    [property: JsonPropertyName("download")] string Download)
{
    public static AttachmentResponse Of(ResumeAttachment a) =>
        new(a.Id, a.FileName, a.ContentType, a.Size, a.UploadedAt, "/api/v1/talent/attachments/" + a.Id);
}
