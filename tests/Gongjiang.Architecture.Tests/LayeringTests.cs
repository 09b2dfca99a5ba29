using System.Reflection;
using Gongjiang.Application.Common;
using Gongjiang.Application.Persistence;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NetArchTest.Rules;

namespace Gongjiang.Architecture.Tests;

/// <summary>
/// The platform's shape, checked on the compiled assemblies: the screens, endpoints and commands reach the data only
/// through use cases; the domain and the engine know nothing of the web or the database.
/// </summary>
public sealed class LayeringTests
{
    private static readonly Assembly Web = typeof(Gongjiang.Web.Api.JobsApi).Assembly;
    private static readonly Assembly Cli = typeof(Gongjiang.Cli.CliHost).Assembly;
    private static readonly Assembly ApplicationLayer = typeof(AppDbContext).Assembly;
    private static readonly Assembly Core = typeof(Gongjiang.Core.Jobs.JobPosting).Assembly;
    private static readonly Assembly Matching = typeof(Gongjiang.Matching.Titles.TitleNormalizer).Assembly;

    private static readonly string[] DatabaseTypes = [typeof(AppDbContext).FullName!, "Microsoft.EntityFrameworkCore"];

    /// <summary>Where a host is put together (services, the database target at start): the only places that may name the database.</summary>
    private static readonly string[] CompositionRoots =
    [
        "Gongjiang.Web.WebApp", "Gongjiang.Web.Infrastructure.WebServiceRegistration", "Gongjiang.Cli.CliHost",
    ];

    [Fact]
    public void Pages_and_endpoints_do_not_touch_the_database()
    {
        var offenders = TypesTouchingTheDatabase(Web);
        Assert.True(offenders.Count == 0, "These web types touch the database directly instead of running a use case:\n" + string.Join("\n", offenders));
    }

    [Fact]
    public void Commands_do_not_touch_the_database()
    {
        var offenders = TypesTouchingTheDatabase(Cli);
        Assert.True(offenders.Count == 0, "These commands touch the database directly instead of running a use case:\n" + string.Join("\n", offenders));
    }

    [Theory]
    [InlineData("Core")]
    [InlineData("Matching")]
    public void The_domain_and_the_engine_know_neither_the_web_nor_the_database(string library)
    {
        var assembly = library == "Core" ? Core : Matching;
        var references = assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();
        Assert.DoesNotContain(references, r => r.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal));
        Assert.DoesNotContain(references, r => r.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal));
        Assert.DoesNotContain(references, r => r.StartsWith("Gongjiang.Application", StringComparison.Ordinal));
        var result = Types.InAssembly(assembly).ShouldNot().HaveDependencyOnAny("Microsoft.AspNetCore", "Microsoft.EntityFrameworkCore").GetResult();
        Assert.True(result.IsSuccessful, string.Join("\n", result.FailingTypeNames ?? []));
    }

    [Fact]
    public void A_page_model_has_at_most_one_application_dependency_besides_the_current_user()
    {
        var offenders = new List<string>();
        foreach (var page in Web.GetTypes().Where(t => typeof(PageModel).IsAssignableFrom(t) && !t.IsAbstract))
        {
            var dependencies = page.GetConstructors().SelectMany(c => c.GetParameters()).Select(p => p.ParameterType)
                .Where(IsApplicationType).Where(t => !IsTheCurrentUser(t)).Select(t => t.Name).ToList();
            if (dependencies.Count > 1) offenders.Add($"{page.FullName}: {string.Join(", ", dependencies)}");
        }
        Assert.True(offenders.Count == 0, "These page models depend on more than one application service:\n" + string.Join("\n", offenders));
    }

    /// <summary>The signed-in user, read (<see cref="ICurrentUser"/>) or signed in and out (the sign-in pages' SignInManager).</summary>
    private static bool IsTheCurrentUser(Type type) =>
        type == typeof(ICurrentUser) || (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Microsoft.AspNetCore.Identity.SignInManager<>));

    /// <summary>A type of the application layer, or a framework type over one (UserManager&lt;AppUser&gt;).</summary>
    private static bool IsApplicationType(Type type) =>
        type.Assembly == ApplicationLayer || (type.IsGenericType && type.GetGenericArguments().Any(IsApplicationType));

    /// <summary>The assembly's types (nested types count as their outermost type) that use the DbContext or EF Core, less the composition roots.</summary>
    private static List<string> TypesTouchingTheDatabase(Assembly assembly) =>
        (Types.InAssembly(assembly).ShouldNot().HaveDependencyOnAny(DatabaseTypes).GetResult().FailingTypeNames ?? [])
            .Select(name => name.Split('/', '+')[0]).Where(name => !CompositionRoots.Contains(name)).Distinct().Order().ToList();
}
