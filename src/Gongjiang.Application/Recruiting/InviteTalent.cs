using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Common.UseCases;
using Gongjiang.Core.Recruiting;

namespace Gongjiang.Application.Recruiting;

/// <summary>
/// HR invites a talent to apply (定向邀请投递) to one of its employer's open jobs, with an optional message; the talent
/// hears of it in the inbox and by SMS. One pending invitation per job and talent; a daily number per employer.
/// </summary>
public static class InviteTalent
{
    public sealed record Command(string JobId, string? TalentId, string? Message) : IUseCase<Invitation>;

    public sealed class Handler(InvitationService invitations, RecruitingRules rules) : IUseCaseHandler<Command, Invitation>
    {
        public async Task<Result<Invitation>> HandleAsync(Command command, CancellationToken ct)
        {
            if (string.IsNullOrWhiteSpace(command.TalentId)) return Error.Invalid("talentId", InputErrors.Required);
            return await rules.AsActorAsync(actor => invitations.InviteAsync(actor, command.JobId, command.TalentId.Trim(), command.Message, ct), ct);
        }
    }
}
