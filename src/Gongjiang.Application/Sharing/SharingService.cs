using Gongjiang.Application.Common;
using Gongjiang.Application.Notifications;
using Gongjiang.Application.Persistence;
using Gongjiang.Application.Talent;
using Gongjiang.Core.Common;
using Gongjiang.Core.Recruiting;
using Gongjiang.Core.Talent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Gongjiang.Application.Sharing;

/// <summary>Who looks at a résumé: the signed-in user, the employer they act for (HR or agency), and whether they are an operator.</summary>
public sealed record Viewer(string UserId, string? EmployerId, string? TalentId, bool IsOperator = false);

public enum SharingFailure { None, NotFound, Invalid, Conflict, Limit }

/// <summary>Sharing rules (configuration section <c>Sharing</c>).</summary>
public sealed class SharingOptions
{
    /// <summary>How many contact requests one employer may send per day (China time).</summary>
    public int DailyContactRequestsPerEmployer { get; set; } = 30;
}

public sealed record SharingResult<T>(T? Value, SharingFailure Failure = SharingFailure.None, string? Message = null, string? Field = null)
{
    public bool Succeeded => Failure == SharingFailure.None;
    public static implicit operator SharingResult<T>(T value) => new(value);
}

/// <summary>Why an employer may see a profile and which contact kinds it sees in full.</summary>
public enum AccessBasis { Owner, SharedPool, Application, Operator }

/// <summary>A résumé as one viewer may see it: the contact shows in full only the kinds in <see cref="Revealed"/>, the rest masked.</summary>
public sealed record ResumeAccess(TalentProfile Profile, TalentContact? Contact, ContactKinds Revealed, AccessBasis Basis,
    IReadOnlyList<ConsentGrant> Grants, ContactRequest? PendingRequest);

public sealed record ContactRequestView(ContactRequest Request, string EmployerName);
public sealed record ConsentGrantView(ConsentGrant Grant, string EmployerName);
public sealed record ResumeViewEntry(ResumeView View, string ViewerName, string? EmployerName);

/// <summary>
/// Consented résumé sharing (人才简历云端共享, PIPL art. 23). Employers see a shared profile with contact data masked; the
/// name, phone and e-mail appear in full only for the kinds the seeker granted to that employer, until revoked. Applying to
/// an employer's job shares the contact data with that employer for the application (the seeker handed it over to apply),
/// until the seeker withdraws; accepting an employer's invitation to apply makes such an application too, so it shares the
/// same way and ends the same way. The seeker hears of each contact request (inbox and SMS), the employer of each answer;
/// an employer may send a limited number of requests a day. Every view by someone other than the owner is logged and shown to the owner.
/// </summary>
public sealed class SharingService(AppDbContext db, TimeProvider clock, INotifier notifier, IOptions<SharingOptions> options)
{
    public SharingOptions Options => options.Value;
    public const int MaxPurposeLength = 500;
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private DbSet<ContactRequest> Requests => db.Set<ContactRequest>();
    private DbSet<ConsentGrant> Grants => db.Set<ConsentGrant>();
    private DbSet<ResumeView> Views => db.Set<ResumeView>();

    /// <summary>
    /// Opens a résumé for a viewer and logs the view (one row, never skipped) when the viewer is not its owner.
    /// Null when the viewer may not see it at all (callers answer 404, as for a profile that does not exist).
    /// </summary>
    public async Task<ResumeAccess?> OpenAsync(Viewer viewer, string talentId, string channel, string? purpose = null, CancellationToken ct = default)
    {
        var access = await AccessAsync(viewer, talentId, ct);
        if (access is null || access.Basis == AccessBasis.Owner) return access;
        Views.Add(new ResumeView
        {
            TalentId = talentId, ViewerUserId = viewer.UserId, ViewerEmployerId = viewer.EmployerId, At = Now,
            Shown = access.Contact is null ? ContactKinds.None : access.Revealed, Channel = channel,
            Purpose = Clip(purpose, MaxPurposeLength),
        });
        await db.SaveChangesAsync(ct);
        return access;
    }

