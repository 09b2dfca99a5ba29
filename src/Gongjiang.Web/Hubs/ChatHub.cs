using Gongjiang.Application.Chat;
using Gongjiang.Application.Common.UseCases;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace Gongjiang.Web.Hubs;

/// <summary>
/// The chat hub at <c>/hubs/chat</c> (docs/formats.md, "Chat hub"). A client joins a conversation it takes part in with the
/// last number it holds and gets what it missed; the server then pushes <c>message</c> (every message, with its number and
/// send time in ms) and <c>read</c> (a side's read receipt). Every method runs one chat use case.
/// </summary>
public sealed class ChatHub(IUseCases useCases, IHttpContextAccessor http, IOptions<LiveHubOptions> options) : LiveHub(useCases, http, options)
{
    public const string Path = "/hubs/chat";

    public static string GroupOf(string conversationId) => "chat:" + conversationId;

    protected override string SendingTooFastCode => ChatErrors.SendingTooFast;

    /// <summary>Joins a conversation's broadcasts and returns it with the messages after <paramref name="afterSeq"/>.</summary>
    public async Task<HubReply<ConversationView>> Join(string conversationId, long afterSeq)
    {
        var reply = await RunAsync(new GetConversation.Query(conversationId, afterSeq));
        if (reply.Ok) await Groups.AddToGroupAsync(Context.ConnectionId, GroupOf(conversationId), Context.ConnectionAborted);
        return reply;
    }

    public Task Leave(string conversationId) => Groups.RemoveFromGroupAsync(Context.ConnectionId, GroupOf(conversationId));

    /// <summary>Sends a text message; the message itself arrives as <c>message</c> to everyone in the conversation, the sender included.</summary>
    public async Task<HubReply<ChatMessageView>> Send(string conversationId, string text) =>
        TrySpendSend() ? await RunAsync(new SendMessage.Command(conversationId, text)) : TooFast<ChatMessageView>();

    /// <summary>HR sends a job card (the conversation's job when none is named).</summary>
    public async Task<HubReply<ChatMessageView>> SendJobCard(string conversationId, string? jobId) =>
        TrySpendSend() ? await RunAsync(new SendJobCard.Command(conversationId, jobId)) : TooFast<ChatMessageView>();

    /// <summary>Marks read up to a number; the other side gets <c>read</c>.</summary>
    public Task<HubReply<long>> Read(string conversationId, long seq) => RunAsync(new MarkConversationRead.Command(conversationId, seq));
}

/// <summary>Pushes what a conversation gains to its group on every node (through the Redis backplane when one is set).</summary>
public sealed class SignalRChatBroadcaster(IHubContext<ChatHub> hub) : IChatBroadcaster
{
    public Task MessageAsync(ChatMessageView message, CancellationToken ct = default) =>
        hub.Clients.Group(ChatHub.GroupOf(message.ConversationId)).SendAsync("message", message, ct);

    public Task ReadAsync(string conversationId, string side, long seq, CancellationToken ct = default) =>
        hub.Clients.Group(ChatHub.GroupOf(conversationId)).SendAsync("read", new ReadReceipt(conversationId, side, seq), ct);
}

/// <summary>A side has read its conversation up to <paramref name="Seq"/>.</summary>
public sealed record ReadReceipt(string ConversationId, string Side, long Seq);
