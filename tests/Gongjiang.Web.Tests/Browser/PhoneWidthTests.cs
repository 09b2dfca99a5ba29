using System.Security.Claims;
using System.Text;
using System.Text.Json;
using Gongjiang.Application.DemoZone;
using Gongjiang.Application.Import;
using Gongjiang.Application.Persistence;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Gongjiang.Web.Tests.Browser;

/// <summary>
/// Every page of every role on a phone (390×844): the page never scrolls sideways, no element reaches past the screen's
/// edge, buttons and fields are at least 44 px tall to tap, and no occupation's name carries the 大典's L/S mark glued on. The pages are the app's own Razor page routes, so a new page
/// is checked as soon as it exists; a role's pages are those its role is authorized for, their route ids the demo zone's
/// records of that user. Each page is saved as a screenshot (TestResults/screenshots/phone-*).
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class PhoneWidthTests(WebAppFixture web, ITestOutputHelper output)
{
    /// <summary>Pages that do not render for a browser at all: they act and send the visitor on.</summary>
    private static readonly HashSet<string> ActionOnlyPages = ["/Culture", "/Account/Logout"];

    /// <summary>Route ids a role has no demo record for, with the reason; the page then answers its status page, also checked.</summary>
    private static readonly Dictionary<(string Role, string Route), string> NoRecordFor = new()
    {
        [("agency", "/Employer/Jobs/Board/{jobId}")] = "the demo agency posts no jobs of its own",
        [("agency", "/Chat/{id}")] = "the demo agency has no conversation",
        [("agency", "/Live/Stats/{id}")] = "the demo agency hosts no live room",
    };

    /// <summary>Occupation names as the 大典 writes them with a mark glued on (工业机器人系统操作员S): pages show a tag instead.</summary>
    private static readonly string[] MarkedNames = Gongjiang.Core.Taxonomy.TaxonomyCatalog.Default.Occupations
        .Where(o => o.Name != o.PlainName).Select(o => o.Name).ToArray();

    private const string Overflow = """
        () => {
            const width = window.innerWidth;
            const describe = el => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + (el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\s+/).join('.') : '');
            const wide = [];
            for (const el of document.body.querySelectorAll('*')) {
                const r = el.getBoundingClientRect();
                if (r.width === 0 || r.height === 0) continue;
                // Inside a chart's <svg>, drawing is clipped to the svg's own box (checked as an element itself).
                if (el.closest('svg') && el.tagName.toLowerCase() !== 'svg') continue;
                if (r.right <= width + 0.5 && r.left >= -0.5) continue;
                if (wide.some(w => w.el.contains(el))) continue;
                wide.push({ el, text: `${describe(el)} ${Math.round(r.left)}..${Math.round(r.right)}` });
            }
            const small = [];
            for (const el of document.body.querySelectorAll('button, .btn, select, summary, input:not([type=checkbox]):not([type=radio]):not([type=hidden]), .mainnav a, .pager .page, label.check-label')) {
                const r = el.getBoundingClientRect();
                if (r.width === 0 || r.height === 0 || getComputedStyle(el).visibility === 'hidden') continue;
                if (el.closest('.sr-only, .default-submit')) continue;
                if (r.height < 43.5) small.push(`${describe(el)} ${Math.round(r.height)}px`);
            }
            return { scrollWidth: document.documentElement.scrollWidth, innerWidth: width,
                     wide: wide.slice(0, 6).map(w => w.text), small: small.slice(0, 6) };
        }
        """;

    public static TheoryData<string, string> Roles => new()
    {
        { "anonymous", "zh-CN" }, { "anonymous", "en" },
        { "seeker", "zh-CN" }, { "seeker", "en" },
        { "hr", "zh-CN" }, { "hr", "en" },
        { "agency", "zh-CN" },
        { "operator", "zh-CN" }, { "operator", "en" },
        { "admin", "zh-CN" },
    };

    [Theory]
    [MemberData(nameof(Roles))]
    public async Task Every_page_of_a_role_fits_a_phone_screen(string role, string language)
    {
        var context = await web.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = web.BaseUrl, Locale = "zh-CN", ViewportSize = new ViewportSize { Width = 390, Height = 844 }, IsMobile = true, HasTouch = true,
        });
        context.SetDefaultTimeout(30_000);
        var page = await context.NewPageAsync();
        if (role != "anonymous") await WebAppFixture.SignInAsync(page, role, DemoAccounts.Password);
        if (language == "en") await page.GotoAsync("/Culture?culture=en&returnUrl=/");

        // The navigation is behind the menu button: it opens, fits and closes again.
        await page.GotoAsync("/");
        Assert.False(await page.Locator(".mainnav").IsVisibleAsync(), "the navigation shows before the menu is opened");
        await page.ClickAsync("#menu-toggle");
        Assert.Equal("true", await page.GetAttributeAsync("#menu-toggle", "aria-expanded"));
        Assert.True(await page.Locator(".mainnav a[href='/Jobs']").IsVisibleAsync(), "the opened menu does not show the navigation");
        var failures = Problems("/ (menu open)", await page.EvaluateAsync<JsonElement>(Overflow));
        await page.ScreenshotAsync(new() { Path = Path.Combine(WebAppFixture.ScreenshotDirectory, $"phone-{role}-{language}-menu.png") });
        await page.Keyboard.PressAsync("Escape");
        Assert.Equal("false", await page.GetAttributeAsync("#menu-toggle", "aria-expanded"));

        var values = await RouteValuesAsync(role);
        var routes = await PagesOfAsync(role);
        Assert.NotEmpty(routes);
        foreach (var route in routes)
        {
            var path = Fill(route, values, out var missing);
            if (missing is not null)
            {
                Assert.True(NoRecordFor.ContainsKey((role, route)), $"{role}: no demo record fills {{{missing}}} of {route}");
                path = Fill(route, new Dictionary<string, string> { [missing] = "NO-RECORD" }, out _);
            }
            var response = await page.GotoAsync(path);
            var status = response?.Status ?? 0;
            if (status != 200 && !NoRecordFor.ContainsKey((role, route))) failures.Add($"{path}: HTTP {status}");
            var landed = new Uri(page.Url).AbsolutePath;
            if (landed.StartsWith("/Account/", StringComparison.Ordinal) && !route.StartsWith("/Account/", StringComparison.Ordinal))
                failures.Add($"{path}: sent to {landed}");

            failures.AddRange(Problems(path, await page.EvaluateAsync<JsonElement>(Overflow)));
            var text = await page.InnerTextAsync("body");
            failures.AddRange(MarkedNames.Where(n => text.Contains(n, StringComparison.Ordinal)).Take(3).Select(n => $"{path}: the 大典's mark glued to a name: {n}"));

            var name = $"phone-{role}-{language}-" + string.Join('_', route.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Trim('{', '}', '?').Split(':')[0]));
            // Chromium sometimes fails to capture a very tall page at once ("Unable to capture screenshot"): try once more.
            try { await page.ScreenshotAsync(new() { Path = Path.Combine(WebAppFixture.ScreenshotDirectory, name + ".png"), FullPage = true }); }
            catch (PlaywrightException e) when (e.Message.Contains("Unable to capture screenshot", StringComparison.Ordinal))
            {
                await page.ScreenshotAsync(new() { Path = Path.Combine(WebAppFixture.ScreenshotDirectory, name + ".png"), FullPage = true });
            }
        }
        output.WriteLine($"{role} ({language}): {routes.Count} pages: {string.Join(", ", routes)}");
        foreach (var f in failures) output.WriteLine(f);
        Assert.True(failures.Count == 0, $"{role} ({language}) at 390 px:\n" + string.Join("\n", failures));
        await context.CloseAsync();
    }

    private static List<string> Problems(string path, JsonElement check)
    {
        var problems = new List<string>();
        var scrollWidth = check.GetProperty("scrollWidth").GetInt32();
        var innerWidth = check.GetProperty("innerWidth").GetInt32();
        if (scrollWidth > innerWidth) problems.Add($"{path}: scrolls sideways ({scrollWidth} > {innerWidth})");
        foreach (var wide in check.GetProperty("wide").EnumerateArray()) problems.Add($"{path}: wider than the screen: {wide.GetString()}");
        foreach (var small in check.GetProperty("small").EnumerateArray()) problems.Add($"{path}: too small to tap: {small.GetString()}");
        return problems;
    }

    /// <summary>
    /// The app's page routes a role may open: a page with no authorization for everyone, the others when the role's user
    /// satisfies the page's policies (anonymous: only pages without authorization).
    /// </summary>
    private async Task<List<string>> PagesOfAsync(string role)
    {
        var endpoints = web.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<CompiledPageActionDescriptor>() is not null)
            .GroupBy(e => e.Metadata.GetMetadata<CompiledPageActionDescriptor>()!.ViewEnginePath)
            .Select(g => g.OrderBy(e => e.RoutePattern.RawText!.Length).First());
        var policies = web.Services.GetRequiredService<IAuthorizationPolicyProvider>();
        var authorization = web.Services.GetRequiredService<IAuthorizationService>();
        var user = RoleUser(role);
        var pages = new List<string>();
        foreach (var endpoint in endpoints)
        {
            var route = "/" + endpoint.RoutePattern.RawText!.TrimStart('/');
            if (ActionOnlyPages.Contains(route)) continue;
            var data = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>();
            if (data.Count > 0)
            {
                if (user is null) continue;
                var policy = await AuthorizationPolicy.CombineAsync(policies, data);
                if (policy is null || !(await authorization.AuthorizeAsync(user, policy)).Succeeded) continue;
            }
            pages.Add(route);
        }
        return pages.OrderBy(p => p, StringComparer.Ordinal).ToList();
    }

    private static ClaimsPrincipal? RoleUser(string role)
    {
        var roleName = DemoAccounts.All.FirstOrDefault(a => a.UserName == role)?.Role;
        if (roleName is null) return null;
        return new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, role), new Claim(ClaimTypes.Role, roleName)], "test"));
    }

    /// <summary>Route parameters filled with the demo records the role's user works with.</summary>
    private async Task<Dictionary<string, string>> RouteValuesAsync(string role)
    {
        using var scope = web.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var values = new Dictionary<string, string>(StringComparer.Ordinal) { ["code"] = "404" };
        var hrUser = await db.Users.AsNoTracking().FirstAsync(u => u.UserName == "hr");
        var agencyUser = await db.Users.AsNoTracking().FirstAsync(u => u.UserName == "agency");
        var openJob = await db.Jobs.AsNoTracking().Where(j => j.EmployerId == hrUser.EmployerId && j.Status == Gongjiang.Core.Jobs.JobStatus.Open)
            .OrderBy(j => j.Id).Select(j => j.Id).FirstAsync();
        values["id:/Jobs/Detail/{id}"] = openJob;
        values[QueryOf + "/Seeker/Report"] = "?job=" + openJob;
        var project = await db.HeadhuntingProjects.AsNoTracking().Where(p => p.AgencyId == agencyUser.EmployerId).OrderBy(p => p.Id).Select(p => p.Id).FirstAsync();
        if (role is "hr" or "seeker") values["id:/Chat/{id}"] = await ConversationAsync(db, hrUser.EmployerId!, openJob);
        values["id:/Live/{id}"] = values["id:/Live/Manage/{id}"] = await LiveRoomAsync(db, role, role switch
        {
            "agency" => agencyUser.EmployerId, "operator" or "admin" => null, _ => hrUser.EmployerId,
        }, openJob);
        if (role is "hr" or "operator" or "admin") values["id:/Live/Stats/{id}"] = await LiveStatsRoom.OfDemoHrAsync(web.Services);
        values["roomId"] = await TalkRoomAsync(db, hrUser.EmployerId!);
        switch (role)
        {
            case "hr":
                values["id:/Employer/Jobs/Recommendations/{id?}"] = openJob;
                // The board of the job with the most applications, so the page shows its cards.
                values["jobId"] = await db.Applications.AsNoTracking().Where(a => db.Jobs.Any(j => j.Id == a.JobId && j.EmployerId == hrUser.EmployerId))
                    .GroupBy(a => a.JobId).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstOrDefaultAsync() ?? openJob;
                // The résumé of an applicant on that board, opened from the board (with the application's stage and the way back).
                var boardJob = values["jobId"];
                var applicant = await db.Applications.AsNoTracking().Where(a => a.JobId == boardJob).OrderBy(a => a.Id)
                    .Select(a => new { a.Id, a.TalentId }).FirstOrDefaultAsync();
                values["id:/Employer/Talent/View/{id}"] = applicant?.TalentId ?? await SharedTalentAsync(db);
                if (applicant is not null) values[QueryOf + "/Employer/Talent/View/{id}"] = $"?from=board&application={applicant.Id}";
                values["id:/Agency/Projects/{id}"] = values["id:/Agency/Projects/{id}/Edit"] = values["id:/Agency/Projects/{id}/Report"] = project;
                values["id:/Employer/Campus/Edit/{id}"] = await db.CampusCampaigns.AsNoTracking().Where(c => c.EmployerId == hrUser.EmployerId)
                    .OrderBy(c => c.Id).Select(c => c.Id).FirstAsync();
                values["id:/Employer/ImportProgress/{id}"] = await ImportTaskAsync(db, role, ImportSheet.Jobs);
                break;
            case "agency":
                values["id:/Employer/Talent/View/{id}"] = await SharedTalentAsync(db);
                values["id:/Agency/Projects/{id}"] = values["id:/Agency/Projects/{id}/Edit"] = values["id:/Agency/Projects/{id}/Report"] = project;
                values["id:/Employer/ImportProgress/{id}"] = await ImportTaskAsync(db, role, ImportSheet.Jobs);
                break;
            case "operator":
            case "admin":
                values["id:/Operator/ImportProgress/{id}"] = await ImportTaskAsync(db, role, ImportSheet.Talent);
                break;
        }
        return values;
    }

    private static Task<string> SharedTalentAsync(AppDbContext db) =>
        db.Talent.AsNoTracking().Where(t => t.SharedWithZone && t.IsActive).OrderBy(t => t.Id).Select(t => t.Id).FirstAsync();

    /// <summary>The demo seeker's conversation with the demo HR about its open job, with a message, a job card and a long reply.</summary>
    private static async Task<string> ConversationAsync(AppDbContext db, string employerId, string jobId)
    {
        var talentId = (await db.Users.AsNoTracking().FirstAsync(u => u.UserName == "seeker")).TalentId!;
        if (await db.Conversations.AsNoTracking().FirstOrDefaultAsync(c => c.JobId == jobId && c.TalentId == talentId) is { } known) return known.Id;
        var now = DateTime.UtcNow;
        var conversation = new Gongjiang.Application.Chat.Conversation
        {
            Id = "D-phone-" + Guid.NewGuid().ToString("N")[..8], TalentId = talentId, EmployerId = employerId, JobId = jobId, StartedByUserId = "seeker",
            CreatedAt = now, LastMessageAt = now, LastSeq = 3, SeekerReadSeq = 1, EmployerReadSeq = 3, Version = Guid.NewGuid(),
        };
        db.Conversations.Add(conversation);
        db.ChatMessages.AddRange(
            new Gongjiang.Application.Chat.ChatMessage { ConversationId = conversation.Id, Seq = 1, Side = Gongjiang.Application.Chat.ChatSide.Seeker, SenderUserId = "seeker", Text = "您好，这个岗位还在招人吗？我有三年相关经验。", SentAt = now },
            new Gongjiang.Application.Chat.ChatMessage { ConversationId = conversation.Id, Seq = 2, Side = Gongjiang.Application.Chat.ChatSide.Employer, SenderUserId = "hr", Kind = Gongjiang.Application.Chat.ChatMessageKind.JobCard, JobId = jobId, SentAt = now },
            new Gongjiang.Application.Chat.ChatMessage { ConversationId = conversation.Id, Seq = 3, Side = Gongjiang.Application.Chat.ChatSide.Employer, SenderUserId = "hr",
                Text = "还在招聘。欢迎周六上午来厂区参观，详细的岗位职责和排班安排请看上面的岗位卡片，有问题随时在这里问我。", SentAt = now });
        await db.SaveChangesAsync();
        return conversation.Id;
    }

    /// <summary>
    /// A live room on air of the role's host (the demo HR's employer, the agency, or the operators), showing the demo HR's open job,
    /// with an announcement and an offer card with its pay reason pushed to the demo seeker: the room page and console show every part.
    /// </summary>
    private static async Task<string> LiveRoomAsync(AppDbContext db, string role, string? employerId, string jobId)
    {
        var kind = role switch
        {
            "agency" => Gongjiang.Application.LiveRooms.LiveRoomHostKind.Agency,
            "operator" or "admin" => Gongjiang.Application.LiveRooms.LiveRoomHostKind.Operator,
            _ => Gongjiang.Application.LiveRooms.LiveRoomHostKind.Employer,
        };
        var rooms = db.Set<Gongjiang.Application.LiveRooms.LiveRoom>();
        if (await rooms.AsNoTracking().FirstOrDefaultAsync(r => r.Id.StartsWith("L-phone-") && r.HostKind == kind) is { } known) return known.Id;
        var now = DateTime.UtcNow;
        var seeker = await db.Users.AsNoTracking().FirstAsync(u => u.UserName == "seeker");
        var job = await db.Jobs.AsNoTracking().FirstAsync(j => j.Id == jobId);
        var room = new Gongjiang.Application.LiveRooms.LiveRoom
        {
            Id = "L-phone-" + Guid.NewGuid().ToString("N")[..8], HostKind = kind, EmployerId = employerId, CreatedByUserId = role,
            Title = "高新区智能制造企业春季直播招聘会（焊工、数控车工、设备维修专场）", HostName = "人力资源部 王总监", Description = "现场讲解岗位职责、薪资构成和住宿安排。",
            StreamUrl = "https://live.example.cn/hls/spring-fair.m3u8", StartsAt = now.AddMinutes(-10), EndsAt = now.AddHours(2),
            Status = Gongjiang.Application.LiveRooms.LiveRoomStatus.Live, StartedAt = now.AddMinutes(-10), CreatedAt = now, LastSeq = 1, PeakViewers = 1280, Version = Guid.NewGuid(),
        };
        rooms.Add(room);
        db.Add(new Gongjiang.Application.LiveRooms.LiveRoomJob { RoomId = room.Id, JobId = jobId, PayMin = job.SalaryMin, PayMax = job.SalaryMax });
        db.Add(new Gongjiang.Application.LiveRooms.LiveRoomEvent { RoomId = room.Id, Seq = 1, Kind = "announcement", SentAt = now,
            Data = """{"text":"今天下午三点起逐一解答大家关于倒班和宿舍的问题，请在问答区留言。"}""" });
        db.Add(new Gongjiang.Application.LiveRooms.LiveRoomPush { RoomId = room.Id, Kind = "offer", UserId = seeker.Id, TalentId = seeker.TalentId!, JobId = jobId,
            ByUserId = role, At = now, MonthlyPay = job.SalaryMax + 1500, PayReason = "持高级焊工证，按技师岗位定薪", Message = "欢迎加入，期待与您共事。" });
        await db.SaveChangesAsync();
        return room.Id;
    }

    /// <summary>A room of the demo HR's employer on air, with a pinned answer, a long question and the demo seeker waiting for the mic.</summary>
    private static async Task<string> TalkRoomAsync(AppDbContext db, string employerId)
    {
        var seeker = await db.Users.AsNoTracking().FirstAsync(u => u.UserName == "seeker");
        var now = DateTime.UtcNow;
        var room = new Gongjiang.Application.LiveRooms.LiveRoom
        {
            Id = "L-talk-" + Guid.NewGuid().ToString("N")[..8], HostKind = Gongjiang.Application.LiveRooms.LiveRoomHostKind.Employer, EmployerId = employerId,
            CreatedByUserId = "hr", Title = "焊工专场直播招聘", HostName = "王总监", StreamUrl = "https://live.example.cn/a.m3u8", MicRoomUrl = "https://rtc.example.cn/a",
            StartsAt = now.AddMinutes(-10), EndsAt = now.AddHours(2), Status = Gongjiang.Application.LiveRooms.LiveRoomStatus.Live, StartedAt = now.AddMinutes(-10),
            CreatedAt = now, Version = Guid.NewGuid(),
        };
        db.Add(room);
        db.AddRange(
            new Gongjiang.Application.LiveRooms.LiveRoomQuestion { RoomId = room.Id, AskerUserId = seeker.Id, TalentId = seeker.TalentId!, Text = "焊工岗位包住宿吗？", AskedAt = now,
                Upvotes = 12, Answer = "包住宿，四人间，有空调和独立卫生间。", AnsweredAt = now, AnsweredByUserId = "hr", Pinned = true },
            new Gongjiang.Application.LiveRooms.LiveRoomQuestion { RoomId = room.Id, AskerUserId = seeker.Id, TalentId = seeker.TalentId!, AskedAt = now, Upvotes = 3,
                Text = "我有六年不锈钢管道氩弧焊经验，持有特种作业操作证，想问一下夜班补贴和试用期工资分别是多少，试用期多长时间？" },
            new Gongjiang.Application.LiveRooms.LiveRoomMicRequest { RoomId = room.Id, UserId = seeker.Id, OpenUserId = seeker.Id, TalentId = seeker.TalentId!,
                Status = Gongjiang.Application.LiveRooms.LiveMicStatus.Waiting, RequestedAt = now });
        await db.SaveChangesAsync();
        return room.Id;
    }

    /// <summary>A finished background import of the user, with a row it could not import: its progress page has a real id.</summary>
    private static async Task<string> ImportTaskAsync(AppDbContext db, string userName, string kind)
    {
        var user = await db.Users.AsNoTracking().FirstAsync(u => u.UserName == userName);
        var now = DateTime.UtcNow;
        var task = new ImportTask
        {
            Id = "phone-" + userName + "-" + Guid.NewGuid().ToString("N")[..8], UserId = user.Id, Kind = kind, FileName = "a-rather-long-file-name-from-the-hr-office-2026.csv",
            OwnEmployerId = user.EmployerId, State = ImportTaskState.Done, RowsTotal = 2_501, RowsDone = 2_501, Inserted = 2_500, Skipped = 1,
            Errors = "line 3: min_grade: 技能等级须为1到5之间的整数（1为高级技师，5为初级工）", CreatedAt = now, UpdatedAt = now, FinishedAt = now,
        };
        db.ImportTasks.Add(task);
        await db.SaveChangesAsync();
        return task.Id;
    }

    /// <summary>The key of a page's query string (a page that is opened for a record named in its query).</summary>
    private const string QueryOf = "?:";

    /// <summary>The route with its parameters filled: a value for this route ("id:/route") first, then one for the name.</summary>
    private static string Fill(string route, Dictionary<string, string> values, out string? missing)
    {
        missing = null;
        var path = new StringBuilder();
        foreach (var segment in route.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            path.Append('/');
            if (!segment.StartsWith('{')) { path.Append(segment); continue; }
            var name = segment.Trim('{', '}', '?').Split(':')[0];
            if (values.TryGetValue(name + ":" + route, out var own) || values.TryGetValue(name, out own)) path.Append(Uri.EscapeDataString(own));
            else if (segment.EndsWith("?}", StringComparison.Ordinal)) path.Length--;
            else missing ??= name;
        }
        if (path.Length == 0) path.Append('/');
        return values.TryGetValue(QueryOf + route, out var query) ? path + query : path.ToString();
    }
}
