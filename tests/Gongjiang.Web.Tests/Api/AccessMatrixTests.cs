using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Gongjiang.Application.Identity;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Gongjiang.Web.Tests.Api;

/// <summary>Which roles may call a route. <c>null</c> roles: anyone, also without signing in.</summary>
public sealed record Access(string[]? Roles)
{
    public static readonly Access Public = new((string[]?)null);
    public static readonly Access SignedIn = new(Gongjiang.Application.Identity.Roles.All.ToArray());
    public static readonly Access Seeker = new([Gongjiang.Application.Identity.Roles.Seeker]);
    public static readonly Access Employer = new([Gongjiang.Application.Identity.Roles.EmployerHR, Gongjiang.Application.Identity.Roles.Agency]);
    public static readonly Access Operator = new([Gongjiang.Application.Identity.Roles.Operator, Gongjiang.Application.Identity.Roles.Admin]);
    public static readonly Access HR = new([Gongjiang.Application.Identity.Roles.EmployerHR]);
    public static readonly Access Admin = new([Gongjiang.Application.Identity.Roles.Admin]);
    public static readonly Access Agency = new([Gongjiang.Application.Identity.Roles.Agency]);
    /// <summary>Who may import jobs: employers for their own, operators for anyone's.</summary>
    public static readonly Access EmployerOrOperator = new([.. Employer.Roles!, .. Operator.Roles!]);
    /// <summary>Who chats: seekers and the employers' HR (agencies included).</summary>
    public static readonly Access Chat = new([Gongjiang.Application.Identity.Roles.Seeker, .. Employer.Roles!]);
}

/// <summary>
/// Which sides of the platform are owner-checked on a route: within such a side only the record's owner gets through,
/// everyone else gets 404 (the record's existence is not disclosed). Operators own no record, so an owner-checked
/// operator side means operators always get 404.
/// </summary>
[Flags]
public enum Owned { No = 0, Seekers = 1, Employers = 2, Operators = 4 }

/// <summary>
/// One API route's policy; <c>Body</c> is a valid request body (its {placeholders} filled with the test records), so a
/// refusal is the policy's and not validation's. <c>Upload</c>, when set, is sent instead as the multipart file of an import.
/// <c>Owners</c> names the actors who own the route's record when they are not the usual owners (seeker1, hr1).
/// </summary>
public sealed record ApiRule(string Method, string Pattern, Access Access, Owned Owned = Owned.No, string? Body = null)
{
    public string Key => $"{Method} {Pattern}";
    /// <summary>
    /// The error codes an allowed call may be refused with instead of a 2xx, when the route's own rules refuse the matrix's
    /// request because of what an earlier call of the matrix did (the offer was already answered, the user name is taken) or
    /// on purpose (a wrong password); any other refusal of an allowed call fails the matrix.
    /// </summary>
    public string[] Refusals { get; init; } = [];
    public string? Upload { get; init; }
    public string[]? Owners { get; init; }
    /// <summary>Non-owners on an owned side are refused with 403 (a live room's host methods: the attempt is logged) instead of 404.</summary>
    public bool OthersForbidden { get; init; }
}

/// <summary>One page's policy; <c>Query</c> is appended to the page's path (e.g. which record it edits).</summary>
public sealed record PageRule(string Page, Access Access, Owned Owned = Owned.No, string Query = "")
{
    public string[]? Owners { get; init; }
    /// <summary>Non-owners on an owned side are refused with 403 instead of 404 (a live room's console).</summary>
    public bool OthersForbidden { get; init; }
}

/// <summary>
/// The access-control matrix: every API route and every page the app maps (read from its EndpointDataSource, so
/// routes added later are covered or fail the test by name), called by every kind of user.
/// </summary>
public sealed class AccessMatrixTests(ApiFactory factory, ITestOutputHelper output) : IClassFixture<ApiFactory>
{
    private static readonly string Today = DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private const string JobBody = """{"title":"数控车工","occupation_code":"6-18-01-01","min_grade":4,"city":"370211","salary":{"min":7000,"max":10000},"headcount":3,"expires_at":"2027-06-30","description":"操作数控车床加工轴类零件。"}""";
    private static readonly string InterviewBody = $$"""{"startsAt":"{{DateTime.UtcNow.AddDays(3):yyyy-MM-ddTHH:mm:ssZ}}","place":"黄岛区海卓厂区二号楼"}""";
    private static readonly string OfferBody = $$"""{"monthlyPay":9000,"startDate":"{{DateOnly.FromDateTime(DateTime.UtcNow).AddDays(20):yyyy-MM-dd}}","place":"青岛黄岛区","expiresOn":"{{DateOnly.FromDateTime(DateTime.UtcNow).AddDays(7):yyyy-MM-dd}}"}""";

    private static readonly string LiveRoomBody = $$"""{"title":"矩阵直播间","hostName":"王总监","streamUrl":"https://live.example.cn/a.m3u8","startsAt":"{{DateTime.UtcNow.AddDays(1):yyyy-MM-ddTHH:mm:ssZ}}","endsAt":"{{DateTime.UtcNow.AddDays(1).AddHours(2):yyyy-MM-ddTHH:mm:ssZ}}","jobIds":[]}""";

    private const string LiveHostOnly = "live.host_only";
    private const string BulkBody = """{"applicationIds":["{application}"],"to":"screening","reason":"批量初筛","confirm":true}""";
    private const string RegisterBody = """{"userName":"matrix-newcomer","password":"Test-pass-2026","name":"王强","phone":"13600000001","birthYear":1998,"consent":true}""";
    private const string ComplaintBody = """{"employerId":"E2","category":"false_pay","description":"面试时说的月薪比招聘信息上低两千元。"}""";
    private const string ProjectBody = """{"clientEmployerId":"E1","title":"焊接技师专项招聘","targetHeadcount":2,"occupationCode":"6-18-02-04","minGrade":3,"city":"370211","payMin":8000,"payMax":12000,"feeTerms":"到岗后按年薪20%收费","notes":"持焊工证"}""";
    private const string CampaignBody = """{"title":"海卓秋季校园招聘","message":"诚邀机电专业同学参加宣讲会。","majorCodes":["460301"],"schools":["青岛职业技术学院"],"graduationYear":2027}""";
    private static readonly string TalkBody = $$"""{"school":"青岛职业技术学院","place":"图书馆报告厅","startsAt":"{{DateTime.UtcNow.AddDays(9):yyyy-MM-ddTHH:mm:ssZ}}","capacity":50}""";
    private const string JobsCsv = "id,title,occupation_code,min_grade,city,salary_min,salary_max,headcount,description,status\nJMATRIX1,装配钳工,6-18-01-01,3,370211,6000,9000,1,负责设备装配。,draft\n";
    private const string TalentCsv = "id,name,phone,city\nTMATRIX1,王强,13600000002,370211\n";

