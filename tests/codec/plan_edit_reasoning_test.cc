// The evidence a revised plan shows for each item (evidence.md, "Grades": a
// grade describes the evidence for the statement the plan makes). Reasons the
// therapist writes at plan review are their own judgement for this patient,
// so they show "therapist's reasoning", never the technique's grade; reasons
// kept from the drafted plan keep the evidence they were drafted with.
#include <gtest/gtest.h>

#include "codec/assessment_json.h"
#include "codec/plan_edit_json.h"
#include "core/assessment.h"
#include "test_support.h"

namespace sciaticare {
namespace {

using nlohmann::json;
using testing::BaseIntake;
using testing::K;

struct Drafted {
  Assessment assessment;
  json plan;
};

Drafted Draft() {
  Drafted d{Assess(BaseIntake(), K()), nullptr};
  d.plan = AssessmentToJson(d.assessment, K())["plan"];
  return d;
}

json Revise(const Drafted& d, const json& edited) {
  Result<Plan> parsed = ParsePlanEdit(edited, K(), d.plan["sessions"]["minutes"].get<int>());
  EXPECT_TRUE(parsed) << parsed.error().ToString();
  return ApplyPlanEdit(d.plan, parsed.value(), d.assessment.screening, K());
}

TEST(PlanEditReasoningTest, KeptReasonsKeepTheirEvidence) {
  const Drafted d = Draft();
  const json revised = Revise(d, d.plan);
  ASSERT_EQ(revised["techniques"].size(), d.plan["techniques"].size());
  for (std::size_t i = 0; i < revised["techniques"].size(); ++i) {
    EXPECT_EQ(revised["techniques"][i]["evidence"], d.plan["techniques"][i]["evidence"]) << i;
  }
}

TEST(PlanEditReasoningTest, ReasonsTheTherapistWroteShowNoEvidenceGrade) {
  const Drafted d = Draft();
  json edited = d.plan;
  ASSERT_NE(edited["techniques"][0]["evidence"]["grade"], "therapist");
  edited["techniques"][0]["because"].push_back("She asked for it after the last session.");
  json revised = Revise(d, edited);
  EXPECT_EQ(revised["techniques"][0]["evidence"]["grade"], "therapist");
  EXPECT_EQ(revised["techniques"][0]["evidence"]["ref"], "docs/evidence.md#therapist-reasoning");
  // Another revision that keeps those words keeps them the therapist's.
  const Drafted again{d.assessment, revised};
  EXPECT_EQ(Revise(again, revised)["techniques"][0]["evidence"]["grade"], "therapist");

  // An item with no reason given is the therapist's choice as well.
  edited = d.plan;
  edited["techniques"][0].erase("because");
  revised = Revise(d, edited);
  EXPECT_EQ(revised["techniques"][0]["because"][0], "Chosen by the therapist at plan review.");
  EXPECT_EQ(revised["techniques"][0]["evidence"]["grade"], "therapist");
}

}  // namespace
}  // namespace sciaticare
