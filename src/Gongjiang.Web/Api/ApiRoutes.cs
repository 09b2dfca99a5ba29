namespace Gongjiang.Web.Api;

public static class ApiRoutes
{
    public static IEndpointRouteBuilder MapGongjiangApi(this IEndpointRouteBuilder app)
    {
        var v1 = app.MapGroup("/api/v1").DisableAntiforgery();
        v1.MapJobsApi();
        v1.MapEmployersApi();
        v1.MapTalentApi();
        v1.MapSeekersApi();
        v1.MapSharingApi();
        v1.MapTaxonomyApi();
        v1.MapSkillsApi();
        v1.MapRecommendationsApi();
        v1.MapRecruitingApi();
        v1.MapAccountApi();
        v1.MapUsersApi();
        v1.MapMembersApi();
        v1.MapApiClientsApi();
        v1.MapProjectsApi();
        v1.MapImportApi();
        v1.MapCampusApi();
        v1.MapNotificationsApi();
        v1.MapInvitationsApi();
        v1.MapComplaintsApi();
        v1.MapCatalogueApi();
        v1.MapChatApi();
        v1.MapLiveRoomsApi();
        v1.MapLiveTalkApi();
        v1.MapReportsApi();
        v1.MapLiveStatsApi();
        return app;
    }
}