    /// <summary>THE API POLICY. A route the app maps that is missing here fails the test with its method and pattern.</summary>
    public static readonly ApiRule[] ApiPolicy =
    [
        new("GET", "/api/{documentName}/openapi.json", Access.Public),
        // The interactive reference (Scalar) and its assets, served from the package.
        new("GET", "/api/docs/{documentName?}", Access.Public),
        new("GET", "/api/docs/scalar.js", Access.Public),
        new("GET", "/api/docs/scalar.aspnetcore.js", Access.Public),
        new("GET", "/api/docs/favicon.svg", Access.Public),
        // API clients: administrators create and revoke; the OAuth token endpoint is open (the matrix's JSON body is not a grant).
        new("GET", "/api/v1/api-clients/", Access.Admin),
        new("POST", "/api/v1/api-clients/", Access.Admin, Body: """{"kind":"personal_token","name":"matrix","userName":"hr1","role":"EmployerHR","days":30}"""),
        new("POST", "/api/v1/api-clients/{id}/revoke", Access.Admin),
        new("POST", "/api/v1/oauth/token", Access.Public) { Refusals = ["api_client.unsupported_grant"] },
        new("GET", "/api/v1/jobs/", Access.Public),
        new("GET", "/api/v1/jobs/{id}", Access.Public),
        new("POST", "/api/v1/jobs/", Access.Employer, Body: JobBody),
        new("PUT", "/api/v1/jobs/{id}", Access.Employer, Owned.Employers, JobBody),
        new("POST", "/api/v1/jobs/{id}/publish", Access.Employer, Owned.Employers),
        new("GET", "/api/v1/employers/", Access.Public),
        new("GET", "/api/v1/employers/{id}", Access.Public),
        new("POST", "/api/v1/employers/{id}/verification", Access.Operator, Body: """{"approve":true}""") { Refusals = ["employer.licensed_name_missing"] },
        new("GET", "/api/v1/employers/verification/due", Access.Operator),
        new("POST", "/api/v1/employers/{id}/verification/request", Access.Employer, Owned.Employers, """{"licensedName":"青岛海卓精密机械有限公司"}""") { Refusals = ["employer.verification_still_valid"] },
        new("POST", "/api/v1/employers/{id}/licence", Access.Employer, Owned.Employers) { Refusals = ["employer.licence_file_required"] },
        new("POST", "/api/v1/employers/{id}/licence/decision", Access.Operator, Body: """{"approve":true}""") { Refusals = ["employer.licence_not_submitted"] },
        new("GET", "/api/v1/talent/me", Access.Seeker),
        new("PUT", "/api/v1/talent/me", Access.Seeker, Body: """{"id":"ignored","name":"求职者","city":"370211","skills":["钳工"]}""") { Refusals = ["talent.phone_taken"] },
        new("GET", "/api/v1/talent/{id}", Access.SignedIn, Owned.Seekers),
        new("GET", "/api/v1/taxonomy/occupations", Access.Public),
        new("GET", "/api/v1/taxonomy/occupations/{code}", Access.Public),
        new("GET", "/api/v1/skills/recognize", Access.Public),
        new("GET", "/api/v1/catalogue/", Access.Public),
        new("GET", "/api/v1/catalogue/export", Access.Public),
        new("GET", "/api/v1/reports/trends", Access.Operator),
        new("GET", "/api/v1/reports/monthly", Access.Operator),
        new("GET", "/api/v1/jobs/{id}/recommended-talent", Access.Employer, Owned.Employers),
        new("GET", "/api/v1/talent/me/recommended-jobs", Access.Seeker),
        new("GET", "/api/v1/me/personalization", Access.SignedIn),
        new("PUT", "/api/v1/me/personalization", Access.SignedIn, Body: """{"enabled":true}"""),
        new("POST", "/api/v1/jobs/{id}/applications", Access.Seeker) { Refusals = ["recruiting.already_applied"] },
        new("GET", "/api/v1/jobs/{id}/applications", Access.Employer, Owned.Employers),
        new("GET", "/api/v1/me/applications", Access.Seeker),
        new("GET", "/api/v1/applications/{id}/", Access.SignedIn, Owned.Seekers | Owned.Employers | Owned.Operators),
        new("POST", "/api/v1/applications/{id}/withdraw", Access.Seeker, Owned.Seekers, """{"reason":"已入职其他单位"}"""),
        new("POST", "/api/v1/applications/{id}/stage", Access.Employer, Owned.Employers, """{"to":"screening"}""") { Refusals = ["recruiting.closed"] },
        new("POST", "/api/v1/applications/{id}/reject", Access.Employer, Owned.Employers, """{"confirm":true,"reason":"暂无匹配班次"}""") { Refusals = ["recruiting.closed"] },
        new("POST", "/api/v1/applications/{id}/interviews", Access.Employer, Owned.Employers, InterviewBody) { Refusals = ["recruiting.closed"] },
        new("PUT", "/api/v1/applications/{id}/interviews/{interviewId}", Access.Employer, Owned.Employers, InterviewBody),
        new("POST", "/api/v1/applications/{id}/interviews/{interviewId}/cancel", Access.Employer, Owned.Employers),
        new("POST", "/api/v1/applications/{id}/interviews/{interviewId}/done", Access.Employer, Owned.Employers) { Refusals = ["recruiting.interview_over"] },
        new("POST", "/api/v1/applications/{id}/interviews/{interviewId}/scorecards", Access.Employer, Owned.Employers, """{"score":4,"notes":"看图熟练"}""") { Refusals = ["recruiting.interview_cancelled_no_score"] },
        new("POST", "/api/v1/applications/{id}/offer", Access.Employer, Owned.Employers, OfferBody) { Refusals = ["recruiting.closed"] },
        new("POST", "/api/v1/applications/{id}/offer/accept", Access.Seeker, Owned.Seekers) { Refusals = ["recruiting.no_pending_offer"] },
        new("POST", "/api/v1/applications/{id}/offer/decline", Access.Seeker, Owned.Seekers) { Refusals = ["recruiting.no_pending_offer"] },
        new("POST", "/api/v1/applications/{id}/sign", Access.Employer, Owned.Employers) { Refusals = ["recruiting.offer_not_accepted"] },
        new("POST", "/api/v1/jobs/{id}/applications/bulk", Access.Employer, Owned.Employers, BulkBody),

        // Seeker sign-up and the seeker's rights over their data. The erase body carries a wrong password on purpose: the
        // matrix's seekers must survive it, and the refusal (400) still shows the route is open to them.
        // Without a code sent to the number, a sign-up is refused (code.wrong): the routes are open to anyone all the same.
        new("POST", "/api/v1/account/register", Access.Public, Body: RegisterBody) { Refusals = ["account.user_name_taken", "code.wrong"] },
        new("POST", "/api/v1/account/phone-codes", Access.Public, Body: """{"phone":"13600000901","purpose":"signIn"}""") { Refusals = ["code.too_soon"] },
        new("POST", "/api/v1/account/register-employer", Access.Public) { Refusals = ["employer.licence_file_required"] },
        new("POST", "/api/v1/account/password/reset", Access.Public, Body: """{"phone":"13600000901","code":"123456","newPassword":"Another-pass-2027"}""") { Refusals = ["code.wrong"] },
        new("POST", "/api/v1/account/password", Access.SignedIn, Body: """{"currentPassword":"not-the-password","newPassword":"Another-pass-2027"}""") { Refusals = ["account.wrong_password"] },
        new("GET", "/api/v1/users/", Access.Admin),
        new("PUT", "/api/v1/users/{id}/roles", Access.Admin, Body: """{"roles":["Operator"]}"""),
        new("POST", "/api/v1/users/{id}/disable", Access.Admin, Body: """{"reason":""}""") { Refusals = ["user.reason_required"] },
        new("POST", "/api/v1/users/{id}/enable", Access.Admin),
        new("POST", "/api/v1/users/{id}/unlock", Access.Admin),
        new("POST", "/api/v1/account/phone", Access.Seeker, Body: """{"phone":"13600000902","code":"123456"}""") { Refusals = ["code.wrong"] },
        new("GET", "/api/v1/me/export", Access.Seeker),
        new("POST", "/api/v1/me/erase", Access.Seeker, Body: """{"password":"not-the-password"}""") { Refusals = ["account.wrong_password"] },

        // Chat: a conversation is read and written by its seeker (seeker1) and its employer's HR (hr1) only.
        new("GET", "/api/v1/conversations/", Access.Chat),
        new("POST", "/api/v1/conversations/", Access.Chat, Owned.Employers, """{"jobId":"{job}","talentId":"T1"}"""),
        new("GET", "/api/v1/conversations/{id}", Access.Chat, Owned.Seekers | Owned.Employers),
        new("POST", "/api/v1/conversations/{id}/messages", Access.Chat, Owned.Seekers | Owned.Employers, """{"text":"您好，岗位还在招吗？"}""") { Refusals = ["chat.blocked"] },
        new("POST", "/api/v1/conversations/{id}/job-card", Access.Employer, Owned.Employers, "{}") { Refusals = ["chat.blocked"] },
        new("POST", "/api/v1/conversations/{id}/invitation", Access.Employer, Owned.Employers, """{"message":"欢迎投递"}""")
            { Refusals = ["chat.blocked", "invitations.already_applied"] },
        new("POST", "/api/v1/conversations/{id}/interview", Access.Employer, Owned.Employers, InterviewBody) { Refusals = ["chat.blocked", "recruiting.closed"] },
        new("POST", "/api/v1/conversations/{id}/read", Access.Chat, Owned.Seekers | Owned.Employers, "{}"),
        new("POST", "/api/v1/conversations/{id}/block", Access.Chat, Owned.Seekers | Owned.Employers),
        new("DELETE", "/api/v1/conversations/{id}/block", Access.Chat, Owned.Seekers | Owned.Employers),
        new("POST", "/api/v1/conversations/{id}/report", Access.Chat, Owned.Seekers | Owned.Employers, """{"reason":"对方要求先交培训费"}"""),
        // Live rooms: hr1's room (on air, showing both of hr1's jobs) is run by hr1 only; everyone else's host calls get 403 live.host_only.
        // The owner's writes run in this order: edit (already started), start (already live), announce, push, end, cancel (ended).
        new("GET", "/api/v1/live-rooms/", Access.Public),
        new("GET", "/api/v1/live-rooms/mine", Access.EmployerOrOperator),
        new("POST", "/api/v1/live-rooms/", Access.EmployerOrOperator, Body: LiveRoomBody),
        new("GET", "/api/v1/live-rooms/{id}", Access.Public),
        new("GET", "/api/v1/live-rooms/{id}/console", Access.EmployerOrOperator, Owned.Employers | Owned.Operators) { Owners = ["hr1"], OthersForbidden = true },
        new("PUT", "/api/v1/live-rooms/{id}", Access.EmployerOrOperator, Owned.Employers | Owned.Operators, LiveRoomBody)
            { Owners = ["hr1"], OthersForbidden = true, Refusals = ["live.already_started"] },
        new("POST", "/api/v1/live-rooms/{id}/start", Access.EmployerOrOperator, Owned.Employers | Owned.Operators)
            { Owners = ["hr1"], OthersForbidden = true, Refusals = ["live.not_live"] },
        new("POST", "/api/v1/live-rooms/{id}/announcements", Access.EmployerOrOperator, Owned.Employers | Owned.Operators, """{"text":"欢迎来到海卓直播间"}""")
            { Owners = ["hr1"], OthersForbidden = true },
        new("PUT", "/api/v1/live-rooms/{id}/subscription", Access.Seeker),
        new("DELETE", "/api/v1/live-rooms/{id}/subscription", Access.Seeker),
        new("POST", "/api/v1/live-rooms/{id}/applications", Access.Seeker, Body: """{"jobId":"{job}"}""") { Refusals = ["recruiting.already_applied"] },
        new("POST", "/api/v1/live-rooms/{id}/pushes", Access.EmployerOrOperator, Owned.Employers | Owned.Operators, """{"userId":"{liveSeeker}","kind":"job_card","jobId":"{job}"}""")
            { Owners = ["hr1"], OthersForbidden = true },
        new("POST", "/api/v1/live-rooms/{id}/end", Access.EmployerOrOperator, Owned.Employers | Owned.Operators) { Owners = ["hr1"], OthersForbidden = true },
        new("POST", "/api/v1/live-rooms/{id}/cancel", Access.EmployerOrOperator, Owned.Employers | Owned.Operators)
            { Owners = ["hr1"], OthersForbidden = true, Refusals = ["live.ended"] },
        // A live room's statistics: its host (hr1's room), any operator; another host's room answers 404.
        new("GET", "/api/v1/live-rooms/{id}/stats", Access.EmployerOrOperator, Owned.Employers),
        new("GET", "/api/v1/live-rooms/{id}/stats.csv", Access.EmployerOrOperator, Owned.Employers),
        new("GET", "/api/v1/live-rooms/{id}/stats.xlsx", Access.EmployerOrOperator, Owned.Employers),

        // Live rooms' questions and mic: anyone reads; seekers ask and request the mic; the room's host (hr1's employer) moderates,
        // and any other employer's HR, agency or operator is refused by the room (403 live.host_only).
        new("GET", "/api/v1/live-rooms/{roomId}/talk", Access.Public),
        new("POST", "/api/v1/live-rooms/{roomId}/questions", Access.Seeker, Body: """{"text":"请问包住宿吗？"}"""),
        new("POST", "/api/v1/live-rooms/{roomId}/questions/{questionId:long}/upvote", Access.SignedIn) { Refusals = ["live.already_upvoted"] },
        new("POST", "/api/v1/live-rooms/{roomId}/questions/{questionId:long}/answer", Access.EmployerOrOperator, Body: """{"text":"包住宿，四人间。","pin":true}""") { Refusals = [LiveHostOnly] },
        new("PUT", "/api/v1/live-rooms/{roomId}/questions/{questionId:long}/pin", Access.EmployerOrOperator) { Refusals = [LiveHostOnly] },
        new("DELETE", "/api/v1/live-rooms/{roomId}/questions/{questionId:long}/pin", Access.EmployerOrOperator) { Refusals = [LiveHostOnly] },
        new("POST", "/api/v1/live-rooms/{roomId}/questions/{questionId:long}/hide", Access.EmployerOrOperator) { Refusals = [LiveHostOnly] },
        new("PUT", "/api/v1/live-rooms/{roomId}/mutes/{userId}", Access.EmployerOrOperator) { Refusals = [LiveHostOnly, "live.user_not_in_room"] },
        new("DELETE", "/api/v1/live-rooms/{roomId}/mutes/{userId}", Access.EmployerOrOperator) { Refusals = [LiveHostOnly, "live.user_not_in_room"] },
        new("POST", "/api/v1/live-rooms/{roomId}/mic", Access.Seeker),
        new("DELETE", "/api/v1/live-rooms/{roomId}/mic", Access.Seeker),
        new("POST", "/api/v1/live-rooms/{roomId}/mic/{requestId:long}/accept", Access.EmployerOrOperator) { Refusals = [LiveHostOnly] },
        new("POST", "/api/v1/live-rooms/{roomId}/mic/{requestId:long}/end", Access.EmployerOrOperator) { Refusals = [LiveHostOnly] },
        // The matrix's guest was accepted and its link ended by the calls above: nothing is left to decline.
        new("POST", "/api/v1/live-rooms/{roomId}/mic/{requestId:long}/decline", Access.EmployerOrOperator) { Refusals = [LiveHostOnly, "live.mic_request_not_found"] },

        // Invitations to apply: sent for the employer's own jobs, answered by the invited seeker only.
        new("GET", "/api/v1/jobs/{id}/invitations", Access.Employer, Owned.Employers),
        new("POST", "/api/v1/jobs/{id}/invitations", Access.Employer, Owned.Employers, """{"talentId":"T1","message":"欢迎投递数控车工岗位"}""") { Refusals = ["invitations.already_applied"] },
        new("GET", "/api/v1/me/invitations", Access.Seeker),
        new("POST", "/api/v1/invitations/{id}/accept", Access.Seeker, Owned.Seekers),
        new("POST", "/api/v1/invitations/{id}/decline", Access.Seeker, Owned.Seekers) { Refusals = ["invitations.answered"] },

        // The inbox: every signed-in user has one; a notification is its addressee's (seeker1's) only.
        new("GET", "/api/v1/me/notifications/", Access.SignedIn),
        new("POST", "/api/v1/me/notifications/{id:long}/read", Access.SignedIn, Owned.Seekers | Owned.Employers | Owned.Operators) { Owners = ["seeker1"] },
        new("POST", "/api/v1/me/notifications/read-all", Access.SignedIn),

        // Consented résumé sharing: employers search the shared pool and ask; the seeker answers, revokes and sees who looked.
        new("GET", "/api/v1/talent/search", Access.Employer),
        new("GET", "/api/v1/talent/{id}/similar", Access.Employer),
        new("POST", "/api/v1/talent/{id}/contact-requests", Access.Employer, Body: """{"purpose":"招聘数控车工，约面试","kinds":["email"]}""") { Refusals = ["sharing.already_granted"] },
        new("GET", "/api/v1/me/contact-requests", Access.Seeker),
        new("POST", "/api/v1/me/contact-requests/{id}/grant", Access.Seeker, Owned.Seekers, """{"kinds":["email"]}""") { Refusals = ["sharing.already_answered"] },
        new("POST", "/api/v1/me/contact-requests/{id}/decline", Access.Seeker, Owned.Seekers) { Refusals = ["sharing.already_answered"] },
        new("GET", "/api/v1/me/consents", Access.Seeker),
        new("POST", "/api/v1/me/consents/{id}/revoke", Access.Seeker, Owned.Seekers),
        new("GET", "/api/v1/me/resume-views", Access.Seeker),

        // Complaints: seekers report and follow their own reports; operators work the queue and read the service log.
        new("POST", "/api/v1/complaints/", Access.Seeker, Body: ComplaintBody),
        new("GET", "/api/v1/complaints/", Access.Operator),
        new("GET", "/api/v1/complaints/{id}", Access.SignedIn, Owned.Seekers | Owned.Employers) { Owners = ["seeker1"] },
        new("POST", "/api/v1/complaints/{id}/assign", Access.Operator, Body: "{}") { Refusals = ["compliance.assign_resolved"] },
        new("POST", "/api/v1/complaints/{id}/resolve", Access.Operator, Body: """{"upheld":false,"reason":"核实后与招聘信息一致"}""") { Refusals = ["compliance.already_resolved"] },
        new("GET", "/api/v1/me/complaints", Access.Seeker),
        new("GET", "/api/v1/service-log", Access.Operator),
        new("POST", "/api/v1/employers/{id}/suspension/lift", Access.Operator, Body: """{"reason":"整改完成"}""") { Refusals = ["compliance.not_suspended"] },

        // Headhunting projects: run by their agency (agency1), read by the client's HR (hr1); another employer gets 404.
        new("GET", "/api/v1/projects/", Access.Employer),
        new("POST", "/api/v1/projects/", Access.Agency, Body: ProjectBody),
        new("GET", "/api/v1/projects/{id}", Access.Employer, Owned.Employers) { Owners = ["agency1", "hr1"] },
        new("GET", "/api/v1/projects/{id}/report", Access.Employer, Owned.Employers) { Owners = ["agency1", "hr1"] },
        new("PUT", "/api/v1/projects/{id}", Access.Agency, Owned.Employers, ProjectBody) { Owners = ["agency1"] },
        new("POST", "/api/v1/projects/{id}/status", Access.Agency, Owned.Employers, """{"status":"open"}""") { Owners = ["agency1"] },
        new("GET", "/api/v1/projects/{id}/suggestions", Access.Agency, Owned.Employers) { Owners = ["agency1"] },
        new("POST", "/api/v1/projects/{id}/candidates", Access.Agency, Owned.Employers, """{"talentId":"T1"}""") { Owners = ["agency1"], Refusals = ["headhunting.already_candidate"] },
        new("POST", "/api/v1/projects/{id}/candidates/{candidateId}/stage", Access.Agency, Owned.Employers, """{"to":"screened"}""") { Owners = ["agency1"] },
        // Company members: any HR user of the company reads them; its administrators (hr1, hr2 and agency1 each of their own
        // company) invite, withdraw, remove and make administrators; hr1 is E1's only administrator, so it is not removed.
        new("GET", "/api/v1/employer/members/", Access.Employer),
        new("POST", "/api/v1/employer/members/invitations", Access.Employer, Body: """{"phone":"13600000990"}"""),
        new("DELETE", "/api/v1/employer/members/invitations/{id}", Access.Employer, Owned.Employers) { Owners = ["hr1"] },
        new("DELETE", "/api/v1/employer/members/{userId}", Access.Employer, Owned.Employers) { Owners = ["hr1"], Refusals = ["member.last_admin"] },
        new("POST", "/api/v1/employer/members/{userId}/admin", Access.Employer, Owned.Employers, """{"admin":true}""") { Owners = ["hr1"] },
        new("GET", "/api/v1/account/invitations/{token}", Access.Public),
        new("POST", "/api/v1/account/invitations/{token}/phone-code", Access.Public) { Refusals = ["code.too_soon", "code.too_many_for_phone"] },
        new("POST", "/api/v1/account/join", Access.Public, Owned.No,
            """{"token":"{token}","userName":"matrix-joiner","password":"Test-pass-2026","personName":"王强","code":"000000"}""") { Refusals = ["code.wrong"] },
        new("POST", "/api/v1/projects/{id}/accept", Access.HR, Owned.Employers) { Owners = ["hr1"], Refusals = ["headhunting.already_decided"] },
        new("POST", "/api/v1/projects/{id}/decline", Access.HR, Owned.Employers, """{"reason":"已有合作机构"}""") { Owners = ["hr1"], Refusals = ["headhunting.already_decided"] },

        // Bulk import: jobs by employers (their own) and operators; résumés by operators only.
        new("POST", "/api/v1/import/jobs/preview", Access.EmployerOrOperator) { Upload = JobsCsv },
        new("POST", "/api/v1/import/jobs", Access.EmployerOrOperator) { Upload = JobsCsv },
        new("POST", "/api/v1/import/talent/preview", Access.Operator) { Upload = TalentCsv },
        new("POST", "/api/v1/import/talent", Access.Operator) { Upload = TalentCsv },
        new("GET", "/api/v1/import/tasks/{id}", Access.EmployerOrOperator, Owned.Employers),
        new("POST", "/api/v1/import/tasks/{id}/cancel", Access.EmployerOrOperator, Owned.Employers) { Refusals = ["import.task_finished"] },

        // Campus campaigns: an HR user's own campaigns (agencies run projects, not campaigns); seekers see talks and sign up.
        new("GET", "/api/v1/campus/campaigns", Access.HR),
        new("POST", "/api/v1/campus/campaigns", Access.HR, Body: CampaignBody),
        new("GET", "/api/v1/campus/campaigns/{id}", Access.HR, Owned.Employers),
        new("POST", "/api/v1/campus/campaigns/{id}/outreach", Access.HR, Owned.Employers, """{"channels":["inapp"]}"""),
        new("POST", "/api/v1/campus/campaigns/{id}/talks", Access.HR, Owned.Employers, TalkBody),
        new("GET", "/api/v1/campus/talks", Access.Seeker),
        new("POST", "/api/v1/campus/talks/{id}/signup", Access.Seeker),
        new("POST", "/api/v1/campus/campaigns/{id}/opened", Access.Seeker),

        // Seekers' tools: marks on jobs, blocked companies (B1, a company no test user works for), work history, attachment
        // résumés (seeker1's, which hr1 may download through seeker1's application) and the résumé as PDF.
        new("GET", "/api/v1/me/saved-jobs", Access.Seeker),
        new("PUT", "/api/v1/me/saved-jobs/{jobId}", Access.Seeker),
        new("DELETE", "/api/v1/me/saved-jobs/{jobId}", Access.Seeker),
        new("PUT", "/api/v1/me/not-interested-jobs/{jobId}", Access.Seeker),
        new("DELETE", "/api/v1/me/not-interested-jobs/{jobId}", Access.Seeker),
        new("GET", "/api/v1/me/blocked-companies", Access.Seeker),
        new("PUT", "/api/v1/me/blocked-companies/{employerId}", Access.Seeker),
        new("DELETE", "/api/v1/me/blocked-companies/{employerId}", Access.Seeker),
        new("PUT", "/api/v1/talent/me/work-history", Access.Seeker, Body: """[{"employer":"青岛造船厂","title":"焊工","start":"2019-01","end":null,"duties":"船体分段焊接"}]"""),
        new("GET", "/api/v1/talent/me/attachments", Access.Seeker),
        new("POST", "/api/v1/talent/me/attachments", Access.Seeker) { Upload = JobsCsv, Refusals = ["seeker.attachment_type"] },
        new("DELETE", "/api/v1/talent/me/attachments/{id}", Access.Seeker, Owned.Seekers) { Refusals = ["seeker.attachment_not_found"] },
        new("GET", "/api/v1/talent/me/resume.pdf", Access.Seeker),
        new("GET", "/api/v1/talent/{id}/attachments", Access.SignedIn, Owned.Seekers | Owned.Employers | Owned.Operators) { Owners = ["seeker1", "hr1"] },
        new("GET", "/api/v1/talent/attachments/{id}", Access.SignedIn, Owned.Seekers | Owned.Employers | Owned.Operators) { Owners = ["seeker1", "hr1"], Refusals = ["seeker.attachment_not_found"] },
    ];

