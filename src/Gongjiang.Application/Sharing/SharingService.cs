using Gongjiang.Application.Common;
using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Persistence;
using Gongjiang.Application.Seekers;
using Gongjiang.Application.Talent;
using Gongjiang.Core.Recruiting;
using Gongjiang.Core.Talent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Gongjiang.Application.Sharing;

/// <summary>Who looks at a résumé: the signed-in user, the employer they act for (HR or agency), and whether they are an operator.</summary>
public sealed record Viewer(string UserId, string? EmployerId, string? TalentId, bool IsOperator = false)
{
    public static Viewer Of(Actor actor) =>
        new(actor.UserId, actor.IsEmployer ? actor.EmployerId : null, actor.IsSeeker ? actor.TalentId : null, actor.IsOperator);
}

/// <summary>Sharing rules (configuration section <c>Sharing</c>).</summary>
public sealed class SharingOptions
{
    /// <summary>How many contact requests one employer may send per day (China time).</summary>
    public int DailyContactRequestsPerEmployer { get; set; } = 30;
}

/// <summary>Privacy rules of résumé access (configuration section <c>Privacy</c>).</summary>
public sealed class PrivacyOptions
{
    /// <summary>
    /// Days an employer still sees the contact data a seeker handed over by applying, after rejecting the application;
    /// then it is masked again unless the seeker keeps sharing it (an active consent).
    /// </summary>
    public int RevealedContactDaysAfterRejection { get; set; } = 30;
}

/// <summary>
/// Why an employer may see a profile and which contact kinds it sees in full: <see cref="ClosedApplication"/> is an
/// application rejected longer ago than <see cref="PrivacyOptions.RevealedContactDaysAfterRejection"/>: the profile
/// stays readable to that employer, its contact data masked unless granted.
/// </summary>
public enum AccessBasis { Owner, SharedPool, Application, Operator, ClosedApplication }

/// <summary>A résumé as one viewer may see it: the contact shows in full only the kinds in <see cref="Revealed"/>, the rest masked.</summary>
public sealed record ResumeAccess(TalentProfile Profile, TalentContact? Contact, ContactKinds Revealed, AccessBasis Basis,
    IReadOnlyList<ConsentGrant> Grants, ContactRequest? PendingRequest);

public sealed record ContactRequestView(ContactRequest Request, string EmployerName);
public sealed record ConsentGrantView(ConsentGrant Grant, string EmployerName);
public sealed record ResumeViewEntry(ResumeView View, string ViewerName, string? EmployerName);

