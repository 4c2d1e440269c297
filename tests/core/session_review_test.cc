// Session review: work recorded in a session note is checked against the
// patient's screening with the same rules and words as plan review (issue:
// session notes deviating from screening). Sources are cited per rule in
// docs/clinical-rules.md.
#include "core/session_review.h"

#include <gtest/gtest.h>

#include "core/assessment.h"
#include "test_support.h"

namespace sciaticare {
namespace {

using testing::AddCondition;
using testing::BaseIntake;
using testing::K;

bool Mentions(const std::vector<Error>& departures, const std::string& field,
              const std::string& words) {
  for (const Error& e : departures) {
    if (e.field == field && e.message.find(words) != std::string::npos) return true;
  }
  return false;
}

Screening ScreenWith(const char* condition) {
  Intake in = BaseIntake();
  if (condition) AddCondition(in, condition);
  return Assess(in, K()).screening;
}

TEST(SessionReviewTest, WorkWithinScreeningHasNoDepartures) {
  SessionWork work;
  work.techniques = {{Technique::kSwedish, Region::kLowerBack, Side::kBoth, 2, {}, {}},
                     {Technique::kDeepTissue, Region::kButtock, Side::kLeft, 4, {}, {}}};
  work.oils_used = true;
  EXPECT_TRUE(ReviewSessionWork(work, ScreenWith(nullptr)).empty());
}

// contraindications.md anticoagulant row: pressure capped at 2, deep tissue
// left out (Ernst 2003 Rheumatology 42:1101; the cap is a product rule).
TEST(SessionReviewTest, PressureAboveTheCapAndAnExcludedTechniqueAreDepartures) {
  Screening s = ScreenWith("anticoagulant_or_bleeding_disorder");
  SessionWork work;
  work.techniques = {{Technique::kSwedish, Region::kLowerBack, Side::kBoth, 2, {}, {}},
                     {Technique::kDeepTissue, Region::kButtock, Side::kLeft, 3, {}, {}}};
  auto departures = ReviewSessionWork(work, s);
  EXPECT_TRUE(Mentions(departures, "techniques[1].technique", "deep_tissue is left out"));
  EXPECT_TRUE(Mentions(departures, "techniques[1].pressure", "above the limit of 2"));
  EXPECT_TRUE(Mentions(departures, "techniques[1].pressure", "blood thinners"));
  for (const Error& e : departures) EXPECT_EQ(e.field.rfind("techniques[1]", 0), 0u) << e.field;
}

// contraindications.md pregnancy row: legs avoided, no oils (Sutham 2020).
TEST(SessionReviewTest, AvoidedRegionAndOilsArePregnancyDepartures) {
  Intake in = BaseIntake();
  in.patient.pregnant = true;
  Screening s = Assess(in, K()).screening;
  SessionWork work;
  work.techniques = {{Technique::kSwedish, Region::kCalf, Side::kRight, 1, {}, {}}};
  work.oils_used = true;
  auto departures = ReviewSessionWork(work, s);
  EXPECT_TRUE(Mentions(departures, "techniques[0].region", "pregnancy"));
  EXPECT_TRUE(Mentions(departures, "oils_used", "not allowed"));
}

TEST(SessionReviewTest, BothSidesOfARegionAvoidedOnOneSideIsADeparture) {
  Intake in = BaseIntake();
  ConditionReport& r = AddCondition(in, "varicose_veins");
  r.site.Add(Region::kCalf);
  r.side = Side::kRight;
  Screening s = Assess(in, K()).screening;
  SessionWork work;
  work.techniques = {{Technique::kSwedish, Region::kCalf, Side::kLeft, 1, {}, {}}};
  EXPECT_TRUE(ReviewSessionWork(work, s).empty());
  work.techniques[0].side = Side::kBoth;
  EXPECT_TRUE(Mentions(ReviewSessionWork(work, s), "techniques[0].region", "must be avoided"));
}

// contraindications.md, dvt_history_on_treatment "avoid_region(affected limb)": with a clot
// reported in the right calf, work recorded on the right thigh or foot is a departure.
TEST(SessionReviewTest, WorkAnywhereOnALegWithAPastClotIsADeparture) {
  Intake in = BaseIntake();
  ConditionReport& r = AddCondition(in, "dvt_history_on_treatment");
  r.site.Add(Region::kCalf);
  r.side = Side::kRight;
  Screening s = Assess(in, K()).screening;
  SessionWork work;
  work.techniques = {{Technique::kSwedish, Region::kAnteriorThigh, Side::kRight, 1, {}, {}},
                     {Technique::kSwedish, Region::kFootSole, Side::kRight, 1, {}, {}},
                     {Technique::kSwedish, Region::kAnteriorThigh, Side::kLeft, 1, {}, {}}};
  auto departures = ReviewSessionWork(work, s);
  EXPECT_TRUE(Mentions(departures, "techniques[0].region", "must be avoided"));
  EXPECT_TRUE(Mentions(departures, "techniques[1].region", "must be avoided"));
  EXPECT_EQ(departures.size(), 2u);
}

// red-flags.md: a red flag means refer, do not treat; recording that the
// patient was sent on, with no hands-on work, is not a departure.
TEST(SessionReviewTest, AnyTechniqueForAReferredPatientIsADeparture) {
  Intake in = BaseIntake();
  testing::SetFlag(in, "ces_saddle_anaesthesia");
  Screening s = Assess(in, K()).screening;
  ASSERT_TRUE(IsReferral(s.triage));
  SessionWork work;
  EXPECT_TRUE(ReviewSessionWork(work, s).empty());
  work.techniques = {{Technique::kSwedish, Region::kLowerBack, Side::kBoth, 1, {}, {}}};
  EXPECT_TRUE(
      Mentions(ReviewSessionWork(work, s), "techniques", "refers the patient (refer_emergency)"));
}

// A row naming several regions is reviewed per region: each region's
// departure sits at that region's place in the row, the row's technique and
// pressure at the row, and one finding at one field is listed once.
TEST(SessionReviewTest, ARowOfSeveralRegionsIsReviewedAtEachRegionAndListedOnce) {
  Intake in = BaseIntake();
  ConditionReport& r = AddCondition(in, "dvt_history_on_treatment");
  r.site.Add(Region::kCalf);
  r.side = Side::kRight;
  AddCondition(in, "anticoagulant_or_bleeding_disorder");
  Screening s = Assess(in, K()).screening;
  SessionWork work;
  const std::string row = "techniques[0]";
  work.techniques = {
      {Technique::kDeepTissue, Region::kLowerBack, Side::kBoth, 4, row, row + ".targets[0]"},
      {Technique::kDeepTissue, Region::kCalf, Side::kRight, 4, row, row + ".targets[1]"},
      {Technique::kDeepTissue, Region::kCalf, Side::kLeft, 4, row, row + ".targets[2]"}};
  auto departures = ReviewSessionWork(work, s);
  EXPECT_TRUE(Mentions(departures, "techniques[0].targets[1].region", "must be avoided"));
  EXPECT_FALSE(Mentions(departures, "techniques[0].targets[2].region", ""));
  EXPECT_TRUE(Mentions(departures, "techniques[0].technique", "deep_tissue is left out"));
  EXPECT_TRUE(Mentions(departures, "techniques[0].pressure", "above the limit of 2"));
  for (std::size_t i = 0; i < departures.size(); ++i) {
    for (std::size_t j = i + 1; j < departures.size(); ++j) {
      EXPECT_FALSE(departures[i].field == departures[j].field &&
                   departures[i].message == departures[j].message)
          << departures[i].field << ": " << departures[i].message;
    }
  }
}

}  // namespace
}  // namespace sciaticare
