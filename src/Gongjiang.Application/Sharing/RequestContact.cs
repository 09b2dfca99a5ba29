using Gongjiang.Application.Common;
using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Common.UseCases;
using Gongjiang.Application.Notifications;
using Gongjiang.Application.Persistence;
using Gongjiang.Core.Common;
using Microsoft.EntityFrameworkCore;

namespace Gongjiang.Application.Sharing;

/// <summary>
/// An employer asks a seeker whose résumé it may see for contact data (联系方式授权申请), naming the purpose and the kinds
/// (name, phone, email). The seeker hears of it (inbox and SMS). One request at a time per seeker, and a limited number a
/// day per employer (China time).
/// </summary>
public static class RequestContact
{
    public sealed record Command(string TalentId, string? Purpose, IReadOnlyList<string>? Kinds) : IUseCase<ContactRequestView>;

    public sealed class Handler(AppDbContext db, SharingService sharing, INotifier notifier, TimeProvider clock) : IUseCaseHandler<Command, ContactRequestView>
    {
        public async Task<Result<ContactRequestView>> HandleAsync(Command command, CancellationToken ct)
        {
            var viewer = await sharing.ViewerAsync(ct);
            if (viewer?.EmployerId is not { } employerId) return Error.NotFound(SharingErrors.TalentNotFound, command.TalentId);
            var access = await sharing.AccessAsync(viewer with { IsOperator = false, TalentId = null }, command.TalentId, ct);
            if (access is null) return Error.NotFound(SharingErrors.TalentNotFound, command.TalentId);

            var errors = new ErrorList();
            var purpose = command.Purpose?.Trim();
            if (string.IsNullOrEmpty(purpose)) errors.Add("purpose", SharingErrors.PurposeRequired);
            else if (purpose.Length > SharingService.MaxPurposeLength) errors.Add("purpose", SharingErrors.PurposeTooLong, SharingService.MaxPurposeLength);
            var kinds = SharingService.ParseKinds(command.Kinds, errors) & ContactKinds.All;
            if (kinds == ContactKinds.None && !errors.Has("kinds")) errors.Add("kinds", SharingErrors.KindsRequired);
            if (!errors.IsEmpty) return errors;

            if ((access.Revealed & kinds) == kinds) return Error.Conflict(SharingErrors.AlreadyGranted);
            if (access.PendingRequest is not null) return Error.Conflict(SharingErrors.RequestPending);
            var limit = sharing.Options.DailyContactRequestsPerEmployer;
            var since = DailyQuota.DayStartUtc(sharing.Now);
            if (await sharing.Requests.CountAsync(r => r.EmployerId == employerId && r.RequestedAt >= since, ct) >= limit)
                return Error.TooMany(SharingErrors.DailyLimit, limit);

            var request = new ContactRequest
            {
                Id = EntityId.New('Q', clock), TalentId = command.TalentId, EmployerId = employerId, RequestedByUserId = viewer.UserId,
                Purpose = purpose!, Kinds = kinds, Status = ContactRequestStatus.Pending, RequestedAt = sharing.Now,
            };
            sharing.Requests.Add(request);
            var employerName = await sharing.EmployerNameAsync(employerId, ct);
            await notifier.QueueAsync(new Notice("contact.request", $"联系方式申请：{employerName}",
                $"{employerName}申请查看您的{SharingService.KindNames(kinds)}，用途：{purpose}。请在“隐私与授权”中同意或拒绝。",
                NoticeChannels.InApp | NoticeChannels.Sms, RecipientTalentId: command.TalentId, Link: "/Seeker/Privacy"), ct);
            await db.SaveChangesAsync(ct);
            return new ContactRequestView(request, employerName);
        }
    }
}
