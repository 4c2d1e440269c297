// Screening answers some questions from the rest of the intake (body map, age,
// first episode), because patients may not volunteer them (NICE CKS).
#include <gtest/gtest.h>

#include "core/assessment.h"
#include "test_support.h"

namespace sciaticare {
namespace {

using testing::BaseIntake;
using testing::K;

Intake BothLegs(double onset_weeks) {
  Intake in = BaseIntake();
  in.symptoms.push_back({Region::kCalf, Side::kLeft, SymptomKind::kNumbness, std::nullopt});
  in.onset_weeks = onset_weeks;
  return in;
}

// BMJ Best Practice CES: new or worsening bilateral leg symptoms -> emergency.
TEST(DerivedFlagsTest, RecentBilateralLegSymptomsAreAnEmergency) {
  Assessment a = Assess(BothLegs(1), K());
  EXPECT_EQ(a.screening.triage, Triage::kReferEmergency);
  ASSERT_EQ(a.screening.flags.size(), 1u);
  EXPECT_TRUE(a.screening.flags[0].from_body_map);
  EXPECT_FALSE(a.plan);
}

// red-flags.md: long-standing, stable bilateral symptoms -> urgent, clinician judgement.
TEST(DerivedFlagsTest, LongStandingBilateralLegSymptomsAreUrgent) {
  Assessment a = Assess(BothLegs(52), K());
  EXPECT_EQ(a.screening.triage, Triage::kReferUrgent);
  // Answered yes by the patient, it stays an emergency whatever the onset.
  Intake answered = BothLegs(52);
  testing::SetFlag(answered, "ces_bilateral_leg_symptoms");
  EXPECT_EQ(Assess(answered, K()).screening.triage, Triage::kReferEmergency);
}

// NICE NG59 covers people aged 16 and over.
TEST(DerivedFlagsTest, UnderSixteenSeesADoctorFirst) {
  Intake in = BaseIntake();
  in.patient.age = 11;
  Assessment a = Assess(in, K());
  EXPECT_EQ(a.screening.triage, Triage::kReferRoutine);
  EXPECT_FALSE(a.plan);
  in.patient.age = 16;
  EXPECT_EQ(Assess(in, K()).screening.triage, Triage::kTreat);
}

// AHCPR 1994: age over 50 or under 20 with a first episode raises the weight of other signs.
TEST(DerivedFlagsTest, FirstEpisodeOverFiftyIsANoteThatEscalatesNightPain) {
  Intake in = BaseIntake();
  in.patient.age = 62;
  in.patient.first_episode = true;
  Assessment note = Assess(in, K());
  EXPECT_EQ(note.screening.triage, Triage::kTreat);
  ASSERT_EQ(note.screening.flags.size(), 1u);
  EXPECT_EQ(K().red_flags[note.screening.flags[0].flag].id, "ca_age_new_onset");
  testing::SetFlag(in, "ca_night_or_rest_pain");
  EXPECT_EQ(Assess(in, K()).screening.triage, Triage::kReferUrgent);
  in.patient.age = 40;
  EXPECT_EQ(Assess(in, K()).screening.triage, Triage::kReferRoutine);  // Night pain alone.
}

// Consensus (contraindications.md neuropathy row): where feeling is lost, no heat.
TEST(DerivedFlagsTest, NumbAreaMeansNoHeatAndModeratePressure) {
  Intake in = BaseIntake();
  in.symptoms.push_back({Region::kCalf, Side::kRight, SymptomKind::kNumbness, std::nullopt});
  Assessment a = Assess(in, K());
  EXPECT_TRUE(a.screening.constraints.no_heat);
  EXPECT_EQ(a.screening.constraints.cap[static_cast<std::size_t>(Region::kCalf)], 2);
  EXPECT_TRUE(a.plan->no_heat);
}

// AHCPR 1994 fracture flags: a suspected pelvic fracture is referred like a spinal one.
TEST(DerivedFlagsTest, SuspectedPelvicFractureIsReferred) {
  Intake in = BaseIntake();
  testing::AddCondition(in, "fracture_recent_or_suspected").site.Add(Region::kHip);
  EXPECT_EQ(Assess(in, K()).screening.triage, Triage::kReferUrgent);
  Intake ankle = BaseIntake();
  testing::AddCondition(ankle, "fracture_recent_or_suspected").site.Add(Region::kAnkle);
  EXPECT_EQ(Assess(ankle, K()).screening.triage, Triage::kTreatWithPrecautions);
}

TEST(DerivedFlagsTest, UnansweredCesQuestionIsAReason) {
  Intake in = BaseIntake();
  testing::SetFlag(in, "ces_bladder_dysfunction", std::nullopt);
  Assessment a = Assess(in, K());
  bool said = false;
  for (const auto& r : a.screening.reasons) said |= r.find("Not answered yet") != std::string::npos;
  EXPECT_TRUE(said);
  EXPECT_FALSE(a.plan->approval_blockers.empty());
}

// Osteoporosis: no deep pressure over bone anywhere, 2 over spine and pelvis.
TEST(DerivedFlagsTest, OsteoporosisPlansNoDeepTissue) {
  Intake in = BaseIntake();
  in.preferences.pain_tolerance = PainTolerance::kHigh;
  in.onset_weeks = 30;
  testing::AddCondition(in, "osteoporosis");
  Assessment a = Assess(in, K());
  for (const PlanItem& item : a.plan->techniques) {
    EXPECT_LE(item.pressure, 3);
    EXPECT_NE(item.technique, Technique::kDeepTissue);
  }
}

// Minutes never exceed the session, even with many techniques at their minimum.
TEST(DerivedFlagsTest, MinutesFitTheSession) {
  Intake in = BaseIntake();
  in.onset_weeks = 40;
  in.preferences.pain_tolerance = PainTolerance::kHigh;
  in.aggravated_by = {Activity::kSitting, Activity::kWalking};
  for (Region r : {Region::kLowerBack, Region::kHip, Region::kLateralThigh, Region::kPosteriorThigh,
                   Region::kAnteriorThigh, Region::kShin}) {
    in.symptoms.push_back(
        {r, r == Region::kLowerBack ? Side::kMidline : Side::kRight, SymptomKind::kPain, 8});
  }
  Assessment a = Assess(in, K());
  int total = 0;
  for (const PlanItem& item : a.plan->techniques) total += item.minutes;
  EXPECT_LE(total, a.plan->session_minutes);
}

}  // namespace
}  // namespace sciaticare