    /// <summary>THE PAGE POLICY, by page path. A page the app maps that is missing here fails the test by name.</summary>
    public static readonly PageRule[] PagePolicy =
    [
        new("/Index", Access.Public),
        new("/Culture", Access.Public, Query: "?culture=en&returnUrl=/"),
        new("/Jobs/Index", Access.Public),
        new("/Catalogue/Index", Access.Public),
        new("/Catalogue/Print", Access.Public),
        new("/Jobs/Detail", Access.Public),
        new("/Taxonomy/Index", Access.Public),
        new("/Account/Login", Access.Public),
        new("/Account/Logout", Access.Public),
        new("/Account/Denied", Access.Public),
        new("/Seeker/Profile", Access.Seeker),
        new("/Seeker/Recommendations", Access.Seeker),
        new("/Seeker/Applications", Access.Seeker),
        new("/Employer/Company", Access.Employer),
        new("/Employer/Members", Access.Employer),
        new("/Employer/Survey", Access.Employer),
        new("/Employer/Jobs/Index", Access.Employer),
        new("/Employer/Jobs/Edit", Access.Employer, Owned.Employers, "?id={job}"),
        new("/Employer/Jobs/Board", Access.Employer, Owned.Employers),
        new("/Employer/Jobs/Recommendations", Access.Employer, Owned.Employers),
        new("/Operator/Index", Access.Operator),
        new("/Operator/Employers", Access.Operator),
        new("/Operator/Fairness", Access.Operator),
        new("/Privacy", Access.Public),
        new("/Account/Register", Access.Public),
        new("/Account/Join", Access.Public, Query: "?invite={token}"),
        new("/Account/RegisterEmployer", Access.Public),
        new("/Account/CodeLogin", Access.Public),
        new("/Account/ForgotPassword", Access.Public),
        new("/Account/Password", Access.SignedIn),
        new("/Seeker/Phone", Access.Seeker),
        new("/Operator/Users", Access.Admin),
        new("/Operator/ApiClients", Access.Admin),
        new("/Inbox", Access.SignedIn),
        new("/Seeker/MyData", Access.Seeker),
        new("/Seeker/Privacy", Access.Seeker),
        new("/Seeker/Invitations", Access.Seeker),
        new("/Chat/Index", Access.Chat),
        new("/Live/Index", Access.Public),
        new("/Live/Room", Access.Public),
        new("/Live/Manage/Index", Access.EmployerOrOperator),
        new("/Live/Manage/Console", Access.EmployerOrOperator, Owned.Employers | Owned.Operators) { Owners = ["hr1"], OthersForbidden = true },
        new("/Chat/Conversation", Access.Chat, Owned.Seekers | Owned.Employers),
        new("/Live/Stats", Access.EmployerOrOperator, Owned.Employers),
        new("/Seeker/CampusTalks", Access.Seeker),
        new("/Seeker/Reports", Access.Seeker),
        new("/Seeker/Saved", Access.Seeker),
        new("/Seeker/Blocked", Access.Seeker),
        new("/Seeker/Report", Access.Seeker, Query: "?job={job}"),
        new("/Employer/Campus", Access.HR),
        new("/Employer/Import", Access.Employer),
        new("/Employer/ImportProgress", Access.Employer, Owned.Employers),
        new("/Employer/Talent/Index", Access.Employer),
        new("/Employer/Talent/View", Access.Employer),
        new("/Agency/Projects/Index", Access.Employer),
        new("/Agency/Projects/Detail", Access.Employer, Owned.Employers) { Owners = ["agency1", "hr1"] },
        new("/Agency/Projects/Report", Access.Employer, Owned.Employers) { Owners = ["agency1", "hr1"] },
        new("/Agency/Projects/Edit", Access.Agency, Owned.Employers) { Owners = ["agency1"] },
        new("/Employer/CampusEdit", Access.HR, Owned.Employers),
        new("/Operator/Complaints", Access.Operator),
        new("/Operator/Import", Access.Operator),
        new("/Operator/ImportProgress", Access.Operator),
        new("/Operator/Policy", Access.Operator),
        new("/Operator/Surveys/Index", Access.Operator),
        new("/Operator/Surveys/Detail", Access.Operator),
        new("/Operator/Screening", Access.Operator),
        new("/Operator/Messages", Access.Operator),
        new("/Status", Access.Public),
        new("/Live/Talk", Access.Public),
    ];

