using Gongjiang.Application.Common;
using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Common.UseCases;
using Gongjiang.Application.Compliance;
using Gongjiang.Application.Persistence;
using Gongjiang.Application.Talent;
using Microsoft.EntityFrameworkCore;

namespace Gongjiang.Application.Identity;

/// <summary>
/// A seeker moves their account to a new mobile number, proving they hold it with the code sent to it
/// (<see cref="PhoneCodePurpose.ChangePhone"/>). The number is the profile's contact number and the one they sign in
/// by; a number another profile holds is refused (the unique index decides between two simultaneous changes). Logged.
/// </summary>
public static class ChangeMyPhone
{
    public sealed record Command(string? Phone, string? Code) : IUseCase<Done>;

    public sealed class Handler(AppDbContext db, ICurrentUser currentUser, PhoneCodeService codes, PhoneAccounts phones, ServiceLog log)
        : IUseCaseHandler<Command, Done>
    {
        public async Task<Result<Done>> HandleAsync(Command command, CancellationToken ct)
        {
            if (await currentUser.GetAsync(ct) is not { TalentId: { } talentId } actor) return Error.Forbidden(AccountErrors.NoProfileForPhone);
            if (PhoneNumbers.Normalize(command.Phone) is not { } phone) return Error.Invalid("phone", AccountErrors.Phone);
            var used = await codes.ConsumeAsync(phone, PhoneCodePurpose.ChangePhone, command.Code, ct);
            if (!used.Succeeded) return used.Cast<Done>();
            if (await phones.FindAsync(phone, ct) is { } holder)
                return holder.TalentId == talentId ? Done.Value : Error.Invalid("phone", TalentErrors.PhoneTaken);
            if (await db.TalentContacts.FirstOrDefaultAsync(c => c.TalentId == talentId, ct) is not { } contact)
                return Error.NotFound(TalentErrors.NoProfile);
            contact.Phone = phone;
            log.Write(actor.UserId, ServiceActions.PhoneChanged, ServiceTargets.Account, actor.UserId);
            return await db.SaveOnceAsync(Done.Value, Error.Conflict(TalentErrors.PhoneTaken), Error.Invalid("phone", TalentErrors.PhoneTaken), ct);
        }
    }
}
