// The chart's outcomes over real HTTP: responder status from the first to the
// latest pain rating (portal questionnaire, then pain before each session) and
// how long each session's relief lasted until the next one.
#include <gtest/gtest.h>

#include "http/clinic_api_fixture.h"

namespace sciaticare::testing {
namespace {

class ChartOutcomesTest : public ClinicApiFixture {};

json Note(const std::string& at, int before, int after) {
  return {{"occurred_at", at}, {"leg_pain_before", before}, {"leg_pain_after", after}};
}

INSTANTIATE_TEST_SUITE_P(Store, ChartOutcomesTest, AllApiBackends(), ApiBackendName);

TEST_P(ChartOutcomesTest, ResponderAndReliefFollowTheRatings) {
  auto therapist = As("therapist@a.test");
  auto patient = As("p1@a.test");

  HttpResult empty = patient->Get(PatientPath(patient1_.id, "/chart"));
  ASSERT_EQ(empty.status, 200) << empty.body;
  EXPECT_EQ(BodyOf(empty)["outcomes"]["responder"]["status"], "too_early");
  EXPECT_TRUE(BodyOf(empty)["outcomes"]["relief"].empty());

  ASSERT_EQ(patient
                ->Post(PatientPath(patient1_.id, "/questionnaires"),
                       {{"questionnaires", {{"nrs_leg", 8}}}})
                .status,
            201);
  for (const json& note : {Note("2030-01-01T10:00:00Z", 7, 3), Note("2030-01-05T10:00:00Z", 5, 2),
                           Note("2030-01-08T10:00:00Z", 5, 4)}) {
    ASSERT_EQ(therapist->Post(PatientPath(patient1_.id, "/sessions"), note).status, 201);
  }

  for (auto* client : {therapist.get(), patient.get()}) {
    HttpResult chart = client->Get(PatientPath(patient1_.id, "/chart"));
    ASSERT_EQ(chart.status, 200) << chart.body;
    const json o = BodyOf(chart)["outcomes"];
    // Leg pain 8 (portal) -> 5 (before the last session): 3 points, meaningful.
    EXPECT_EQ(o["responder"]["status"], "responder");
    ASSERT_EQ(o["responder"]["measures"].size(), 1u);
    EXPECT_EQ(o["responder"]["measures"][0]["measure"], "nrs_leg");
    EXPECT_EQ(o["responder"]["measures"][0]["baseline"], 8);
    EXPECT_EQ(o["responder"]["measures"][0]["latest"], 5);
    EXPECT_EQ(o["responder"]["measures"][0]["readings"], 4);
    EXPECT_TRUE(o["responder"]["measures"][0]["meaningful"]);

    const json sessions = BodyOf(chart)["sessions"];
    ASSERT_EQ(o["relief"].size(), 3u);
    EXPECT_EQ(o["relief"][0]["session_id"], sessions[0]["id"]);
    EXPECT_EQ(o["relief"][0]["immediate"], 4);
    EXPECT_EQ(o["relief"][0]["days_to_next"], 4);
    EXPECT_EQ(o["relief"][0]["lasted"], "held");   // 7 before, 5 four days later.
    EXPECT_EQ(o["relief"][1]["lasted"], "faded");  // 5 before, 5 again three days later.
    EXPECT_EQ(o["relief"][1]["days_to_next"], 3);
    EXPECT_EQ(o["relief"][2]["lasted"], "unknown");
    EXPECT_TRUE(o["relief"][2]["days_to_next"].is_null());
  }
}

// The example over HTTP: leg pain 5 -> 9 and Roland-Morris 6 -> 14 (portal
// questionnaires) went up by their minimal important change (2 points; 5 points, Ostelo 2008):
// the chart says "worse" for each and for the whole, never "no meaningful improvement".
TEST_P(ChartOutcomesTest, WorseLegPainAndRolandMorrisReadAsWorse) {
  auto patient = As("p1@a.test");
  auto rmdq = [](int ticked) {
    json items = json::array();
    for (int i = 0; i < 24; ++i) items.push_back(i < ticked ? 1 : 0);
    return items;
  };
  for (const auto& [leg, ticked] : std::vector<std::pair<int, int>>{{5, 6}, {9, 14}}) {
    HttpResult posted =
        patient->Post(PatientPath(patient1_.id, "/questionnaires"),
                      {{"questionnaires", {{"nrs_leg", leg}, {"rmdq", rmdq(ticked)}}}});
    ASSERT_EQ(posted.status, 201) << posted.body;
  }
  HttpResult chart = patient->Get(PatientPath(patient1_.id, "/chart"));
  ASSERT_EQ(chart.status, 200) << chart.body;
  const json responder = BodyOf(chart)["outcomes"]["responder"];
  EXPECT_EQ(responder["status"], "worse") << responder.dump();
  ASSERT_EQ(responder["measures"].size(), 2u) << responder.dump();
  for (const json& m : responder["measures"]) EXPECT_EQ(m["change"], "worse") << m.dump();
  EXPECT_EQ(responder["measures"][1]["measure"], "rmdq");
  EXPECT_EQ(responder["measures"][1]["baseline"], 6);
  EXPECT_EQ(responder["measures"][1]["latest"], 14);
}

}  // namespace
}  // namespace sciaticare::testing
