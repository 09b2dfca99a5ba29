using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Common.UseCases;
using Gongjiang.Core.Recruiting;

namespace Gongjiang.Application.Recruiting;

/// <summary>
/// The seeker answers an invitation: accepting applies to the job the usual way (the invitation then names the
/// application), declining tells the employer. An invitation is answered once, before it expires.
/// </summary>
public static class AnswerInvitation
{
    public sealed record Command(string InvitationId, bool Accept) : IUseCase<Invitation>;

    public sealed class Handler(InvitationService invitations, RecruitingRules rules) : IUseCaseHandler<Command, Invitation>
    {
        public Task<Result<Invitation>> HandleAsync(Command command, CancellationToken ct) =>
            rules.AsActorAsync(actor => command.Accept
                ? invitations.AcceptAsync(actor, command.InvitationId, ct)
                : invitations.DeclineAsync(actor, command.InvitationId, ct), ct);
    }
}
