using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Common.UseCases;
using Gongjiang.Core.Recruiting;

namespace Gongjiang.Application.Recruiting;

/// <summary>
/// The employer sends an offer card (录用意向): monthly pay, start date, place and the day it expires. The application
/// moves to the offer stage; an earlier unanswered card is superseded; the seeker is told.
/// </summary>
public static class SendOffer
{
    public sealed record Command(string ApplicationId, int MonthlyPay, DateOnly? StartDate, string? Place, DateOnly? ExpiresOn, Guid? Version)
        : IUseCase<JobApplication>;

    public sealed class Handler(RecruitingService recruiting, RecruitingRules rules) : IUseCaseHandler<Command, JobApplication>
    {
        public Task<Result<JobApplication>> HandleAsync(Command command, CancellationToken ct)
        {
            var missing = new ErrorList();
            if (command.StartDate is null) missing.Add("startDate", RecruitingErrors.OfferDatesRequired);
            if (command.ExpiresOn is null) missing.Add("expiresOn", RecruitingErrors.OfferDatesRequired);
            if (!missing.IsEmpty) return Task.FromResult<Result<JobApplication>>(missing);
            var input = new OfferInput(command.MonthlyPay, command.StartDate!.Value, command.Place ?? "", command.ExpiresOn!.Value);
            return rules.AsActorAsync(actor => recruiting.SendOfferAsync(actor, command.ApplicationId, input, command.Version, ct), ct);
        }
    }
}