    /// <summary>Everyone who calls: the owners of the test records (hr1, seeker1) and everyone else.</summary>
    public static readonly Actor[] Actors =
    [
        new("anonymous", null, IsOwner: false),
        new("seeker1", Roles.Seeker, IsOwner: true),
        new("seeker2", Roles.Seeker, IsOwner: false),
        new("hr1", Roles.EmployerHR, IsOwner: true),
        new("hr2", Roles.EmployerHR, IsOwner: false),
        new("agency1", Roles.Agency, IsOwner: false),
        new("operator1", Roles.Operator, IsOwner: false),
        new("admin1", Roles.Admin, IsOwner: false),
    ];

    public sealed record Actor(string Name, string? Role, bool IsOwner)
    {
        /// <summary>Whether this actor owns a route's record: named among its owners, or one of the usual owners.</summary>
        public bool Owns(string[]? owners) => owners?.Contains(Name) ?? IsOwner;

        public Owned Side => Role switch
        {
            Roles.Seeker => Owned.Seekers,
            Roles.EmployerHR or Roles.Agency => Owned.Employers,
            Roles.Operator or Roles.Admin => Owned.Operators,
            _ => Owned.No,
        };
    }

    public enum Outcome { Allowed, Unauthorized, Forbidden, NotFound }

    public static Outcome Expected(Access access, Owned owned, Actor actor) => Expected(access, owned, actor, actor.IsOwner);

    public static Outcome Expected(ApiRule rule, Actor actor) => Expected(rule.Access, rule.Owned, actor, actor.Owns(rule.Owners), rule.OthersForbidden);

    public static Outcome Expected(PageRule rule, Actor actor) => Expected(rule.Access, rule.Owned, actor, actor.Owns(rule.Owners), rule.OthersForbidden);

    private static Outcome Expected(Access access, Owned owned, Actor actor, bool isOwner, bool othersForbidden = false)
    {
        if (access.Roles is null) return Outcome.Allowed;
        if (actor.Role is null) return Outcome.Unauthorized;
        if (!access.Roles.Contains(actor.Role)) return Outcome.Forbidden;
        if ((owned & actor.Side) != 0 && !isOwner) return othersForbidden ? Outcome.Forbidden : Outcome.NotFound;
        return Outcome.Allowed;
    }

