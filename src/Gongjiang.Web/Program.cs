using Gongjiang.Web;

return WebApp.Run(args);

/// <summary>Entry point type for WebApplicationFactory in tests.</summary>
public partial class Program;
