namespace Gongjiang.Application.Common;

/// <summary>
/// The system clock, until something replays past events through the use cases (the demo live room replays a finished
/// broadcast minute by minute): then it reads the time it is set to, so every record carries the moment it stands for.
/// </summary>
public sealed class ReplayClock : TimeProvider
{
    private DateTimeOffset? replaying;

    public override DateTimeOffset GetUtcNow() => replaying ?? System.GetUtcNow();

    /// <summary>From now on the clock reads <paramref name="at"/> (null: the system clock again).</summary>
    public void Set(DateTimeOffset? at) => replaying = at;
}
