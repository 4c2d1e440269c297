// Responder status and relief between sessions, by the minimal important
// change of knowledge/questionnaires.json (NRS 2 points or 30%, Ostelo 2008;
// ODI 10 points or 30%, planning.json reassessment.responder).
#include "core/outcomes.h"

#include <gtest/gtest.h>

#include "test_support.h"

namespace sciaticare {
namespace {

using testing::K;

MeasureSeries Series(const std::string& measure, const std::vector<double>& values) {
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

ChangeDirection DirectionOf(const char* measure, std::vector<double> values) {
  ResponderReading r = ReadResponder({Series(measure, std::move(values))}, K());
  return r.measures.at(0).direction;
}

TEST(OutcomesTest, ThirtyPercentOfALowBaselineCountsThoughUnderTwoPoints) {
  // 3 -> 2 is one point but 33%.
  EXPECT_EQ(DirectionOf("nrs_back", {3, 2}), ChangeDirection::kImproved);
  EXPECT_EQ(DirectionOf("nrs_leg", {3, 2}), ChangeDirection::kImproved);
  // 8 -> 7 is one point and 12.5%: not meaningful.
  EXPECT_EQ(DirectionOf("nrs_back", {8, 7}), ChangeDirection::kNoMeaningfulChange);
  EXPECT_EQ(ReadResponder({Series("nrs_leg", {8, 7})}, K()).status, ResponderStatus::kNotYet);
}

TEST(OutcomesTest, OswestryNeedsTenPointsOrThirtyPercent) {
  EXPECT_EQ(DirectionOf("odi", {50, 42}), ChangeDirection::kNoMeaningfulChange);
  EXPECT_EQ(DirectionOf("odi", {50, 40}), ChangeDirection::kImproved);
  EXPECT_EQ(DirectionOf("odi", {20, 14}), ChangeDirection::kImproved);
}

// outcome-measures.md (Ostelo 2008): a rise by the minimal important change is worse; a zero
// baseline has no percentage, so only the points count.
TEST(OutcomesTest, WorseningByTheMinimalImportantChangeIsWorseAndAZeroBaselineHasNoPercent) {
  ResponderReading r = ReadResponder({Series("nrs_leg", {0, 4})}, K());
  EXPECT_EQ(r.status, ResponderStatus::kWorse);
  EXPECT_FALSE(r.measures[0].meaningful);
  EXPECT_EQ(r.measures[0].direction, ChangeDirection::kWorse);
  EXPECT_FALSE(r.measures[0].percent.has_value());
  EXPECT_EQ(r.measures[0].improvement, -4);
  EXPECT_EQ(DirectionOf("nrs_leg", {0, 1}), ChangeDirection::kNoMeaningfulChange);
}

// The example: leg pain 5 -> 9 and Oswestry 38 -> 54 both went up by more than their
// minimal important change (2 points; 10 points, Ostelo 2008): the reading says worse.
TEST(OutcomesTest, LegPainAndOswestryGoingUpReadAsWorse) {
  ResponderReading r = ReadResponder({Series("nrs_leg", {5, 9}), Series("odi", {38, 54})}, K());
  EXPECT_EQ(r.status, ResponderStatus::kWorse);
  EXPECT_EQ(Name(r.status), "worse");
  ASSERT_EQ(r.measures.size(), 2u);
  EXPECT_EQ(r.measures[0].direction, ChangeDirection::kWorse);
  EXPECT_EQ(r.measures[1].direction, ChangeDirection::kWorse);
  EXPECT_NE(r.explanation.find("leg pain"), std::string::npos) << r.explanation;
  EXPECT_NE(r.explanation.find("Oswestry"), std::string::npos) << r.explanation;
}

// outcome-measures.md: leg pain is the primary outcome for sciatica. Better back pain (or
// Oswestry) makes nobody a responder on its own and never hides worse leg pain.
TEST(OutcomesTest, BetterBackPainNeitherMakesAResponderNorHidesWorseLegPain) {
  EXPECT_EQ(ReadResponder({Series("nrs_leg", {5, 8}), Series("nrs_back", {8, 2})}, K()).status,
            ResponderStatus::kWorse);
  EXPECT_EQ(ReadResponder({Series("nrs_leg", {5, 5}), Series("nrs_back", {8, 2})}, K()).status,
            ResponderStatus::kNotYet);
  EXPECT_EQ(ReadResponder({Series("nrs_back", {8, 2}), Series("odi", {40, 20})}, K()).status,
            ResponderStatus::kTooEarly);
  // Leg pain better but back pain worse: not a responder.
  EXPECT_EQ(ReadResponder({Series("nrs_leg", {8, 3}), Series("nrs_back", {3, 7})}, K()).status,
            ResponderStatus::kWorse);
  EXPECT_EQ(ReadResponder({Series("nrs_leg", {8, 3}), Series("nrs_back", {3, 3})}, K()).status,
            ResponderStatus::kResponder);
}

// IMMPACT (Dworkin 2008), outcome-measures.md: pain reduction of at least 30 % is moderately
// important, at least 50 % substantial; only the 0-10 pain ratings carry the tiers.
TEST(OutcomesTest, PainReductionTiersFollowImmpact) {
  auto tier = [](const char* measure, std::vector<double> values) {
    return ReadResponder({Series(measure, std::move(values))}, K()).measures.at(0).pain_reduction;
  };
  EXPECT_EQ(tier("nrs_leg", {10, 5}), PainReduction::kSubstantial);
  EXPECT_EQ(tier("nrs_leg", {10, 7}), PainReduction::kModerate);
  EXPECT_EQ(tier("nrs_back", {10, 8}), PainReduction::kNone);
  EXPECT_EQ(tier("nrs_leg", {6, 9}), PainReduction::kNone);
  EXPECT_FALSE(tier("nrs_leg", {0, 2}).has_value());
  EXPECT_FALSE(tier("odi", {60, 20}).has_value());
}

// outcome-measures.md (Ostelo 2008): the Roland-Morris change that matters is 5 points or 30 %.
TEST(OutcomesTest, RolandMorrisUsesItsOwnMinimalImportantChange) {
  EXPECT_EQ(DirectionOf("rmdq", {20, 16}), ChangeDirection::kNoMeaningfulChange);
  EXPECT_EQ(DirectionOf("rmdq", {20, 15}), ChangeDirection::kImproved);
  EXPECT_EQ(DirectionOf("rmdq", {10, 15}), ChangeDirection::kWorse);
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