    [Fact]
    public async Task Every_api_route_answers_every_kind_of_user_as_its_policy_says()
    {
        var cast = await SecurityCast.PrepareAsync(factory);
        var routes = ApiRoutesOf(factory);
        var policy = ApiPolicy.ToDictionary(r => r.Key);
        var missing = routes.Where(r => !policy.ContainsKey(r)).ToList();
        Assert.True(missing.Count == 0, "API routes without an entry in AccessMatrixTests.ApiPolicy (add one per route): " + string.Join(", ", missing));
        var stale = policy.Keys.Except(routes).ToList();
        Assert.True(stale.Count == 0, "AccessMatrixTests.ApiPolicy names routes the app no longer maps: " + string.Join(", ", stale));

        var failures = new List<string>();
        var calls = 0;
        var allowed = new Dictionary<string, int> { ["2xx"] = 0, ["3xx"] = 0, ["4xx"] = 0 };
        // Everyone but the record's owners first, then the owners (whose calls change state): all their reads, then their writes.
        var schedule = from actor in Actors.Select((a, i) => (Actor: a, Index: i))
                     from rule in ApiPolicy.Select((r, i) => (Rule: r, Index: i))
                     let owner = actor.Actor.Owns(rule.Rule.Owners)
                     let write = rule.Rule.Method != "GET"
                     orderby owner, owner && write, actor.Index, write, rule.Index
                     select (actor.Actor, rule.Rule);
        foreach (var (actor, rule) in schedule)
        {
            var client = cast.Clients[actor.Name];
            var path = cast.Fill(rule.Pattern);
            using var request = new HttpRequestMessage(new HttpMethod(rule.Method), path);
            if (rule.Upload is { } upload)
            {
                var file = new ByteArrayContent(Encoding.UTF8.GetBytes(upload));
                file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/csv");
                request.Content = new MultipartFormDataContent { { file, "file", "upload.csv" } };
            }
            else if (rule.Method != "GET") request.Content = new StringContent(cast.Fill(rule.Body ?? "{}"), Encoding.UTF8, "application/json");
            var response = await client.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            calls++;
            var expected = Expected(rule, actor);
            var status = (int)response.StatusCode;
            var ok = expected switch
            {
                Outcome.Unauthorized => status == 401,
                Outcome.Forbidden => status == 403,
                Outcome.NotFound => status == 404,
                // An allowed call reaches the record and succeeds, or is refused by the route's own rules as listed for it.
                _ => rule.Method == "GET" ? status == 200 : status is >= 200 and < 300 || status is 400 or 403 or 404 or 409 or 422 or 429 && rule.Refusals.Any(code => ErrorCodes(body).Contains(code)),
            };
            if (!ok) failures.Add($"{actor.Name} {rule.Method} {path}: expected {expected}, got {status} {Trim(body)}");
            if (expected == Outcome.Allowed) allowed[status < 300 ? "2xx" : status < 400 ? "3xx" : "4xx"]++;
            if (!SecurityCast.MaySeeOwnerPhone.Contains(actor.Name) && body.Contains(SecurityCast.OwnerPhone))
                failures.Add($"{actor.Name} {rule.Method} {path}: the response carries seeker1's phone number");
        }
        output.WriteLine($"API access matrix: {ApiPolicy.Length} routes × {Actors.Length} actors = {calls} calls; allowed calls answered "
            + string.Join(", ", allowed.Select(kv => $"{kv.Key}: {kv.Value}")));
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task Every_page_answers_every_kind_of_user_as_its_policy_says()
    {
        var cast = await SecurityCast.PrepareAsync(factory);
        var pages = PagesOf(factory);
        var policy = PagePolicy.ToDictionary(p => p.Page);
        var missing = pages.Keys.Where(p => !policy.ContainsKey(p)).ToList();
        Assert.True(missing.Count == 0, "Pages without an entry in AccessMatrixTests.PagePolicy (add one per page): " + string.Join(", ", missing));
        var stale = policy.Keys.Except(pages.Keys).ToList();
        Assert.True(stale.Count == 0, "AccessMatrixTests.PagePolicy names pages the app no longer has: " + string.Join(", ", stale));

        var failures = new List<string>();
        var calls = 0;
        foreach (var actor in Actors)
        foreach (var rule in PagePolicy)
        {
            var path = cast.Fill(pages[rule.Page]) + cast.Fill(rule.Query);
            var response = await cast.Clients[actor.Name].GetAsync(path);
            calls++;
            var expected = Expected(rule, actor);
            var location = response.Headers.Location?.OriginalString ?? "";
            var status = (int)response.StatusCode;
            var ok = expected switch
            {
                Outcome.Unauthorized => status == 302 && location.Contains("/Account/Login"),
                Outcome.Forbidden => status == 302 && location.Contains("/Account/Denied"),
                Outcome.NotFound => status == 404,
                _ => status is 200 or 302 && !location.Contains("/Account/Login") && !location.Contains("/Account/Denied"),
            };
            if (!ok) failures.Add($"{actor.Name} GET {path}: expected {expected}, got {status} {location}");
            if (!SecurityCast.MaySeeOwnerPhone.Contains(actor.Name) && (await response.Content.ReadAsStringAsync()).Contains(SecurityCast.OwnerPhone))
                failures.Add($"{actor.Name} GET {path}: the page shows seeker1's phone number");
        }
        output.WriteLine($"Page access matrix: {PagePolicy.Length} pages × {Actors.Length} actors = {calls} calls");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task An_inner_id_of_another_owners_record_is_not_found_inside_the_owners_own_record()
    {
        var cast = await SecurityCast.PrepareAsync(factory);
        // Records of another owner, of the same kinds as the inner ids: hr2's interview with seeker2, and a candidate of a
        // second project of agency1's (for another client, so hr1 does not read it).
        var hr2 = cast.Clients["hr2"];
        var job = await JsonOf(await hr2.PostAsync("/api/v1/jobs", new StringContent(JobBody, Encoding.UTF8, "application/json")));
        var jobId = job.GetProperty("id").GetString()!;
        await JsonOf(await hr2.PostAsync($"/api/v1/jobs/{jobId}/publish", null));
        var application = await JsonOf(await cast.Clients["seeker2"].PostAsync($"/api/v1/jobs/{jobId}/applications", null));
        application = await JsonOf(await hr2.PostAsJsonAsync($"/api/v1/applications/{application.GetProperty("id").GetString()}/interviews",
            new { startsAt = DateTime.UtcNow.AddDays(4), place = "城阳区蓝芯园区" }));
        var project = await factory.Services.CreateAcceptedProjectAsync(cast.Clients["agency1"], new StringContent(ProjectBody.Replace("\"E1\"", "\"E2\"", StringComparison.Ordinal), Encoding.UTF8, "application/json"));
        var candidate = await JsonOf(await cast.Clients["agency1"].PostAsJsonAsync($"/api/v1/projects/{project.GetProperty("id").GetString()}/candidates", new { talentId = "T1" }));
        // hr2's room with seeker2's question and mic request; a user who never spoke in hr1's room.
        var (foreignRoom, foreignQuestion, foreignRequest) = await SecurityCast.LiveRoomAsync(factory, cast.Clients["seeker2"], "hr2");
        Assert.NotEqual(cast.TalkRoomId, foreignRoom);
        var foreign = new Dictionary<string, string>
        {
            ["interviewId"] = application.GetProperty("interviews")[0].GetProperty("id").GetString()!,
            ["candidateId"] = candidate.GetProperty("id").GetString()!,
            ["questionId"] = foreignQuestion.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["requestId"] = foreignRequest.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["userId"] = cast.BystanderId,
        };

        var failures = new List<string>();
        var calls = 0;
        foreach (var rule in ApiPolicy.Where(r => Regex.Count(r.Pattern, "\\{") >= 2))
        {
            var inner = Regex.Matches(rule.Pattern, "\\{(\\w+)").Select(m => m.Groups[1].Value).Skip(1).ToList();
            var path = cast.Fill(Regex.Replace(rule.Pattern, "\\{(\\w+)[^}]*\\}", m => foreign.TryGetValue(m.Groups[1].Value, out var id) ? id
                : m.Index == rule.Pattern.IndexOf('{') ? m.Value : throw new InvalidOperationException($"no foreign record for {m.Value} in {rule.Pattern}")));
            foreach (var owner in Actors.Where(a => Expected(rule, a) == Outcome.Allowed && a.Owns(rule.Owners)))
            {
                using var request = new HttpRequestMessage(new HttpMethod(rule.Method), path);
                if (rule.Method != "GET") request.Content = new StringContent(cast.Fill(rule.Body ?? "{}"), Encoding.UTF8, "application/json");
                var response = await cast.Clients[owner.Name].SendAsync(request);
                calls++;
                if (response.StatusCode != HttpStatusCode.NotFound)
                    failures.Add($"{owner.Name} {rule.Method} {path} ({string.Join(", ", inner)} of another owner): expected 404, got {(int)response.StatusCode} {Trim(await response.Content.ReadAsStringAsync())}");
            }
        }
        output.WriteLine($"inner ids of another owner's record: {calls} calls");
        Assert.True(calls >= 5, $"only {calls} calls with an inner id");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task Every_page_handler_answers_every_kind_of_user_as_its_policy_says()
    {
        var cast = await SecurityCast.PrepareAsync(factory);
        var pages = PagesOf(factory);
        var handlers = await PageHandlersOf(factory);
        // hr1's background import must be over, so that only the requests below can change a row.
        for (var wait = 0; wait < 600 && (await JsonOf(await cast.Clients["hr1"].GetAsync($"/api/v1/import/tasks/{cast.ImportTaskId}"))).GetProperty("finished").GetBoolean() is false; wait++)
            await Task.Delay(100);
        var failures = new List<string>();
        var (posts, gets) = (0, 0);
        foreach (var actor in Actors)
        {
            var client = cast.Clients[actor.Name];
            var token = await AntiforgeryTokenAsync(client, actor.Role is null);
            foreach (var rule in PagePolicy)
            {
                // Signing out and switching the language change the shared test client, not a record: their own tests cover them.
                if (rule.Page is "/Account/Logout" or "/Culture") continue;
                var path = cast.Fill(pages[rule.Page]) + cast.Fill(rule.Query);
                var expected = Expected(rule, actor);
                foreach (var (method, name, parameters) in handlers[rule.Page])
                {
                    if (method == "GET" && name is null) continue; // the page itself: the page matrix
                    var target = name is null ? path : path + (path.Contains('?') ? "&" : "?") + "handler=" + name;
                    HttpResponseMessage response;
                    string outcome;
                    if (method == "GET")
                    {
                        gets++;
                        response = await client.GetAsync(target);
                        // The operator's licence downloads answer 404 while no employer is named (or it uploaded no licence).
                        outcome = Judge(expected, response, allowed: r => r.StatusCode is HttpStatusCode.OK or HttpStatusCode.Redirect
                            || (rule.Page, r.StatusCode) == ("/Operator/Employers", HttpStatusCode.NotFound) && name is "Licence" or "BusinessLicence");
                    }
                    else
                    {
                        posts++;
                        // An allowed user posts without the antiforgery token: reaching the page (400 from the token check, not a
                        // sign-in or denied redirect) shows the handler is open to them, and nothing of theirs changes. Everyone
                        // else posts with a valid token, so only the policy can stop them.
                        // A non-owner names the owner's records in every field the handler binds, and must change nothing.
                        var fields = new Dictionary<string, string>();
                        if (expected != Outcome.Allowed)
                        {
                            fields["__RequestVerificationToken"] = token;
                            foreach (var parameter in parameters)
                                if (OwnersRecord(cast, rule.Page, parameter) is { } id) fields[parameter] = id;
                        }
                        var before = expected == Outcome.NotFound ? await DatabaseFingerprint.OfAsync(factory.Services) : null;
                        response = await client.PostAsync(target, new FormUrlEncodedContent(fields));
                        // The status page answers whatever reaches it, posts included.
                        outcome = Judge(expected, response, allowed: r => r.StatusCode == (rule.Page == "/Status" ? HttpStatusCode.OK : HttpStatusCode.BadRequest));
                        // A form whose own checks refuse the non-owner's post first sends them back to the page; it still writes nothing.
                        if (expected == Outcome.NotFound && response.StatusCode == HttpStatusCode.Redirect
                            && response.Headers.Location?.OriginalString.Split('?')[0] == path.Split('?')[0]) outcome = "";
                        if (before is not null && DatabaseFingerprint.Changes(before, await DatabaseFingerprint.OfAsync(factory.Services)) is { Count: > 0 } changed)
                            outcome += " and wrote " + string.Join(", ", changed);
                    }
                    if (outcome.Length > 0) failures.Add($"{actor.Name} {method} {target}: expected {expected}, got {outcome}");
                }
            }
        }
        output.WriteLine($"Page handler matrix: {posts} POST and {gets} named GET calls over {handlers.Sum(h => h.Value.Count)} handlers");
        Assert.True(posts >= 68, $"only {posts} page POST calls");
        Assert.True(failures.Count == 0, string.Join("\n", failures));

        static string Judge(Outcome expected, HttpResponseMessage response, Func<HttpResponseMessage, bool> allowed)
        {
            var location = response.Headers.Location?.OriginalString ?? "";
            var status = (int)response.StatusCode;
            var ok = expected switch
            {
                Outcome.Unauthorized => status == 302 && location.Contains("/Account/Login"),
                Outcome.Forbidden => status == 302 && location.Contains("/Account/Denied"),
                Outcome.NotFound => status == 404,
                _ => allowed(response) && !location.Contains("/Account/Login") && !location.Contains("/Account/Denied"),
            };
            return ok ? "" : $"{status} {location}";
        }
    }

    /// <summary>The owner's record a page handler's parameter names, for a non-owner to try; null for other parameters.</summary>
    private static string? OwnersRecord(SecurityCast cast, string page, string parameter) => parameter switch
    {
        "applicationId" => cast.ApplicationId,
        "interviewId" => cast.InterviewId,
        "candidateId" => cast.CandidateId,
        "jobId" => cast.JobId,
        "talentId" => "T1",
        "to" => "screening",
        "confirm" or "approve" => "true",
        "id" when page.StartsWith("/Chat/", StringComparison.Ordinal) => cast.ConversationId,
        "id" when page.StartsWith("/Live/", StringComparison.Ordinal) => cast.LiveRoomId,
        "userId" when page.StartsWith("/Live/", StringComparison.Ordinal) => cast.Seeker1Id,
        "id" when page.StartsWith("/Agency/Projects/", StringComparison.Ordinal) => cast.ProjectId,
        "id" when page.StartsWith("/Employer/Campus", StringComparison.Ordinal) => cast.CampaignId,
        "id" when page.StartsWith("/Employer/Jobs/", StringComparison.Ordinal) => cast.JobId,
        "id" when page.Contains("ImportProgress", StringComparison.Ordinal) => cast.ImportTaskId,
        _ => null,
    };

    /// <summary>Every handler of every page, by page path: its HTTP method, name (null for the unnamed one) and bound parameters.</summary>
    public static async Task<Dictionary<string, List<(string Method, string? Name, string[] Parameters)>>> PageHandlersOf(ApiFactory factory)
    {
        var loader = factory.Services.GetRequiredService<PageLoader>();
        var handlers = new Dictionary<string, List<(string, string?, string[])>>();
        foreach (var descriptor in factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
                     .Select(e => e.Metadata.GetMetadata<PageActionDescriptor>()).OfType<PageActionDescriptor>()
                     .Where(d => !d.ViewEnginePath.Contains("/_")).DistinctBy(d => d.ViewEnginePath))
        {
            var compiled = await loader.LoadAsync(descriptor, EndpointMetadataCollection.Empty);
            handlers[descriptor.ViewEnginePath] = compiled.HandlerMethods
                .Select(h => (h.HttpMethod.ToUpperInvariant(), h.Name, h.Parameters.Select(p => p.Name).ToArray()))
                .DistinctBy(h => (h.Item1, h.Name)).ToList();
        }
        return handlers;
    }

    /// <summary>An antiforgery token of the client's session: from the layout's sign-out form, or the sign-in form when anonymous.</summary>
    private static async Task<string> AntiforgeryTokenAsync(HttpClient client, bool anonymous)
    {
        var html = await client.GetStringAsync(anonymous ? "/Account/Login" : "/");
        return Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
    }

    private static async Task<JsonElement> JsonOf(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{response.RequestMessage?.RequestUri}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement;
    }

    [Fact]
    public async Task Every_post_form_on_every_page_carries_the_antiforgery_token_and_a_post_without_it_is_refused()
    {
        var cast = await SecurityCast.PrepareAsync(factory);
        var pages = PagesOf(factory);
        var forms = 0;
        var failures = new List<string>();
        foreach (var rule in PagePolicy)
        {
            // Each page as a user it is meant for (the owner where it is owner-checked).
            var actor = Actors.FirstOrDefault(a => Expected(rule, a) == Outcome.Allowed && a.Role is not null && (a.Owns(rule.Owners) || rule.Owned == Owned.No));
            if (actor is null) continue;
            var client = cast.Clients[actor.Name];
            var path = cast.Fill(pages[rule.Page]) + cast.Fill(rule.Query);
            if (rule.Page == "/Account/Logout" || rule.Page == "/Culture") continue; // redirect only, no page of their own
            var response = await client.GetAsync(path);
            if (response.StatusCode != HttpStatusCode.OK) { failures.Add($"{actor.Name} GET {path}: {response.StatusCode}"); continue; }
            var html = await response.Content.ReadAsStringAsync();
            foreach (Match form in Regex.Matches(html, "<form\\b([^>]*)>(.*?)</form>", RegexOptions.Singleline | RegexOptions.IgnoreCase))
            {
                if (!Regex.IsMatch(form.Groups[1].Value, "method=\"post\"", RegexOptions.IgnoreCase)) continue;
                forms++;
                var action = WebUtility.HtmlDecode(Regex.Match(form.Groups[1].Value, "action=\"([^\"]*)\"").Groups[1].Value);
                if (action.Length == 0) action = path;
                if (!form.Groups[2].Value.Contains("name=\"__RequestVerificationToken\""))
                    failures.Add($"{path}: a POST form to {action} has no antiforgery token");
                var fields = Regex.Matches(form.Groups[2].Value, "name=\"([^\"]+)\"(?:[^>]*value=\"([^\"]*)\")?")
                    .Where(m => m.Groups[1].Value != "__RequestVerificationToken")
                    .GroupBy(m => m.Groups[1].Value).ToDictionary(g => g.Key, g => WebUtility.HtmlDecode(g.First().Groups[2].Value));
                var posted = await client.PostAsync(action, new FormUrlEncodedContent(fields));
                if (posted.StatusCode != HttpStatusCode.BadRequest)
                    failures.Add($"{actor.Name} POST {action} without the antiforgery token: expected 400, got {(int)posted.StatusCode}");
            }
        }
        output.WriteLine($"POST forms checked: {forms}");
        Assert.True(forms >= 5, $"only {forms} POST forms found");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task The_sign_out_form_in_the_layout_signs_out()
    {
        var client = await factory.SignedInAsync("operator1");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/me/personalization")).StatusCode);
        var html = await client.GetStringAsync("/");
        var form = Regex.Match(html, "<form[^>]*action=\"/Account/Logout\"[^>]*>(.*?)</form>", RegexOptions.Singleline);
        Assert.True(form.Success, "the layout's sign-out form");
        var token = Regex.Match(form.Groups[1].Value, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        var response = await client.PostAsync("/Account/Logout", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/me/personalization")).StatusCode);
    }

    /// <summary>"METHOD /pattern" of every API endpoint the app maps.</summary>
    public static List<string> ApiRoutesOf(ApiFactory factory) =>
        factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } raw && raw.TrimStart('/').StartsWith("api/", StringComparison.Ordinal))
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["*"]).Select(m => $"{m} /{e.RoutePattern.RawText!.TrimStart('/')}"))
            .Distinct().OrderBy(k => k, StringComparer.Ordinal).ToList();

    /// <summary>Every Razor page by its path (/Employer/Jobs/Board), with the route template that reaches it.</summary>
    public static Dictionary<string, string> PagesOf(ApiFactory factory) =>
        factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => (Page: e.Metadata.GetMetadata<PageActionDescriptor>()?.ViewEnginePath, Route: "/" + e.RoutePattern.RawText))
            .Where(p => p.Page is not null && !p.Page.Contains("/_"))
            .GroupBy(p => p.Page!)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(p => p.Route.Length).First().Route);

