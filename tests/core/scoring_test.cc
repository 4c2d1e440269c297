// Worked examples for every scoring rule in shared/clinical/outcome-measures.md.
#include "core/scoring.h"

#include <gtest/gtest.h>

#include "test_support.h"

namespace sciaticare {
namespace {

using testing::K;

std::array<std::optional<int>, 10> Odi(std::initializer_list<std::optional<int>> values) {
  std::array<std::optional<int>, 10> a{};
  std::size_t i = 0;
  for (auto v : values) a[i++] = v;
  return a;
}

// Fairbank & Pynsent 2000: all ten answered, 16/50 = 32%.
TEST(OdiTest, AllSectionsAnswered) {
  OdiScore s = ScoreOdi(Odi({2, 3, 1, 1, 2, 2, 1, 0, 2, 2}), K());
  EXPECT_EQ(s.answered, 10);
  EXPECT_EQ(s.sum, 16);
  ASSERT_TRUE(s.percent);
  EXPECT_DOUBLE_EQ(*s.percent, 32.0);
  EXPECT_EQ(s.band, "moderate");
}

// Fairbank scoring instructions: one section unanswered, 16/45 = 35.56 -> 35.6
// (half up; secondary copies print a truncated 35.5).
TEST(OdiTest, OneSectionUnansweredShrinksTheDenominator) {
  OdiScore s = ScoreOdi(Odi({2, 3, 1, std::nullopt, 2, 2, 1, 0, 2, 3}), K());
  EXPECT_EQ(s.answered, 9);
  ASSERT_TRUE(s.percent);
  EXPECT_DOUBLE_EQ(*s.percent, 35.6);
  EXPECT_EQ(s.band, "moderate");
}

// outcome-measures.md: 14/45 -> 31.1 (one decimal, half up).
TEST(OdiTest, RoundsToOneDecimalHalfUp) {
  OdiScore s = ScoreOdi(Odi({2, 2, 1, std::nullopt, 2, 2, 1, 0, 2, 2}), K());
  ASSERT_TRUE(s.percent);
  EXPECT_DOUBLE_EQ(*s.percent, 31.1);
}

// Product rule (unverified minimum): fewer than 8 answered sections give no score.
TEST(OdiTest, TooFewSectionsGiveNoScore) {
  OdiScore s = ScoreOdi(Odi({2, 2, 1, std::nullopt, std::nullopt, std::nullopt, 1, 0, 2, 2}), K());
  EXPECT_EQ(s.answered, 7);
  EXPECT_FALSE(s.percent);
  EXPECT_TRUE(s.band.empty());
  OdiScore none = ScoreOdi(Odi({}), K());
  EXPECT_EQ(none.answered, 0);
  EXPECT_FALSE(none.percent);
}

// Bands (Fairbank): upper bounds 20, 40, 60, 80 inclusive, from the exact value.
TEST(OdiTest, BandBoundaries) {
  struct Case {
    int sum;
    const char* band;
  } cases[] = {{0, "minimal"},    {10, "minimal"},  {11, "moderate"}, {20, "moderate"},
               {21, "severe"},    {30, "severe"},   {31, "crippled"}, {40, "crippled"},
               {41, "bed_bound"}, {50, "bed_bound"}};
  for (const Case& c : cases) {
    std::array<std::optional<int>, 10> a{};
    int left = c.sum;
    for (auto& v : a) {
      v = std::min(left, 5);
      left -= *v;
    }
    OdiScore s = ScoreOdi(a, K());
    EXPECT_EQ(s.band, c.band) << "sum " << c.sum;
    EXPECT_DOUBLE_EQ(*s.percent, c.sum * 2.0);
  }
}

// With 9 answered, 18/45 = 40.0 exactly stays moderate.
TEST(OdiTest, BoundaryWithNineSections) {
  OdiScore s = ScoreOdi(Odi({2, 2, 2, 2, 2, 2, 2, 2, 2, std::nullopt}), K());
  EXPECT_DOUBLE_EQ(*s.percent, 40.0);
  EXPECT_EQ(s.band, "moderate");
}

// Patrick 1995; Haugen 2011 (range 0-24, success <= 6.5); Grovle 2013 (item bothersome at 4-6).
TEST(SbiTest, TotalBothersomeItemsAndSuccess) {
  SbiScore s = ScoreSbi({3, 2, 1, 4}, K());
  EXPECT_EQ(s.total, 10);
  EXPECT_EQ(s.bothersome_items, std::vector<int>({4}));
  EXPECT_EQ(s.success, false);
  SbiScore low = ScoreSbi({2, 2, 1, 1}, K());
  EXPECT_EQ(low.total, 6);
  EXPECT_EQ(low.success, true);
  SbiScore top = ScoreSbi({6, 6, 6, 6}, K());
  EXPECT_EQ(top.total, 24);
}

// outcome-measures.md: no total when any item is missing.
TEST(SbiTest, MissingItemGivesNoTotal) {
  SbiScore s = ScoreSbi({3, std::nullopt, 1, 4}, K());
  EXPECT_FALSE(s.total);
  EXPECT_FALSE(s.success);
}

// Hill 2008: total <= 3 low; >= 4 with psychosocial <= 3 medium; psychosocial >= 4 high.
// Item 9 scores 1 only for "very much" (3) or "extremely" (4).
TEST(StartBackTest, RiskGroups) {
  StartBackScore low = ScoreStartBack({1, 1, 0, 0, 0, 0, 0, 0, 4}, K());
  EXPECT_EQ(low.total, 3);
  EXPECT_EQ(low.psychosocial, 1);
  EXPECT_EQ(low.risk, "low");

  StartBackScore medium = ScoreStartBack({1, 1, 1, 1, 1, 0, 0, 0, 2}, K());
  EXPECT_EQ(medium.total, 5);
  EXPECT_EQ(medium.psychosocial, 1);
  EXPECT_EQ(medium.risk, "medium");

  StartBackScore medium_edge = ScoreStartBack({0, 0, 0, 0, 1, 1, 1, 0, 3}, K());
  EXPECT_EQ(medium_edge.total, 4);
  EXPECT_EQ(medium_edge.psychosocial, 4);
  EXPECT_EQ(medium_edge.risk, "high");

  StartBackScore high = ScoreStartBack({1, 1, 1, 1, 1, 1, 1, 1, 4}, K());
  EXPECT_EQ(high.total, 9);
  EXPECT_EQ(high.psychosocial, 5);
  EXPECT_EQ(high.risk, "high");
}

TEST(StartBackTest, ItemNineThreshold) {
  for (int answer = 0; answer <= 4; ++answer) {
    StartBackScore s = ScoreStartBack({0, 0, 0, 0, 0, 0, 0, 0, answer}, K());
    EXPECT_EQ(s.total, answer >= 3 ? 1 : 0) << answer;
  }
}

// Total 4 with psychosocial 3 is medium (subscale <= 3).
TEST(StartBackTest, MediumWhenPsychosocialIsThree) {
  StartBackScore s = ScoreStartBack({1, 0, 0, 0, 1, 1, 1, 0, 0}, K());
  EXPECT_EQ(s.total, 4);
  EXPECT_EQ(s.psychosocial, 3);
  EXPECT_EQ(s.risk, "medium");
}

TEST(StartBackTest, IncompleteGivesNoRisk) {
  StartBackScore s = ScoreStartBack({1, 1, std::nullopt, 0, 0, 0, 0, 0, 4}, K());
  EXPECT_FALSE(s.total);
  EXPECT_TRUE(s.risk.empty());
}

// Roland & Morris 1983: count of ticked statements; unanswered scores 0.
TEST(RmdqTest, CountsTicks) {
  std::array<std::optional<int>, 24> a{};
  EXPECT_EQ(ScoreRmdq(a).total, 0);
  for (std::size_t i = 0; i < 24; i += 2) a[i] = 1;
  a[1] = 0;
  EXPECT_EQ(ScoreRmdq(a).total, 12);
  a.fill(1);
  EXPECT_EQ(ScoreRmdq(a).total, 24);
}

TEST(ScoreQuestionnairesTest, OnlyGivenQuestionnairesAreScored) {
  Questionnaires q;
  q.nrs_leg = 6;
  Scores s = ScoreQuestionnaires(q, K());
  EXPECT_EQ(s.nrs_leg, 6);
  EXPECT_FALSE(s.nrs_back);
  EXPECT_FALSE(s.odi);
  EXPECT_FALSE(s.sbi);
  EXPECT_FALSE(s.startback);
  EXPECT_FALSE(s.rmdq);
}

}  // namespace
}  // namespace sciaticare
