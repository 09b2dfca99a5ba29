using Gongjiang.Application.Identity;

namespace Gongjiang.Application.Common;

/// <summary>Who is acting: the signed-in user's id, roles and what they own.</summary>
public sealed record Actor(string UserId, IReadOnlyList<string> Roles, string? EmployerId, string? TalentId)
{
    public bool IsOperator => Roles.Contains(Identity.Roles.Operator) || Roles.Contains(Identity.Roles.Admin);
    public bool IsEmployer => EmployerId is not null && (Roles.Contains(Identity.Roles.EmployerHR) || Roles.Contains(Identity.Roles.Agency));
    public bool IsAgency => EmployerId is not null && Roles.Contains(Identity.Roles.Agency);
    public bool IsSeeker => TalentId is not null && Roles.Contains(Identity.Roles.Seeker);

    /// <summary>The operator the command line acts as.</summary>
    public static readonly Actor System = new("system", [Identity.Roles.Operator], null, null);
}

/// <summary>The user a use case acts for: the signed-in user in the web app, the system operator on the command line.</summary>
public interface ICurrentUser
{
    /// <summary>The actor, or null when nobody is signed in.</summary>
    ValueTask<Actor?> GetAsync(CancellationToken ct = default);
}

/// <summary>
/// Who work started by the platform itself acts as in its scope, when not the signed-in user: the demo zone's activity
/// posts jobs as its HR user. Every <see cref="ICurrentUser"/> answers it first when set.
/// </summary>
public sealed class ActingUser
{
    public Actor? Actor { get; set; }
}

/// <summary>The command line's user: the system operator (or whom the scope acts as).</summary>
public sealed class SystemUser(ActingUser acting) : ICurrentUser
{
    public ValueTask<Actor?> GetAsync(CancellationToken ct = default) => ValueTask.FromResult<Actor?>(acting.Actor ?? Actor.System);
}
