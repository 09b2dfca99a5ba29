namespace Gongjiang.Application.Taxonomy;

/// <summary>Codes of the errors of the occupational classification (messages in Common/Results/ErrorMessages.resx).</summary>
public static class TaxonomyErrors
{
    public const string OccupationNotFound = "taxonomy.occupation_not_found";
}
