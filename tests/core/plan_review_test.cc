// Plan review: what screening forbids cannot be saved, and the refusal names
// the field and the screening reason (issue: plan review screen).
#include "core/plan_review.h"

#include <gtest/gtest.h>

#include "codec/assessment_json.h"
#include "codec/plan_edit_json.h"
#include "core/assessment.h"
#include "core/session_review.h"
#include "test_support.h"

namespace sciaticare {
namespace {

using testing::AddCondition;
using testing::BaseIntake;
using testing::K;

bool Mentions(const std::vector<Error>& problems, const std::string& field,
              const std::string& words) {
  for (const Error& e : problems) {
    if (e.field == field && e.message.find(words) != std::string::npos) return true;
  }
  return false;
}

TEST(PlanReviewTest, TheDraftPlanPassesItsOwnReview) {
  for (const char* condition :
       {"anticoagulant_or_bleeding_disorder", "osteoporosis", "varicose_veins",
        "neuropathy_reduced_sensation", "pregnancy", "low_pain_tolerance"}) {
    Intake in = BaseIntake();
    AddCondition(in, condition);
    Assessment a = Assess(in, K());
    ASSERT_TRUE(a.plan) << condition;
    EXPECT_TRUE(ReviewPlanEdit(*a.plan, a.screening, K()).empty()) << condition;
  }
}

// contraindications.md: anticoagulants cap pressure at 2 (product rule, Ernst 2003).
TEST(PlanReviewTest, PressureAboveTheCapIsRefusedWithTheReason) {
  Intake in = BaseIntake();
  AddCondition(in, "anticoagulant_or_bleeding_disorder");
  Assessment a = Assess(in, K());
  Plan edited = *a.plan;
  edited.techniques[0].pressure = 3;
  auto problems = ReviewPlanEdit(edited, a.screening, K());
  EXPECT_TRUE(Mentions(problems, "techniques[0].pressure", "blood thinners")) << problems.size();
}

// anatomy-and-techniques.md nerve caution zones (consensus): no sustained point pressure of 4 or
// more over the sciatic nerve's course in the buttock. Every door keeps it: the planner never
// plans it, a plan revision and a session note recording it are refused at the pressure.
TEST(PlanReviewTest, TriggerPointOnTheButtockStaysBelowFourAtEveryDoor) {
  for (int preference = 1; preference <= 5; ++preference) {
    Intake in = BaseIntake();
    in.preferences.pain_tolerance = PainTolerance::kHigh;
    in.preferences.pressure_preference = preference;
    Assessment a = Assess(in, K());
    ASSERT_TRUE(a.plan);
    for (const PlanItem& item : a.plan->techniques) {
      for (const Target& t : item.targets) {
        if (item.technique == Technique::kTriggerPoint && t.region == Region::kButtock) {
          EXPECT_LE(item.pressure, 3) << "preference " << preference;
        }
      }
    }
  }
  Intake in = BaseIntake();
  in.preferences.pain_tolerance = PainTolerance::kHigh;
  Assessment a = Assess(in, K());
  ASSERT_TRUE(a.plan);
  Plan edited = *a.plan;
  edited.techniques = {{Technique::kTriggerPoint,
                        {{Region::kButtock, Side::kRight, "gluteus medius"}},
                        4,
                        5,
                        {},
                        0}};
  EXPECT_TRUE(Mentions(ReviewPlanEdit(edited, a.screening, K()), "techniques[0].pressure",
                       "sciatic nerve"));
  edited.techniques[0].pressure = 3;
  EXPECT_TRUE(ReviewPlanEdit(edited, a.screening, K()).empty());
  edited.techniques[0] = {
      Technique::kDeepTissue, {{Region::kButtock, Side::kRight, "gluteus"}}, 4, 5, {}, 0};
  EXPECT_TRUE(ReviewPlanEdit(edited, a.screening, K()).empty());  // Broad pressure is not capped.

  SessionWork work;
  work.techniques = {{Technique::kTriggerPoint, Region::kButtock, Side::kLeft, 5, {}, {}}};
  EXPECT_TRUE(
      Mentions(ReviewSessionWork(work, a.screening), "techniques[0].pressure", "sciatic nerve"));
}

TEST(PlanReviewTest, ExcludedTechniqueIsRefused) {
  Intake in = BaseIntake();
  AddCondition(in, "anticoagulant_or_bleeding_disorder");
  Assessment a = Assess(in, K());
  Plan edited = *a.plan;
  PlanItem deep;
  deep.technique = Technique::kDeepTissue;
  deep.pressure = 4;
  deep.minutes = 10;
  deep.targets = {{Region::kLowerBack, Side::kBoth, "erector spinae"}};
  edited.techniques.push_back(deep);
  auto problems = ReviewPlanEdit(edited, a.screening, K());
  const std::string field = "techniques[" + std::to_string(edited.techniques.size() - 1) + "]";
  EXPECT_TRUE(Mentions(problems, field + ".technique", "deep_tissue is left out"));
  EXPECT_TRUE(Mentions(problems, field + ".pressure", "above the limit of 2"));
}

// contraindications.md pregnancy row: no leg massage (VTE risk; Sutham 2020).
TEST(PlanReviewTest, AvoidedRegionIsRefused) {
  Intake in = BaseIntake();
  in.patient.pregnant = true;
  Assessment a = Assess(in, K());
  Plan edited = *a.plan;
  edited.techniques[0].targets.push_back({Region::kCalf, Side::kRight, "gastrocnemius"});
  auto problems = ReviewPlanEdit(edited, a.screening, K());
  const std::string field = "techniques[0].targets[" +
                            std::to_string(edited.techniques[0].targets.size() - 1) + "].region";
  EXPECT_TRUE(Mentions(problems, field, "pregnancy"));
  edited.oils_allowed = true;
  EXPECT_TRUE(Mentions(ReviewPlanEdit(edited, a.screening, K()), "oils_allowed", "not allowed"));
}

TEST(PlanReviewTest, OneSideAvoidedRefusesBothSides) {
  Intake in = BaseIntake();
  ConditionReport& r = AddCondition(in, "varicose_veins");
  r.site.Add(Region::kCalf);
  r.side = Side::kRight;
  Assessment a = Assess(in, K());
  Plan edited = *a.plan;
  edited.techniques[0].targets = {{Region::kCalf, Side::kBoth, "gastrocnemius"}};
  EXPECT_FALSE(ReviewPlanEdit(edited, a.screening, K()).empty());
  edited.techniques[0].targets = {{Region::kCalf, Side::kLeft, "gastrocnemius"}};
  EXPECT_TRUE(ReviewPlanEdit(edited, a.screening, K()).empty());
}

const RegionSet kLegs = [] {
  RegionSet legs;
  for (Region r : {Region::kAnteriorThigh, Region::kLateralThigh, Region::kPosteriorThigh,
                   Region::kKnee, Region::kShin, Region::kCalf, Region::kAnkle, Region::kFootTop,
                   Region::kFootSole, Region::kFootLateral, Region::kBigToe, Region::kLittleToe})
    legs.Add(r);
  return legs;
}();

// contraindications.md, dvt_history_on_treatment "avoid_region(affected limb)": a clot
// reported in the right calf keeps the draft off every right leg region, and a revision that
// adds the right thigh is refused; the left thigh is still allowed.
TEST(PlanReviewTest, PastClotKeepsDraftAndRevisionOffTheWholeLeg) {
  Intake in = BaseIntake();
  ConditionReport& r = AddCondition(in, "dvt_history_on_treatment");
  r.site.Add(Region::kCalf);
  r.side = Side::kRight;
  Assessment a = Assess(in, K());
  ASSERT_TRUE(a.plan.has_value());
  for (const PlanItem& item : a.plan->techniques) {
    for (const Target& target : item.targets) {
      EXPECT_FALSE(kLegs.Contains(target.region) && target.side != Side::kLeft)
          << Name(target.region) << " " << Name(target.side);
    }
  }
  Plan edited = *a.plan;
  edited.techniques[0].targets = {{Region::kPosteriorThigh, Side::kRight, "hamstrings"}};
  EXPECT_TRUE(Mentions(ReviewPlanEdit(edited, a.screening, K()), "techniques[0].targets[0].region",
                       "must be avoided"));
  edited.techniques[0].targets = {{Region::kPosteriorThigh, Side::kLeft, "hamstrings"}};
  EXPECT_TRUE(ReviewPlanEdit(edited, a.screening, K()).empty());
}

TEST(PlanReviewTest, FrequencyMinutesAndPressureRangeAreChecked) {
  Assessment a = Assess(BaseIntake(), K());
  Plan edited = *a.plan;
  edited.per_week = 6;
  edited.count = 13;
  edited.techniques[0].minutes = 0;
  edited.techniques[0].technique = Technique::kSwedish;
  edited.techniques[0].pressure = 4;  // Swedish is 1-3.
  auto problems = ReviewPlanEdit(edited, a.screening, K());
  EXPECT_TRUE(Mentions(problems, "sessions.per_week", "1–5"));
  EXPECT_TRUE(Mentions(problems, "sessions.count", "1–12"));
  EXPECT_TRUE(Mentions(problems, "techniques[0].minutes", "1–120"));
  EXPECT_TRUE(Mentions(problems, "techniques[0].pressure", "1–3"));
}

// plan-output.md: together the items never take longer than the session.
TEST(PlanReviewTest, SessionLengthIsCheckedAndTheItemsMustFitInIt) {
  Assessment a = Assess(BaseIntake(), K());
  Plan edited = *a.plan;
  int total = 0;
  for (const PlanItem& item : edited.techniques) total += item.minutes;
  edited.session_minutes = total;
  EXPECT_TRUE(ReviewPlanEdit(edited, a.screening, K()).empty());
  edited.session_minutes = total - 1;
  EXPECT_TRUE(Mentions(ReviewPlanEdit(edited, a.screening, K()), "sessions.minutes",
                       "take " + std::to_string(total) + " minutes"));
  edited.session_minutes = 10;
  EXPECT_TRUE(Mentions(ReviewPlanEdit(edited, a.screening, K()), "sessions.minutes", "15–120"));
}

// red-flags.md: a referral means no plan at all.
TEST(PlanReviewTest, NoPlanForAReferredPatient) {
  Intake in = BaseIntake();
  testing::SetFlag(in, "ces_saddle_anaesthesia");
  Assessment a = Assess(in, K());
  ASSERT_FALSE(a.plan);
  Assessment clean = Assess(BaseIntake(), K());
  auto problems = ReviewPlanEdit(*clean.plan, a.screening, K());
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].field, "plan");
}

