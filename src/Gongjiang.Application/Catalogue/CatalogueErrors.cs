namespace Gongjiang.Application.Catalogue;

public static class CatalogueErrors
{
    public const string BadPeriod = "catalogue.bad_period";
    public const string BadRegion = "catalogue.bad_region";
    public const string BadLevel = "catalogue.bad_level";
    public const string BadWeights = "catalogue.bad_weights";
    public const string BadCutPoints = "catalogue.bad_cut_points";
    public const string BadMethod = "catalogue.bad_method";
    public const string BadGroup = "catalogue.bad_group";
    public const string BadFormat = "catalogue.bad_format";
    public const string NoEmployers = "catalogue.survey_no_employers";
    public const string SurveyNotFound = "catalogue.survey_not_found";
    public const string SurveyClosed = "catalogue.survey_closed";
}
