namespace Gongjiang.Application.Jobs;

/// <summary>Fills a missing occupation code from the job title (职业名称标准化).</summary>
public sealed class OccupationResolver(Func<string, (string Code, double Confidence)?> normalize)
{
    public (string Code, double Confidence)? Resolve(string title) => normalize(title);
}