    /// <summary>What the viewer may see, without logging (for decisions, not for showing).</summary>
    public async Task<ResumeAccess?> AccessAsync(Viewer viewer, string talentId, CancellationToken ct = default)
    {
        var profile = await db.Talent.AsNoTracking().FirstOrDefaultAsync(t => t.Id == talentId, ct);
        if (profile is null) return null;
        var contact = await db.TalentContacts.AsNoTracking().FirstOrDefaultAsync(c => c.TalentId == talentId, ct);
        if (viewer.TalentId == talentId) return new ResumeAccess(profile, contact, ContactKinds.All, AccessBasis.Owner, [], null);
        if (viewer.EmployerId is { } employerId)
        {
            var applied = await HasOpenApplicationAsync(talentId, employerId, ct);
            var pooled = profile.SharedWithZone && profile.IsActive;
            if (applied || pooled)
            {
                var grants = await Grants.AsNoTracking().Where(g => g.TalentId == talentId && g.EmployerId == employerId && g.RevokedAt == null)
                    .OrderBy(g => g.GrantedAt).ToListAsync(ct);
                var revealed = applied ? ContactKinds.All : grants.Aggregate(ContactKinds.None, (k, g) => k | g.Kinds);
                var pending = await Requests.AsNoTracking()
                    .FirstOrDefaultAsync(r => r.TalentId == talentId && r.EmployerId == employerId && r.Status == ContactRequestStatus.Pending, ct);
                return new ResumeAccess(profile, Reveal(contact, revealed), revealed, applied ? AccessBasis.Application : AccessBasis.SharedPool, grants, pending);
            }
        }
        if (viewer.IsOperator) return new ResumeAccess(profile, Reveal(contact, ContactKinds.None), ContactKinds.None, AccessBasis.Operator, [], null);
        return null;
    }

    /// <summary>The contact with the kinds not revealed masked (张*, 138****5678, no e-mail) and the ID number never shown.</summary>
    public static TalentContact? Reveal(TalentContact? contact, ContactKinds revealed) => contact is null ? null : new TalentContact
    {
        TalentId = contact.TalentId,
        Name = revealed.HasFlag(ContactKinds.Name) ? contact.Name : TalentService.MaskName(contact.Name),
        Phone = revealed.HasFlag(ContactKinds.Phone) ? contact.Phone : TalentService.MaskPhone(contact.Phone),
        Email = revealed.HasFlag(ContactKinds.Email) ? contact.Email : null,
    };

    private Task<bool> HasOpenApplicationAsync(string talentId, string employerId, CancellationToken ct) =>
        db.Applications.AnyAsync(a => a.TalentId == talentId && a.EmployerId == employerId && a.Stage != ApplicationStage.Withdrawn, ct);

