// ScreenIntake: the screening alone, which a session note's review asks for,
// is the very screening Assess gives, for every example intake.
#include "core/assessment.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "codec/intake_json.h"
#include "test_support.h"

namespace sciaticare {
namespace {

using testing::K;

void ExpectSameScreening(const Screening& alone, const Screening& assessed) {
  EXPECT_EQ(alone.triage, assessed.triage);
  EXPECT_EQ(alone.reasons, assessed.reasons);
  EXPECT_EQ(alone.referral_action, assessed.referral_action);
  EXPECT_EQ(alone.unanswered_ces_flags, assessed.unanswered_ces_flags);
  ASSERT_EQ(alone.flags.size(), assessed.flags.size());
  for (std::size_t i = 0; i < alone.flags.size(); ++i) {
    EXPECT_EQ(alone.flags[i].flag, assessed.flags[i].flag);
    EXPECT_EQ(alone.flags[i].urgency, assessed.flags[i].urgency);
  }
  ASSERT_EQ(alone.conditions.size(), assessed.conditions.size());
  const Constraints& a = alone.constraints;
  const Constraints& b = assessed.constraints;
  EXPECT_EQ(a.cap, b.cap);
  EXPECT_EQ(a.cap_reason, b.cap_reason);
  EXPECT_EQ(a.avoided, b.avoided);
  EXPECT_EQ(a.excluded_reason, b.excluded_reason);
  EXPECT_EQ(a.technique_cap, b.technique_cap);
  EXPECT_EQ(a.oils_allowed, b.oils_allowed);
  EXPECT_EQ(a.no_heat, b.no_heat);
  EXPECT_EQ(a.position, b.position);
  EXPECT_EQ(a.clearances, b.clearances);
  EXPECT_EQ(a.cautions, b.cautions);
}

TEST(AssessmentTest, TheScreeningAloneIsTheScreeningOfTheWholeAssessment) {
  int examples = 0;
  const std::filesystem::path dir = std::filesystem::path(SCIATICARE_SOURCE_DIR) / "examples";
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().extension() != ".json") continue;
    SCOPED_TRACE(entry.path().filename().string());
    Result<Intake> intake = ParseIntakeJson(
        testing::ReadSourceFile("examples/" + entry.path().filename().string()), K());
    ASSERT_TRUE(intake) << intake.error().ToString();
    ExpectSameScreening(ScreenIntake(intake.value(), K()), Assess(intake.value(), K()).screening);
    ++examples;
  }
  EXPECT_GE(examples, 20);  // Referrals, precautions and plain treatment among them.
}

}  // namespace
}  // namespace sciaticare
