using System.Globalization;
using Gongjiang.Application.Common;
using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Common.UseCases;
using Gongjiang.Application.Identity;
using Gongjiang.Application.Jobs;
using Gongjiang.Application.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongjiang.Application.Tests.Infrastructure;

/// <summary>What came of publishing a posting, as the tests read it: the refusal in Chinese and the screening flags.</summary>
public sealed record Publication(bool Published, string? Refusal, IReadOnlyList<ScreeningFlagView> Flags);

public static class Publishing
{
    /// <summary>Runs a use case in the scope as the given employer's HR user.</summary>
    public static Task<Result<T>> RunAsEmployerAsync<T>(this IServiceProvider services, string employerId, IUseCase<T> request) =>
        services.RunAsAsync(Acting.Hr(employerId), request);

    /// <summary>Publishes a posting as its own employer, through the publishing use case.</summary>
    public static async Task<Publication> PublishAsEmployerAsync(this IServiceProvider services, string jobId)
    {
        var employerId = await services.GetRequiredService<AppDbContext>().Jobs.Where(j => j.Id == jobId).Select(j => j.EmployerId).SingleAsync();
        var result = await services.RunAsEmployerAsync(employerId, new PublishJob.Command(jobId));
        if (result.Succeeded) return new Publication(true, null, result.Value.Flags.Select(ScreeningFlagView.Of).ToList());
        var error = result.Errors[0];
        var flags = error.Details?.GetValueOrDefault("flags") as IReadOnlyList<ScreeningFlagView> ?? [];
        return new Publication(false, error.InChinese(), flags);
    }
}
