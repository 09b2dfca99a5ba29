using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Common.UseCases;
using Gongjiang.Application.Persistence;
using Gongjiang.Application.Talent;
using Gongjiang.Core.Recruiting;
using Microsoft.EntityFrameworkCore;

namespace Gongjiang.Application.Sharing;

/// <summary>
/// Someone opens a résumé (the one résumé view of a candidate, wherever HR meets them: the application board, 推荐人才,
/// talent search, invitations): its owner in full; an employer when the seeker shares with the zone or applied to it,
/// with contact data only for the kinds the seeker consented to (applying hands it over for the application); an
/// operator masked. Every view by someone other than the owner is logged for the owner to see, with where it was opened
/// from (one row, never skipped); when HR of an employer the seeker applied to opens it, those applications are marked
/// 已查看 (once, with the time). Anyone else finds nothing, as for a missing profile.
/// </summary>
public static class OpenResume
{
    /// <param name="Channel">page or api, as the view log shows it.</param>
    /// <param name="Similar">How many similar shared profiles (相似人才) to add; none by default.</param>
    /// <param name="Source">Where the résumé was opened from (<see cref="ResumeSources"/>); null when not said.</param>
    /// <param name="ApplicationId">Opened from the board: the application it was opened from (its stage is shown).</param>
    public sealed record Query(string TalentId, string Channel, string? Purpose = null, int Similar = 0, string? Source = null,
        string? ApplicationId = null) : IUseCase<Opened>;

    /// <summary>The application the résumé was opened from, with its job (for the stage and the way back to the board).</summary>
    public sealed record FromApplication(JobApplication Application, string JobTitle);

    /// <summary>
    /// An attachment résumé (PDF or DOCX) of the profile, listed only under the same consent as the contact data
    /// (<see cref="SharingService.MayServeAttachments"/>).
    /// </summary>
    public sealed record Attachment(string Id, string FileName, string ContentType, long Size, DateTime UploadedAt);

    public sealed record Opened(ResumeAccess Access, IReadOnlyList<TalentCard> Similar, string? Source = null,
        FromApplication? Application = null, IReadOnlyList<Attachment>? Attachments = null)
    {
        public bool ByOwner => Access.Basis == AccessBasis.Owner;
        public IReadOnlyList<Attachment> AttachmentList => Attachments ?? [];
    }

    public sealed class Handler(AppDbContext db, SharingService sharing, TalentSearchService search) : IUseCaseHandler<Query, Opened>
    {
        public async Task<Result<Opened>> HandleAsync(Query query, CancellationToken ct)
        {
            var source = ResumeSources.Find(query.Source);
            if (!string.IsNullOrWhiteSpace(query.Source) && source is null) return Error.Invalid("source", SharingErrors.UnknownSource);
            var viewer = await sharing.ViewerAsync(ct);
            var access = viewer is null ? null : await sharing.AccessAsync(viewer, query.TalentId, ct);
            if (access is null) return Error.NotFound(SharingErrors.TalentNotFound, query.TalentId);
            FromApplication? from = null;
            if (!string.IsNullOrWhiteSpace(query.ApplicationId))
            {
                // Only an application of this seeker to the viewer's employer: anyone else's does not exist.
                var application = viewer!.EmployerId is { } employer
                    ? await db.Applications.AsNoTracking().Include(a => a.History)
                        .FirstOrDefaultAsync(a => a.Id == query.ApplicationId && a.TalentId == query.TalentId && a.EmployerId == employer, ct)
                    : null;
                if (application is null) return Error.NotFound(SharingErrors.TalentNotFound, query.TalentId);
                var title = await db.Jobs.AsNoTracking().Where(j => j.Id == application.JobId).Select(j => j.Title).FirstOrDefaultAsync(ct);
                from = new FromApplication(application, title ?? application.JobId);
            }
            if (access.Basis != AccessBasis.Owner)
            {
                sharing.LogView(viewer!, access, query.Channel, query.Purpose ?? (source is null ? null : ResumeSources.ChineseName(source)), source);
                var marked = viewer!.EmployerId is { } employerId ? await MarkViewedAsync(employerId, query.TalentId, ct) : [];
                await db.SaveChangesAsync(ct);
                if (from is not null && marked.FirstOrDefault(a => a.Id == from.Application.Id) is { } seen) from.Application.ViewedAt = seen.ViewedAt;
            }
            IReadOnlyList<TalentCard> similar = [];
            if (query.Similar > 0)
            {
                var found = await search.SimilarAsync(access.Profile, query.Similar, viewer!.EmployerId, ct);
                similar = await search.CardsAsync(found.Select(s => (s.Profile, (double)s.Score)), ct);
            }
            var attachments = SharingService.MayServeAttachments(access)
                ? await db.ResumeAttachments.AsNoTracking().Where(a => a.TalentId == query.TalentId).OrderBy(a => a.UploadedAt)
                    .Select(a => new Attachment(a.Id, a.FileName, a.ContentType, a.Size, a.UploadedAt)).ToListAsync(ct)
                : [];
            return new Opened(access, similar, source, from, attachments);
        }

        /// <summary>已查看: the seeker's applications to this employer, made before now and not withdrawn, not yet marked.</summary>
        private async Task<List<JobApplication>> MarkViewedAsync(string employerId, string talentId, CancellationToken ct)
        {
            var now = sharing.Now;
            var unseen = await db.Applications.Where(a => a.EmployerId == employerId && a.TalentId == talentId && a.ViewedAt == null
                && a.Stage != ApplicationStage.Withdrawn && a.AppliedAt <= now).ToListAsync(ct);
            foreach (var application in unseen) application.ViewedAt = now;
            return unseen;
        }
    }
}
