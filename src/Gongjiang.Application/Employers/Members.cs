using System.Security.Cryptography;
using System.Text;
using Gongjiang.Application.Common;
using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Common.UseCases;
using Gongjiang.Application.Compliance;
using Gongjiang.Application.Identity;
using Gongjiang.Application.Notifications;
using Gongjiang.Application.Persistence;
using Gongjiang.Application.Talent;
using Gongjiang.Core.Common;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Gongjiang.Application.Employers;

/// <summary>One HR user of a company as its members see it; <see cref="LeftAt"/> is set for a removed one.</summary>
public sealed record MemberRow(string UserId, string UserName, string DisplayName, string? MaskedPhone, string? Email, bool IsAdmin, bool IsSelf,
    DateTime CreatedAt, DateTime? LeftAt);

/// <summary>An invitation not yet used, withdrawn or expired.</summary>
public sealed record InviteRow(string Id, string MaskedPhone, string? Email, DateTime CreatedAt, DateTime ExpiresAt, string InvitedBy);

/// <summary>A company's HR users (成员), those removed (kept for their history) and open invitations.</summary>
public sealed record MemberList(string EmployerId, string EmployerName, bool CanManage, IReadOnlyList<MemberRow> Members, IReadOnlyList<MemberRow> Former,
    IReadOnlyList<InviteRow> Invites);

/// <summary>
/// The rules the company-members use cases share: any HR user of the company reads the list; only its administrators
/// (<see cref="AppUser.IsEmployerAdmin"/>) invite, remove and make administrators; a member is found within the company.
/// </summary>
public sealed class MemberRules(AppDbContext db, ICurrentUser currentUser, UserManager<AppUser> users, ServiceLog log, TimeProvider clock)
{
    public DateTime Now => clock.GetUtcNow().UtcDateTime;
    public UserManager<AppUser> Users => users;
    public ServiceLog Log => log;

    /// <summary>The signed-in HR user acting for their company.</summary>
    public async Task<Result<Actor>> MemberAsync(CancellationToken ct) =>
        await currentUser.GetAsync(ct) is { IsEmployer: true } actor ? actor : Error.Forbidden(MemberErrors.EmployerOnly);

    /// <summary>The signed-in administrator of their company.</summary>
    public async Task<Result<Actor>> AdminAsync(CancellationToken ct)
    {
        var member = await MemberAsync(ct);
        if (!member.Succeeded) return member;
        var isAdmin = await db.Users.AnyAsync(u => u.Id == member.Value.UserId && u.EmployerId == member.Value.EmployerId && u.IsEmployerAdmin, ct);
        return isAdmin ? member : Error.Forbidden(MemberErrors.AdminOnly);
    }

    /// <summary>A current member of the actor's company, tracked; NotFound for anyone else.</summary>
    public async Task<Result<AppUser>> FindMemberAsync(Actor actor, string? userId, CancellationToken ct) =>
        await db.Users.FirstOrDefaultAsync(u => u.Id == userId && u.EmployerId == actor.EmployerId, ct) is { } user
            ? user : Error.NotFound(MemberErrors.NotFound);

    /// <summary>Whether <paramref name="user"/> is the company's only administrator.</summary>
    public async Task<bool> IsLastAdminAsync(AppUser user, CancellationToken ct) =>
        user.IsEmployerAdmin && !await db.Users.AnyAsync(u => u.EmployerId == user.EmployerId && u.IsEmployerAdmin && u.Id != user.Id, ct);

    public static MemberRow Row(AppUser u, string actorId) => new(u.Id, u.UserName ?? "", u.DisplayName, TalentService.MaskPhone(u.PhoneNumber), u.Email,
        u.IsEmployerAdmin, u.Id == actorId, u.CreatedAt, u.LeftEmployerAt);

    public static string HashToken(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>An invitation that can still be used, by the token in its link; null otherwise.</summary>
    public async Task<EmployerInvite?> OpenInviteAsync(string? token, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 100) return null;
        var hash = HashToken(token.Trim());
        var invite = await db.EmployerInvites.FirstOrDefaultAsync(i => i.TokenHash == hash, ct);
        return invite is not null && invite.IsOpen(Now) ? invite : null;
    }
}

