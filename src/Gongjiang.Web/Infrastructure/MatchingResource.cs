namespace Gongjiang.Web.Infrastructure;

/// <summary>
/// Marker for the UI strings of the recommendation and fairness pages (Resources/Infrastructure/MatchingResource.en.resx);
/// keys are the zh-CN text.
/// </summary>
public sealed class MatchingResource;
