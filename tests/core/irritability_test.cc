// Irritable radicular pain and what it changes in a plan. The reference
// (/work/shared/clinical/contraindications.md, row acute_radicular_irritability)
// names two signs: leg pain of 7 or more, or symptoms that spread further down
// the leg during treatment. Both must lead to the same lighter plan.
#include <gtest/gtest.h>

#include <algorithm>

#include "codec/intake_json.h"
#include "core/assessment.h"
#include "test_support.h"

namespace sciaticare {
namespace {

using testing::BaseIntake;
using testing::K;

bool Irritable(const Screening& s) {
  return std::any_of(s.conditions.begin(), s.conditions.end(), [](const ActiveCondition& c) {
    return c.condition == K().irritability_condition;
  });
}

// The sciatic nerve's course as the knowledge names it (docs/clinical-rules.md).
bool OnSciaticCourse(Region r) {
  return r == Region::kButtock || r == Region::kPosteriorThigh || r == Region::kCalf;
}

// contraindications.md, acute_radicular_irritability: "symptoms spread
// distally during treatment" is the second trigger, beside leg pain >= 7.
TEST(IrritabilityTest, SymptomsSpreadingDuringTreatmentMakeThePainIrritable) {
  Intake in = BaseIntake();  // Leg pain 5 at most: not irritable by the pain score.
  const Assessment before = Assess(in, K());
  ASSERT_FALSE(Irritable(before.screening));
  ASSERT_TRUE(before.plan);
  ASSERT_EQ(before.plan->session_minutes, K().session_minutes);

  in.symptoms_spread_in_treatment = true;
  const Assessment after = Assess(in, K());
  ASSERT_TRUE(Irritable(after.screening));
  EXPECT_EQ(after.screening.triage, Triage::kTreatWithPrecautions);
  ASSERT_TRUE(after.plan);
  // Lighter exactly as for severe leg pain: shorter sessions and nothing
  // firmer than 2 along the sciatic nerve's course.
  EXPECT_EQ(after.plan->session_minutes, K().irritable_session_minutes);
  for (const PlanItem& item : after.plan->techniques) {
    for (const Target& t : item.targets) {
      if (OnSciaticCourse(t.region)) {
        EXPECT_LE(item.pressure, 2) << Name(item.technique);
      }
    }
  }
  EXPECT_LE(after.screening.constraints.cap[static_cast<std::size_t>(Region::kButtock)], 2);
}

// The same plan whichever of the two signs is present.
TEST(IrritabilityTest, SpreadingAndSevereLegPainGiveTheSameConstraints) {
  Intake spread = BaseIntake();
  spread.symptoms_spread_in_treatment = true;
  Intake severe = BaseIntake();
  severe.questionnaires.nrs_leg = K().irritability_min_leg_pain;
  const Constraints a = Assess(spread, K()).screening.constraints;
  const Constraints b = Assess(severe, K()).screening.constraints;
  EXPECT_EQ(a.cap, b.cap);
  EXPECT_EQ(a.excluded_reason, b.excluded_reason);
}

TEST(IrritabilityTest, IntakeDocumentCarriesTheSpreadAnswerAndRefusesANonBoolean) {
  const std::string base =
      R"({"patient":{"age":40,"sex":"male"},)"
      R"("symptoms":[{"region":"buttock","side":"left","kind":"pain","intensity":4}],)";
  Result<Intake> yes = ParseIntakeJson(base + R"("symptoms_spread_in_treatment":true})", K());
  ASSERT_TRUE(yes) << yes.error().ToString();
  EXPECT_TRUE(yes.value().symptoms_spread_in_treatment);
  Result<Intake> absent = ParseIntakeJson(base + R"("onset_weeks":3})", K());
  ASSERT_TRUE(absent);
  EXPECT_FALSE(absent.value().symptoms_spread_in_treatment);
  Result<Intake> bad = ParseIntakeJson(base + R"("symptoms_spread_in_treatment":"yes"})", K());
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().field, "symptoms_spread_in_treatment");
}

}  // namespace
}  // namespace sciaticare