    /// <summary>The error codes of a ProblemDetails body: its <c>code</c> and the codes of its invalid fields.</summary>
    private static HashSet<string> ErrorCodes(string body)
    {
        var codes = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            var problem = JsonDocument.Parse(body).RootElement;
            if (problem.TryGetProperty("code", out var code) && code.ValueKind == JsonValueKind.String) codes.Add(code.GetString()!);
            if (problem.TryGetProperty("codes", out var fields) && fields.ValueKind == JsonValueKind.Object)
                foreach (var field in fields.EnumerateObject())
                    foreach (var fieldCode in field.Value.EnumerateArray()) codes.Add(fieldCode.GetString() ?? "");
        }
        catch (JsonException) { }
        return codes;
    }

    private static string Trim(string body) => body.Length > 200 ? body[..200] + "…" : body;
}

/// <summary>The records the matrix and fuzz tests address, and a signed-in client for each kind of user.</summary>
public sealed class SecurityCast
{
    public const string OwnerPhone = "13812345678"; // seeker1's (T1's) phone, from ApiFactory

    /// <summary>
    /// Who may see seeker1's phone in clear: seeker1, and hr1, whose employer seeker1 applied to (applying hands the contact
    /// data to that employer until the application is withdrawn, see the README). Everyone else sees it masked.
    /// </summary>
    public static readonly string[] MaySeeOwnerPhone = ["seeker1", "hr1"];