    /// <summary>An employer asks the seeker for contact data, naming the purpose and the kinds.</summary>
    public async Task<SharingResult<ContactRequest>> RequestContactAsync(Viewer employer, string talentId, string? purpose, ContactKinds kinds, CancellationToken ct = default)
    {
        if (employer.EmployerId is not { } employerId) return new(null, SharingFailure.NotFound, $"talent {talentId}");
        var access = await AccessAsync(employer with { IsOperator = false, TalentId = null }, talentId, ct);
        if (access is null) return new(null, SharingFailure.NotFound, $"talent {talentId}");
        purpose = purpose?.Trim();
        if (string.IsNullOrEmpty(purpose)) return new(null, SharingFailure.Invalid, "请说明使用目的。", "purpose");
        if (purpose.Length > MaxPurposeLength) return new(null, SharingFailure.Invalid, "使用目的最多 500 个字。", "purpose");
        if ((kinds & ContactKinds.All) == ContactKinds.None) return new(null, SharingFailure.Invalid, "请至少选择一项联系方式。", "kinds");
        kinds &= ContactKinds.All;
        if ((access.Revealed & kinds) == kinds) return new(null, SharingFailure.Conflict, "求职者已同意向贵企业提供这些联系方式。");
        if (access.PendingRequest is not null) return new(null, SharingFailure.Conflict, "已向该求职者发出申请，请等待其答复。");
        if (await new DailyQuota("联系方式申请", Options.DailyContactRequestsPerEmployer).CheckAsync(Now,
                since => Requests.CountAsync(r => r.EmployerId == employerId && r.RequestedAt >= since, ct)) is { } limited)
            return new(null, SharingFailure.Limit, limited);
        var request = new ContactRequest
        {
            Id = EntityId.New('Q', clock), TalentId = talentId, EmployerId = employerId, RequestedByUserId = employer.UserId,
            Purpose = purpose, Kinds = kinds, Status = ContactRequestStatus.Pending, RequestedAt = Now,
        };
        Requests.Add(request);
        var employerName = await EmployerNameAsync(employerId, ct);
        await notifier.QueueAsync(new Notice("contact.request", $"联系方式申请：{employerName}",
            $"{employerName}申请查看您的{KindNames(kinds)}，用途：{purpose}。请在“隐私与授权”中同意或拒绝。",
            NoticeChannels.InApp | NoticeChannels.Sms, RecipientTalentId: talentId, Link: "/Seeker/Privacy"), ct);
        await db.SaveChangesAsync(ct);
        return request;
    }

    public async Task<IReadOnlyList<ContactRequestView>> RequestsForSeekerAsync(string talentId, bool pendingOnly = true, CancellationToken ct = default)
    {
        var rows = await Requests.AsNoTracking().Where(r => r.TalentId == talentId && (!pendingOnly || r.Status == ContactRequestStatus.Pending))
            .OrderByDescending(r => r.RequestedAt).ToListAsync(ct);
        var names = await EmployerNamesAsync(rows.Select(r => r.EmployerId), ct);
        return rows.Select(r => new ContactRequestView(r, names.GetValueOrDefault(r.EmployerId, r.EmployerId))).ToList();
    }

    public async Task<IReadOnlyList<ConsentGrantView>> GrantsForSeekerAsync(string talentId, CancellationToken ct = default)
    {
        var rows = await Grants.AsNoTracking().Where(g => g.TalentId == talentId).OrderByDescending(g => g.GrantedAt).ToListAsync(ct);
        var names = await EmployerNamesAsync(rows.Select(g => g.EmployerId), ct);
        return rows.Select(g => new ConsentGrantView(g, names.GetValueOrDefault(g.EmployerId, g.EmployerId))).ToList();
    }

    /// <summary>
    /// The seeker answers a request. Granting records a consent naming the employer, the purpose and the kinds (the seeker
    /// may grant fewer kinds than asked, never more).
    /// </summary>
    public async Task<SharingResult<ContactRequest>> AnswerAsync(string talentId, string requestId, bool grant, ContactKinds? onlyKinds = null, CancellationToken ct = default)
    {
        var request = await Requests.FirstOrDefaultAsync(r => r.Id == requestId && r.TalentId == talentId, ct);
        if (request is null) return new(null, SharingFailure.NotFound, $"contact request {requestId}");
        if (request.Status != ContactRequestStatus.Pending) return new(null, SharingFailure.Conflict, "该申请已经答复过。");
        var now = Now;
        request.AnsweredAt = now;
        if (grant)
        {
            var kinds = (onlyKinds ?? request.Kinds) & request.Kinds;
            if (kinds == ContactKinds.None) return new(null, SharingFailure.Invalid, "请至少选择一项联系方式。", "kinds");
            var consent = new ConsentGrant
            {
                Id = EntityId.New('G', clock), TalentId = talentId, EmployerId = request.EmployerId, Purpose = request.Purpose,
                Kinds = kinds, GrantedAt = now, RequestId = request.Id,
            };
            Grants.Add(consent);
            request.Status = ContactRequestStatus.Granted;
            request.GrantId = consent.Id;
        }
        else request.Status = ContactRequestStatus.Declined;
        // The requester hears of the answer (unless that account is gone meanwhile).
        if (await db.Users.AnyAsync(u => u.Id == request.RequestedByUserId, ct))
            await notifier.QueueAsync(new Notice("contact.answered",
                grant ? "求职者同意提供联系方式" : "求职者拒绝提供联系方式",
                grant ? $"求职者同意向贵企业提供{KindNames(request.Kinds & (onlyKinds ?? request.Kinds))}，用途：{request.Purpose}。"
                      : $"求职者拒绝了贵企业的联系方式申请（用途：{request.Purpose}）。",
                NoticeChannels.InApp, RecipientUserId: request.RequestedByUserId, Link: $"/Employer/Talent/View/{request.TalentId}"), ct);
        await db.SaveChangesAsync(ct);
        return request;
    }

