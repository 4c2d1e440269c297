// CorrectionChain and WithCorrections, pure: the chain through any member of
// it is the same, first original to latest correction, whatever order the
// corrections are listed in; an assessment never corrected is a chain of one;
// a list that loops (never stored, the database refuses it) still ends.
#include "api/assessment_corrections.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>

namespace sciaticare::api {
namespace {

store::AssessmentCorrection Link(store::Id original, store::Id correction) {
  store::AssessmentCorrection c;
  c.corrects_id = original;
  c.correction_id = correction;
  c.reason = "reason " + std::to_string(correction);
  c.corrected_by = 7;
  c.corrected_by_name = "Ana Reed";
  c.corrected_at = "2026-12-05T09:00:00Z";
  return c;
}

TEST(AssessmentCorrectionsTest, EveryMemberOfAChainReadsTheWholeChainInAnyListOrder) {
  std::vector<store::AssessmentCorrection> list = {Link(3, 5), Link(1, 3), Link(5, 9), Link(2, 4)};
  std::mt19937 random(15);
  for (int round = 0; round < 10; ++round) {
    std::shuffle(list.begin(), list.end(), random);
    for (store::Id id : {1, 3, 5, 9})
      EXPECT_EQ(CorrectionChain(id, list), (std::vector<store::Id>{1, 3, 5, 9}));
    EXPECT_EQ(CorrectionChain(4, list), (std::vector<store::Id>{2, 4}));
    EXPECT_EQ(CorrectionChain(6, list), (std::vector<store::Id>{6}));
  }
}

TEST(AssessmentCorrectionsTest, ALoopingListStillEnds) {
  const auto chain = CorrectionChain(1, {Link(1, 2), Link(2, 1)});
  EXPECT_LE(chain.size(), 3u);
}

TEST(AssessmentCorrectionsTest, EachSideNamesTheOtherWithWhoWhenAndWhy) {
  const std::vector<store::AssessmentCorrection> list = {Link(1, 3)};
  const json original = WithCorrections(json::object(), 1, list);
  EXPECT_TRUE(original["corrects"].is_null());
  EXPECT_EQ(original["corrected_by"]["assessment_id"], 3);
  EXPECT_EQ(original["corrected_by"]["reason"], "reason 3");
  EXPECT_EQ(original["corrected_by"]["by"], 7);
  EXPECT_EQ(original["corrected_by"]["by_name"], "Ana Reed");
  EXPECT_EQ(original["corrected_by"]["at"], "2026-12-05T09:00:00Z");
  const json correction = WithCorrections(json::object(), 3, list);
  EXPECT_EQ(correction["corrects"]["assessment_id"], 1);
  EXPECT_TRUE(correction["corrected_by"].is_null());
  const json alone = WithCorrections(json::object(), 2, list);
  EXPECT_TRUE(alone["corrects"].is_null());
  EXPECT_TRUE(alone["corrected_by"].is_null());
}

}  // namespace
}  // namespace sciaticare::api
