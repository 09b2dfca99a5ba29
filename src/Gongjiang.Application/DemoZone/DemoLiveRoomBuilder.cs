using Gongjiang.Application.Common;
using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Common.UseCases;
using Gongjiang.Application.Identity;
using Gongjiang.Application.LiveRooms;
using Gongjiang.Application.Persistence;
using Gongjiang.Core.Jobs;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongjiang.Application.DemoZone;

/// <summary>What the demo live room came to: the room and how many of each thing the replay did.</summary>
public sealed record DemoLiveRoom(string RoomId, int Viewers, int Actions, IReadOnlyDictionary<string, int> Done, LiveRoomTotals Totals);

/// <summary>
/// Replays a finished live room of the size seed 000 describes (a 研发人才招聘专场 with the 总监 presenting: about 13,000
/// viewers, 450+ résumés, about 70 mic links) through the application's use cases, minute by minute on a
/// <see cref="ReplayClock"/>, so every record carries the moment it stands for and the statistics read as they would have.
/// The demo employer's HR hosts; 1,500 of the zone's seekers watch signed in (each gets an account of its own, without a
/// password), ask, apply, take the mic and receive invitations and offer cards; anonymous viewers make up the rest.
/// What a use case refuses (a seeker who applied to that job before, a question screening holds) is counted, not forced.
/// Choices follow a seeded random source: the same seed over the same zone gives the same room.
/// </summary>
public sealed class DemoLiveRoomBuilder(IServiceScopeFactory scopes, ReplayClock clock)
{
    public const int Viewers = 13_000;
    public const int SignedInViewers = 1_500;
    public const int Applicants = 490;
    public const int Askers = 330;
    public const int MicLinks = 70;
    public static readonly TimeSpan Length = TimeSpan.FromHours(2);

    /// <summary>One thing a participant does at a moment of the broadcast.</summary>
    private sealed record Step(DateTimeOffset At, int Order, Actor? Actor, Func<IServiceProvider, Task> Run);

    /// <summary>A viewer: when they came and went, and the seeker they are when signed in.</summary>
    private sealed record Viewer(int Index, DateTimeOffset Joined, DateTimeOffset Left, Actor? Seeker);

    public async Task<DemoLiveRoom> BuildAsync(int seed, CancellationToken ct = default)
    {
        var random = new Random(seed);
        var (hr, jobIds, seekers) = await CastAsync(seed, ct);
        // Yesterday evening, China time (19:30), so the room is finished whenever the demo is built.
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime.AddHours(8));
        var start = new DateTimeOffset(today.AddDays(-1).ToDateTime(new TimeOnly(11, 30)), TimeSpan.Zero);
        var end = start + Length;

        clock.Set(start.AddDays(-3));
        var room = await RunAsync(hr, new ScheduleLiveRoom.Command("研发人才招聘专场 · 总监带岗", "研发中心 张总监",
            "算法、机器视觉、电气与工艺岗位，总监在线答疑、连麦面谈，直播间一键投递。", "https://live.example.cn/gongjiang/rd-special/index.m3u8",
            "https://rtc.example.cn/room/rd-special", start.UtcDateTime, end.UtcDateTime, jobIds), ct);
        var cards = (await RunAsync(hr, new GetLiveRoom.Query(room.Id), ct)).Jobs;

        var steps = new List<Step>();
        var done = new SortedDictionary<string, int>(StringComparer.Ordinal);
        void At(DateTimeOffset at, Actor? actor, Func<IServiceProvider, Task> run) => steps.Add(new Step(at, steps.Count, actor, run));
        async Task<T?> Try<T>(IServiceProvider services, string what, IUseCase<T> request)
        {
            var result = await services.GetRequiredService<IUseCases>().RunAsync(request, ct);
            var key = result.Succeeded ? what : what + " refused (" + result.Errors[0].Code + ")";
            done[key] = done.GetValueOrDefault(key) + 1;
            return result.Succeeded ? result.Value : default;
        }

        At(start, hr, s => Try(s, "went live", new ChangeLiveRoomStatus.Command(room.Id, LiveRoomStatus.Live)));
        for (var minute = 1; minute < Length.TotalMinutes; minute += 6)
        {
            var text = Announcements[(minute / 6) % Announcements.Length];
            At(start.AddMinutes(minute).AddSeconds(10), hr, s => Try(s, "announcements", new AnnounceInLiveRoom.Command(room.Id, text)));
        }

