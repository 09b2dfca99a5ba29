using Gongjiang.Core.Common;
using Gongjiang.Core.Jobs;
using static Gongjiang.Matching.Tests.Engine.SmallMarket;

namespace Gongjiang.Matching.Tests.Engine;

public class HardFilterTests
{
    [Fact]
    public void Talent_elsewhere_is_matched_only_when_willing_to_move_to_the_jobs_city()
    {
        var stays = WelderTalent("T-stays", city: Lixia);
        var moves = WelderTalent("T-moves", city: Lixia);
        moves.WillingCities = [Qingdao];
        var movesToDistrict = WelderTalent("T-district", city: Lixia);
        movesToDistrict.WillingCities = ["370203"]; // 市北区: the same prefecture city as the job's 黄岛区
        var anywhereInProvince = WelderTalent("T-province", city: "110101");
        anywhereInProvince.WillingCities = ["370000"];
        var engine = Index([WelderJob()], [stays, moves, movesToDistrict, anywhereInProvince, WelderTalent("T-local", city: "370202")]);

        var found = Ids(engine.TalentForJob("J1", 10, Options));

        Assert.Equal(["T-district", "T-local", "T-moves", "T-province"], found.Order());
        Assert.Empty(engine.JobsForTalent("T-stays", 10, Options));
    }

    [Fact]
    public void A_lower_grade_than_required_excludes_the_talent()
    {
        // 五级 is below the required 四级; 三级 and 四级 meet it; a grade in an unrelated occupation does not count.
        var electricianWithGrade2 = ElectricianTalent("T-elec", city: Huangdao);
        electricianWithGrade2.Occupations[0].Grade = 2;
        electricianWithGrade2.Skills = ["氩弧焊"];
        var engine = Index([WelderJob()], [WelderTalent("T5", grade: 5), WelderTalent("T4", grade: 4), WelderTalent("T3", grade: 3), electricianWithGrade2]);

        Assert.Equal(["T3", "T4"], Ids(engine.TalentForJob("J1", 10, Options)).Order());
    }

    [Fact]
    public void Required_certificates_and_minimum_education_are_enforced()
    {
        var job = WelderJob();
        job.RequiredCertificates = ["特种作业操作证(焊接与热切割)"];
        job.EducationMin = EducationLevel.SecondaryVocational;
        var certified = WelderTalent("T-cert");
        certified.Certificates = ["特种作业操作证(焊接与热切割)", "安全员证"];
        var uncertified = WelderTalent("T-nocert");
        var lowEducation = WelderTalent("T-edu");
        lowEducation.Certificates = ["特种作业操作证(焊接与热切割)"];
        lowEducation.Education.Level = EducationLevel.JuniorHigh;
        var engine = Index([job], [certified, uncertified, lowEducation]);

        Assert.Equal(["T-cert"], Ids(engine.TalentForJob("J1", 10, Options)));
        Assert.Empty(engine.JobsForTalent("T-nocert", 10, Options));
    }

    [Fact]
    public void Only_open_unexpired_jobs_and_active_talent_are_matched()
    {
        var expired = WelderJob("J-expired");
        expired.ExpiresAt = Today.AddDays(-1);
        var closed = WelderJob("J-closed");
        closed.Status = JobStatus.Closed;
        var inactive = WelderTalent("T-inactive");
        inactive.IsActive = false;
        var engine = Index([WelderJob("J-open"), expired, closed], [WelderTalent("T-active"), inactive]);

        Assert.Equal(["J-open"], Ids(engine.JobsForTalent("T-active", 10, Options), talent: false));
        Assert.Equal(["T-active"], Ids(engine.TalentForJob("J-open", 10, Options)));
        Assert.Empty(engine.TalentForJob("J-expired", 10, Options));
        Assert.Empty(engine.TalentForJob("J-closed", 10, Options));
        Assert.Empty(engine.JobsForTalent("T-inactive", 10, Options));
        // The same job is still open on a day before its expiry.
        Assert.Single(engine.TalentForJob("J-expired", 10, Options with { Today = Today.AddDays(-5) }));
    }
}