/// <summary>The company's HR users, the removed ones and the open invitations; any member reads them, administrators manage them.</summary>
public static class ListMembers
{
    public sealed record Query : IUseCase<MemberList>;

    public sealed class Handler(AppDbContext db, MemberRules rules) : IUseCaseHandler<Query, MemberList>
    {
        public async Task<Result<MemberList>> HandleAsync(Query query, CancellationToken ct)
        {
            var member = await rules.MemberAsync(ct);
            if (!member.Succeeded) return member.Cast<MemberList>();
            var actor = member.Value;
            var employerId = actor.EmployerId!;
            var employer = await db.Employers.AsNoTracking().FirstAsync(e => e.Id == employerId, ct);
            var people = await db.Users.AsNoTracking().Where(u => u.EmployerId == employerId || u.FormerEmployerId == employerId)
                .OrderByDescending(u => u.IsEmployerAdmin).ThenBy(u => u.CreatedAt).ThenBy(u => u.UserName).ToListAsync(ct);
            var now = rules.Now;
            var invites = await db.EmployerInvites.AsNoTracking()
                .Where(i => i.EmployerId == employerId && i.AcceptedAt == null && i.WithdrawnAt == null && i.ExpiresAt > now)
                .OrderByDescending(i => i.CreatedAt).ToListAsync(ct);
            var inviterIds = invites.Select(i => i.InvitedByUserId).Distinct().ToList();
            var inviters = await db.Users.AsNoTracking().Where(u => inviterIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
            var canManage = people.Any(u => u.Id == actor.UserId && u.EmployerId == employerId && u.IsEmployerAdmin);
            return new MemberList(employerId, employer.Name, canManage,
                people.Where(u => u.EmployerId == employerId).Select(u => MemberRules.Row(u, actor.UserId)).ToList(),
                people.Where(u => u.EmployerId != employerId).Select(u => MemberRules.Row(u, actor.UserId)).ToList(),
                invites.Select(i => new InviteRow(i.Id, TalentService.MaskPhone(i.Phone) ?? "", i.Email, i.CreatedAt, i.ExpiresAt,
                    inviters.GetValueOrDefault(i.InvitedByUserId) ?? "")).ToList());
        }
    }
}

/// <summary>
/// An administrator invites a further HR user of the company by mobile number (and optionally e-mail). A number or
/// address that already belongs to an account — of another company, of this one, or a seeker's — is refused with a
/// message saying which; a new invitation to the same number withdraws the earlier one. The SMS carries the sign-up link
/// (<paramref name="SiteAddress"/> + <c>/Account/Join?invite=…</c>), which the answer returns too, once.
/// </summary>
public static class InviteMember
{
    public sealed record Command(string? Phone, string? Email, string? SiteAddress) : IUseCase<InviteSent>;

    public sealed record InviteSent(InviteRow Invite, string Link);

    public const string JoinPath = "/Account/Join?invite=";

