namespace Gongjiang.Core.Common;

/// <summary>The zone (园区) that runs this platform: a high-tech zone or an HR-service industrial park.</summary>
public sealed class Zone
{
    public string Id { get; set; } = "";
    public string Name { get; set; } = "";
    public string CityCode { get; set; } = "";
    public string? Description { get; set; }
}