/// <summary>
/// Consented résumé sharing (人才简历云端共享, PIPL art. 23): the rules its use cases share. Employers see a shared profile
/// with contact data masked; the name, phone and e-mail appear in full only for the kinds the seeker granted to that
/// employer, until revoked. Applying to an employer's job shares the contact data with that employer for the application
/// (the seeker handed it over to apply), until the seeker withdraws, or until
/// <see cref="PrivacyOptions.RevealedContactDaysAfterRejection"/> days after the employer rejects it; accepting an employer's invitation to apply makes such
/// an application too, so it shares the same way and ends the same way. Every view by someone other than the owner is
/// logged and shown to the owner.
/// </summary>
public sealed class SharingService(AppDbContext db, ICurrentUser currentUser, TimeProvider clock, IOptions<SharingOptions> options,
    IOptions<PrivacyOptions> privacy)
{
    public SharingOptions Options => options.Value;
    public const int MaxPurposeLength = 500;
    public DateTime Now => clock.GetUtcNow().UtcDateTime;

    public DbSet<ContactRequest> Requests => db.Set<ContactRequest>();
    public DbSet<ConsentGrant> Grants => db.Set<ConsentGrant>();
    private DbSet<ResumeView> Views => db.Set<ResumeView>();

    /// <summary>The signed-in user as a viewer of résumés, or null when nobody is signed in.</summary>
    public async Task<Viewer?> ViewerAsync(CancellationToken ct) => await currentUser.GetAsync(ct) is { } actor ? Viewer.Of(actor) : null;

    /// <summary>The signed-in seeker's profile id; anyone else finds nothing (<paramref name="notFound"/>).</summary>
    public async Task<Result<string>> OwnTalentIdAsync(Error notFound, CancellationToken ct) =>
        await currentUser.GetAsync(ct) is { IsSeeker: true, TalentId: { } id } ? id : notFound;

    /// <summary>What the viewer may see, without logging (for decisions, not for showing).</summary>
    public async Task<ResumeAccess?> AccessAsync(Viewer viewer, string talentId, CancellationToken ct = default)
    {
        var profile = await db.Talent.AsNoTracking().FirstOrDefaultAsync(t => t.Id == talentId, ct);
        if (profile is null) return null;
        var contact = await db.TalentContacts.AsNoTracking().FirstOrDefaultAsync(c => c.TalentId == talentId, ct);
        if (viewer.TalentId == talentId) return new ResumeAccess(profile, contact, ContactKinds.All, AccessBasis.Owner, [], null);
        if (viewer.EmployerId is { } employerId)
        {
            // A company the seeker blocked sees nothing, as if there were no such seeker.
            if (await db.IsBlockedAsync(talentId, employerId, ct)) return null;
            var application = await ApplicationAccessAsync(talentId, employerId, ct);
            var pooled = profile.SharedWithZone && profile.IsActive;
            if (application != ApplicationAccess.None || pooled)
            {
                var grants = await Grants.AsNoTracking().Where(g => g.TalentId == talentId && g.EmployerId == employerId && g.RevokedAt == null)
                    .OrderBy(g => g.GrantedAt).ToListAsync(ct);
                var granted = grants.Aggregate(ContactKinds.None, (k, g) => k | g.Kinds);
                var revealed = application == ApplicationAccess.Revealing ? ContactKinds.All : granted;
                var pending = await Requests.AsNoTracking()
                    .FirstOrDefaultAsync(r => r.TalentId == talentId && r.EmployerId == employerId && r.Status == ContactRequestStatus.Pending, ct);
                var basis = application switch
                {
                    ApplicationAccess.Revealing => AccessBasis.Application,
                    ApplicationAccess.Closed when !pooled => AccessBasis.ClosedApplication,
                    _ => AccessBasis.SharedPool,
                };
                return new ResumeAccess(profile, Reveal(contact, revealed), revealed, basis, grants, pending);
            }
        }
        if (viewer.IsOperator) return new ResumeAccess(profile, Reveal(contact, ContactKinds.None), ContactKinds.None, AccessBasis.Operator, [], null);
        return null;
    }

    /// <summary>
    /// Whether the viewer may have the seeker's attachment résumés: they carry the contact data, so only under the same
    /// consent — the owner, or an employer to whom all of the contact data is revealed (an application, or a grant of every kind).
    /// </summary>
    public static bool MayServeAttachments(ResumeAccess access) =>
        access.Basis == AccessBasis.Owner || (access.Basis != AccessBasis.Operator && access.Revealed == ContactKinds.All);

    /// <summary>Records one view of a résumé by someone other than its owner; saved with the caller's save.</summary>
    public void LogView(Viewer viewer, ResumeAccess access, string channel, string? purpose, string? source = null) => Views.Add(new ResumeView
    {
        TalentId = access.Profile.Id, ViewerUserId = viewer.UserId, ViewerEmployerId = viewer.EmployerId, At = Now,
        Shown = access.Contact is null ? ContactKinds.None : access.Revealed, Channel = channel, Source = source, Purpose = Clip(purpose, MaxPurposeLength),
    });

    /// <summary>The contact with the kinds not revealed masked (张*, 138****5678, no e-mail) and the ID number never shown.</summary>
    public static TalentContact? Reveal(TalentContact? contact, ContactKinds revealed) => contact is null ? null : new TalentContact
    {
        TalentId = contact.TalentId,
        Name = revealed.HasFlag(ContactKinds.Name) ? contact.Name : TalentService.MaskName(contact.Name),
        Phone = revealed.HasFlag(ContactKinds.Phone) ? contact.Phone : TalentService.MaskPhone(contact.Phone),
        Email = revealed.HasFlag(ContactKinds.Email) ? contact.Email : null,
    };

    /// <summary>Contact kinds as a client names them (name, phone, email); an unknown name is an error on <c>kinds</c>.</summary>
    public static ContactKinds ParseKinds(IEnumerable<string?>? names, ErrorList errors)
    {
        var kinds = ContactKindNames.Parse(names);
        if (kinds is null) errors.Add("kinds", SharingErrors.UnknownKind);
        return kinds ?? ContactKinds.None;
    }

    private enum ApplicationAccess { None, Closed, Revealing }

    /// <summary>
    /// What the seeker's applications to this employer give it: none (none, or all withdrawn), the profile only (every
    /// one rejected longer ago than the configured days), or the profile with the contact data (one still open, or
    /// rejected within those days).
    /// </summary>
    private async Task<ApplicationAccess> ApplicationAccessAsync(string talentId, string employerId, CancellationToken ct)
    {
        var cutoff = Now.AddDays(-Math.Max(0, privacy.Value.RevealedContactDaysAfterRejection));
        var applications = db.Applications.AsNoTracking()
            .Where(a => a.TalentId == talentId && a.EmployerId == employerId && a.Stage != ApplicationStage.Withdrawn);
        if (await applications.AnyAsync(a => a.Stage != ApplicationStage.Rejected
                || a.History.Any(h => h.To == ApplicationStage.Rejected && h.At > cutoff), ct))
            return ApplicationAccess.Revealing;
        return await applications.AnyAsync(ct) ? ApplicationAccess.Closed : ApplicationAccess.None;
    }

    /// <summary>
    /// The names of these seekers as the employer may see them: in full where an application still shares the contact
    /// data (open, or rejected within <see cref="PrivacyOptions.RevealedContactDaysAfterRejection"/> days) or the seeker
    /// granted the name; masked (张**) otherwise. Two queries, whatever the number of seekers.
    /// </summary>
    public async Task<Dictionary<string, string>> NamesForEmployerAsync(string employerId, IReadOnlyCollection<string> talentIds, CancellationToken ct = default)
    {
        if (talentIds.Count == 0) return [];
        var cutoff = Now.AddDays(-Math.Max(0, privacy.Value.RevealedContactDaysAfterRejection));
        var revealing = (await db.Applications.AsNoTracking()
            .Where(a => a.EmployerId == employerId && talentIds.Contains(a.TalentId) && a.Stage != ApplicationStage.Withdrawn
                && (a.Stage != ApplicationStage.Rejected || a.History.Any(h => h.To == ApplicationStage.Rejected && h.At > cutoff)))
            .Select(a => a.TalentId).Distinct().ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var granted = await Grants.AsNoTracking().Where(g => g.EmployerId == employerId && talentIds.Contains(g.TalentId) && g.RevokedAt == null)
            .Select(g => new { g.TalentId, g.Kinds }).ToListAsync(ct);
        foreach (var g in granted) if (g.Kinds.HasFlag(ContactKinds.Name)) revealing.Add(g.TalentId);
        return await db.TalentContacts.AsNoTracking().Where(c => talentIds.Contains(c.TalentId))
            .ToDictionaryAsync(c => c.TalentId, c => revealing.Contains(c.TalentId) ? c.Name : TalentService.MaskName(c.Name), ct);
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

    public async Task<string> EmployerNameAsync(string employerId, CancellationToken ct) =>
        await db.Employers.AsNoTracking().Where(e => e.Id == employerId).Select(e => e.Name).FirstOrDefaultAsync(ct) ?? employerId;

    public static string KindNames(ContactKinds kinds) => ContactKindNames.ToChinese(kinds);

    private async Task<Dictionary<string, string>> EmployerNamesAsync(IEnumerable<string> ids, CancellationToken ct)
    {
        var list = ids.Distinct().ToList();
        return await db.Employers.AsNoTracking().Where(e => list.Contains(e.Id)).ToDictionaryAsync(e => e.Id, e => e.Name, ct);
    }

    private static string? Clip(string? s, int max) => string.IsNullOrWhiteSpace(s) ? null : s.Trim() is var t && t.Length > max ? t[..max] : s.Trim();
}
