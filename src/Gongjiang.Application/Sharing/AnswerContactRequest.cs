using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Common.UseCases;
using Gongjiang.Application.Notifications;
using Gongjiang.Application.Persistence;
using Gongjiang.Core.Common;
using Microsoft.EntityFrameworkCore;

namespace Gongjiang.Application.Sharing;

/// <summary>
/// The seeker grants or declines an employer's request for contact data. Granting records a consent naming the employer,
/// the purpose and the kinds; the seeker may grant fewer kinds than asked, never more. The requester hears of the answer.
/// </summary>
public static class AnswerContactRequest
{
    /// <param name="Kinds">The kinds granted (name, phone, email); null grants every kind asked for.</param>
    public sealed record Command(string RequestId, bool Grant, IReadOnlyList<string>? Kinds = null) : IUseCase<ContactRequestView>;

    public sealed class Handler(AppDbContext db, SharingService sharing, INotifier notifier, TimeProvider clock) : IUseCaseHandler<Command, ContactRequestView>
    {
        public async Task<Result<ContactRequestView>> HandleAsync(Command command, CancellationToken ct)
        {
            var notFound = Error.NotFound(SharingErrors.RequestNotFound, command.RequestId);
            var talentId = await sharing.OwnTalentIdAsync(notFound, ct);
            if (!talentId.Succeeded) return talentId.Cast<ContactRequestView>();
            var errors = new ErrorList();
            ContactKinds? only = command.Kinds is null ? null : SharingService.ParseKinds(command.Kinds, errors);
            if (!errors.IsEmpty) return errors;
            var request = await sharing.Requests.FirstOrDefaultAsync(r => r.Id == command.RequestId && r.TalentId == talentId.Value, ct);
            if (request is null) return notFound;
            if (request.Status != ContactRequestStatus.Pending) return Error.Conflict(SharingErrors.AlreadyAnswered);
            var now = sharing.Now;
            var kinds = (only ?? request.Kinds) & request.Kinds;
            if (command.Grant)
            {
                if (kinds == ContactKinds.None) return Error.Invalid("kinds", SharingErrors.KindsRequired);
                var consent = new ConsentGrant
                {
                    Id = EntityId.New('G', clock), TalentId = talentId.Value, EmployerId = request.EmployerId, Purpose = request.Purpose,
                    Kinds = kinds, GrantedAt = now, RequestId = request.Id,
                };
                sharing.Grants.Add(consent);
                request.Status = ContactRequestStatus.Granted;
                request.GrantId = consent.Id;
            }
            else request.Status = ContactRequestStatus.Declined;
            request.AnsweredAt = now;
            // The requester hears of the answer (unless that account is gone meanwhile).
            if (await db.Users.AnyAsync(u => u.Id == request.RequestedByUserId, ct))
                await notifier.QueueAsync(new Notice("contact.answered",
                    command.Grant ? "求职者同意提供联系方式" : "求职者拒绝提供联系方式",
                    command.Grant ? $"求职者同意向贵企业提供{SharingService.KindNames(kinds)}，用途：{request.Purpose}。"
                                  : $"求职者拒绝了贵企业的联系方式申请（用途：{request.Purpose}）。",
                    NoticeChannels.InApp, RecipientUserId: request.RequestedByUserId, Link: $"/Employer/Talent/View/{request.TalentId}"), ct);
            await db.SaveChangesAsync(ct);
            return new ContactRequestView(request, await sharing.EmployerNameAsync(request.EmployerId, ct));
        }
    }
}
