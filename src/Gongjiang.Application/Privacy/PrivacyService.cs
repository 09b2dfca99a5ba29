using System.Security.Cryptography;
using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Identity;
using Gongjiang.Application.Persistence;
using Gongjiang.Core.Common;
using Gongjiang.Core.Recruiting;
using Gongjiang.Core.Talent;
using Microsoft.EntityFrameworkCore;

namespace Gongjiang.Application.Privacy;

/// <summary>
/// A seeker's rights over their personal information (《个人信息保护法》第四十四至四十七条): consent at sign-up, a copy of
/// everything held (export), and deletion (erasure) that leaves only anonymous statistics and a record without personal data.
/// </summary>
public sealed class PrivacyService(AppDbContext db, TimeProvider clock, Seekers.ResumeFileOptions resumeFiles)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>Why a sign-up is refused, or null: the birth year must be plausible and at least 16 years back.</summary>
    public Error? RegistrationRefusal(int? birthYear, bool consented)
    {
        var year = Now.Year;
        if (birthYear is not { } born || born < year - 100 || born > year) return Error.Invalid("birthYear", AccountErrors.BirthYear);
        if (PrivacyPolicy.IsUnderMinimumAge(born, year)) return Error.Invalid("birthYear", AccountErrors.UnderAge);
        if (!consented) return Error.Invalid("consent", AccountErrors.Consent);
        return null;
    }

    /// <summary>The seeker's empty profile and contact record, and their recorded consent; the user must already be saved.</summary>
    public async Task<TalentProfile> CreateSeekerProfileAsync(AppUser user, string name, string? phone, int birthYear, CancellationToken ct = default)
    {
        var now = Now;
        var profile = new TalentProfile { Id = EntityId.New('T', clock), BirthYear = birthYear, CityCode = "", CreatedAt = now, UpdatedAt = now };
        db.Talent.Add(profile);
        db.TalentContacts.Add(new TalentContact { TalentId = profile.Id, Name = name, Phone = PersonalDataProtector.NormalizePhone(phone) });
        db.PrivacyConsents.Add(new PrivacyConsent { UserId = user.Id, PolicyVersion = PrivacyPolicy.Version, Purpose = PrivacyPolicy.RegistrationPurpose, AgreedAt = now });
        await db.SaveChangesAsync(ct);
        var tracked = await db.Users.FirstAsync(u => u.Id == user.Id, ct);
        tracked.TalentId = profile.Id;
        await db.SaveChangesAsync(ct);
        user.TalentId = profile.Id;
        return profile;
    }

    /// <summary>
    /// A person who proved they hold the number of an imported profile (one nobody signed up for) takes it over: the
    /// account is linked to it, the name and birth year are theirs as they state them, and the consent is recorded.
    /// </summary>
    public async Task ClaimProfileAsync(AppUser user, string talentId, string name, int birthYear, CancellationToken ct = default)
    {
        var now = Now;
        var profile = await db.Talent.FirstAsync(t => t.Id == talentId, ct);
        profile.BirthYear = birthYear;
        profile.UpdatedAt = now;
        if (await db.TalentContacts.FirstOrDefaultAsync(c => c.TalentId == talentId, ct) is { } contact) contact.Name = name;
        db.PrivacyConsents.Add(new PrivacyConsent { UserId = user.Id, PolicyVersion = PrivacyPolicy.Version, Purpose = PrivacyPolicy.RegistrationPurpose, AgreedAt = now });
        var tracked = await db.Users.FirstAsync(u => u.Id == user.Id, ct);
        tracked.TalentId = talentId;
        db.ServiceLog.Add(new Compliance.ServiceLogEntry
        {
            At = now, ActorUserId = user.Id, Action = Compliance.ServiceActions.ProfileClaimed, TargetKind = Compliance.ServiceTargets.Account, TargetId = user.Id,
            Reason = talentId,
        });
        await db.SaveChangesAsync(ct);
        user.TalentId = talentId;
    }

    /// <summary>Everything held about one user, in clear, as one JSON-ready document. Null for an unknown user.</summary>
    public async Task<PersonalDataExport?> ExportAsync(string userId, CancellationToken ct = default)
    {
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == userId, ct);
        if (user is null) return null;
        var roles = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ur.UserId == userId select r.Name).ToListAsync(ct);
        var consents = await db.PrivacyConsents.AsNoTracking().Where(c => c.UserId == userId).OrderBy(c => c.AgreedAt)
            .Select(c => new ExportConsent(c.Purpose, c.PolicyVersion, c.AgreedAt)).ToListAsync(ct);
        TalentProfile? profile = null;
        TalentContact? contact = null;
        List<JobApplication> applications = [];
        List<ExportOutcome> outcomes = [];
        List<ExportAttachment> attachments = [];
        List<ExportJobMark> marks = [];
        List<ExportBlockedCompany> blocks = [];
        List<ExportConversation> conversations = [];
        if (user.TalentId is { } talentId)
        {
            attachments = await db.ResumeAttachments.AsNoTracking().Where(a => a.TalentId == talentId).OrderBy(a => a.UploadedAt)
                .Select(a => new ExportAttachment(a.Id, a.FileName, a.ContentType, a.Size, a.UploadedAt)).ToListAsync(ct);
            marks = (await db.JobMarks.AsNoTracking().Where(m => m.TalentId == talentId).ToListAsync(ct))
                .OrderBy(m => m.CreatedAt).Select(m => new ExportJobMark(m.JobId, m.Kind.ToString(), m.CreatedAt)).ToList();
            blocks = await db.CompanyBlocks.AsNoTracking().Where(b => b.TalentId == talentId).OrderBy(b => b.CreatedAt)
                .Select(b => new ExportBlockedCompany(b.EmployerId, b.CreatedAt)).ToListAsync(ct);
            var chats = await db.Conversations.AsNoTracking().Where(c => c.TalentId == talentId).OrderBy(c => c.CreatedAt).ToListAsync(ct);
            var chatIds = chats.Select(c => c.Id).ToList();
            var messages = (await db.ChatMessages.AsNoTracking().Where(m => chatIds.Contains(m.ConversationId)).ToListAsync(ct))
                .ToLookup(m => m.ConversationId);
            conversations = chats.Select(c => new ExportConversation(c.Id, c.JobId, c.EmployerId, c.CreatedAt,
                messages[c.Id].OrderBy(m => m.Seq).Select(m => new ExportChatMessage(m.Seq, m.Side.ToString(), m.Kind.ToString(), m.Text, m.SentAt)).ToList()))
                .ToList();
            profile = await db.Talent.AsNoTracking().FirstOrDefaultAsync(t => t.Id == talentId, ct);
            contact = await db.TalentContacts.AsNoTracking().FirstOrDefaultAsync(c => c.TalentId == talentId, ct);
            applications = await db.Applications.AsNoTracking().Where(a => a.TalentId == talentId)
                .Include(a => a.History).Include(a => a.Interviews).Include(a => a.Offers).AsSplitQuery()
                .OrderBy(a => a.AppliedAt).ToListAsync(ct);
            outcomes = await db.Outcomes.AsNoTracking().Where(o => o.TalentId == talentId).OrderBy(o => o.At)
                .Select(o => new ExportOutcome(o.JobId, o.Stage.ToString(), o.At)).ToListAsync(ct);
        }
        var jobIds = applications.Select(a => a.JobId).Distinct().ToList();
        var titles = await db.Jobs.AsNoTracking().Where(j => jobIds.Contains(j.Id)).ToDictionaryAsync(j => j.Id, j => j.Title, ct);
        return new PersonalDataExport(
            Now, PrivacyPolicy.Version,
            new ExportAccount(user.Id, user.UserName ?? "", user.DisplayName, user.Email, user.PhoneNumber, user.CreatedAt, roles.OfType<string>().ToList(), user.NonPersonalizedRecommendations),
            profile,
            contact is null ? null : new ExportContact(contact.Name, contact.Phone, contact.Email, contact.IdNumber),
            applications.Select(a => new ExportApplication(
                a.Id, a.JobId, titles.GetValueOrDefault(a.JobId), a.Stage.ToString(), a.AppliedAt, a.UpdatedAt,
                a.History.OrderBy(h => h.At).Select(h => new ExportStageChange(h.From?.ToString(), h.To.ToString(), h.At, h.Reason)).ToList(),
                a.Interviews.OrderBy(i => i.StartsAt).Select(i => new ExportInterview(i.StartsAt, i.Place, i.OnlineLink, i.Status.ToString())).ToList(),
                a.Offers.OrderBy(o => o.SentAt).Select(o => new ExportOffer(o.MonthlyPay, o.StartDate, o.Place, o.ExpiresOn, o.Status.ToString(), o.SentAt, o.AnsweredAt)).ToList()))
                .ToList(),
            outcomes,
            consents,
            attachments, marks, blocks, conversations);
    }

    /// <summary>
    /// Erases a user: account, profile, contact and consents are deleted; their applications stay for the employers'
    /// statistics only, moved to a fresh anonymous placeholder with every free-text note removed; complaints they filed stay
    /// as the service record with the reporter replaced by the same placeholder. Returns the audit record.
    /// </summary>
    public async Task<ErasureRecord?> EraseAsync(string userId, string reason, CancellationToken ct = default)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var user = await db.Users.FirstOrDefaultAsync(u => u.Id == userId, ct);
            if (user is null) return null;
            var record = await EraseInTransactionAsync(user, reason, ct);
            await tx.CommitAsync(ct);
            return record;
        });
    }

    internal async Task<ErasureRecord> EraseInTransactionAsync(AppUser user, string reason, CancellationToken ct)
    {
        var now = Now;
        var record = new ErasureRecord { Reference = "ER-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(8)), Reason = reason, ErasedAt = now, Users = 1 };
        string? placeholderId = null;
        if (user.TalentId is { } talentId)
        {
            var applicationIds = await db.Applications.Where(a => a.TalentId == talentId).Select(a => a.Id).ToListAsync(ct);
            if (applicationIds.Count > 0 || await db.Outcomes.AnyAsync(o => o.TalentId == talentId, ct))
            {
                // A placeholder that carries nothing of the person: no attributes, a random id, never matched or listed.
                placeholderId = ErasurePlaceholder.NewId();
                var placeholder = new TalentProfile { Id = placeholderId, CityCode = "", IsActive = false, CreatedAt = now, UpdatedAt = now };
                db.Talent.Add(placeholder);
                await db.SaveChangesAsync(ct);
                record.ApplicationsAnonymised = await db.Applications.Where(a => a.TalentId == talentId)
                    .ExecuteUpdateAsync(s => s.SetProperty(a => a.TalentId, placeholder.Id), ct);
                record.OutcomesAnonymised = await db.Outcomes.Where(o => o.TalentId == talentId)
                    .ExecuteUpdateAsync(s => s.SetProperty(o => o.TalentId, placeholder.Id), ct);
                record.NotesRemoved = await RemoveNotesAsync(applicationIds, user.Id, ct);
            }
            record.Contacts = await db.TalentContacts.Where(c => c.TalentId == talentId).ExecuteDeleteAsync(ct);
            // Chats with employers are the person's words: they go, with what was held back and reports made in them.
            var chatIds = db.Conversations.Where(c => c.TalentId == talentId).Select(c => c.Id);
            await db.ChatMessages.Where(m => chatIds.Contains(m.ConversationId)).ExecuteDeleteAsync(ct);
            await db.Set<Chat.HeldChatMessage>().Where(m => chatIds.Contains(m.ConversationId)).ExecuteDeleteAsync(ct);
            await db.Set<Chat.ChatReport>().Where(r => chatIds.Contains(r.ConversationId)).ExecuteDeleteAsync(ct);
            await db.Conversations.Where(c => c.TalentId == talentId).ExecuteDeleteAsync(ct);
            var attachmentHashes = await db.ResumeAttachments.Where(a => a.TalentId == talentId).Select(a => a.FileHash).ToListAsync(ct);
            record.Profiles = await db.Talent.Where(t => t.Id == talentId).ExecuteDeleteAsync(ct); // marks, blocks, attachment rows go with it
            await Seekers.ResumeFiles.DeleteUnusedAsync(db, resumeFiles, attachmentHashes, ct);
        }
        // Complaints the person filed stay as the service record (《网络招聘服务管理规定》: kept three years) — content,
        // posting, outcome and dates — but no longer point at them: the reporter becomes the erasure placeholder. The change
        // goes through the tracked save so RetentionGuard sees it and allows exactly this reporter detachment.
        var complaints = await db.Complaints.Where(c => c.ReporterUserId == user.Id).ToListAsync(ct);
        if (complaints.Count > 0)
        {
            placeholderId ??= ErasurePlaceholder.NewId();
            foreach (var complaint in complaints) complaint.ReporterUserId = placeholderId;
        }
        record.Consents = await db.PrivacyConsents.Where(c => c.UserId == user.Id).ExecuteDeleteAsync(ct);
        await db.UserRoles.Where(r => r.UserId == user.Id).ExecuteDeleteAsync(ct);
        await db.UserClaims.Where(r => r.UserId == user.Id).ExecuteDeleteAsync(ct);
        await db.UserLogins.Where(r => r.UserId == user.Id).ExecuteDeleteAsync(ct);
        await db.UserTokens.Where(r => r.UserId == user.Id).ExecuteDeleteAsync(ct);
        db.Users.Remove(user);
        db.ErasureRecords.Add(record);
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        return record;
    }

    /// <summary>Removes the free-text notes on applications (stage reasons, interview notes) and the seeker's user id from their history.</summary>
    internal async Task<int> RemoveNotesAsync(IReadOnlyCollection<string> applicationIds, string? seekerUserId, CancellationToken ct)
    {
        var removed = 0;
        foreach (var chunk in applicationIds.Chunk(500))
        {
            removed += await db.Set<StageChange>().Where(h => chunk.Contains(h.ApplicationId) && h.Reason != null)
                .ExecuteUpdateAsync(s => s.SetProperty(h => h.Reason, (string?)null), ct);
            if (seekerUserId is not null)
                await db.Set<StageChange>().Where(h => chunk.Contains(h.ApplicationId) && h.ByUserId == seekerUserId)
                    .ExecuteUpdateAsync(s => s.SetProperty(h => h.ByUserId, ""), ct);
            var interviewIds = db.Interviews.Where(i => chunk.Contains(i.ApplicationId)).Select(i => i.Id);
            removed += await db.Set<Scorecard>().Where(c => interviewIds.Contains(c.InterviewId) && c.Notes != null)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.Notes, (string?)null), ct);
        }
        return removed;
    }
}

