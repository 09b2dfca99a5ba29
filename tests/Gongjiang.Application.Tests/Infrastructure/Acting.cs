using Gongjiang.Application.Common;
using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Common.UseCases;
using Gongjiang.Application.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Gongjiang.Application.Tests.Infrastructure;

/// <summary>Runs use cases in a test's scope as a given user: an operator, a seeker or an employer's HR user.</summary>
public static class Acting
{
    public static Actor Operator(string userId = "user-operator") => new(userId, [Roles.Operator], null, null);

    public static Actor Seeker(string userId = "user-seeker") => new(userId, [Roles.Seeker], null, "T-" + userId);

    public static Actor Hr(string employerId, string? userId = null) => new(userId ?? "hr-" + employerId, [Roles.EmployerHR], employerId, null);

    public static Task<Result<T>> RunAsAsync<T>(this IServiceProvider services, Actor actor, IUseCase<T> request)
    {
        services.GetRequiredService<ActingUser>().Actor = actor;
        return services.GetRequiredService<IUseCases>().RunAsync(request);
    }
}