    public sealed class Handler(AppDbContext db, MemberRules rules, PhoneAccounts phones, IEnumerable<IMessageSender> senders, TimeProvider clock)
        : IUseCaseHandler<Command, InviteSent>
    {
        public async Task<Result<InviteSent>> HandleAsync(Command command, CancellationToken ct)
        {
            var admin = await rules.AdminAsync(ct);
            if (!admin.Succeeded) return admin.Cast<InviteSent>();
            var actor = admin.Value;
            var errors = new ErrorList();
            var phone = PhoneNumbers.Normalize(command.Phone);
            var email = string.IsNullOrWhiteSpace(command.Email) ? null : command.Email.Trim();
            if (phone is null) errors.Add("phone", AccountErrors.Phone);
            if (email is not null && (email.Length > 256 || !System.Net.Mail.MailAddress.TryCreate(email, out _))) errors.Add("email", MemberErrors.Email);
            if (!errors.IsEmpty) return errors;

            if ((await phones.FindAsync(phone!, ct))?.Account is { } holder) return Taken(holder, actor, "phone");
            if (email is not null && await rules.Users.FindByEmailAsync(email) is { } byEmail) return Taken(byEmail, actor, "email");

            var now = rules.Now;
            var phoneIndex = db.Protector?.PhoneIndex(phone);
            var earlier = await db.EmployerInvites.Where(i => i.EmployerId == actor.EmployerId && i.PhoneIndex == phoneIndex && i.AcceptedAt == null && i.WithdrawnAt == null)
                .ToListAsync(ct);
            foreach (var old in earlier) old.WithdrawnAt = now;
            var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
            var invite = new EmployerInvite
            {
                Id = EntityId.New('V', clock), EmployerId = actor.EmployerId!, TokenHash = MemberRules.HashToken(token), Phone = phone!, PhoneIndex = phoneIndex,
                Email = email, InvitedByUserId = actor.UserId, CreatedAt = now, ExpiresAt = now + EmployerInvite.Lifetime,
            };
            db.EmployerInvites.Add(invite);
            rules.Log.Write(actor.UserId, ServiceActions.MemberInvited, ServiceTargets.Employer, invite.EmployerId, invite.Id);
            await db.SaveChangesAsync(ct);

            var employer = await db.Employers.AsNoTracking().FirstAsync(e => e.Id == invite.EmployerId, ct);
            var link = (command.SiteAddress ?? "").TrimEnd('/') + JoinPath + token;
            var sms = senders.LastOrDefault(s => s.Channel == OutboxChannels.Sms) ?? throw new InvalidOperationException("No SMS sender is configured.");
            await sms.SendAsync(new OutboxMessage
            {
                Channel = OutboxChannels.Sms, Destination = phone!, Kind = "employer.member_invite", Subject = "企业HR邀请",
                Body = $"【工匠】{employer.Name} 邀请您成为企业HR。请在7天内打开 {link} ，用本手机号接收验证码完成注册。如非本人，请忽略本短信。",
                CreatedAt = now, NextAttemptAt = now,
            }, ct);
            var inviter = await db.Users.AsNoTracking().Where(u => u.Id == actor.UserId).Select(u => u.DisplayName).FirstOrDefaultAsync(ct);
            return new InviteSent(new InviteRow(invite.Id, TalentService.MaskPhone(phone) ?? "", email, now, invite.ExpiresAt, inviter ?? ""), link);
        }

        private static Error Taken(AppUser holder, Actor actor, string field) =>
            holder.EmployerId == actor.EmployerId ? Error.Conflict(MemberErrors.AlreadyMember).ForField(field)
            : holder.EmployerId is not null ? Error.Conflict(MemberErrors.OtherCompany).ForField(field)
            : Error.Conflict(MemberErrors.HasAccount).ForField(field);
    }
}

/// <summary>What the sign-up page shows of an invitation: the company and the masked number the code goes to.</summary>
public static class GetInvite
{
    public sealed record Query(string? Token) : IUseCase<InviteView>;

    public sealed record InviteView(string EmployerName, string MaskedPhone, string? Email, DateTime ExpiresAt);

    public sealed class Handler(AppDbContext db, MemberRules rules) : IUseCaseHandler<Query, InviteView>
    {
        public async Task<Result<InviteView>> HandleAsync(Query query, CancellationToken ct)
        {
            if (await rules.OpenInviteAsync(query.Token, ct) is not { } invite) return Error.NotFound(MemberErrors.InviteInvalid);
            var name = await db.Employers.AsNoTracking().Where(e => e.Id == invite.EmployerId).Select(e => e.Name).FirstAsync(ct);
            return new InviteView(name, TalentService.MaskPhone(invite.Phone) ?? "", invite.Email, invite.ExpiresAt);
        }
    }
}

/// <summary>获取验证码 on the invitation's sign-up page: a sign-up code to the invited number (limits as every code).</summary>
public static class SendInviteCode
{
    public sealed record Command(string? Token, string? ClientAddress) : IUseCase<Done>;

    public sealed class Handler(MemberRules rules, PhoneCodeService codes) : IUseCaseHandler<Command, Done>
    {
        public async Task<Result<Done>> HandleAsync(Command command, CancellationToken ct) =>
            await rules.OpenInviteAsync(command.Token, ct) is { } invite
                ? await codes.IssueAsync(invite.Phone, PhoneCodePurpose.Register, command.ClientAddress, sendCode: true, null, ct)
                : Error.NotFound(MemberErrors.InviteInvalid);
    }
}

/// <summary>
/// The invitee signs up through the invitation: user name, password, name and the SMS code sent to the invited number. The
/// new account is HR (or, for an agency, an agency user) of the inviting company at once — the company is already
/// verified or pending as a whole — and the invitation is used up. All or nothing.
/// </summary>
public static class JoinEmployer
{
    public sealed record Command(string? Token, string? UserName, string? Password, string? PersonName, string? Code) : IUseCase<AppUser>;