public sealed record PersonalDataExport(DateTime ExportedAt, string PolicyVersion, ExportAccount Account, TalentProfile? Profile, ExportContact? Contact,
    List<ExportApplication> Applications, List<ExportOutcome> Activity, List<ExportConsent> Consents,
    List<ExportAttachment> Attachments, List<ExportJobMark> JobMarks, List<ExportBlockedCompany> BlockedCompanies, List<ExportConversation> Conversations);
public sealed record ExportAttachment(string Id, string FileName, string ContentType, long Size, DateTime UploadedAt);
public sealed record ExportJobMark(string JobId, string Kind, DateTime At);
public sealed record ExportBlockedCompany(string EmployerId, DateTime BlockedAt);
public sealed record ExportConversation(string Id, string JobId, string EmployerId, DateTime StartedAt, List<ExportChatMessage> Messages);
public sealed record ExportChatMessage(long Seq, string Side, string Kind, string Text, DateTime At);
public sealed record ExportAccount(string Id, string UserName, string DisplayName, string? Email, string? Phone, DateTime CreatedAt, List<string> Roles, bool NonPersonalizedRecommendations);
public sealed record ExportContact(string Name, string? Phone, string? Email, string? IdNumber);
public sealed record ExportApplication(string Id, string JobId, string? JobTitle, string Stage, DateTime AppliedAt, DateTime UpdatedAt,
    List<ExportStageChange> History, List<ExportInterview> Interviews, List<ExportOffer> Offers);
public sealed record ExportStageChange(string? From, string To, DateTime At, string? Reason);
public sealed record ExportInterview(DateTime StartsAt, string? Place, string? OnlineLink, string Status);
public sealed record ExportOffer(int MonthlyPay, DateOnly StartDate, string Place, DateOnly ExpiresOn, string Status, DateTime SentAt, DateTime? AnsweredAt);
public sealed record ExportOutcome(string JobId, string Stage, DateTime At);
public sealed record ExportConsent(string Purpose, string PolicyVersion, DateTime AgreedAt);