TEST(PlanEditJsonTest, RoundTripsTheDraftFromItsJson) {
  Intake in = BaseIntake();
  AddCondition(in, "osteoporosis");
  Assessment a = Assess(in, K());
  nlohmann::json doc = AssessmentToJson(a, K());
  Result<Plan> parsed = ParsePlanEdit(doc["plan"], K(), 45);
  ASSERT_TRUE(parsed.ok()) << parsed.error().ToString();
  EXPECT_EQ(parsed.value().techniques.size(), a.plan->techniques.size());
  EXPECT_TRUE(ReviewPlanEdit(parsed.value(), a.screening, K()).empty());
}

TEST(PlanEditJsonTest, NamesTheBadField) {
  nlohmann::json plan = AssessmentToJson(Assess(BaseIntake(), K()), K())["plan"];
  auto field = [&](nlohmann::json p) { return ParsePlanEdit(p, K(), 45).error().field; };
  nlohmann::json p = plan;
  p["techniques"][0]["technique"] = "cupping";
  EXPECT_EQ(field(p), "techniques[0].technique");
  p = plan;
  p["techniques"][0]["pressure"] = "hard";
  EXPECT_EQ(field(p), "techniques[0].pressure");
  p = plan;
  p["techniques"][0]["targets"][0]["side"] = "top";
  EXPECT_EQ(field(p), "techniques[0].targets[0].side");
  p = plan;
  p.erase("sessions");
  EXPECT_EQ(field(p), "sessions");
  EXPECT_EQ(field(nlohmann::json::array()), "plan");
  p = plan;
  p["sessions"]["minutes"] = "long";
  EXPECT_EQ(field(p), "sessions.minutes");
}

