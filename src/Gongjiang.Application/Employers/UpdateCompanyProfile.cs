using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Common.UseCases;
using Gongjiang.Application.Compliance;
using Gongjiang.Application.Persistence;
using Gongjiang.Core.Employers;
using Microsoft.EntityFrameworkCore;

namespace Gongjiang.Application.Employers;

/// <summary>
/// HR edits its employer's public introduction (企业介绍): description (at most 4000 characters), website (a web address;
/// <c>https://</c> is added when missing) and address (at most 300 characters each).
/// </summary>
public static class UpdateCompanyProfile
{
    public const int MaxDescription = 4000;
    public const int MaxLine = 300;

    public sealed record Command(string? Description, string? Website, string? Address) : IUseCase<Employer>;

    public sealed class Handler(AppDbContext db, ComplianceRules rules) : IUseCaseHandler<Command, Employer>
    {
        public async Task<Result<Employer>> HandleAsync(Command command, CancellationToken ct)
        {
            var own = await rules.OwnEmployerIdAsync(null, ct);
            if (!own.Succeeded) return own.Cast<Employer>();
            var errors = new ErrorList();
            var description = command.Description?.Trim();
            var address = command.Address?.Trim();
            if ((description?.Length ?? 0) > MaxDescription) errors.Add("description", InputErrors.TooLong, MaxDescription);
            var website = Website(command.Website, errors);
            if ((address?.Length ?? 0) > MaxLine) errors.Add("address", InputErrors.TooLong, MaxLine);
            if (!errors.IsEmpty) return errors;

            var employer = await db.Employers.FirstOrDefaultAsync(e => e.Id == own.Value.EmployerId, ct);
            if (employer is null) return Error.NotFound(EmployerErrors.NotFound, own.Value.EmployerId);
            employer.Description = description;
            employer.Website = website;
            employer.Address = address;
            employer.UpdatedAt = rules.Now;
            await db.SaveChangesAsync(ct);
            return employer;
        }

        /// <summary>A web address with its scheme, or null when none was given.</summary>
        private static string? Website(string? typed, ErrorList errors)
        {
            if (string.IsNullOrWhiteSpace(typed)) return typed?.Trim();
            var site = typed.Trim();
            if (!site.Contains("://", StringComparison.Ordinal)) site = "https://" + site;
            if (!Uri.TryCreate(site, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || !uri.Host.Contains('.'))
                errors.Add("website", EmployerErrors.WebsiteInvalid);
            else if (site.Length > MaxLine) errors.Add("website", InputErrors.TooLong, MaxLine);
            return site;
        }
    }
}