    public required string JobId { get; init; }
    public required string ApplicationId { get; init; }
    public required string InterviewId { get; init; }
    public required string InvitationId { get; init; }
    /// <summary>seeker1's conversation with hr1 about the first job.</summary>
    public required string ConversationId { get; init; }
    /// <summary>hr1's live room, on air, showing both of hr1's jobs; seeker1 applied from it.</summary>
    public required string LiveRoomId { get; init; }
    public required string Seeker1Id { get; init; }
    public required long NotificationId { get; init; }
    public required string ContactRequestId { get; init; }
    public required string ConsentId { get; init; }
    public required string ComplaintId { get; init; }
    public required string BystanderId { get; init; }
    public required string ProjectId { get; init; }
    /// <summary>hr1's account, E1's only administrator.</summary>
    public required string Hr1Id { get; init; }
    /// <summary>A personal access token of hr1's, created by admin1.</summary>
    public required string ApiClientId { get; init; }
    /// <summary>An open invitation of hr1's company, by id (to withdraw) and another by the token of its link.</summary>
    public required string MemberInviteId { get; init; }
    public required string MemberInviteToken { get; init; }
    public required string CandidateId { get; init; }
    public required string CampaignId { get; init; }
    public required string TalkId { get; init; }
    /// <summary>hr1's live room on air for the questions and the mic, seeker1's question in it and a waiting mic request of another seeker's.</summary>
    public required string TalkRoomId { get; init; }
    public required long LiveQuestionId { get; init; }
    public required long LiveMicRequestId { get; init; }
    /// <summary>A background import of hr1's.</summary>
    public required string ImportTaskId { get; init; }
    public required string AttachmentId { get; init; }
    public required Dictionary<string, HttpClient> Clients { get; init; }

    private static readonly SemaphoreSlim Lock = new(1, 1);
    private static readonly Dictionary<ApiFactory, SecurityCast> Prepared = [];

    /// <summary>
    /// Once per factory: an HR-service agency (A1) with its user agency1, an admin; an open job of hr1's employer, seeker1's
    /// application to it with an interview; hr1's invitation of seeker1 to a second job; hr2's contact request to seeker1,
    /// granted for the e-mail address only; seeker1's complaint; agency1's headhunting project for hr1's employer with seeker1 as
    /// candidate; hr1's campus campaign with a talk; and seeker1's notifications from all that.
    /// </summary>
    public static async Task<SecurityCast> PrepareAsync(ApiFactory factory)
    {
        await Lock.WaitAsync();
        try
        {
            if (Prepared.TryGetValue(factory, out var known)) return known;
            using (var scope = factory.Services.CreateScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<Gongjiang.Application.Persistence.AppDbContext>();
                var now = DateTime.UtcNow;
                db.Employers.Add(new Gongjiang.Core.Employers.Employer
                {
                    Id = "A1", Name = "青岛匠才人力资源服务有限公司", Uscc = "91370211MA3C8L4R5F", CityCode = "370211", IndustryCluster = "智能制造",
                    IsAgency = true, Verification = Gongjiang.Core.Employers.VerificationStatus.Verified, CreatedAt = now, UpdatedAt = now,
                });
                // B1: a company no test user works for, for seekers to block without changing what the users see.
                db.Employers.Add(new Gongjiang.Core.Employers.Employer
                {
                    Id = "B1", Name = "青岛旁观者机械有限公司", Uscc = "91370211MA3C9M5T6H", CityCode = "370211", IndustryCluster = "智能制造",
                    Verification = Gongjiang.Core.Employers.VerificationStatus.Verified, CreatedAt = now, UpdatedAt = now,
                });
                await db.SaveChangesAsync();
                var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
                // bystander: an account nobody signs in as, whose roles and state the administrators' routes change.
                foreach (var (name, role, employer) in new[] { ("agency1", Roles.Agency, "A1"), ("admin1", Roles.Admin, (string?)null), ("bystander", Roles.Operator, (string?)null) })
                {
                    var user = new AppUser { UserName = name, DisplayName = name, EmployerId = employer, IsEmployerAdmin = employer is not null };
                    var created = await users.CreateAsync(user, ApiFactory.Password);
                    if (!created.Succeeded) throw new InvalidOperationException(string.Join("; ", created.Errors.Select(e => e.Description)));
                    await users.AddToRoleAsync(user, role);
                }
            }
            var clients = new Dictionary<string, HttpClient>
            {
                ["anonymous"] = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }),
            };
            foreach (var name in new[] { "seeker1", "seeker2", "hr1", "hr2", "agency1", "operator1", "admin1" })
                clients[name] = await factory.SignedInAsync(name);