TEST(PlanEditJsonTest, SessionLengthIsReadOrKeptAsPlanned) {
  nlohmann::json plan = AssessmentToJson(Assess(BaseIntake(), K()), K())["plan"];
  plan["sessions"]["minutes"] = 60;
  EXPECT_EQ(ParsePlanEdit(plan, K(), 45).value().session_minutes, 60);
  plan["sessions"].erase("minutes");
  EXPECT_EQ(ParsePlanEdit(plan, K(), 30).value().session_minutes, 30);
}

// contraindications.md (clearance rows: past clot on treatment -> physician; high-risk
// pregnancy -> obstetrician): screening names each kind once, in order.
TEST(ClearanceReviewTest, ScreeningListsEachRequiredKindOnce) {
  Intake in = BaseIntake();
  in.patient.pregnant = true;
  AddCondition(in, "dvt_history_on_treatment");
  AddCondition(in, "recent_surgery");
  AddCondition(in, "pregnancy").modifiers.push_back("high_risk");
  const Screening s = Assess(in, K()).screening;
  EXPECT_EQ(s.constraints.clearance_kinds, (std::vector<std::string>{"physician", "obstetrician"}));
}

// contraindications.md: each clearance kind is its own check; one clearance never
// satisfies two kinds, whatever the count, and a kind the plan does not need is refused.
TEST(ClearanceReviewTest, EachRequiredKindNeedsItsOwnClearance) {
  const std::vector<std::string> both = {"physician", "obstetrician"};
  const GivenClearance gp{"physician", "Dr Hale", "2026-11-20", "GP"};
  const GivenClearance ob{"obstetrician", "Dr Ade", "2026-11-21", "obstetrician"};
  EXPECT_TRUE(ReviewClearances(both, {gp, ob}).empty());
  EXPECT_TRUE(ReviewClearances(both, {ob, gp}).empty());

  std::vector<Error> one = ReviewClearances(both, {gp});
  ASSERT_EQ(one.size(), 1u);
  EXPECT_EQ(one[0].field, "clearances");
  EXPECT_NE(one[0].message.find("obstetrician"), std::string::npos);

  std::vector<Error> twice = ReviewClearances(both, {gp, gp});  // Two letters of one kind.
  ASSERT_EQ(twice.size(), 1u);
  EXPECT_NE(twice[0].message.find("obstetrician"), std::string::npos);

  std::vector<Error> stray = ReviewClearances({"physician"}, {gp, ob});
  ASSERT_EQ(stray.size(), 1u);
  EXPECT_EQ(stray[0].field, "clearances[1].kind");

  EXPECT_EQ(ReviewClearances(both, {}).size(), 2u);
  EXPECT_TRUE(ReviewClearances({}, {}).empty());
}

}  // namespace
}  // namespace sciaticare
