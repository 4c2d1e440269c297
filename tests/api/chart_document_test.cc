// The chart document written from store records: every member the chart
// screen reads, sessions oldest first, outcomes from the core, and what a
// patient may see.
#include "api/chart_document.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "test_support.h"

namespace sciaticare::api {
namespace {

using nlohmann::json;
using testing::K;

store::ChartSession Session(store::Id id, const char* at, int leg_before, int leg_after) {
  store::ChartSession s;
  s.id = id;
  s.occurred_at = at;
  s.leg_pain_before = leg_before;
  s.leg_pain_after = leg_after;
  s.adverse_events_json = "[]";
  return s;
}

store::PlanRecord Plan(store::Id id, int version_no, store::PlanStatus status) {
  store::PlanRecord p;
  p.id = id;
  p.version_no = version_no;
  p.status = status;
  p.created_at = "2026-10-01T09:00:00Z";
  if (status == store::PlanStatus::kApproved) p.approved_at = "2026-10-02T09:00:00Z";
  return p;
}

class ChartDocumentTest : public ::testing::Test {
 protected:
  ChartDocumentTest() {
    records_.patient.id = 7;
    records_.patient.given_name = "Zoë";
    records_.patient.family_name = "Ng";
    store::Assessment intake;
    intake.id = 3;
    intake.kind = store::AssessmentKind::kIntake;
    intake.triage = "treat";
    intake.created_at = "2026-10-01T08:00:00Z";
    records_.assessments = {intake};
    facts_ = {std::make_shared<const AssessmentFacts>(
        ReadAssessmentFacts(R"({"scores":{"nrs_leg":8,"odi":{"percent":40}}})"))};
    records_.plans = {Plan(11, 1, store::PlanStatus::kSuperseded),
                      Plan(12, 2, store::PlanStatus::kApproved),
                      Plan(13, 3, store::PlanStatus::kDraft)};
    records_.sessions_on_approved_plan = 2;
    // Newest first, as the store reads them.
    records_.sessions = {Session(22, "2026-10-15T10:00:00Z", 5, 3),
                         Session(21, "2026-10-08T10:00:00Z", 7, 4)};
    records_.sessions[0].adverse_events_json = R"([{"kind":"soreness","severity":"mild"}])";
  }

  json Chart(bool approved_plans_only = false, int planned = 6) {
    ChartInput input{records_, facts_, planned, approved_plans_only, ""};
    return json::parse(ChartDocument(input, K()));
  }

