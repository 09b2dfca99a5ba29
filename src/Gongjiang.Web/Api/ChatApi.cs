using Gongjiang.Application.Chat;
using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Common.UseCases;
using Gongjiang.Application.Identity;
using Gongjiang.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Gongjiang.Web.Api;

/// <summary>
/// One-to-one chat (沟通) between a seeker and an employer's HR about a job: the same use cases as the pages and the chat hub
/// (docs/formats.md, "Chat hub"). Someone else's conversation answers 404; a held message 422 (<c>chat.held</c>, the rules in
/// <c>rules</c>); a blocked conversation 422; HR's daily limit on new conversations 429.
/// </summary>
public static class ChatApi
{
    public static RouteGroupBuilder MapChatApi(this RouteGroupBuilder v1)
    {
        var people = new[] { Roles.Seeker, Roles.EmployerHR, Roles.Agency };
        var employer = new[] { Roles.EmployerHR, Roles.Agency };
        var chat = v1.MapGroup("/conversations").WithTags("Chat").RequireAuthorization(p => p.RequireRole(people));
        chat.MapGet("", List).WithName("ListConversations")
            .WithSummary("The signed-in seeker's or employer's conversations, latest first, with unread counts");
        chat.MapPost("", Start).WithName("StartConversation")
            .WithSummary("Start (or return) the conversation about a job: a seeker names the job; HR names the job and a seeker who shared a profile");
        chat.MapGet("/{id}", Get).WithName("GetConversation")
            .WithSummary("The conversation with its messages after sequence number `after` (0: from the start, at most 200)");
        chat.MapPost("/{id}/messages", Send).WithName("SendChatMessage")
            .WithSummary("Send a text message (at most 1000 characters); contact data, fees or deposits hold it (422 chat.held)");
        chat.MapPost("/{id}/job-card", SendJobCard).WithName("SendChatJobCard")
            .WithSummary("HR sends a card of one of its open jobs (the conversation's job when none is named)").RequireAuthorization(p => p.RequireRole(employer));
        chat.MapPost("/{id}/invitation", Invite).WithName("InviteFromChat")
            .WithSummary("HR invites the seeker to apply to the conversation's job").RequireAuthorization(p => p.RequireRole(employer));
        chat.MapPost("/{id}/interview", Interview).WithName("ProposeInterviewFromChat")
            .WithSummary("HR proposes an interview time for the seeker's application to the conversation's job").RequireAuthorization(p => p.RequireRole(employer));
        chat.MapPost("/{id}/read", Read).WithName("MarkConversationRead")
            .WithSummary("Mark read up to a sequence number (the last when none is given); answers the side's read number");
        chat.MapPost("/{id}/block", Block).WithName("BlockConversation").WithSummary("Block the other side: nothing more can be sent");
        chat.MapDelete("/{id}/block", Unblock).WithName("UnblockConversation").WithSummary("Lift one's own block");
        chat.MapPost("/{id}/report", Report).WithName("ReportConversation")
            .WithSummary("Report the other side; a seeker's report files a complaint against the employer");
        return v1;
    }

    public sealed record StartRequest(string? JobId, string? TalentId);
    public sealed record ConversationResponse(string Id, string JobId, string TalentId, string EmployerId, string StartedBy, DateTime CreatedAt, long LastSeq);
    public sealed record TextRequest(string? Text);
    public sealed record JobCardRequest(string? JobId);
    public sealed record InviteRequest(string? Message);
    public sealed record InterviewRequest(DateTime? StartsAt, string? Place, string? OnlineLink);
    public sealed record ReadRequest(long? Seq);
    public sealed record ReadResponse(long Seq);
    public sealed record ReportRequest(string? Reason, string? Category);
    public sealed record ReportResponse(long Id, string? ComplaintId);

    private static ConversationResponse ToResponse(Conversation c) =>
        new(c.Id, c.JobId, c.TalentId, c.EmployerId, ChatService.SideName(c.StartedBy), DateTime.SpecifyKind(c.CreatedAt, DateTimeKind.Utc), c.LastSeq);

    private static async Task<Results<Ok<IReadOnlyList<ConversationSummary>>, ProblemHttpResult>> List(IUseCases useCases, CancellationToken ct) =>
        (await useCases.RunAsync(new ListConversations.Query(), ct)).ToHttp();

    private static async Task<Results<Created<ConversationResponse>, ProblemHttpResult>> Start(StartRequest body, IUseCases useCases, CancellationToken ct) =>
        (await useCases.RunAsync(new StartConversation.Command(body.JobId, body.TalentId), ct)).ToCreated(c => $"/api/v1/conversations/{c.Id}", ToResponse);

    private static async Task<Results<Ok<ConversationView>, ProblemHttpResult>> Get(string id, long? after, IUseCases useCases, CancellationToken ct) =>
        (await useCases.RunAsync(new GetConversation.Query(id, after ?? 0), ct)).ToHttp();

    private static async Task<Results<Created<ChatMessageView>, ProblemHttpResult>> Send(string id, TextRequest body, IUseCases useCases, CancellationToken ct) =>
        Created(id, await useCases.RunAsync(new SendMessage.Command(id, body.Text), ct));

    private static async Task<Results<Created<ChatMessageView>, ProblemHttpResult>> SendJobCard(string id, JobCardRequest? body, IUseCases useCases, CancellationToken ct) =>
        Created(id, await useCases.RunAsync(new SendJobCard.Command(id, body?.JobId), ct));

    private static async Task<Results<Created<ChatMessageView>, ProblemHttpResult>> Invite(string id, InviteRequest? body, IUseCases useCases, CancellationToken ct) =>
        Created(id, await useCases.RunAsync(new InviteFromChat.Command(id, body?.Message), ct));

    private static async Task<Results<Created<ChatMessageView>, ProblemHttpResult>> Interview(string id, InterviewRequest body, IUseCases useCases, CancellationToken ct) =>
        Created(id, await useCases.RunAsync(new ProposeInterview.Command(id, body.StartsAt, body.Place, body.OnlineLink), ct));

    private static async Task<Results<Ok<ReadResponse>, ProblemHttpResult>> Read(string id, ReadRequest? body, IUseCases useCases, CancellationToken ct) =>
        (await useCases.RunAsync(new MarkConversationRead.Command(id, body?.Seq), ct)).ToHttp(seq => new ReadResponse(seq));

    private static async Task<Results<NoContent, ProblemHttpResult>> Block(string id, IUseCases useCases, CancellationToken ct) =>
        (await useCases.RunAsync(new BlockConversation.Command(id, Block: true), ct)).ToNoContent();

    private static async Task<Results<NoContent, ProblemHttpResult>> Unblock(string id, IUseCases useCases, CancellationToken ct) =>
        (await useCases.RunAsync(new BlockConversation.Command(id, Block: false), ct)).ToNoContent();

    private static async Task<Results<Created<ReportResponse>, ProblemHttpResult>> Report(string id, ReportRequest body, IUseCases useCases, CancellationToken ct) =>
        (await useCases.RunAsync(new ReportConversation.Command(id, body.Reason, body.Category), ct))
            .ToCreated(_ => $"/api/v1/conversations/{id}", r => new ReportResponse(r.Id, r.ComplaintId));

    private static Results<Created<ChatMessageView>, ProblemHttpResult> Created(string id, Result<ChatMessageView> result) =>
        result.ToCreated(m => $"/api/v1/conversations/{id}?after={m.Seq - 1}", m => m);
}
