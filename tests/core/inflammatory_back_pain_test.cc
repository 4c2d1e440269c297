// Inflammatory back pain asked with its features instead of one yes/no
// question. Source: /work/shared/clinical/red-flags.md, "Inflammatory back
// pain (axial spondyloarthritis)", row inflam_back_pain_pattern (NICE NG65,
// 2017): positive when the pain began before 45 and has lasted over 3
// months, and at least 3 of the 9 listed features apply; routine_gp.
#include <gtest/gtest.h>

#include <algorithm>
#include <bit>

#include "codec/intake_json.h"
#include "core/assessment.h"
#include "test_support.h"

namespace sciaticare {
namespace {

using testing::BaseIntake;
using testing::K;

bool Flagged(const Screening& s) {
  return std::any_of(s.flags.begin(), s.flags.end(),
                     [](const PositiveFlag& f) { return f.flag == K().inflammatory.flag; });
}

// The answers with the two entry conditions and the features whose bits are
// set in `mask` answered yes, every other one no.
InflammatoryAnswers Answers(bool before_45, bool over_3_months, unsigned mask) {
  InflammatoryAnswers a;
  a.entry = {before_45, over_3_months};
  for (std::size_t i = 0; i < K().inflammatory.features.size(); ++i)
    a.features.push_back(((mask >> i) & 1u) != 0);
  return a;
}

TEST(InflammatoryBackPainTest, KnowledgeHoldsTheReferenceCriteria) {
  EXPECT_EQ(K().red_flags[K().inflammatory.flag].id, "inflam_back_pain_pattern");
  EXPECT_EQ(K().inflammatory.entry.size(), 2u);
  EXPECT_EQ(K().inflammatory.features.size(), 9u);
  EXPECT_EQ(K().inflammatory.min_features, 3);
}

// Model-based: every combination of the two entry answers and the nine
// features against the rule as the reference states it.
TEST(InflammatoryBackPainTest, EveryCombinationFollowsTheNg65Rule) {
  const unsigned combinations = 1u << K().inflammatory.features.size();
  for (int entry = 0; entry < 4; ++entry) {
    for (unsigned mask = 0; mask < combinations; ++mask) {
      Intake in = BaseIntake();
      in.inflammatory_back_pain = Answers(entry & 1, entry & 2, mask);
      const Screening s = Assess(in, K()).screening;
      const bool expected = entry == 3 && std::popcount(mask) >= 3;
      ASSERT_EQ(Flagged(s), expected) << "entry " << entry << " features " << mask;
      if (expected) {
        EXPECT_EQ(s.triage, Triage::kReferRoutine);
      } else {
        EXPECT_FALSE(IsReferral(s.triage));
      }
    }
  }
}

// Stored intakes answered the single question; a "yes" there is never
// discarded, and features that do not meet the rule do not clear it.
TEST(InflammatoryBackPainTest, TheOlderSingleAnswerIsStillAccepted) {
  Intake old_yes = BaseIntake();
  testing::SetFlag(old_yes, "inflam_back_pain_pattern", true);
  EXPECT_TRUE(Flagged(Assess(old_yes, K()).screening));
  old_yes.inflammatory_back_pain = Answers(true, true, 0b11);  // Two features only.
  EXPECT_TRUE(Flagged(Assess(old_yes, K()).screening));

  Intake old_no = BaseIntake();
  testing::SetFlag(old_no, "inflam_back_pain_pattern", false);
  EXPECT_FALSE(Flagged(Assess(old_no, K()).screening));
  old_no.inflammatory_back_pain = Answers(true, true, 0b111);
  EXPECT_TRUE(Flagged(Assess(old_no, K()).screening));
}

TEST(InflammatoryBackPainTest, UnansweredFeaturesAreNotCountedAsYes) {
  Intake in = BaseIntake();
  InflammatoryAnswers a;
  a.entry = {true, std::nullopt};
  a.features = {true, true, true};
  in.inflammatory_back_pain = a;
  EXPECT_FALSE(Flagged(Assess(in, K()).screening));
  in.inflammatory_back_pain->entry[1] = true;
  EXPECT_TRUE(Flagged(Assess(in, K()).screening));
}

TEST(InflammatoryBackPainTest, IntakeDocumentAnswersByIdAndRefusesUnknownOnes) {
  const std::string base =
      R"({"patient":{"age":30,"sex":"male"},)"
      R"("symptoms":[{"region":"lower_back","side":"midline","kind":"pain","intensity":4}],)";
  Result<Intake> ok = ParseIntakeJson(
      base + R"("inflammatory_back_pain":{"began_before_45":true,"lasted_over_3_months":true,)"
             R"("wakes_second_half_of_night":true,"buttock_pain":true,"psoriasis":true,)"
             R"("arthritis":null}})",
      K());
  ASSERT_TRUE(ok) << ok.error().ToString();
  EXPECT_TRUE(Flagged(Assess(ok.value(), K()).screening));

  Result<Intake> unknown =
      ParseIntakeJson(base + R"("inflammatory_back_pain":{"morning_stiffness":true}})", K());
  ASSERT_FALSE(unknown);
  EXPECT_EQ(unknown.error().field, "inflammatory_back_pain.morning_stiffness");
  Result<Intake> not_bool =
      ParseIntakeJson(base + R"("inflammatory_back_pain":{"psoriasis":"yes"}})", K());
  ASSERT_FALSE(not_bool);
  EXPECT_EQ(not_bool.error().field, "inflammatory_back_pain.psoriasis");
  Result<Intake> not_object = ParseIntakeJson(base + R"("inflammatory_back_pain":[true]})", K());
  ASSERT_FALSE(not_object);
  EXPECT_EQ(not_object.error().field, "inflammatory_back_pain");
}

}  // namespace
}  // namespace sciaticare
