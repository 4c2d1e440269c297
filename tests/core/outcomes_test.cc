// Responder status and relief between sessions, by the minimal important
// change of knowledge/questionnaires.json (NRS 2 points or 30%, Ostelo 2008;
// ODI 10 points or 30%, planning.json reassessment.responder).
#include "core/outcomes.h"

#include <gtest/gtest.h>

#include "test_support.h"

namespace sciaticare {
namespace {

using testing::K;

MeasureSeries Series(const std::string& measure, std::initializer_list<double> values) {
  MeasureSeries s{measure, {}};
  double day = 0;
  for (double v : values) s.readings.push_back({day += 7, v});
  return s;
}

TEST(OutcomesTest, OneReadingPerMeasureIsTooEarly) {
  ResponderReading r = ReadResponder({Series("nrs_leg", {7}), Series("odi", {40})}, K());
  EXPECT_EQ(r.status, ResponderStatus::kTooEarly);
  EXPECT_TRUE(r.measures.empty());
}

TEST(OutcomesTest, TwoPointsLessLegPainIsAResponder) {
  ResponderReading r = ReadResponder({Series("nrs_leg", {7, 6, 5})}, K());
  ASSERT_EQ(r.status, ResponderStatus::kResponder);
  ASSERT_EQ(r.measures.size(), 1u);
  EXPECT_EQ(r.measures[0].improvement, 2);
  EXPECT_EQ(r.measures[0].readings, 3);
  EXPECT_TRUE(r.measures[0].meaningful);
}

TEST(OutcomesTest, ThirtyPercentOfALowBaselineCountsThoughUnderTwoPoints) {
  // 3 -> 2 is one point but 33%.
  EXPECT_EQ(ReadResponder({Series("nrs_back", {3, 2})}, K()).status, ResponderStatus::kResponder);
  // 8 -> 7 is one point and 12.5%: not meaningful.
  EXPECT_EQ(ReadResponder({Series("nrs_back", {8, 7})}, K()).status, ResponderStatus::kNotYet);
}

TEST(OutcomesTest, OswestryNeedsTenPointsOrThirtyPercent) {
  EXPECT_EQ(ReadResponder({Series("odi", {50, 42})}, K()).status, ResponderStatus::kNotYet);
  EXPECT_EQ(ReadResponder({Series("odi", {50, 40})}, K()).status, ResponderStatus::kResponder);
  EXPECT_EQ(ReadResponder({Series("odi", {20, 14})}, K()).status, ResponderStatus::kResponder);
}

TEST(OutcomesTest, WorseningIsNeverMeaningfulAndAZeroBaselineHasNoPercent) {
  ResponderReading r = ReadResponder({Series("nrs_leg", {0, 4})}, K());
  EXPECT_EQ(r.status, ResponderStatus::kNotYet);
  EXPECT_FALSE(r.measures[0].percent.has_value());
  EXPECT_EQ(r.measures[0].improvement, -4);
}

TEST(OutcomesTest, MeasuresWithoutAMinimalImportantChangeAreNotJudged) {
  // SBI has no MIC in the knowledge.
  EXPECT_EQ(ReadResponder({Series("sbi", {20, 4})}, K()).status, ResponderStatus::kTooEarly);
}

TEST(OutcomesTest, ReliefHeldFadedOrAbsent) {
  std::vector<SessionPain> s = {
      {0, 7, 3, std::nullopt, std::nullopt},    // relief 4; next before 5: 2 points below 7 -> held
      {3.5, 5, 2, std::nullopt, std::nullopt},  // relief 3; next before 5: no change -> faded
      {7, 5, 5, std::nullopt, std::nullopt},    // no relief
      {10, std::nullopt, std::nullopt, 6,
       4},  // only back pain rated: relief 2, no later back rating
      {14, std::nullopt, std::nullopt, std::nullopt, std::nullopt},
  };
  auto r = ReadRelief(s, K());
  ASSERT_EQ(r.size(), 5u);
  EXPECT_EQ(r[0].lasted, ReliefLasted::kHeld);
  EXPECT_EQ(r[0].measure, "nrs_leg");
  EXPECT_EQ(*r[0].immediate, 4);
  EXPECT_DOUBLE_EQ(*r[0].days_to_next, 3.5);
  EXPECT_EQ(r[1].lasted, ReliefLasted::kFaded);
  EXPECT_EQ(r[2].lasted, ReliefLasted::kNoRelief);
  EXPECT_EQ(r[3].measure, "nrs_back");
  EXPECT_EQ(r[3].lasted, ReliefLasted::kUnknown);
  EXPECT_FALSE(r[3].days_to_next.has_value());
  EXPECT_EQ(r[4].lasted, ReliefLasted::kNotRated);
}

TEST(OutcomesTest, TheNextRatedSessionIsUsedWhenOneInBetweenHasNoRating) {
  std::vector<SessionPain> s = {{0, 6, 2, {}, {}}, {2, {}, {}, {}, {}}, {9, 3, 2, {}, {}}};
  auto r = ReadRelief(s, K());
  EXPECT_EQ(r[0].lasted, ReliefLasted::kHeld);
  EXPECT_DOUBLE_EQ(*r[0].days_to_next, 9);
}

}  // namespace
}  // namespace sciaticare