        // Viewers: most arrive in the first half hour after the start is announced, the rest through the broadcast; each
        // stays a while (a few minutes for most, the whole session for some). The first ones are the signed-in seekers.
        var viewers = new List<Viewer>();
        for (var i = 0; i < Viewers; i++)
        {
            var arrival = random.NextDouble() < 0.6 ? random.NextDouble() * 30 : 30 + random.NextDouble() * 85;
            var stay = Math.Min(-Math.Log(1 - random.NextDouble()) * 11 + 0.5, Length.TotalMinutes - arrival);
            var seeker = i < seekers.Count ? seekers[i] : null;
            // Seekers who came to talk to the company stay longer.
            if (seeker is not null) stay = Math.Min(stay + 8, Length.TotalMinutes - arrival);
            var joined = start.AddMinutes(arrival);
            var viewer = new Viewer(i, joined, joined.AddMinutes(stay), seeker);
            viewers.Add(viewer);
            var connection = $"demo-{seed}-{i}";
            var key = seeker is null ? connection : null;
            At(viewer.Joined, seeker, s => Try(s, "joins", new WatchLiveRoom.Command(room.Id, connection, key, 0)));
            At(viewer.Left, seeker, s => Try(s, "leaves", new StopWatchingLiveRoom.Command(room.Id, connection, joined.UtcDateTime)));
        }
        DateTimeOffset While(Viewer v, double from, double to) => v.Joined + (v.Left - v.Joined) * (from + random.NextDouble() * (to - from));
        var signedIn = viewers.Where(v => v.Seeker is not null && v.Left - v.Joined >= TimeSpan.FromMinutes(3)).ToList();

        // One-tap applications to the cards, while watching.
        foreach (var v in signedIn.OrderBy(_ => random.Next()).Take(Applicants))
        {
            var card = cards[random.Next(cards.Count)];
            At(While(v, 0.2, 0.95), v.Seeker, s => Try(s, "applications", new ApplyFromLiveRoom.Command(room.Id, card.JobId)));
        }

        // Questions, upvoted by others watching; the host answers most of them a minute or two later and pins the best.
        var askers = signedIn.OrderBy(_ => random.Next()).Take(Askers).ToList();
        for (var q = 0; q < askers.Count; q++)
        {
            var v = askers[q];
            var text = Questions[q % Questions.Length];
            var asked = While(v, 0.1, 0.6);
            var answer = random.NextDouble() < 0.62;
            var pin = answer && q % 15 == 0;
            var reply = Answers[q % Questions.Length];
            long? questionId = null;
            At(asked, v.Seeker, async s => questionId = (await Try(s, "questions", new AskLiveQuestion.Command(room.Id, text)))?.Id);
            foreach (var fan in signedIn.Where(f => f.Joined < asked && f.Left > asked.AddMinutes(1)).OrderBy(_ => random.Next()).Take(random.Next(0, 6)))
                At(asked.AddSeconds(20 + random.Next(40)), fan.Seeker, s => questionId is { } id ? Try(s, "upvotes", new UpvoteLiveQuestion.Command(room.Id, id)) : Task.CompletedTask);
            if (answer)
                At(asked.AddSeconds(60 + random.Next(120)), hr, s => questionId is { } id ? Try(s, "answers", new AnswerLiveQuestion.Command(room.Id, id, reply, pin)) : Task.CompletedTask);
        }

        // Mic links (连麦): one guest at a time from minute 8, each a minute or so, the host taking the next in the queue.
        var guests = new HashSet<int>();
        for (var link = 0; link < MicLinks; link++)
        {
            var at = start.AddMinutes(8 + link * 1.5);
            var guest = signedIn.Where(v => !guests.Contains(v.Index) && v.Joined < at && v.Left > at.AddMinutes(1.5)).OrderBy(_ => random.Next()).FirstOrDefault();
            if (guest is null) continue;
            guests.Add(guest.Index);
            long? requestId = null;
            var seconds = 35 + random.Next(45);
            At(at, guest.Seeker, async s => requestId = (await Try(s, "mic requests", new RequestLiveMic.Command(room.Id)))?.RequestId);
            At(at.AddSeconds(12), hr, s => requestId is { } id ? Try(s, "mic accepted", new AcceptLiveMic.Command(room.Id, id)) : Task.CompletedTask);
            At(at.AddSeconds(12 + seconds), hr, s => requestId is { } id ? Try(s, "mic links", new EndLiveMic.Command(room.Id, id)) : Task.CompletedTask);
        }

