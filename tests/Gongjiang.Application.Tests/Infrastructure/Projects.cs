using Gongjiang.Application.Common;
using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Headhunting;

namespace Gongjiang.Application.Tests.Infrastructure;

/// <summary>Headhunting projects as tests need them: opened by the agency and accepted by the client's HR, ready to work on.</summary>
public static class Projects
{
    /// <summary>Creates the project as <paramref name="agency"/>, accepts it as the client's HR and returns it as the agency sees it.</summary>
    public static async Task<Result<ProjectDetail>> CreateAcceptedProjectAsync(this IServiceProvider services, Actor agency, ProjectInput input)
    {
        var created = await services.RunAsAsync(agency, new CreateProject.Command(input));
        if (!created.Succeeded) return created;
        var id = created.Value.View.Project.Id;
        var accepted = await services.RunAsAsync(Acting.Hr(input.ClientEmployerId!.Trim()), new DecideProject.Command(id, Accept: true));
        return accepted.Succeeded ? await services.RunAsAsync(agency, new GetProject.Query(id)) : accepted;
    }
}
