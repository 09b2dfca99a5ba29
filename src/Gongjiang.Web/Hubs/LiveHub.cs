using System.Threading.RateLimiting;
using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Common.UseCases;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace Gongjiang.Web.Hubs;

/// <summary>
/// What a hub method answers: the value, or the error's stable code and its message in the connection's language. A refusal
/// (bad input, no access, sending too fast) is an answer, never a disconnect.
/// </summary>
public sealed record HubReply<T>(bool Ok, T? Value, string? Code, string? Message)
{
    public static HubReply<T> Of(Result<T> result) => result.Succeeded
        ? new(true, result.Value, null, null)
        : new(false, default, result.Errors[0].Code, ErrorText.For(result.Errors[0]));
}

/// <summary>Per-connection send budget of the live hubs (configuration section <c>Hubs</c>).</summary>
public sealed class LiveHubOptions
{
    /// <summary>Sends a connection may make in a burst.</summary>
    public int SendBurst { get; set; } = 5;
    /// <summary>Sends a connection regains per second.</summary>
    public int SendsPerSecond { get; set; } = 2;
}

/// <summary>
/// The plumbing every live hub shares (the chat hub, later the live rooms): cookie authentication, each method a thin door
/// that runs one use case as the connection's user, and a token-bucket budget per connection on sends that answers with a
/// notice instead of disconnecting. Groups carry each conversation's or room's broadcasts; ordering and catch-up ride on the
/// per-group sequence numbers the use cases assign.
/// </summary>
[Authorize]
public abstract class LiveHub(IUseCases useCases, IHttpContextAccessor http, Microsoft.Extensions.Options.IOptions<LiveHubOptions> options) : Hub
{
    private const string SendBudgetKey = "send-budget";

    /// <summary>Runs one use case as the connection's signed-in user.</summary>
    protected async Task<HubReply<T>> RunAsync<T>(IUseCase<T> request)
    {
        // The current user is read from the connection's request (the same cookie the pages use).
        http.HttpContext ??= Context.GetHttpContext();
        return HubReply<T>.Of(await useCases.RunAsync(request, Context.ConnectionAborted));
    }

    /// <summary>Takes one send from the connection's budget; false (and nothing sent) when it is spent.</summary>
    protected bool TrySpendSend()
    {
        if (!Context.Items.TryGetValue(SendBudgetKey, out var held) || held is not TokenBucketRateLimiter budget)
        {
            budget = new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
            {
                TokenLimit = Math.Max(1, options.Value.SendBurst), TokensPerPeriod = Math.Max(1, options.Value.SendsPerSecond),
                ReplenishmentPeriod = TimeSpan.FromSeconds(1), QueueLimit = 0, AutoReplenishment = true,
            });
            Context.Items[SendBudgetKey] = budget;
        }
        using var lease = budget.AttemptAcquire();
        return lease.IsAcquired;
    }

    /// <summary>The refusal a spent budget answers with.</summary>
    protected HubReply<T> TooFast<T>() => HubReply<T>.Of(Error.TooMany(SendingTooFastCode));

    /// <summary>The code of the notice a spent send budget answers with (the hub's own: <c>chat.…</c>, <c>live.…</c>).</summary>
    protected abstract string SendingTooFastCode { get; }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        if (Context.Items.TryGetValue(SendBudgetKey, out var budget) && budget is IDisposable d) d.Dispose();
        return base.OnDisconnectedAsync(exception);
    }
}
