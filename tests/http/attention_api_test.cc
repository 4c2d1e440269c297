// GET /api/v1/attention over real HTTP: a referral at intake, adverse events,
// rising pain and a due reassessment read from stored records; the clinic's
// own patients only; front desk refused.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <chrono>
#include <ctime>
#include <thread>

#include "http/clinic_api_fixture.h"

namespace sciaticare::testing {
namespace {

using ::testing::ElementsAre;

// UTC "YYYY-MM-DDTHH:MM:SSZ", `days` ago (the route compares with its clock).
std::string DaysAgo(int days) {
  std::time_t t = std::time(nullptr) - static_cast<std::time_t>(days) * 24 * 60 * 60;
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

class AttentionApiTest : public ClinicApiFixture {
 protected:
  json ReasonsOf(const json& answer, store::Id patient) {
    for (const json& item : answer["items"]) {
      if (item["patient"]["id"] == patient) return item["reasons"];
    }
    return json::array();
  }
  static std::vector<std::string> Kinds(const json& reasons) {
    std::vector<std::string> out;
    for (const json& r : reasons) out.push_back(r["kind"]);
    return out;
  }
};

INSTANTIATE_TEST_SUITE_P(Store, AttentionApiTest, AllApiBackends(), ApiBackendName);

TEST_P(AttentionApiTest, ListsPatientsWithTheirReasonsFromStoredRecords) {
  auto therapist = As("therapist@a.test");
  HttpResult fresh = therapist->Get("/api/v1/attention");
  ASSERT_EQ(fresh.status, 200) << fresh.body;
  EXPECT_EQ(BodyOf(fresh)["patients_checked"], 2);
  EXPECT_THAT(Kinds(ReasonsOf(BodyOf(fresh), patient1_.id)), ElementsAre("no_intake"));
  EXPECT_THAT(Kinds(ReasonsOf(BodyOf(fresh), patient2_.id)), ElementsAre("no_intake"));

  // Patient 1: referred at intake.
  CreateAssessment(*therapist, patient1_.id, "cauda_equina");
  // Patient 2: treated under an approved plan that asks for a reassessment
  // after 3 sessions; the third session brings an adverse event and leg pain
  // up from 5 at intake to 8.
  json assessed = CreateAssessment(*therapist, patient2_.id, "l5_numbness");
  const json plan = assessed["plan"];
  ASSERT_EQ(plan["plan"]["reassessment"]["after_sessions"][0], 3);
  EXPECT_THAT(Kinds(ReasonsOf(BodyOf(therapist->Get("/api/v1/attention")), patient2_.id)),
              ElementsAre("draft_plan"));
  ASSERT_EQ(therapist
                ->Post("/api/v1/plans/" + std::to_string(plan["id"].get<long long>()) + "/approve",
                       json::object(),
                       {{"If-Match", "\"" + std::to_string(plan["version"].get<int>()) + "\""}})
                .status,
            200);
  auto note = [&](int days_ago, int leg, json adverse) {
    json body = {{"plan_id", plan["id"]},
                 {"occurred_at", DaysAgo(days_ago)},
                 {"leg_pain_before", leg},
                 {"leg_pain_after", leg - 1},
                 {"adverse_events", adverse}};
    HttpResult r = therapist->Post(PatientPath(patient2_.id, "/sessions"), body);
    ASSERT_EQ(r.status, 201) << r.body;
  };
  note(20, 5, json::array());
  note(10, 6, json::array());
  HttpResult before = therapist->Get("/api/v1/attention");
  EXPECT_TRUE(ReasonsOf(BodyOf(before), patient2_.id).empty()) << before.body;
  // Stored times have whole seconds: the third note is stored after the intake.
  std::this_thread::sleep_for(std::chrono::milliseconds(1100));
  note(2, 8,
       json::array({{{"kind", "soreness"}, {"severity", "mild"}},
                    {{"kind", "bruising"}, {"severity", "moderate"}}}));

  HttpResult answer = As("admin@a.test")->Get("/api/v1/attention");
  ASSERT_EQ(answer.status, 200) << answer.body;
  const json body = BodyOf(answer);
  ASSERT_EQ(body["items"].size(), 2u) << answer.body;
  const json referred = ReasonsOf(body, patient1_.id);
  EXPECT_THAT(Kinds(referred), ElementsAre("red_flag"));
  EXPECT_EQ(referred[0]["urgency"], "emergency");
  // The emergency referral puts its patient first.
  EXPECT_EQ(body["items"][0]["patient"]["id"], patient1_.id);
  EXPECT_THAT(referred[0]["text"].get<std::string>(), ::testing::HasSubstr("emergency referral"));
  const json p2 = ReasonsOf(body, patient2_.id);
  EXPECT_THAT(Kinds(p2), ElementsAre("worse_pain", "adverse_event", "reassessment_due"));
  EXPECT_THAT(p2[1]["text"].get<std::string>(), ::testing::HasSubstr("2 adverse events"));
  EXPECT_THAT(p2[1]["text"].get<std::string>(), ::testing::HasSubstr("worst: moderate"));
  EXPECT_THAT(p2[0]["text"].get<std::string>(), ::testing::HasSubstr("Leg pain 8"));
  EXPECT_THAT(p2[0]["text"].get<std::string>(), ::testing::HasSubstr("up from 5 at intake"));

  // A reassessment recorded now takes the due reassessment off the list, and
  // its draft plan waits for review.
  HttpResult re = therapist->Post(PatientPath(patient2_.id, "/assessments"),
                                  {{"kind", "reassessment"}, {"intake", Example("l5_numbness")}});
  ASSERT_EQ(re.status, 201) << re.body;
  EXPECT_THAT(Kinds(ReasonsOf(BodyOf(therapist->Get("/api/v1/attention")), patient2_.id)),
              ElementsAre("worse_pain", "adverse_event", "draft_plan"));

  // Another clinic sees none of this; the front desk may not ask.
  HttpResult other = As("therapist@b.test")->Get("/api/v1/attention");
  ASSERT_EQ(other.status, 200);
  ASSERT_EQ(BodyOf(other)["items"].size(), 1u);
  EXPECT_EQ(BodyOf(other)["items"][0]["patient"]["id"], patient_b_.id);
  EXPECT_EQ(As("desk@a.test")->Get("/api/v1/attention").status, 403);
}

}  // namespace
}  // namespace sciaticare::testing