        // The host pushes job cards, invitations and offer cards to seekers watching: an offer above the card's pay says why.
        var pushed = signedIn.OrderBy(_ => random.Next()).Take(85).ToList();
        for (var n = 0; n < pushed.Count; n++)
        {
            var v = pushed[n];
            var card = cards[n % cards.Count];
            var userId = v.Seeker!.UserId;
            var (kind, pay, reason) = n switch
            {
                < 30 => (LiveRoomPushKinds.JobCard, (int?)null, (string?)null),
                < 70 => (LiveRoomPushKinds.Invitation, null, null),
                < 80 => (LiveRoomPushKinds.Offer, (card.PayMin + card.PayMax) / 2, null),
                _ => (LiveRoomPushKinds.Offer, card.PayMax + 2000, "连麦中展示了视觉检测项目经验，按高级工程师定薪"),
            };
            var message = kind == LiveRoomPushKinds.JobCard ? "这个岗位很适合你，看看？" : "刚才聊得很好，欢迎加入我们。";
            At(While(v, 0.3, 0.9), hr, s => Try(s, kind + " pushes", new PushToLiveViewer.Command(room.Id, userId, kind, card.JobId, message, pay, reason)));
        }

        for (var minute = 0; minute <= Length.TotalMinutes; minute++)
        {
            At(start.AddMinutes(minute).AddSeconds(30), null, s => new LiveRoomViewerSampler().RunAsync(s, ct));
            At(start.AddMinutes(minute).AddSeconds(59), null, s => new LiveRoomViewerTicker().RunAsync(s, ct));
        }
        At(end, hr, s => Try(s, "ended", new ChangeLiveRoomStatus.Command(room.Id, LiveRoomStatus.Ended)));

