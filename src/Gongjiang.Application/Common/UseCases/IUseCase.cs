using Gongjiang.Application.Common.Results;

namespace Gongjiang.Application.Common.UseCases;

/// <summary>A command or query of one use case; <typeparamref name="T"/> is the value of its successful result.</summary>
public interface IUseCase<T>;

/// <summary>Carries out one use case: validates once, loads, applies the domain's rules, saves once.</summary>
public interface IUseCaseHandler<in TRequest, T> where TRequest : IUseCase<T>
{
    Task<Result<T>> HandleAsync(TRequest request, CancellationToken ct);
}

/// <summary>The one door of the application: every page, endpoint and command runs its use cases through it.</summary>
public interface IUseCases
{
    Task<Result<T>> RunAsync<T>(IUseCase<T> request, CancellationToken ct = default);
}