    public sealed class Handler(AppDbContext db, MemberRules rules, PhoneCodeService codes, PhoneAccounts phones) : IUseCaseHandler<Command, AppUser>
    {
        public async Task<Result<AppUser>> HandleAsync(Command c, CancellationToken ct)
        {
            if (await rules.OpenInviteAsync(c.Token, ct) is not { } invite) return Error.Refused(MemberErrors.InviteInvalid);
            var errors = new ErrorList();
            var userName = c.UserName?.Trim() ?? "";
            var personName = c.PersonName?.Trim() ?? "";
            if (!UserNames.IsValid(userName)) errors.Add("userName", AccountErrors.UserName);
            if (personName.Length is 0 or > 30) errors.Add("personName", AccountErrors.Name);
            if (string.IsNullOrWhiteSpace(c.Code)) errors.Add("code", PhoneCodeErrors.Wrong);
            if (Passwords.Check(c.Password, "password") is { } weak) errors.Add(weak);
            if (!errors.IsEmpty) return errors;
            if (await rules.Users.FindByNameAsync(userName) is not null) return Error.Conflict(AccountErrors.UserNameTaken);
            if ((await phones.FindAsync(invite.Phone, ct))?.Account is not null) return Error.Conflict(MemberErrors.HasAccount);
            var used = await codes.ConsumeAsync(invite.Phone, PhoneCodePurpose.Register, c.Code, ct);
            if (!used.Succeeded) return used.Cast<AppUser>();

            var employer = await db.Employers.AsNoTracking().FirstAsync(e => e.Id == invite.EmployerId, ct);
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var user = new AppUser
            {
                UserName = userName, DisplayName = personName, EmployerId = employer.Id, PhoneNumber = invite.Phone, PhoneNumberConfirmed = true,
                Email = invite.Email, CreatedAt = rules.Now,
            };
            var created = await rules.Users.CreateAsync(user, c.Password!);
            if (!created.Succeeded) return Passwords.Rejected(created, "password");
            var role = await rules.Users.AddToRoleAsync(user, employer.IsAgency ? Roles.Agency : Roles.EmployerHR);
            if (!role.Succeeded) throw new InvalidOperationException($"The role could not be given: {string.Join(" ", role.Errors.Select(e => e.Description))}");
            invite.AcceptedAt = rules.Now;
            invite.AcceptedUserId = user.Id;
            rules.Log.Write(user.Id, ServiceActions.MemberJoined, ServiceTargets.Account, user.Id, employer.Id);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return user;
        }
    }
}

/// <summary>
/// An administrator removes an HR user from the company: the account no longer acts for it (its employer role and sessions
/// end; an account with no other role cannot sign in) but stays, so the jobs it posted, its notes and its service-log
/// entries keep showing its name. The last administrator is not removed.
/// </summary>
public static class RemoveMember
{
    public sealed record Command(string UserId) : IUseCase<MemberRow>;

