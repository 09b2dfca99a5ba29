using Gongjiang.Application.Common;
using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Sharing;
using Gongjiang.Application.Talent;
using Gongjiang.Core.Compliance;
using Gongjiang.Core.Taxonomy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Gongjiang.Application.LiveRooms;

/// <summary>A signed-in seeker who may speak in a room: not muted there, the room not over.</summary>
public sealed record LiveSpeaker(Actor Seeker, LiveRoom Room);

/// <summary>
/// What the questions and the mic (连麦) share: who may speak (signed-in seekers not muted in the room), screening with the
/// posting rules (contact data and fee bait are held, as in chat), the views of questions and the queue, and the state a
/// (re)connecting client loads.
/// </summary>
public sealed class LiveTalkService(LiveRoomService live, PostingScreener screener, IOptions<Chat.ChatOptions> chatOptions,
    SharingService sharing, TaxonomyCatalog catalog)
{
    /// <summary>How many recent questions a client loads.</summary>
    public const int RecentQuestions = 50;

    public LiveRoomService Live => live;
    public DbSet<LiveRoomQuestion> Questions => live.Db.Set<LiveRoomQuestion>();
    public DbSet<LiveRoomMicRequest> MicRequests => live.Db.Set<LiveRoomMicRequest>();
    public DbSet<LiveRoomMute> Mutes => live.Db.Set<LiveRoomMute>();

    /// <summary>The signed-in seeker in a room that is not over, refused when the host muted them there.</summary>
    public async Task<Result<LiveSpeaker>> SpeakerAsync(string? roomId, CancellationToken ct)
    {
        var seeker = await live.SeekerInRoomAsync(roomId, ct);
        if (!seeker.Succeeded) return seeker.Cast<LiveSpeaker>();
        var (actor, room) = seeker.Value;
        if (await IsMutedAsync(room.Id, actor.UserId, ct)) return Error.Refused(LiveTalkErrors.Muted);
        return new LiveSpeaker(actor, room);
    }

    public Task<bool> IsMutedAsync(string roomId, string userId, CancellationToken ct) =>
        Mutes.AnyAsync(m => m.RoomId == roomId && m.UserId == userId, ct);

    /// <summary>
    /// The screening rules that hold this text: contact data and fees (the chat's held rules) and any blocking finding.
    /// Empty when it may be shown.
    /// </summary>
    public IReadOnlyList<string> HoldingRules(string text) => screener.ScreenMessage(text).Flags
        .Where(f => f.Severity == FlagSeverity.Block || chatOptions.Value.HeldRules.Contains(f.Rule, StringComparer.Ordinal))
        .Select(f => f.Rule).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>The refusal a held text answers with: the rules' Chinese names, and their ids in the details.</summary>
    public static Error Held(IReadOnlyList<string> rules) =>
        Error.Refused(LiveTalkErrors.Held, string.Join("、", rules.Select(ScreeningRules.ChineseName))) with
        {
            Details = new Dictionary<string, object?> { ["rules"] = rules },
        };

    /// <summary>
    /// Whether the seeker's account is a real, verified one: its profile holds a mobile number, which registering (or claiming
    /// an imported profile) proved with a code sent to it, and the account is not disabled.
    /// </summary>
    public async Task<bool> IsVerifiedSeekerAsync(Actor seeker, CancellationToken ct)
    {
        var enabled = await live.Db.Users.AsNoTracking().AnyAsync(u => u.Id == seeker.UserId && u.TalentId == seeker.TalentId && u.DisabledAt == null, ct);
        if (!enabled) return false;
        var phone = await live.Db.TalentContacts.AsNoTracking().Where(c => c.TalentId == seeker.TalentId).Select(c => c.Phone).FirstOrDefaultAsync(ct);
        return !string.IsNullOrWhiteSpace(phone);
    }

    /// <summary>The seekers' names as everyone in the room sees them: masked (张*).</summary>
    public async Task<Dictionary<string, string>> MaskedNamesAsync(IReadOnlyCollection<string> talentIds, CancellationToken ct)
    {
        if (talentIds.Count == 0) return [];
        var names = await live.Db.TalentContacts.AsNoTracking().Where(c => talentIds.Contains(c.TalentId))
            .Select(c => new { c.TalentId, c.Name }).ToListAsync(ct);
        return names.ToDictionary(n => n.TalentId, n => TalentService.MaskName(n.Name), StringComparer.Ordinal);
    }

    /// <summary>The seekers' names as the room's host may see them: as the consent rules allow its employer (masked otherwise).</summary>
    public async Task<Dictionary<string, string>> HostNamesAsync(LiveRoom room, IReadOnlyCollection<string> talentIds, CancellationToken ct) =>
        room.EmployerId is null ? await MaskedNamesAsync(talentIds, ct) : await sharing.NamesForEmployerAsync(room.EmployerId, talentIds, ct);

    public async Task<IReadOnlyList<LiveQuestionView>> ViewsAsync(IReadOnlyList<LiveRoomQuestion> questions, Actor? actor, bool host, CancellationToken ct)
    {
        if (questions.Count == 0) return [];
        var names = await MaskedNamesAsync(questions.Select(q => q.TalentId).Distinct().ToList(), ct);
        var ids = questions.Select(q => q.Id).ToList();
        var mine = actor is null ? [] : (await live.Db.Set<LiveRoomUpvote>().AsNoTracking()
            .Where(u => u.UserId == actor.UserId && ids.Contains(u.QuestionId)).Select(u => u.QuestionId).ToListAsync(ct)).ToHashSet();
        return questions.Select(q => View(q, names.GetValueOrDefault(q.TalentId, ""), mine.Contains(q.Id), host)).ToList();
    }

    public static LiveQuestionView View(LiveRoomQuestion q, string asker, bool upvotedByMe, bool host) =>
        new(q.Id, asker, q.Text, LiveRoomService.UnixMs(q.AskedAt), q.Upvotes, upvotedByMe, q.Answer,
            q.AnsweredAt is { } at ? LiveRoomService.UnixMs(at) : null, q.Pinned, host ? q.AskerUserId : null);

    /// <summary>A question shown in the room (not held, not hidden).</summary>
    public async Task<Result<LiveRoomQuestion>> VisibleQuestionAsync(LiveRoom room, long questionId, CancellationToken ct)
    {
        var question = await Questions.FirstOrDefaultAsync(q => q.Id == questionId && q.RoomId == room.Id && q.HeldRules == null && q.HiddenAt == null, ct);
        return question is null ? Error.NotFound(LiveTalkErrors.QuestionNotFound, questionId) : question;
    }

    public Task<int> WaitingAsync(string roomId, CancellationToken ct) =>
        MicRequests.CountAsync(r => r.RoomId == roomId && r.Status == LiveMicStatus.Waiting, ct);

    /// <summary>Tells everyone how many wait for the mic.</summary>
    public async Task PublishQueueAsync(LiveRoom room, CancellationToken ct) =>
        await live.PublishAsync(room, LiveTalkKinds.MicQueue, new { waiting = await WaitingAsync(room.Id, ct) }, ct);

    /// <summary>The place of a waiting request in its room's queue (1 = next).</summary>
    public async Task<int> PositionAsync(LiveRoomMicRequest request, CancellationToken ct) =>
        await MicRequests.CountAsync(r => r.RoomId == request.RoomId && r.Status == LiveMicStatus.Waiting && r.Id < request.Id, ct) + 1;

    /// <summary>The open request of the room with this id, for its host to decide.</summary>
    public async Task<Result<LiveRoomMicRequest>> RequestAsync(LiveRoom room, long requestId, LiveMicStatus status, CancellationToken ct)
    {
        var request = await MicRequests.FirstOrDefaultAsync(r => r.Id == requestId && r.RoomId == room.Id && r.Status == status, ct);
        return request is null ? Error.NotFound(LiveTalkErrors.MicRequestNotFound, requestId) : request;
    }

    public async Task<LiveMicGuestView?> OnMicAsync(LiveRoom room, bool host, CancellationToken ct)
    {
        var guest = await MicRequests.AsNoTracking().FirstOrDefaultAsync(r => r.RoomId == room.Id && r.Status == LiveMicStatus.OnMic, ct);
        if (guest is null) return null;
        var names = await MaskedNamesAsync([guest.TalentId], ct);
        return new LiveMicGuestView(guest.Id, names.GetValueOrDefault(guest.TalentId, ""), LiveRoomService.UnixMs(guest.AcceptedAt ?? guest.RequestedAt),
            host ? guest.UserId : null);
    }

    /// <summary>The waiting requests in order, each with the requester's profile summary as the host may see it.</summary>
    public async Task<IReadOnlyList<LiveMicRequestView>> QueueAsync(LiveRoom room, CancellationToken ct)
    {
        var waiting = await MicRequests.AsNoTracking().Where(r => r.RoomId == room.Id && r.Status == LiveMicStatus.Waiting)
            .OrderBy(r => r.Id).Take(200).ToListAsync(ct);
        if (waiting.Count == 0) return [];
        var talentIds = waiting.Select(r => r.TalentId).Distinct().ToList();
        var names = await HostNamesAsync(room, talentIds, ct);
        var profiles = await live.Db.Talent.AsNoTracking().Where(t => talentIds.Contains(t.Id)).ToDictionaryAsync(t => t.Id, ct);
        return waiting.Select((r, i) =>
        {
            var profile = profiles.GetValueOrDefault(r.TalentId);
            var occupation = profile?.Occupations.OrderBy(o => o.Grade ?? 9).FirstOrDefault();
            return new LiveMicRequestView(r.Id, i + 1, r.UserId, names.GetValueOrDefault(r.TalentId, ""),
                occupation is null ? null : catalog.FindOccupation(occupation.Code)?.PlainName ?? occupation.Code, occupation?.Grade,
                profile?.ExperienceYears ?? 0, profile is null || profile.CityCode.Length == 0 ? null : catalog.RegionDisplayName(profile.CityCode),
                (profile?.Skills ?? []).Take(5).ToList(), LiveRoomService.UnixMs(r.RequestedAt));
        }).ToList();
    }

    /// <summary>The questions and the mic as this user sees them now.</summary>
    public async Task<LiveTalkState> StateAsync(LiveRoom room, Actor? actor, CancellationToken ct)
    {
        var host = LiveRoomService.Hosts(actor, room);
        var shown = Questions.AsNoTracking().Where(q => q.RoomId == room.Id && q.HeldRules == null && q.HiddenAt == null);
        var pinned = await shown.Where(q => q.Pinned).OrderByDescending(q => q.AnsweredAt).Take(10).ToListAsync(ct);
        var recent = await shown.OrderByDescending(q => q.Id).Take(RecentQuestions).ToListAsync(ct);
        var muted = actor is not null && await IsMutedAsync(room.Id, actor.UserId, ct);
        LiveMicTurn? turn = null;
        if (actor?.IsSeeker == true
            && await MicRequests.AsNoTracking().FirstOrDefaultAsync(r => r.RoomId == room.Id && r.OpenUserId == actor.UserId, ct) is { } mine)
            turn = new LiveMicTurn(mine.Id, mine.Status == LiveMicStatus.OnMic ? "on_mic" : "waiting",
                mine.Status == LiveMicStatus.Waiting ? await PositionAsync(mine, ct) : null);
        IReadOnlyList<LiveMicRequestView> queue = host ? await QueueAsync(room, ct) : [];
        IReadOnlyList<LiveMutedUserView> mutedUsers = [];
        if (host)
        {
            var rows = await Mutes.AsNoTracking().Where(m => m.RoomId == room.Id).OrderBy(m => m.At).ToListAsync(ct);
            var names = await HostNamesAsync(room, rows.Select(m => m.TalentId).Distinct().ToList(), ct);
            mutedUsers = rows.Select(m => new LiveMutedUserView(m.UserId, names.GetValueOrDefault(m.TalentId, ""), LiveRoomService.UnixMs(m.At))).ToList();
        }
        var over = room.Status is LiveRoomStatus.Ended or LiveRoomStatus.Cancelled;
        return new LiveTalkState(room.Id, room.LastSeq, host, actor?.IsSeeker == true && !muted && !over, muted,
            await ViewsAsync(pinned, actor, host, ct), await ViewsAsync(recent, actor, host, ct), await OnMicAsync(room, host, ct),
            await WaitingAsync(room.Id, ct), turn, queue, mutedUsers, host || turn?.Status == "on_mic" ? room.MicRoomUrl : null);
    }
}