    /// <summary>Withdraws a consent; from now on that employer sees the contact data masked again.</summary>
    public async Task<SharingResult<ConsentGrant>> RevokeAsync(string talentId, string grantId, CancellationToken ct = default)
    {
        var grant = await Grants.FirstOrDefaultAsync(g => g.Id == grantId && g.TalentId == talentId, ct);
        if (grant is null) return new(null, SharingFailure.NotFound, $"consent {grantId}");
        if (grant.RevokedAt is not null) return new(null, SharingFailure.Conflict, "该授权已经撤回。");
        grant.RevokedAt = Now;
        grant.RevokedReason = "seeker";
        await db.SaveChangesAsync(ct);
        return grant;
    }

    /// <summary>谁看过我的简历: the owner's view log, newest first, with who looked (user and employer).</summary>
    public async Task<IReadOnlyList<ResumeViewEntry>> ViewsOfAsync(string talentId, int take = 100, CancellationToken ct = default)
    {
        var rows = await Views.AsNoTracking().Where(v => v.TalentId == talentId).OrderByDescending(v => v.At).ThenByDescending(v => v.Id)
            .Take(Math.Clamp(take, 1, 500)).ToListAsync(ct);
        var userIds = rows.Select(v => v.ViewerUserId).Distinct().ToList();
        var users = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        var employers = await EmployerNamesAsync(rows.Where(v => v.ViewerEmployerId != null).Select(v => v.ViewerEmployerId!), ct);
        return rows.Select(v => new ResumeViewEntry(v, users.GetValueOrDefault(v.ViewerUserId) ?? "",
            v.ViewerEmployerId is { } e ? employers.GetValueOrDefault(e, e) : null)).ToList();
    }

    private async Task<string> EmployerNameAsync(string employerId, CancellationToken ct) =>
        await db.Employers.AsNoTracking().Where(e => e.Id == employerId).Select(e => e.Name).FirstOrDefaultAsync(ct) ?? employerId;

    private static string KindNames(ContactKinds kinds) => string.Join("、",
        new[] { (ContactKinds.Name, "姓名"), (ContactKinds.Phone, "手机号"), (ContactKinds.Email, "电子邮箱") }.Where(k => kinds.HasFlag(k.Item1)).Select(k => k.Item2));

    private async Task<Dictionary<string, string>> EmployerNamesAsync(IEnumerable<string> ids, CancellationToken ct)
    {
        var list = ids.Distinct().ToList();
        return await db.Employers.AsNoTracking().Where(e => list.Contains(e.Id)).ToDictionaryAsync(e => e.Id, e => e.Name, ct);
    }

    private static string? Clip(string? s, int max) => string.IsNullOrWhiteSpace(s) ? null : s.Trim() is var t && t.Length > max ? t[..max] : s.Trim();
}
