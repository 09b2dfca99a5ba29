using System.Collections.Concurrent;
using System.Reflection;
using Gongjiang.Application.Common.Results;
using Microsoft.Extensions.DependencyInjection;

namespace Gongjiang.Application.Common.UseCases;

/// <summary>Finds the handler of a request in the container of the current scope and runs it.</summary>
internal sealed class UseCaseDispatcher(IServiceProvider services) : IUseCases
{
    private static readonly ConcurrentDictionary<Type, Type> HandlerTypes = new();

    public Task<Result<T>> RunAsync<T>(IUseCase<T> request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var handlerType = HandlerTypes.GetOrAdd(request.GetType(), t => typeof(IUseCaseHandler<,>).MakeGenericType(t, typeof(T)));
        var handler = services.GetRequiredService(handlerType);
        return Invoker<T>.For(request.GetType())(handler, request, ct);
    }

    /// <summary>A compiled call of HandleAsync per request type, so dispatching costs no reflection after the first call.</summary>
    private static class Invoker<T>
    {
        private static readonly ConcurrentDictionary<Type, Func<object, IUseCase<T>, CancellationToken, Task<Result<T>>>> Calls = new();

        public static Func<object, IUseCase<T>, CancellationToken, Task<Result<T>>> For(Type requestType) =>
            Calls.GetOrAdd(requestType, static t =>
            {
                var method = typeof(Invoker<T>).GetMethod(nameof(Call), BindingFlags.NonPublic | BindingFlags.Static)!.MakeGenericMethod(t);
                return method.CreateDelegate<Func<object, IUseCase<T>, CancellationToken, Task<Result<T>>>>();
            });

        private static Task<Result<T>> Call<TRequest>(object handler, IUseCase<T> request, CancellationToken ct) where TRequest : IUseCase<T> =>
            ((IUseCaseHandler<TRequest, T>)handler).HandleAsync((TRequest)request, ct);
    }
}

public static class UseCaseRegistration
{
    /// <summary>Registers the dispatcher and every handler of the application assembly (scoped, like the DbContext).</summary>
    public static IServiceCollection AddUseCases(this IServiceCollection services)
    {
        services.AddScoped<IUseCases, UseCaseDispatcher>();
        foreach (var type in typeof(UseCaseRegistration).Assembly.GetTypes())
        {
            if (type.IsAbstract || type.IsInterface) continue;
            foreach (var contract in type.GetInterfaces())
                if (contract.IsGenericType && contract.GetGenericTypeDefinition() == typeof(IUseCaseHandler<,>))
                    services.AddScoped(contract, type);
        }
        return services;
    }
}
