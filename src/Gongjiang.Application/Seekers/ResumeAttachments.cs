using Gongjiang.Application.Common;
using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Common.UseCases;
using Gongjiang.Application.Persistence;
using Gongjiang.Application.Sharing;
using Gongjiang.Core.Common;
using Gongjiang.Core.Talent;
using Microsoft.EntityFrameworkCore;

namespace Gongjiang.Application.Seekers;

/// <summary>
/// The seeker uploads an attachment résumé (附件简历): a PDF or DOCX of at most 5 MB, judged by its content, whose name's
/// extension says the same (a DOCX named .pdf is refused). The bytes go to the file store; the row describes them.
/// Nothing is kept when anything is wrong.
/// </summary>
public static class UploadResumeAttachment
{
    public sealed record Command(Stream? Content, string? FileName) : IUseCase<ResumeAttachment>;

    public sealed class Handler(AppDbContext db, SeekerScope seeker, ResumeFileOptions options, TimeProvider clock) : IUseCaseHandler<Command, ResumeAttachment>
    {
        public async Task<Result<ResumeAttachment>> HandleAsync(Command command, CancellationToken ct)
        {
            var talent = await seeker.TalentIdAsync(ct);
            if (!talent.Succeeded) return talent.Cast<ResumeAttachment>();
            if (command.Content is null) return Error.RefusedField("file", SeekerErrors.AttachmentRequired);
            var bytes = await HashedFileStore.ReadAtMostAsync(command.Content, ResumeFiles.MaxBytes, ct);
            if (bytes is null) return Error.RefusedField("file", SeekerErrors.AttachmentTooLarge, ResumeFiles.MaxBytes / 1024 / 1024);
            if (bytes.Length == 0) return Error.RefusedField("file", SeekerErrors.AttachmentRequired);
            if (ResumeFiles.Detect(bytes) is not { } contentType) return Error.RefusedField("file", SeekerErrors.AttachmentType);
            var extension = Path.GetExtension(command.FileName ?? "").ToLowerInvariant();
            if (extension.Length > 0 && extension != ResumeFiles.Extension(contentType))
                return Error.RefusedField("file", SeekerErrors.AttachmentExtension, ResumeFiles.KindName(contentType), ResumeFiles.Extension(contentType));
            if (await db.ResumeAttachments.CountAsync(a => a.TalentId == talent.Value, ct) >= ResumeFiles.MaxPerSeeker)
                return Error.Conflict(SeekerErrors.AttachmentTooMany, ResumeFiles.MaxPerSeeker);
            var hash = await HashedFileStore.SaveAsync(options.Directory, bytes, ct);
            var attachment = new ResumeAttachment
            {
                Id = EntityId.New('A', clock), TalentId = talent.Value, FileName = ResumeFiles.SafeName(command.FileName, contentType),
                ContentType = contentType, Size = bytes.Length, FileHash = hash, UploadedAt = seeker.Now,
            };
            db.ResumeAttachments.Add(attachment);
            await db.SaveChangesAsync(ct);
            return attachment;
        }
    }
}

/// <summary>
/// The attachment résumés of a seeker: the seeker's own (no id given), or another seeker's for an employer that may see
/// their contact data (<see cref="SharingService.MayServeAttachments"/>); anyone else finds none (NotFound).
/// </summary>
public static class ListResumeAttachments
{
    public sealed record Query(string? TalentId = null) : IUseCase<IReadOnlyList<ResumeAttachment>>;

    public sealed class Handler(AppDbContext db, SharingService sharing) : IUseCaseHandler<Query, IReadOnlyList<ResumeAttachment>>
    {
        public async Task<Result<IReadOnlyList<ResumeAttachment>>> HandleAsync(Query query, CancellationToken ct)
        {
            var talent = await AttachmentAccess.TalentIdAsync(sharing, query.TalentId, ct);
            if (!talent.Succeeded) return talent.Cast<IReadOnlyList<ResumeAttachment>>();
            return Result<IReadOnlyList<ResumeAttachment>>.Success(await db.ResumeAttachments.AsNoTracking()
                .Where(a => a.TalentId == talent.Value.TalentId).OrderByDescending(a => a.UploadedAt).ToListAsync(ct));
        }
    }
}

