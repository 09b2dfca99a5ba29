using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Common.UseCases;
using Microsoft.EntityFrameworkCore;

namespace Gongjiang.Application.LiveRooms;

/// <summary>
/// The host pushes something to ONE viewer of a room on air — a signed-in seeker watching it or an applicant from it: a job card,
/// an invitation to apply (the recruiting invitation, which also reaches the inbox) or an offer card with a monthly pay. An offer
/// whose pay lies outside the pay the room showed for the job needs a stated reason, kept with it (pay shown in a room must be
/// the pay offered). It arrives live as a <c>personal</c> push and stays listed for the viewer in the room.
/// </summary>
public static class PushToLiveViewer
{
    public sealed record Command(string? RoomId, string? UserId, string? Kind, string? JobId, string? Message = null, int? MonthlyPay = null,
        string? PayReason = null) : IUseCase<LiveRoomPushView>;

    public sealed class Handler(LiveRoomService live, IUseCases useCases) : IUseCaseHandler<Command, LiveRoomPushView>
    {
        public async Task<Result<LiveRoomPushView>> HandleAsync(Command command, CancellationToken ct)
        {
            var host = await live.HostAsync(command.RoomId, ct);
            if (!host.Succeeded) return host.Cast<LiveRoomPushView>();
            var room = host.Value.Room;
            if (room.Status != LiveRoomStatus.Live) return Error.Refused(LiveRoomErrors.NotLive);

            var errors = new ErrorList();
            if (!LiveRoomPushKinds.IsKnown(command.Kind)) errors.Add("kind", LiveRoomAudienceErrors.PushKindInvalid);
            var message = string.IsNullOrWhiteSpace(command.Message) ? null : command.Message.Trim();
            if (message is { Length: > 500 }) errors.Add("message", LiveRoomErrors.TooLong, 500);
            var reason = string.IsNullOrWhiteSpace(command.PayReason) ? null : command.PayReason.Trim();
            if (reason is { Length: > 500 }) errors.Add("payReason", LiveRoomErrors.TooLong, 500);
            var jobId = (command.JobId ?? "").Trim();
            var card = jobId.Length == 0 ? null
                : await live.Db.Set<LiveRoomJob>().AsNoTracking().FirstOrDefaultAsync(c => c.RoomId == room.Id && c.JobId == jobId, ct);
            if (card is null) errors.Add("jobId", LiveRoomAudienceErrors.JobNotInRoom);
            if (command.Kind == LiveRoomPushKinds.Offer)
            {
                if (command.MonthlyPay is not ({ } pay and > 0 and <= 1_000_000)) errors.Add("monthlyPay", LiveRoomAudienceErrors.OfferPayInvalid);
                else if (card is not null && (pay < card.PayMin || pay > card.PayMax) && reason is null)
                    errors.Add("payReason", LiveRoomAudienceErrors.OfferReasonRequired);
            }
            if (!errors.IsEmpty) return errors;

            var userId = (command.UserId ?? "").Trim();
            var talentId = await live.Db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.TalentId).FirstOrDefaultAsync(ct);
            var inRoom = talentId is not null && (
                await live.Db.Set<LiveRoomViewer>().AnyAsync(v => v.RoomId == room.Id && v.UserId == userId, ct)
                || await live.Db.Set<LiveRoomApplication>().AnyAsync(a => a.RoomId == room.Id && a.UserId == userId, ct));
            if (!inRoom) return Error.Refused(LiveRoomAudienceErrors.ViewerNotInRoom);

            var push = new LiveRoomPush
            {
                RoomId = room.Id, Kind = command.Kind!, UserId = userId, TalentId = talentId!, JobId = jobId, ByUserId = host.Value.Actor.UserId,
                At = live.Now, Message = message,
                MonthlyPay = command.Kind == LiveRoomPushKinds.Offer ? command.MonthlyPay : null,
                PayReason = command.Kind == LiveRoomPushKinds.Offer ? reason : null,
            };
            if (push.Kind == LiveRoomPushKinds.Invitation)
            {
                var invited = await useCases.RunAsync(new Recruiting.InviteTalent.Command(jobId, talentId, message), ct);
                if (!invited.Succeeded) return invited.Cast<LiveRoomPushView>();
                push.InvitationId = invited.Value.Id;
            }
            live.Db.Add(push);
            live.Record(room, push.Kind switch
            {
                LiveRoomPushKinds.Invitation => LiveRoomActivityKinds.Invitation,
                LiveRoomPushKinds.Offer => LiveRoomActivityKinds.Offer,
                _ => LiveRoomActivityKinds.JobCardPush,
            }, userId);
            await live.Db.SaveChangesAsync(ct);

            var job = await (from j in live.Db.Jobs.AsNoTracking()
                             join e in live.Db.Employers.AsNoTracking() on j.EmployerId equals e.Id
                             where j.Id == jobId
                             select new { j.Title, e.Name }).FirstAsync(ct);
            var view = LiveRoomAudience.ToView(push, job.Title, job.Name, card!.PayMin, card.PayMax);
            await live.Broadcaster.ToUserAsync(userId, push.Kind, view, ct);
            return view;
        }
    }
}
