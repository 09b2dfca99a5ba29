using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Gongjiang.Application.Common;
using Gongjiang.Application.Common.UseCases;
using Gongjiang.Application.Headhunting;
using Gongjiang.Application.Identity;
using Gongjiang.Application.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongjiang.Web.Tests.Api;

/// <summary>
/// Headhunting projects as tests need them: an agency creates one and its client employer's HR accepts it, so it can be
/// worked on (a project does nothing until its client accepts).
/// </summary>
public static class Projects
{
    /// <summary>Creates the project through the API as <paramref name="agency"/>, has the client's HR accept it, and returns it as created.</summary>
    public static async Task<JsonElement> CreateAcceptedProjectAsync(this IServiceProvider services, HttpClient agency, object body) =>
        await services.CreateAcceptedProjectAsync(agency, JsonContent.Create(body));

    public static async Task<JsonElement> CreateAcceptedProjectAsync(this IServiceProvider services, HttpClient agency, HttpContent body)
    {
        var response = await agency.PostAsync("/api/v1/projects", body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{response.StatusCode}: {text}");
        var project = JsonDocument.Parse(text).RootElement;
        await services.AcceptProjectAsync(project.GetProperty("id").GetString()!);
        return project;
    }

    /// <summary>The project's client employer accepts it, as one of its HR users (or an HR user of it made up for the purpose).</summary>
    public static async Task AcceptProjectAsync(this IServiceProvider services, string projectId)
    {
        using var scope = services.CreateScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<AppDbContext>();
        var clientId = await db.HeadhuntingProjects.Where(p => p.Id == projectId).Select(p => p.ClientEmployerId).SingleAsync();
        var hrId = await db.Users.Where(u => u.EmployerId == clientId).OrderBy(u => u.UserName).Select(u => u.Id).FirstOrDefaultAsync() ?? "hr-" + clientId;
        sp.GetRequiredService<ActingUser>().Actor = new Actor(hrId, [Roles.EmployerHR], clientId, null);
        var accepted = await sp.GetRequiredService<IUseCases>().RunAsync(new DecideProject.Command(projectId, Accept: true));
        Assert.True(accepted.Succeeded, string.Join(" ", accepted.Errors.Select(e => e.Code)));
    }
}
