namespace Gongjiang.Web.Pages.Agency.Projects;

/// <summary>How the headhunting pages show figures.</summary>
internal static class ProjectPages
{
    public static string Percent(double rate) => rate.ToString("0.#%", System.Globalization.CultureInfo.InvariantCulture);
}