            var hr = clients["hr1"];
            var job = await Json(await hr.PostAsync("/api/v1/jobs", new StringContent(
                """{"title":"数控车工","occupation_code":"6-18-01-01","min_grade":4,"city":"370211","salary":{"min":7000,"max":10000},"headcount":3,"expires_at":"2027-06-30","description":"操作数控车床加工轴类零件。"}""",
                Encoding.UTF8, "application/json")));
            var jobId = job.GetProperty("id").GetString()!;
            await Json(await hr.PostAsync($"/api/v1/jobs/{jobId}/publish", null));
            var application = await Json(await clients["seeker1"].PostAsync($"/api/v1/jobs/{jobId}/applications", null));
            var applicationId = application.GetProperty("id").GetString()!;
            application = await Json(await hr.PostAsJsonAsync($"/api/v1/applications/{applicationId}/interviews",
                new { startsAt = DateTime.UtcNow.AddDays(2), place = "黄岛区海卓厂区二号楼" }));
            var seeker = clients["seeker1"];
            var secondJob = (await Json(await hr.PostAsync("/api/v1/jobs", new StringContent(
                """{"title":"氩弧焊工","occupation_code":"6-18-02-04","min_grade":3,"city":"370211","salary":{"min":7000,"max":11000},"headcount":2,"expires_at":"2027-06-30","description":"负责管道焊接。"}""",
                Encoding.UTF8, "application/json")))).GetProperty("id").GetString()!;
            await Json(await hr.PostAsync($"/api/v1/jobs/{secondJob}/publish", null));
            var invitation = await Json(await hr.PostAsJsonAsync($"/api/v1/jobs/{secondJob}/invitations", new { talentId = "T1", message = "欢迎投递氩弧焊工岗位" }));
            // hr2: hr1's employer sees seeker1's contact data already, through the application.
            var request = await Json(await clients["hr2"].PostAsJsonAsync("/api/v1/talent/T1/contact-requests", new { purpose = "招聘数控车工，约面试", kinds = new[] { "email" } }));
            var requestId = request.GetProperty("id").GetString()!;
            var granted = await Json(await seeker.PostAsJsonAsync($"/api/v1/me/contact-requests/{requestId}/grant", new { kinds = new[] { "email" } }));
            var complaint = await Json(await seeker.PostAsJsonAsync("/api/v1/complaints",
                new { employerId = "E2", category = "false_pay", description = "面试时说的月薪比招聘信息上低两千元。" }));
            var agency = clients["agency1"];
            var project = await factory.Services.CreateAcceptedProjectAsync(agency, new
            {
                clientEmployerId = "E1", title = "焊接技师专项招聘", targetHeadcount = 2, occupationCode = "6-18-02-04", minGrade = 3, city = "370211",
                payMin = 8000, payMax = 12000, feeTerms = "到岗后按年薪20%收费",
            });
            var projectId = project.GetProperty("id").GetString()!;
            var candidate = await Json(await agency.PostAsJsonAsync($"/api/v1/projects/{projectId}/candidates", new { talentId = "T1" }));
            var campaign = await Json(await hr.PostAsJsonAsync("/api/v1/campus/campaigns", new
            {
                title = "海卓秋季校园招聘", message = "诚邀机电专业同学参加宣讲会。", majorCodes = new[] { "460301" }, schools = new[] { "青岛职业技术学院" }, graduationYear = 2027,
            }));
            var campaignId = campaign.GetProperty("id").GetString()!;
            var talk = await Json(await hr.PostAsJsonAsync($"/api/v1/campus/campaigns/{campaignId}/talks",
                new { school = "青岛职业技术学院", place = "图书馆报告厅", startsAt = DateTime.UtcNow.AddDays(7), capacity = 50 }));
            var conversation = await Json(await seeker.PostAsJsonAsync("/api/v1/conversations", new { jobId }));
            // hr1's live room, on air with both jobs; seeker1 applied from it to the second one (so hr1 may push to seeker1).
            var liveRoom = (await Json(await hr.PostAsJsonAsync("/api/v1/live-rooms", new
            {
                title = "海卓精密直播招聘", hostName = "王总监", streamUrl = "https://live.example.cn/haizhuo.m3u8",
                startsAt = DateTime.UtcNow.AddMinutes(1), endsAt = DateTime.UtcNow.AddHours(2), jobIds = new[] { jobId, secondJob },
            }))).GetProperty("id").GetString()!;
            await Json(await hr.PostAsync($"/api/v1/live-rooms/{liveRoom}/start", null));
            await Json(await seeker.PostAsJsonAsync($"/api/v1/live-rooms/{liveRoom}/applications", new { jobId = secondJob }));
            var inbox = await Json(await seeker.GetAsync("/api/v1/me/notifications"));
            var pdf = new ByteArrayContent(Encoding.ASCII.GetBytes("%PDF-1.4\n%%EOF\n"));
            pdf.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/pdf");
            var attachment = await Json(await seeker.PostAsync("/api/v1/talent/me/attachments", new MultipartFormDataContent { { pdf, "file", "简历.pdf" } }));
            // hr1's background import: a sheet of more rows than are imported at once (none of them valid, so it imports nothing).
            var sheet = new ByteArrayContent(Encoding.UTF8.GetBytes("id,title\n" + string.Concat(Enumerable.Repeat("x,焊工\n", 2_001))));
            sheet.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/csv");
            var importTask = await Json(await hr.PostAsync("/api/v1/import/jobs", new MultipartFormDataContent { { sheet, "file", "big.csv" } }));
            var withdrawable = await Json(await hr.PostAsJsonAsync("/api/v1/employer/members/invitations", new { phone = "13600000991" }));
            var byLink = await Json(await hr.PostAsJsonAsync("/api/v1/employer/members/invitations", new { phone = "13600000992" }));
            var members = await Json(await hr.GetAsync("/api/v1/employer/members"));
            var apiClient = await Json(await clients["admin1"].PostAsJsonAsync("/api/v1/api-clients",
                new { kind = "personal_token", name = "matrix", userName = "hr1", role = Roles.EmployerHR, days = 30 }));
            var (liveRoomId, liveQuestionId, liveMicRequestId) = await LiveRoomAsync(factory, clients["seeker1"]);
            var cast = new SecurityCast
            {
                TalkRoomId = liveRoomId, LiveQuestionId = liveQuestionId, LiveMicRequestId = liveMicRequestId,
                Hr1Id = members.GetProperty("members").EnumerateArray().Single(m => m.GetProperty("userName").GetString() == "hr1").GetProperty("userId").GetString()!,
                ApiClientId = apiClient.GetProperty("client").GetProperty("id").GetString()!,
                MemberInviteId = withdrawable.GetProperty("invitation").GetProperty("id").GetString()!,
                MemberInviteToken = byLink.GetProperty("link").GetString()!.Split("invite=")[1],
                JobId = jobId, ApplicationId = applicationId, Clients = clients,
                InterviewId = application.GetProperty("interviews")[0].GetProperty("id").GetString()!,
                InvitationId = invitation.GetProperty("id").GetString()!,
                ConversationId = conversation.GetProperty("id").GetString()!,
                LiveRoomId = liveRoom,
                Seeker1Id = await UserIdAsync(factory, "seeker1"),
                NotificationId = inbox.GetProperty("items")[0].GetProperty("id").GetInt64(),
                ContactRequestId = requestId,
                ConsentId = granted.GetProperty("grantId").GetString()!,
                ComplaintId = complaint.GetProperty("id").GetString()!,
                ProjectId = projectId,
                CandidateId = candidate.GetProperty("id").GetString()!,
                CampaignId = campaignId,
                TalkId = talk.GetProperty("id").GetString()!,
                ImportTaskId = importTask.GetProperty("id").GetString()!,
                AttachmentId = attachment.GetProperty("id").GetString()!,
                BystanderId = await BystanderIdAsync(factory),
            };
            Prepared[factory] = cast;
            return cast;
        }
        finally
        {
            Lock.Release();
        }
    }

    /// <summary>hr1's room on air with seeker1's question, and a waiting mic request of a guest nobody signs in as.</summary>
    public static async Task<(string RoomId, long QuestionId, long RequestId)> LiveRoomAsync(ApiFactory factory, HttpClient seeker, string hr = "hr1")
    {
        var roomId = await Gongjiang.Web.Tests.Hubs.LiveTalkScenario.LiveRoomAsync(factory.Services, hr);
        var question = await Json(await seeker.PostAsJsonAsync($"/api/v1/live-rooms/{roomId}/questions", new { text = "夜班有补贴吗？" }));
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<Gongjiang.Application.Persistence.AppDbContext>();
        var request = new Gongjiang.Application.LiveRooms.LiveRoomMicRequest
        {
            RoomId = roomId, UserId = "matrix-guest", OpenUserId = "matrix-guest", TalentId = "T2", RequestedAt = DateTime.UtcNow,
            Status = Gongjiang.Application.LiveRooms.LiveMicStatus.Waiting,
        };
        db.Add(request);
        await db.SaveChangesAsync();
        return (roomId, question.GetProperty("id").GetInt64(), request.Id);
    }

    /// <summary>A route pattern with the test records filled in; an unknown parameter fails with the pattern's name.</summary>
    private static async Task<string> UserIdAsync(ApiFactory factory, string userName)
    {
        using var scope = factory.Services.CreateScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByNameAsync(userName))!.Id;
    }

    private static async Task<string> BystanderIdAsync(ApiFactory factory)
    {
        using var scope = factory.Services.CreateScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByNameAsync("bystander"))!.Id;
    }

    public string Fill(string pattern)
    {
        var segments = pattern.Split('/');
        var collection = segments.Length > 3 ? segments[3] : "";
        var inner = segments.Length > 4 ? segments[4] : "";
        return Regex.Replace(pattern, "\\{(\\w+)(?::\\w+)?\\??\\}", m => m.Groups[1].Value switch
        {
            "job" or "jobId" => JobId,
            "roomId" => TalkRoomId,
            "questionId" => LiveQuestionId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "requestId" => LiveMicRequestId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "application" => ApplicationId,
            "interviewId" => InterviewId,
            "candidateId" => CandidateId,
            "id" when pattern.StartsWith("/Chat/", StringComparison.Ordinal) || collection == "conversations" => ConversationId,
            "id" when pattern.StartsWith("/Live/", StringComparison.Ordinal) || collection == "live-rooms" => LiveRoomId,
            "liveSeeker" => Seeker1Id,
            "id" when pattern.StartsWith("/Agency/Projects/", StringComparison.Ordinal) => ProjectId,
            "id" when pattern.StartsWith("/Employer/Campus/", StringComparison.Ordinal) => CampaignId,
            "id" when pattern.StartsWith("/Employer/Talent/", StringComparison.Ordinal) => "T1",
            "id" when pattern.StartsWith("/api/v1/employer/members/invitations/", StringComparison.Ordinal) => MemberInviteId,
            "userId" => Hr1Id,
            "id" when collection == "api-clients" => ApiClientId,
            "token" => MemberInviteToken,
            "id" when collection == "invitations" => InvitationId,
            "id" when pattern.Contains("/attachments/{id}", StringComparison.Ordinal) => AttachmentId,
            "employerId" => "B1",
            "id" when collection == "import" && inner == "tasks" => ImportTaskId,
            "id" when pattern.Contains("/ImportProgress/", StringComparison.Ordinal) => ImportTaskId,
            "id" when collection == "complaints" => ComplaintId,
            "id" when collection == "users" => BystanderId,
            "id" when collection == "projects" => ProjectId,
            "id" when collection == "campus" && inner == "campaigns" => CampaignId,
            "id" when collection == "campus" && inner == "talks" => TalkId,
            "id" when collection == "me" && inner == "notifications" => NotificationId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "id" when collection == "me" && inner == "contact-requests" => ContactRequestId,
            "id" when collection == "me" && inner == "consents" => ConsentId,
            "code" when pattern.StartsWith("/Status/", StringComparison.Ordinal) => "404",
            "code" => "6-18-01-01",
            "documentName" => "v1",
            "culture" => "en",
            "id" when pattern.StartsWith("/api/v1/jobs/", StringComparison.Ordinal) || pattern.StartsWith("/Jobs/", StringComparison.Ordinal) || pattern.StartsWith("/Employer/Jobs/", StringComparison.Ordinal) => JobId,
            "id" when collection == "applications" => ApplicationId,
            "id" when collection == "employers" => "E1",
            "id" when collection == "talent" => "T1",
            _ => throw new InvalidOperationException($"no test value for {{{m.Groups[1].Value}}} in {pattern}: teach SecurityCast.Fill about it"),
        });
    }

    private static async Task<JsonElement> Json(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"{response.RequestMessage?.RequestUri}: {response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement;
    }
}