    public sealed class Handler(MemberRules rules) : IUseCaseHandler<Command, MemberRow>
    {
        public async Task<Result<MemberRow>> HandleAsync(Command command, CancellationToken ct)
        {
            var admin = await rules.AdminAsync(ct);
            if (!admin.Succeeded) return admin.Cast<MemberRow>();
            var found = await rules.FindMemberAsync(admin.Value, command.UserId, ct);
            if (!found.Succeeded) return found.Cast<MemberRow>();
            var user = found.Value;
            if (await rules.IsLastAdminAsync(user, ct)) return Error.Refused(MemberErrors.LastAdmin);
            rules.Log.Write(admin.Value.UserId, ServiceActions.MemberRemoved, ServiceTargets.Account, user.Id, user.EmployerId);
            var now = rules.Now;
            user.FormerEmployerId = user.EmployerId;
            user.EmployerId = null;
            user.LeftEmployerAt = now;
            user.IsEmployerAdmin = false;
            var roles = await rules.Users.GetRolesAsync(user);
            var employerRoles = roles.Where(r => r is Roles.EmployerHR or Roles.Agency).ToList();
            if (roles.Count == employerRoles.Count)
            {
                // Nothing else to sign in for: the account is disabled as an administrator would (enabling it gives no company back).
                user.DisabledAt = now;
                user.LockoutEnabled = true;
                user.LockoutEnd = DateTimeOffset.MaxValue;
            }
            var removed = await rules.Users.RemoveFromRolesAsync(user, employerRoles); // saves the account too
            if (!removed.Succeeded) throw new InvalidOperationException("The account could not be saved: " + string.Join(" ", removed.Errors.Select(e => e.Description)));
            await rules.Users.UpdateSecurityStampAsync(user); // its sessions end
            return MemberRules.Row(user, admin.Value.UserId);
        }
    }
}

/// <summary>An administrator makes a member an administrator of the company, or takes that away (not from the last one).</summary>
public static class SetMemberAdmin
{
    public sealed record Command(string UserId, bool Admin) : IUseCase<MemberRow>;

    public sealed class Handler(MemberRules rules) : IUseCaseHandler<Command, MemberRow>
    {
        public async Task<Result<MemberRow>> HandleAsync(Command command, CancellationToken ct)
        {
            var admin = await rules.AdminAsync(ct);
            if (!admin.Succeeded) return admin.Cast<MemberRow>();
            var found = await rules.FindMemberAsync(admin.Value, command.UserId, ct);
            if (!found.Succeeded) return found.Cast<MemberRow>();
            var user = found.Value;
            if (!command.Admin && await rules.IsLastAdminAsync(user, ct)) return Error.Refused(MemberErrors.LastAdmin);
            if (user.IsEmployerAdmin == command.Admin) return MemberRules.Row(user, admin.Value.UserId);
            rules.Log.Write(admin.Value.UserId, ServiceActions.MemberMadeAdmin, ServiceTargets.Account, user.Id, command.Admin ? "admin" : "member");
            user.IsEmployerAdmin = command.Admin;
            var updated = await rules.Users.UpdateAsync(user);
            if (!updated.Succeeded) throw new InvalidOperationException("The account could not be saved: " + string.Join(" ", updated.Errors.Select(e => e.Description)));
            return MemberRules.Row(user, admin.Value.UserId);
        }
    }
}

/// <summary>An administrator withdraws an invitation that has not been used yet.</summary>
public static class WithdrawInvite
{
    public sealed record Command(string InviteId) : IUseCase<Done>;

    public sealed class Handler(AppDbContext db, MemberRules rules) : IUseCaseHandler<Command, Done>
    {
        public async Task<Result<Done>> HandleAsync(Command command, CancellationToken ct)
        {
            var admin = await rules.AdminAsync(ct);
            if (!admin.Succeeded) return admin.Cast<Done>();
            var invite = await db.EmployerInvites.FirstOrDefaultAsync(i => i.Id == command.InviteId && i.EmployerId == admin.Value.EmployerId, ct);
            if (invite is null || !invite.IsOpen(rules.Now)) return Error.NotFound(MemberErrors.InviteNotFound);
            invite.WithdrawnAt = rules.Now;
            rules.Log.Write(admin.Value.UserId, ServiceActions.MemberInviteWithdrawn, ServiceTargets.Employer, invite.EmployerId, invite.Id);
            await db.SaveChangesAsync(ct);
            return Done.Value;
        }
    }
}

/// <summary>Codes of the company-members errors (messages in Common/Results/ErrorMessages.resx).</summary>
public static class MemberErrors
{
    public const string EmployerOnly = "member.employer_only";
    public const string AdminOnly = "member.admin_only";
    public const string NotFound = "member.not_found";
    public const string Email = "member.email";
    public const string AlreadyMember = "member.already_member";
    public const string OtherCompany = "member.other_company";
    public const string HasAccount = "member.has_account";
    public const string InviteInvalid = "member.invite_invalid";
    public const string InviteNotFound = "member.invite_not_found";
    public const string LastAdmin = "member.last_admin";
}