        var ordered = steps.OrderBy(s => s.At).ThenBy(s => s.Order).ToList();
        foreach (var batch in ordered.Chunk(400))
        {
            await using var scope = scopes.CreateAsyncScope();
            var acting = scope.ServiceProvider.GetRequiredService<ActingUser>();
            foreach (var step in batch)
            {
                clock.Set(step.At);
                acting.Actor = step.Actor;
                await step.Run(scope.ServiceProvider);
                scope.ServiceProvider.GetRequiredService<AppDbContext>().ChangeTracker.Clear();
            }
        }
        clock.Set(null);
        // The figures the statistics page shows, read as the host reads them.
        var stats = await RunAsync(hr, new GetLiveRoomStats.Query(room.Id), ct);
        return new DemoLiveRoom(room.Id, Viewers, ordered.Count, done, stats.Totals);
    }

    private static readonly string[] Questions =
    [
        "算法工程师岗位对学历有要求吗？硕士应届可以吗？", "机器视觉工程师主要用什么框架，OpenCV还是Halcon？", "应届生有没有带教，试用期多久？",
        "研发岗位是双休吗？加班多不多？", "公司在哪个园区，有没有班车？", "有人才公寓或者住房补贴吗？", "电气工程师需要会PLC编程吗？",
        "转正后薪资怎么调整？有年终奖吗？", "面试流程是怎样的，几轮？", "没有项目经验的本科生可以投吗？", "工艺工程师要经常出差吗？",
        "机器视觉岗要求会深度学习吗？", "可以远程面试吗？我在外地。", "五险一金按什么基数交？", "入职后有技能培训和职称评定吗？",
        "专科学历可以投电气工程师吗？", "公司做锂电设备还是光伏设备？", "简历投递后多久有回复？", "实习生可以留用转正吗？", "研发团队多少人，谁带队？",
    ];

    private static readonly string[] Answers =
    [
        "本科及以上，硕士应届非常欢迎。", "两者都用，入职有培训，会其一即可。", "有导师一对一带教，试用期三个月，工资不打折。",
        "双休，项目节点偶尔加班，有加班费或调休。", "在高新区智能制造产业园，市区有四条班车线路。", "有人才公寓，也可申请园区住房补贴。",
        "需要，西门子或三菱任一都可以。", "每年两次调薪，年终奖按项目和绩效发放。", "一轮技术面加一轮总监面，一周内出结果。",
        "可以，看重课程设计和竞赛经历。", "以本地为主，偶尔去客户现场调试。", "了解即可，有经验优先。", "可以，视频面试和现场面试效果一样。",
        "按实际工资全额缴纳。", "有内部培训体系，支持考证和职称评定。", "可以，有相关经验优先。", "以锂电装备为主，也在拓展光伏。",
        "一般三个工作日内HR会联系。", "表现好的实习生可以留用。", "研发中心两百多人，张总监带队。",
    ];

    private static readonly string[] Announcements =
    [
        "欢迎来到研发人才招聘专场！今天张总监亲自带岗，职位卡片在屏幕下方，点一键投递即可。",
        "算法工程师、机器视觉工程师正在热招，应届和有经验的同学都欢迎。",
        "想和总监当面聊的同学，可以点“申请连麦”，按顺序上麦。",
        "提问区的问题我们会逐一回答，点赞多的优先。",
        "所有岗位五险一金、双休，试用期工资不打折，薪资以职位卡片为准。",
    ];

    /// <summary>
    /// The host (the demo HR), the jobs the room shows (its best-paid open ones) and the signed-in viewers: seekers of the zone
    /// with a mobile number on their profile (what makes an account a verified one), each with an account of its own.
    /// </summary>
    private async Task<(Actor Hr, IReadOnlyList<string> JobIds, IReadOnlyList<Actor> Seekers)> CastAsync(int seed, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var hrUser = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.UserName == "hr", ct)
            ?? throw new InvalidOperationException("the database has no demo zone (the demo HR user `hr` is missing)");
        var hr = new Actor(hrUser.Id, [Roles.EmployerHR], hrUser.EmployerId, null);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var jobs = await db.Jobs.AsNoTracking().Where(j => j.EmployerId == hrUser.EmployerId && j.Status == JobStatus.Open && (j.ExpiresAt == null || j.ExpiresAt >= today))
            .OrderByDescending(j => j.SalaryMax).ThenBy(j => j.Id).Select(j => j.Id).Take(6).ToListAsync(ct);
        if (jobs.Count == 0) throw new InvalidOperationException("the demo employer has no open jobs to show");

        var withAccounts = await db.Users.AsNoTracking().Where(u => u.TalentId != null).Select(u => u.TalentId!).ToListAsync(ct);
        var taken = withAccounts.ToHashSet(StringComparer.Ordinal);
        var candidates = await db.TalentContacts.AsNoTracking().Where(c => c.Phone != null).OrderBy(c => c.TalentId)
            .Select(c => new { c.TalentId, c.Name }).Take(SignedInViewers * 3).ToListAsync(ct);
        var random = new Random(seed);
        var chosen = candidates.OrderBy(_ => random.Next()).Take(SignedInViewers).OrderBy(c => c.TalentId).ToList();
        var seekers = new List<Actor>();
        foreach (var talent in chosen)
        {
            var userName = "live-" + talent.TalentId.ToLowerInvariant();
            var user = await users.FindByNameAsync(userName);
            if (user is null)
            {
                if (taken.Contains(talent.TalentId)) continue;
                user = new AppUser { UserName = userName, TalentId = talent.TalentId, DisplayName = talent.Name, CreatedAt = clock.GetUtcNow().UtcDateTime };
                var created = await users.CreateAsync(user);
                if (!created.Succeeded) continue;
                await users.AddToRoleAsync(user, Roles.Seeker);
            }
            seekers.Add(new Actor(user.Id, [Roles.Seeker], null, talent.TalentId));
        }
        return (hr, jobs, seekers);
    }

    private async Task<T> RunAsync<T>(Actor actor, IUseCase<T> request, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ActingUser>().Actor = actor;
        return (await scope.ServiceProvider.GetRequiredService<IUseCases>().RunAsync(request, ct)).Value;
    }
}