/// <summary>
/// One attachment résumé's file, for its owner or an employer that may see the seeker's contact data; an employer's
/// download is logged as a view of the résumé (channel <c>attachment</c>).
/// </summary>
public static class GetResumeAttachmentFile
{
    public sealed record Query(string AttachmentId) : IUseCase<AttachmentFile>;

    /// <summary>The open file (the caller disposes it).</summary>
    public sealed record AttachmentFile(Stream Content, string ContentType, string FileName);

    public sealed class Handler(AppDbContext db, SharingService sharing, ResumeFileOptions options) : IUseCaseHandler<Query, AttachmentFile>
    {
        public async Task<Result<AttachmentFile>> HandleAsync(Query query, CancellationToken ct)
        {
            var attachment = await db.ResumeAttachments.AsNoTracking().FirstOrDefaultAsync(a => a.Id == query.AttachmentId, ct);
            if (attachment is null) return Error.NotFound(SeekerErrors.AttachmentNotFound, query.AttachmentId);
            var talent = await AttachmentAccess.TalentIdAsync(sharing, attachment.TalentId, ct);
            if (!talent.Succeeded) return Error.NotFound(SeekerErrors.AttachmentNotFound, query.AttachmentId);
            if (HashedFileStore.Open(options.Directory, attachment.FileHash) is not { } stream)
                return Error.NotFound(SeekerErrors.AttachmentNotFound, query.AttachmentId);
            if (talent.Value is { Viewer: { } viewer, Access: { Basis: not AccessBasis.Owner } access })
            {
                sharing.LogView(viewer, access, "attachment", attachment.FileName);
                await db.SaveChangesAsync(ct);
            }
            return new AttachmentFile(stream, attachment.ContentType, attachment.FileName);
        }
    }
}

/// <summary>The seeker deletes one of their attachment résumés (the file stays in the store only while another row names it).</summary>
public static class DeleteResumeAttachment
{
    public sealed record Command(string AttachmentId) : IUseCase<Done>;

    public sealed class Handler(AppDbContext db, SeekerScope seeker, ResumeFileOptions options) : IUseCaseHandler<Command, Done>
    {
        public async Task<Result<Done>> HandleAsync(Command command, CancellationToken ct)
        {
            var talent = await seeker.TalentIdAsync(ct);
            if (!talent.Succeeded) return talent.Cast<Done>();
            var attachment = await db.ResumeAttachments.FirstOrDefaultAsync(a => a.Id == command.AttachmentId && a.TalentId == talent.Value, ct);
            if (attachment is null) return Error.NotFound(SeekerErrors.AttachmentNotFound, command.AttachmentId);
            db.ResumeAttachments.Remove(attachment);
            await db.SaveChangesAsync(ct);
            await ResumeFiles.DeleteUnusedAsync(db, options, [attachment.FileHash], ct); // the bytes too, unless another attachment has them
            return Done.Value;
        }
    }
}

/// <summary>Who may see a seeker's attachments: the seeker, or an employer to whom the sharing rules reveal the contact data.</summary>
internal static class AttachmentAccess
{
    public sealed record Allowed(string TalentId, Viewer? Viewer, ResumeAccess? Access);

    public static async Task<Result<Allowed>> TalentIdAsync(SharingService sharing, string? talentId, CancellationToken ct)
    {
        var viewer = await sharing.ViewerAsync(ct);
        if (viewer is null) return Error.Forbidden(SeekerErrors.NotSeeker);
        if (talentId is null)
            return viewer.TalentId is { } own ? new Allowed(own, null, null) : Error.Forbidden(SeekerErrors.NotSeeker);
        if (viewer.TalentId == talentId) return new Allowed(talentId, null, null);
        var access = await sharing.AccessAsync(viewer, talentId, ct);
        return access is not null && SharingService.MayServeAttachments(access)
            ? new Allowed(talentId, viewer, access)
            : Error.NotFound(SharingErrors.TalentNotFound, talentId);
    }
}