  store::ChartRecords records_;
  std::vector<std::shared_ptr<const AssessmentFacts>> facts_;
};

TEST_F(ChartDocumentTest, HoldsThePatientAssessmentsPlansAndSessionsOldestFirst) {
  const json chart = Chart();
  EXPECT_EQ(chart["patient"]["id"], 7);
  EXPECT_EQ(chart["patient"]["given_name"], "Zoë");
  ASSERT_EQ(chart["assessments"].size(), 1u);
  EXPECT_EQ(chart["assessments"][0]["id"], 3);
  EXPECT_EQ(chart["assessments"][0]["kind"], "intake");
  EXPECT_EQ(chart["assessments"][0]["triage"], "treat");
  EXPECT_EQ(chart["assessments"][0]["at"], "2026-10-01T08:00:00Z");
  EXPECT_EQ(chart["assessments"][0]["scores"]["odi"]["percent"], 40);
  ASSERT_EQ(chart["plans"].size(), 3u);
  EXPECT_EQ(chart["plans"][1]["status"], "approved");
  EXPECT_EQ(chart["plans"][1]["approved_at"], "2026-10-02T09:00:00Z");
  EXPECT_TRUE(chart["plans"][2]["approved_at"].is_null());
  EXPECT_EQ(
      chart["current_plan"],
      json({{"id", 12}, {"sessions_planned", 6}, {"sessions_done", 2}, {"sessions_left", 4}}));
  ASSERT_EQ(chart["sessions"].size(), 2u);
  const json& first = chart["sessions"][0];
  EXPECT_EQ(first["id"], 21);
  EXPECT_EQ(first["leg_pain_before"], 7);
  EXPECT_EQ(first["leg_pain_after"], 4);
  EXPECT_TRUE(first["back_pain_before"].is_null());
  EXPECT_EQ(first["adverse_events"], 0);
  EXPECT_EQ(first["deviations"], 0);
  EXPECT_EQ(chart["sessions"][1]["adverse_events"], 1);
}

TEST_F(ChartDocumentTest, OutcomesFollowTheIntakeAndTheSessionRatings) {
  const json outcomes = Chart()["outcomes"];
  // Leg pain 8 at intake, then 7 and 5 before the sessions: 3 points better
  // (NRS minimal important change 2 points, knowledge/questionnaires.json).
  EXPECT_EQ(outcomes["responder"]["status"], "responder");
  const json& leg = outcomes["responder"]["measures"][0];
  EXPECT_EQ(leg["measure"], "nrs_leg");
  EXPECT_EQ(leg["baseline"], 8);
  EXPECT_EQ(leg["latest"], 5);
  EXPECT_EQ(leg["readings"], 3);
  EXPECT_TRUE(leg["meaningful"]);
  ASSERT_EQ(outcomes["relief"].size(), 2u);
  EXPECT_EQ(outcomes["relief"][0]["session_id"], 21);
  EXPECT_EQ(outcomes["relief"][0]["immediate"], 3);
  EXPECT_EQ(outcomes["relief"][0]["days_to_next"], 7);
  EXPECT_EQ(outcomes["relief"][1]["session_id"], 22);
  EXPECT_EQ(outcomes["relief"][1]["lasted"], "unknown");
  EXPECT_TRUE(outcomes["relief"][1]["days_to_next"].is_null());
}

TEST_F(ChartDocumentTest, APatientSeesApprovedPlansOnly) {
  const json chart = Chart(/*approved_plans_only=*/true);
  ASSERT_EQ(chart["plans"].size(), 1u);
  EXPECT_EQ(chart["plans"][0]["id"], 12);
  EXPECT_EQ(chart["current_plan"]["id"], 12);
}

TEST_F(ChartDocumentTest, WithoutAnApprovedPlanThereIsNoCurrentPlan) {
  records_.plans.pop_back();
  records_.plans[1].status = store::PlanStatus::kSuperseded;
  records_.sessions.clear();
  const json chart = Chart();
  EXPECT_TRUE(chart["current_plan"].is_null());
  EXPECT_EQ(chart["sessions"], json::array());
  EXPECT_EQ(chart["outcomes"]["relief"], json::array());
  EXPECT_EQ(chart["outcomes"]["responder"]["status"], "too_early");
}

TEST_F(ChartDocumentTest, MoreSessionsDoneThanPlannedLeavesNoneNotMinus) {
  records_.sessions_on_approved_plan = 9;
  EXPECT_EQ(Chart()["current_plan"]["sessions_left"], 0);
}

TEST_F(ChartDocumentTest, TextIsEscapedAndBrokenTextIsAnErrorNotABrokenDocument) {
  records_.patient.family_name = "O\"Brien\\\n";
  EXPECT_EQ(Chart()["patient"]["family_name"], "O\"Brien\\\n");
  records_.sessions[0].occurred_at = "2026-10-15\xff";
  ChartInput input{records_, facts_, 6, false, ""};
  EXPECT_THROW(ChartDocument(input, K()), std::runtime_error);
}

TEST_F(ChartDocumentTest, FactsMustMatchTheAssessments) {
  facts_.clear();
  ChartInput input{records_, facts_, 6, false, ""};
  EXPECT_THROW(ChartDocument(input, K()), std::logic_error);
}

}  // namespace
}  // namespace sciaticare::api
