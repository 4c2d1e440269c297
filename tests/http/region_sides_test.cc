// Sides come from the knowledge at every door, on both stores: a leg region
// has no midline, so naming one is refused at its field with the reason and
// nothing is stored, whether it comes in an intake (symptom or condition
// site), a plan revision or a session note. Otherwise a limit screening set on
// one side (varicose veins on the left calf) could be escaped by "midline".
// Source: anatomy-and-techniques.md (laterality left, right or bilateral for
// every region); knowledge/regions.json "sides".
#include <gtest/gtest.h>

#include "http/clinic_api_fixture.h"

namespace sciaticare::testing {
namespace {

class RegionSidesTest : public ClinicApiFixture {
 protected:
  // An intake with varicose veins on the left calf: screening avoids it.
  static json VaricoseLeftCalf() {
    json intake = Example("l5_numbness");
    intake["conditions"]["varicose_veins"] = {
        {"present", true}, {"regions", {"calf"}}, {"side", "left"}};
    return intake;
  }
};

INSTANTIATE_TEST_SUITE_P(Store, RegionSidesTest, AllApiBackends(), ApiBackendName);

TEST_P(RegionSidesTest, MidlineOnALegIsRefusedAtEveryDoor) {
  auto therapist = As("therapist@a.test");
  const std::string assessments = PatientPath(patient1_.id, "/assessments");

  json midline_site = VaricoseLeftCalf();
  midline_site["conditions"]["varicose_veins"]["side"] = "midline";
  HttpResult intake_refused =
      therapist->Post(assessments, {{"kind", "intake"}, {"intake", midline_site}});
  ASSERT_EQ(intake_refused.status, 422) << intake_refused.body;
  EXPECT_EQ(BodyOf(intake_refused)["error"]["field"], "intake.conditions.varicose_veins.side");
  EXPECT_NE(BodyOf(intake_refused)["error"]["message"].get<std::string>().find("no midline"),
            std::string::npos);
  EXPECT_EQ(AssessmentCount(clinic_a_.id, patient1_.id), 0);

  HttpResult created =
      therapist->Post(assessments, {{"kind", "intake"}, {"intake", VaricoseLeftCalf()}});
  ASSERT_EQ(created.status, 201) << created.body;
  const json plan = BodyOf(created)["plan"];
  const std::string revisions = "/api/v1/plans/" + plan["id"].dump() + "/revisions";
  json edited = plan["plan"];
  edited["techniques"][0]["targets"] = {{{"region", "calf"}, {"side", "midline"}}};
  HttpResult revision_refused =
      therapist->Post(revisions, {{"plan", edited}}, {{"If-Match", "\"1\""}});
  ASSERT_EQ(revision_refused.status, 422) << revision_refused.body;
  EXPECT_EQ(BodyOf(revision_refused)["error"]["field"], "plan.techniques[0].targets[0].side");
  EXPECT_EQ(PlanCount(clinic_a_.id, patient1_.id), 1);

  const json note = {{"occurred_at", "2026-11-24T10:00:00Z"},
                     {"techniques",
                      {{{"technique", "swedish"},
                        {"region", "calf"},
                        {"side", "midline"},
                        {"pressure", 2},
                        {"minutes", 10}}}},
                     {"deviations_acknowledged", true},
                     {"deviation_reason", "testing the door"}};
  HttpResult note_refused = therapist->Post(PatientPath(patient1_.id, "/sessions"), note);
  ASSERT_EQ(note_refused.status, 422) << note_refused.body;
  EXPECT_EQ(BodyOf(note_refused)["error"]["field"], "techniques[0].side");
  EXPECT_EQ(SessionCount(clinic_a_.id, patient1_.id), 0);

  // The lower back lies over the spine: its midline stays a side at every door.
  json back = plan["plan"];
  back["techniques"][0]["targets"] = {{{"region", "lower_back"}, {"side", "midline"}}};
  HttpResult back_revised = therapist->Post(revisions, {{"plan", back}}, {{"If-Match", "\"1\""}});
  EXPECT_EQ(back_revised.status, 201) << back_revised.body;
}

}  // namespace
}  // namespace sciaticare::testing
