// Screening: every red flag and every contraindication in knowledge/*.json, checked
// against the rules in shared/clinical/red-flags.md and contraindications.md.
#include "core/screening.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include "core/assessment.h"
#include "core/body_pattern.h"
#include "reference_ids.h"
#include "test_support.h"

namespace sciaticare {
namespace {

using testing::AddCondition;
using testing::BaseIntake;
using testing::K;
using testing::kReferenceConditions;
using testing::SetFlag;

Screening ScreenIntake(const Intake& in) {
  return Screen(in, ReadBodyPattern(in.symptoms, K()), K());
}

std::size_t Idx(Region r) { return static_cast<std::size_t>(r); }
std::size_t Idx(Technique t) { return static_cast<std::size_t>(t); }

const PositiveFlag* FindFlag(const Screening& s, const std::string& id) {
  const int flag = K().FindRedFlag(id);
  for (const PositiveFlag& f : s.flags) {
    if (f.flag == flag) return &f;
  }
  return nullptr;
}

bool HasCondition(const Screening& s, const std::string& id, bool* derived = nullptr) {
  const int condition = K().FindCondition(id);
  for (const ActiveCondition& c : s.conditions) {
    if (c.condition == condition) {
      if (derived) *derived = c.derived;
      return true;
    }
  }
  return false;
}

bool HasClearance(const Screening& s, const std::string& by) {
  return std::any_of(s.constraints.clearances.begin(), s.constraints.clearances.end(),
                     [&](const std::string& c) { return c.rfind(by + " clearance", 0) == 0; });
}

bool HasCautionContaining(const Screening& s, const std::string& text) {
  return std::any_of(s.constraints.cautions.begin(), s.constraints.cautions.end(),
                     [&](const std::string& c) { return c.find(text) != std::string::npos; });
}

RegionSet Set(std::initializer_list<Region> regions) {
  RegionSet s;
  for (Region r : regions) s.Add(r);
  return s;
}

const RegionSet kLegs =
    Set({Region::kAnteriorThigh, Region::kLateralThigh, Region::kPosteriorThigh, Region::kKnee,
         Region::kShin, Region::kCalf, Region::kAnkle, Region::kFootTop, Region::kFootSole,
         Region::kFootLateral, Region::kBigToe, Region::kLittleToe});

// A clean intake with high tolerance, so personal caps stay at 5 and only the
// condition under test lowers them.
Intake CleanHighTolerance() {
  Intake in = BaseIntake();
  in.preferences.pain_tolerance = PainTolerance::kHigh;
  return in;
}

// ---------------------------------------------------------------------------
// Baseline.

// red-flags.md: no flag and no contraindication -> treat, nobody referred.
TEST(ScreeningTest, CleanIntakeIsTreatedWithoutReferral) {
  Screening s = ScreenIntake(BaseIntake());
  EXPECT_EQ(s.triage, Triage::kTreat);
  EXPECT_TRUE(s.flags.empty());
  EXPECT_TRUE(s.conditions.empty());
  EXPECT_TRUE(s.referral_action.empty());
  EXPECT_TRUE(s.unanswered_ces_flags.empty());
  EXPECT_FALSE(s.reasons.empty());
}

// red-flags.md, "Any positive flag blocks the massage plan": a "no" answer does nothing.
TEST(ScreeningTest, FlagAnsweredNoHasNoEffect) {
  Intake in = BaseIntake();
  for (const RedFlagDef& def : K().red_flags) SetFlag(in, def.id, false);
  Screening s = ScreenIntake(in);
  EXPECT_EQ(s.triage, Triage::kTreat);
  EXPECT_TRUE(s.flags.empty());
  EXPECT_TRUE(s.unanswered_ces_flags.empty());
}

// ---------------------------------------------------------------------------
// Every red flag alone.

struct FlagCase {
  const char* id;
  Urgency urgency;
  const char* source;
};

// Urgencies copied from the flag tables of red-flags.md (the reference, not the JSON).
const FlagCase kFlagCases[] = {
    {"ces_saddle_anaesthesia", Urgency::kEmergency, "BMJ Best Practice CES; AHCPR 1994 Table 1"},
    {"ces_bladder_dysfunction", Urgency::kEmergency, "BMJ Best Practice CES; AHCPR 1994 Table 1"},
    {"ces_bowel_dysfunction", Urgency::kEmergency, "BMJ Best Practice CES"},
    {"ces_sexual_dysfunction", Urgency::kEmergency, "BMJ Best Practice CES"},
    {"ces_bilateral_leg_symptoms", Urgency::kEmergency, "BMJ Best Practice CES; Eur Spine J 2011"},
    {"ces_progressive_bilateral_deficit", Urgency::kEmergency, "BMJ Best Practice CES"},
    {"ces_exam_anal_tone_perineal_loss", Urgency::kEmergency, "BMJ Best Practice CES"},
    {"neuro_foot_drop_or_major_weakness", Urgency::kUrgent, "AHCPR 1994 Table 1"},
    {"neuro_rapidly_progressing_deficit", Urgency::kUrgent, "AHCPR 1994 Table 1"},
    {"neuro_widespread_or_gait", Urgency::kEmergency, "RCEM red flags via GPnotebook"},
    {"ca_history_of_cancer", Urgency::kUrgent, "NICE CKS Sciatica; AHCPR 1994"},
    {"ca_unexplained_weight_loss", Urgency::kUrgent, "AHCPR 1994 Table 1"},
    {"ca_night_or_rest_pain", Urgency::kRoutineGp, "AHCPR 1994 Table 1"},
    {"ca_age_new_onset", Urgency::kNote, "AHCPR 1994 Table 1"},
    {"ca_thoracic_pain", Urgency::kRoutineGp, "RCEM Learning red flags"},
    {"inf_fever_unwell", Urgency::kUrgent, "AHCPR 1994 Table 1"},
    {"inf_risk_ivdu", Urgency::kRoutineGp, "AHCPR 1994 Table 1"},
    {"inf_immunosuppressed", Urgency::kRoutineGp, "AHCPR 1994 Table 1"},
    {"inf_recent_infection_or_procedure", Urgency::kRoutineGp, "AHCPR 1994 Table 1"},
    {"fx_major_trauma", Urgency::kUrgent, "AHCPR 1994 Table 1 (not recent: onset 8 weeks)"},
    {"fx_minor_trauma_osteoporosis", Urgency::kUrgent, "Henschke 2009; Downie 2013"},
    {"fx_long_term_steroids", Urgency::kRoutineGp, "ISCD/IOF FRAX 2011; Henschke 2009"},
    {"inflam_back_pain_pattern", Urgency::kRoutineGp, "NICE NG65 via BJGP 2018"},
    {"vasc_dvt_suspected", Urgency::kUrgent, "Ernst 2003; Sutham 2020"},
    {"vasc_aaa_or_visceral", Urgency::kEmergency, "NICE NG156 1.1; RCEM Learning"},
    {"persistent_not_improving", Urgency::kRoutineGp, "GP Reasoning sciatica algorithm"},
};

Triage ExpectedTriage(Urgency u) {
  switch (u) {
    case Urgency::kEmergency:
      return Triage::kReferEmergency;
    case Urgency::kUrgent:
      return Triage::kReferUrgent;
    case Urgency::kRoutineGp:
      return Triage::kReferRoutine;
    case Urgency::kNote:
      return Triage::kTreat;
  }
  return Triage::kTreat;
}

// red-flags.md flag tables: the table covers every flag the knowledge defines.
TEST(RedFlagTest, TableCoversEveryFlagInKnowledge) {
  std::set<std::string> table;
  for (const FlagCase& c : kFlagCases) table.insert(c.id);
  std::set<std::string> knowledge;
  for (const RedFlagDef& def : K().red_flags) knowledge.insert(def.id);
  EXPECT_EQ(table, knowledge);
}

// red-flags.md, flag tables: the urgent flags whose action reads "urgent same day" (foot
// drop, fever with back pain, suspected clot). Every other urgent flag is today or tomorrow.
bool IsSameDayFlag(const std::string& id) {
  return id == "neuro_foot_drop_or_major_weakness" || id == "inf_fever_unwell" ||
         id == "vasc_dvt_suspected";
}

const UrgencyInfo& UrgentInfo() {
  return K().urgencies[static_cast<std::size_t>(Urgency::kUrgent)];
}

// red-flags.md, per-flag "action" column: each flag alone gives its own triage.
TEST(RedFlagTest, EachFlagAloneGivesItsTriage) {
  for (const FlagCase& c : kFlagCases) {
    SCOPED_TRACE(std::string(c.id) + " (" + c.source + ")");
    Intake in = BaseIntake();  // Onset 8 weeks, worst pain 5: no recent-severe escalation.
    SetFlag(in, c.id);
    Screening s = ScreenIntake(in);
    EXPECT_EQ(s.triage, ExpectedTriage(c.urgency)) << Name(s.triage);
    const PositiveFlag* f = FindFlag(s, c.id);
    ASSERT_NE(f, nullptr);
    EXPECT_EQ(f->urgency, c.urgency);
    EXPECT_FALSE(f->from_body_map);
    EXPECT_EQ(s.flags.size(), 1u);
    if (c.urgency == Urgency::kNote) {
      EXPECT_FALSE(IsReferral(s.triage));
      EXPECT_TRUE(s.referral_action.empty());
      ASSERT_FALSE(s.reasons.empty());
      EXPECT_EQ(s.reasons.front().rfind("Note: ", 0), 0u) << s.reasons.front();
      EXPECT_TRUE(Assess(in, K()).plan.has_value());
    } else {
      EXPECT_TRUE(IsReferral(s.triage));
      const UrgencyInfo& info = K().urgencies[static_cast<std::size_t>(c.urgency)];
      EXPECT_EQ(s.referral_action, IsSameDayFlag(c.id) ? info.same_day_action : info.action);
      ASSERT_FALSE(s.reasons.empty());
      EXPECT_EQ(s.reasons.front().rfind("Red flag: ", 0), 0u) << s.reasons.front();
      EXPECT_FALSE(Assess(in, K()).plan.has_value());
    }
  }
}

// red-flags.md urgency table: the triage name of each urgency matches its data enum.
TEST(RedFlagTest, UrgencyTriageNamesMatchReference) {
  EXPECT_EQ(K().urgencies[static_cast<std::size_t>(Urgency::kRoutineGp)].triage, "refer_routine");
  EXPECT_EQ(K().urgencies[static_cast<std::size_t>(Urgency::kUrgent)].triage, "refer_urgent");
  EXPECT_EQ(K().urgencies[static_cast<std::size_t>(Urgency::kEmergency)].triage, "refer_emergency");
  EXPECT_EQ(Name(Triage::kReferRoutine), "refer_routine");
  EXPECT_EQ(Name(Triage::kReferUrgent), "refer_urgent");
  EXPECT_EQ(Name(Triage::kReferEmergency), "refer_emergency");
}

// red-flags.md ("urgent same day" for foot drop, fever and a suspected clot): the referral
// wording for those flags tells the patient to see a doctor today, apart from the
// "today or tomorrow" wording of the other urgent flags.
TEST(RedFlagTest, SameDayFlagsTellThePatientToSeeADoctorToday) {
  ASSERT_NE(UrgentInfo().same_day_action, UrgentInfo().action);
  for (const char* id :
       {"neuro_foot_drop_or_major_weakness", "inf_fever_unwell", "vasc_dvt_suspected"}) {
    SCOPED_TRACE(id);
    Intake in = BaseIntake();
    SetFlag(in, id);
    Screening s = ScreenIntake(in);
    EXPECT_EQ(s.triage, Triage::kReferUrgent);
    EXPECT_NE(s.referral_action.find("today"), std::string::npos) << s.referral_action;
    EXPECT_EQ(s.referral_action.find("today or tomorrow"), std::string::npos) << s.referral_action;
    // Another urgent flag beside it does not soften the wording.
    SetFlag(in, "neuro_rapidly_progressing_deficit");
    EXPECT_EQ(ScreenIntake(in).referral_action, UrgentInfo().same_day_action);
  }
  Intake other = BaseIntake();
  SetFlag(other, "neuro_rapidly_progressing_deficit");
  EXPECT_EQ(ScreenIntake(other).referral_action, UrgentInfo().action);
  // An emergency outranks a same-day flag, so the wording is the emergency's.
  SetFlag(other, "vasc_dvt_suspected");
  SetFlag(other, "ces_saddle_anaesthesia");
  EXPECT_EQ(ScreenIntake(other).referral_action,
            K().urgencies[static_cast<std::size_t>(Urgency::kEmergency)].action);
}

// contraindications.md dvt_suspected_or_active: "refer same day", the same wording as the
// red flag for a suspected clot.
TEST(ContraindicationTest, SuspectedClotConditionRefersSameDay) {
  Intake in = BaseIntake();
  AddCondition(in, "dvt_suspected_or_active");
  EXPECT_EQ(ScreenIntake(in).referral_action, UrgentInfo().same_day_action);
}

// ---------------------------------------------------------------------------
// Escalations.

// AHCPR 1994 Table 1; red-flags.md: night/rest pain with another cancer flag -> urgent.
TEST(RedFlagEscalationTest, NightPainWithCancerHistoryIsUrgent) {
  Intake in = BaseIntake();
  SetFlag(in, "ca_night_or_rest_pain");
  SetFlag(in, "ca_history_of_cancer");
  Screening s = ScreenIntake(in);
  EXPECT_EQ(s.triage, Triage::kReferUrgent);
  EXPECT_EQ(FindFlag(s, "ca_night_or_rest_pain")->urgency, Urgency::kUrgent);
}

// AHCPR 1994 Table 1; red-flags.md: night pain + another cancer flag that is only routine ->
// urgent.
TEST(RedFlagEscalationTest, NightPainWithThoracicPainIsUrgent) {
  Intake in = BaseIntake();
  SetFlag(in, "ca_night_or_rest_pain");
  SetFlag(in, "ca_thoracic_pain");
  Screening s = ScreenIntake(in);
  EXPECT_EQ(s.triage, Triage::kReferUrgent);
  EXPECT_EQ(FindFlag(s, "ca_night_or_rest_pain")->urgency, Urgency::kUrgent);
  EXPECT_EQ(FindFlag(s, "ca_thoracic_pain")->urgency, Urgency::kRoutineGp);
}

// AHCPR 1994 Table 1 (age >50 + night pain); red-flags.md: age note "combine with other flags".
TEST(RedFlagEscalationTest, NightPainWithAgeNoteIsUrgent) {
  Intake in = BaseIntake();
  SetFlag(in, "ca_night_or_rest_pain");
  SetFlag(in, "ca_age_new_onset");
  Screening s = ScreenIntake(in);
  EXPECT_EQ(s.triage, Triage::kReferUrgent);
  EXPECT_EQ(FindFlag(s, "ca_age_new_onset")->urgency, Urgency::kNote);
}

// AHCPR 1994 Table 1; red-flags.md: night pain "urgent when combined with any ... infection flag".
TEST(RedFlagEscalationTest, NightPainWithInfectionFlagIsUrgent) {
  for (const char* other :
       {"inf_risk_ivdu", "inf_immunosuppressed", "inf_recent_infection_or_procedure"}) {
    SCOPED_TRACE(other);
    Intake in = BaseIntake();
    SetFlag(in, "ca_night_or_rest_pain");
    SetFlag(in, other);
    Screening s = ScreenIntake(in);
    EXPECT_EQ(s.triage, Triage::kReferUrgent);
    EXPECT_EQ(FindFlag(s, "ca_night_or_rest_pain")->urgency, Urgency::kUrgent);
  }
}

// AHCPR 1994 Table 1; red-flags.md: two routine flags outside the escalation groups stay routine.
TEST(RedFlagEscalationTest, UnrelatedRoutineFlagsStayRoutine) {
  Intake in = BaseIntake();
  SetFlag(in, "ca_night_or_rest_pain");
  SetFlag(in, "inflam_back_pain_pattern");
  SetFlag(in, "persistent_not_improving");
  EXPECT_EQ(ScreenIntake(in).triage, Triage::kReferRoutine);
}

// AHCPR 1994 Table 1; BMJ Best Practice CES: spreading deficit with any CES flag -> emergency.
TEST(RedFlagEscalationTest, RapidlyProgressingDeficitWithAnyCesFlagIsEmergency) {
  int ces_flags = 0;
  for (const RedFlagDef& def : K().red_flags) {
    if (def.group != "ces") continue;
    ++ces_flags;
    SCOPED_TRACE(def.id);
    Intake in = BaseIntake();
    SetFlag(in, "neuro_rapidly_progressing_deficit");
    SetFlag(in, def.id);
    Screening s = ScreenIntake(in);
    EXPECT_EQ(s.triage, Triage::kReferEmergency);
    EXPECT_EQ(FindFlag(s, "neuro_rapidly_progressing_deficit")->urgency, Urgency::kEmergency);
  }
  EXPECT_EQ(ces_flags, 7);
}

// red-flags.md: neuro_rapidly_progressing_deficit -> emergency "if any CES flag or both legs".
TEST(RedFlagEscalationTest, RapidlyProgressingDeficitWithBothLegsOnBodyMapIsEmergency) {
  Intake in = BaseIntake();
  in.symptoms.push_back({Region::kCalf, Side::kLeft, SymptomKind::kNumbness, std::nullopt});
  SetFlag(in, "neuro_rapidly_progressing_deficit");
  Screening s = ScreenIntake(in);
  EXPECT_EQ(s.triage, Triage::kReferEmergency);
  EXPECT_EQ(FindFlag(s, "neuro_rapidly_progressing_deficit")->urgency, Urgency::kEmergency);
}

// AHCPR 1994 Table 1; red-flags.md: the neuro flag is not escalated by a non-CES flag.
TEST(RedFlagEscalationTest, RapidlyProgressingDeficitWithNonCesFlagStaysUrgent) {
  Intake in = BaseIntake();
  SetFlag(in, "neuro_rapidly_progressing_deficit");
  SetFlag(in, "neuro_foot_drop_or_major_weakness");
  Screening s = ScreenIntake(in);
  EXPECT_EQ(s.triage, Triage::kReferUrgent);
  EXPECT_EQ(FindFlag(s, "neuro_rapidly_progressing_deficit")->urgency, Urgency::kUrgent);
}

// AHCPR 1994 Table 1; red-flags.md: infection risk flags with fever/unwell -> urgent.
TEST(RedFlagEscalationTest, InfectionRiskWithFeverIsUrgent) {
  for (const char* risk :
       {"inf_risk_ivdu", "inf_immunosuppressed", "inf_recent_infection_or_procedure"}) {
    SCOPED_TRACE(risk);
    Intake in = BaseIntake();
    SetFlag(in, risk);
    SetFlag(in, "inf_fever_unwell");
    Screening s = ScreenIntake(in);
    EXPECT_EQ(s.triage, Triage::kReferUrgent);
    EXPECT_EQ(FindFlag(s, risk)->urgency, Urgency::kUrgent);
  }
}

// AHCPR 1994 Table 1; red-flags.md: infection risk flags escalate only with fever, not each other.
TEST(RedFlagEscalationTest, InfectionRiskFlagsWithoutFeverStayRoutine) {
  Intake in = BaseIntake();
  SetFlag(in, "inf_risk_ivdu");
  SetFlag(in, "inf_immunosuppressed");
  Screening s = ScreenIntake(in);
  EXPECT_EQ(s.triage, Triage::kReferRoutine);
  EXPECT_EQ(FindFlag(s, "inf_risk_ivdu")->urgency, Urgency::kRoutineGp);
}

struct TraumaCase {
  std::optional<double> onset_weeks;
  int pain;
  Urgency expected;
};

// AHCPR 1994 Table 1; Henschke 2009: major trauma recent (<=2 weeks) and pain >=7 -> emergency.
TEST(RedFlagEscalationTest, MajorTraumaRecentAndSevereIsEmergency) {
  const TraumaCase cases[] = {
      {0.5, 8, Urgency::kEmergency}, {2.0, 7, Urgency::kEmergency},
      {2.5, 9, Urgency::kUrgent},    {1.0, 6, Urgency::kUrgent},
      {8.0, 10, Urgency::kUrgent},   {std::nullopt, 8, Urgency::kEmergency},  // Unknown = recent.
  };
  for (const TraumaCase& c : cases) {
    SCOPED_TRACE("onset " + (c.onset_weeks ? std::to_string(*c.onset_weeks) : "unknown") +
                 " pain " + std::to_string(c.pain));
    Intake in = BaseIntake();
    in.onset_weeks = c.onset_weeks;
    in.symptoms = {{Region::kLowerBack, Side::kMidline, SymptomKind::kPain, c.pain}};
    SetFlag(in, "fx_major_trauma");
    Screening s = ScreenIntake(in);
    EXPECT_EQ(s.triage, ExpectedTriage(c.expected));
    EXPECT_EQ(FindFlag(s, "fx_major_trauma")->urgency, c.expected);
  }
}

// AHCPR 1994 Table 1: the severe-pain test also reads the questionnaire NRS scores.
TEST(RedFlagEscalationTest, MajorTraumaSeverePainFromNrs) {
  Intake in = BaseIntake();
  in.onset_weeks = 1;
  in.questionnaires.nrs_back = 8;
  SetFlag(in, "fx_major_trauma");
  EXPECT_EQ(ScreenIntake(in).triage, Triage::kReferEmergency);
}

// ISCD/IOF FRAX 2011; red-flags.md: long-term steroids routine alone, urgent with new severe pain.
TEST(RedFlagEscalationTest, LongTermSteroidsWithNewSeverePainIsUrgent) {
  Intake in = BaseIntake();
  in.onset_weeks = 1;
  in.symptoms = {{Region::kLowerBack, Side::kMidline, SymptomKind::kPain, 8}};
  SetFlag(in, "fx_long_term_steroids");
  EXPECT_EQ(ScreenIntake(in).triage, Triage::kReferUrgent);
  in.onset_weeks = 10;
  EXPECT_EQ(ScreenIntake(in).triage, Triage::kReferRoutine);
}

// red-flags.md encoding notes: "Highest urgency wins when several flags fire."
TEST(RedFlagEscalationTest, HighestUrgencyWins) {
  Intake in = BaseIntake();
  SetFlag(in, "persistent_not_improving");
  SetFlag(in, "ca_unexplained_weight_loss");
  SetFlag(in, "vasc_aaa_or_visceral");
  SetFlag(in, "ca_age_new_onset");
  Screening s = ScreenIntake(in);
  EXPECT_EQ(s.triage, Triage::kReferEmergency);
  EXPECT_EQ(s.flags.size(), 4u);
  EXPECT_EQ(s.referral_action, K().urgencies[static_cast<std::size_t>(Urgency::kEmergency)].action);

  Intake routine_and_urgent = BaseIntake();
  SetFlag(routine_and_urgent, "inflam_back_pain_pattern");
  SetFlag(routine_and_urgent, "vasc_dvt_suspected");
  EXPECT_EQ(ScreenIntake(routine_and_urgent).triage, Triage::kReferUrgent);
}

// contraindications.md encoding notes: "red flags win" over contraindications.
TEST(RedFlagEscalationTest, RedFlagWinsOverPreferenceAndPrecaution) {
  Intake in = BaseIntake();
  in.preferences.fragrance_sensitive = true;
  AddCondition(in, "osteoporosis");
  SetFlag(in, "ces_saddle_anaesthesia");
  EXPECT_EQ(ScreenIntake(in).triage, Triage::kReferEmergency);
  EXPECT_FALSE(Assess(in, K()).plan.has_value());
}

// ---------------------------------------------------------------------------
// Body map and unanswered CES questions.

// BMJ Best Practice CES; NICE CKS: the body map answers the both-legs question -> emergency.
TEST(BodyMapFlagTest, LegSymptomsOnBothSidesDeriveBilateralFlag) {
  Intake in = BaseIntake();
  in.symptoms.push_back({Region::kPosteriorThigh, Side::kLeft, SymptomKind::kTingling, {}});
  Screening s = ScreenIntake(in);
  EXPECT_EQ(s.triage, Triage::kReferEmergency);
  const PositiveFlag* f = FindFlag(s, "ces_bilateral_leg_symptoms");
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->urgency, Urgency::kEmergency);
  EXPECT_TRUE(f->from_body_map);
  EXPECT_NE(
      std::find(s.reasons.begin(), s.reasons.end(), "Red flag: " + K().bilateral_leg_reason + "."),
      s.reasons.end());
  EXPECT_FALSE(Assess(in, K()).plan.has_value());
}

// BMJ Best Practice CES: one leg symptom marked "both" is also bilateral.
TEST(BodyMapFlagTest, SingleLegSymptomOnBothSidesDerivesBilateralFlag) {
  Intake in = BaseIntake();
  in.symptoms = {{Region::kFootSole, Side::kBoth, SymptomKind::kNumbness, {}}};
  Screening s = ScreenIntake(in);
  EXPECT_EQ(s.triage, Triage::kReferEmergency);
  ASSERT_NE(FindFlag(s, "ces_bilateral_leg_symptoms"), nullptr);
  EXPECT_TRUE(FindFlag(s, "ces_bilateral_leg_symptoms")->from_body_map);
}

// BMJ Best Practice CES; NICE CKS: a patient's "no" does not hide what the body map shows.
TEST(BodyMapFlagTest, BodyMapOverridesNoAnswer) {
  Intake in = BaseIntake();
  in.symptoms.push_back({Region::kCalf, Side::kLeft, SymptomKind::kPain, 3});
  SetFlag(in, "ces_bilateral_leg_symptoms", false);
  EXPECT_EQ(ScreenIntake(in).triage, Triage::kReferEmergency);
}

// BMJ Best Practice CES: an answered "yes" plus the body map is one flag, not from the map.
TEST(BodyMapFlagTest, AnsweredYesAndBodyMapGiveOneFlag) {
  Intake in = BaseIntake();
  in.symptoms.push_back({Region::kCalf, Side::kLeft, SymptomKind::kPain, 3});
  SetFlag(in, "ces_bilateral_leg_symptoms");
  Screening s = ScreenIntake(in);
  EXPECT_EQ(s.flags.size(), 1u);
  EXPECT_FALSE(s.flags[0].from_body_map);
  EXPECT_EQ(s.triage, Triage::kReferEmergency);
}

// red-flags.md: the CES sign is leg symptoms on both sides; buttocks alone are not the leg.
TEST(BodyMapFlagTest, BothButtocksOrOneLegDoNotDeriveFlag) {
  Intake buttocks = BaseIntake();
  buttocks.symptoms = {{Region::kButtock, Side::kBoth, SymptomKind::kPain, 4}};
  EXPECT_EQ(FindFlag(ScreenIntake(buttocks), "ces_bilateral_leg_symptoms"), nullptr);

  Intake one_leg = BaseIntake();  // Right buttock and right calf.
  one_leg.symptoms.push_back({Region::kButtock, Side::kLeft, SymptomKind::kPain, 3});
  Screening s = ScreenIntake(one_leg);
  EXPECT_EQ(FindFlag(s, "ces_bilateral_leg_symptoms"), nullptr);
  EXPECT_FALSE(IsReferral(s.triage));
}

// red-flags.md encoding notes: unknown on any ces_* item blocks approval, but refers nobody.
TEST(UnansweredCesTest, UnansweredCesFlagIsListedWithoutReferral) {
  for (const RedFlagDef& def : K().red_flags) {
    if (def.group != "ces") continue;
    SCOPED_TRACE(def.id);
    Intake in = BaseIntake();
    SetFlag(in, def.id, std::nullopt);
    Screening s = ScreenIntake(in);
    EXPECT_FALSE(IsReferral(s.triage));
    EXPECT_TRUE(s.flags.empty());
    ASSERT_EQ(s.unanswered_ces_flags.size(), 1u);
    EXPECT_EQ(s.unanswered_ces_flags[0], def.id);
    Assessment a = Assess(in, K());
    ASSERT_TRUE(a.plan.has_value());
    EXPECT_TRUE(
        std::any_of(a.plan->approval_blockers.begin(), a.plan->approval_blockers.end(),
                    [&](const std::string& b) { return b.find(def.id) != std::string::npos; }));
  }
}

// red-flags.md (CKS: patients may not volunteer these; ask explicitly): a cauda equina question
// left out of the intake was not asked, and blocks approval exactly as an unknown answer does.
TEST(UnansweredCesTest, CesQuestionLeftOutBlocksApprovalByItsQuestion) {
  for (const RedFlagDef& def : K().red_flags) {
    if (def.group != "ces" || def.scope != "patient") continue;
    SCOPED_TRACE(def.id);
    Intake in = BaseIntake();
    testing::ClearFlag(in, def.id);
    Screening s = ScreenIntake(in);
    EXPECT_FALSE(IsReferral(s.triage));
    ASSERT_EQ(s.unanswered_ces_flags.size(), 1u);
    EXPECT_EQ(s.unanswered_ces_flags[0], def.id);
    Assessment a = Assess(in, K());
    ASSERT_TRUE(a.plan.has_value());
    ASSERT_EQ(a.plan->approval_blockers.size(), 1u);
    EXPECT_NE(a.plan->approval_blockers[0].find(def.question), std::string::npos)
        << a.plan->approval_blockers[0];
  }
}

// red-flags.md: an intake with no red-flag answers at all has asked none of the cauda equina
// questions; every one a patient answers blocks approval. The clinician's exam finding is
// imported from medical records, never asked, so its absence blocks nothing.
TEST(UnansweredCesTest, IntakeWithoutRedFlagAnswersListsEveryPatientCesQuestion) {
  Intake in = BaseIntake();
  in.red_flags.clear();
  Screening s = ScreenIntake(in);
  EXPECT_EQ(s.triage, Triage::kTreat);
  std::vector<std::string> expected;
  for (const RedFlagDef& def : K().red_flags) {
    if (def.group == "ces" && def.scope == "patient") expected.push_back(def.id);
  }
  EXPECT_EQ(s.unanswered_ces_flags, expected);
  EXPECT_EQ(std::count(s.unanswered_ces_flags.begin(), s.unanswered_ces_flags.end(),
                       "ces_exam_anal_tone_perineal_loss"),
            0);
  Assessment a = Assess(in, K());
  ASSERT_TRUE(a.plan.has_value());
  EXPECT_EQ(a.plan->approval_blockers.size(), expected.size());
}

// red-flags.md encoding notes: only ces_* unknowns block; other unknowns are not listed.
TEST(UnansweredCesTest, UnansweredNonCesFlagIsNotListed) {
  Intake in = BaseIntake();
  SetFlag(in, "ca_history_of_cancer", std::nullopt);
  Screening s = ScreenIntake(in);
  EXPECT_TRUE(s.unanswered_ces_flags.empty());
  EXPECT_EQ(s.triage, Triage::kTreat);
}

// ---------------------------------------------------------------------------
// Contraindications: every id in knowledge/contraindications.json.

// contraindications.md table: this file tests every condition the knowledge defines.
TEST(ContraindicationTest, EveryConditionIdIsCovered) {
  const std::set<std::string> covered(kReferenceConditions.begin(), kReferenceConditions.end());
  std::set<std::string> knowledge;
  for (const ConditionDef& def : K().conditions) knowledge.insert(def.id);
  EXPECT_EQ(covered, knowledge);
}

// Ernst 2003; Sutham 2020; contraindications.md: suspected DVT is absolute -> refer urgently.
TEST(ContraindicationTest, DvtSuspectedOrActiveRefersUrgently) {
  Intake in = BaseIntake();
  AddCondition(in, "dvt_suspected_or_active");
  Screening s = ScreenIntake(in);
  EXPECT_EQ(s.triage, Triage::kReferUrgent);
  EXPECT_FALSE(s.referral_action.empty());
  EXPECT_FALSE(Assess(in, K()).plan.has_value());
}

// Consensus (contraindications.md): past DVT on treatment -> clearance, avoid limb, anticoagulant.
TEST(ContraindicationTest, DvtHistoryOnTreatment) {
  Intake in = CleanHighTolerance();
  AddCondition(in, "dvt_history_on_treatment");
  Screening s = ScreenIntake(in);
  EXPECT_EQ(s.triage, Triage::kTreatWithPrecautions);
  EXPECT_TRUE(HasClearance(s, "physician"));
  for (std::size_t r = 0; r < kRegionCount; ++r) {
    const bool leg = kLegs.Contains(static_cast<Region>(r));
    EXPECT_EQ(s.constraints.avoided[r][0], leg) << Name(static_cast<Region>(r));
    EXPECT_EQ(s.constraints.avoided[r][1], leg) << Name(static_cast<Region>(r));
  }
  bool derived = false;
  ASSERT_TRUE(HasCondition(s, "anticoagulant_or_bleeding_disorder", &derived));
  EXPECT_TRUE(derived);
  for (std::size_t r = 0; r < kRegionCount; ++r) EXPECT_EQ(s.constraints.cap[r], 2);
  EXPECT_FALSE(s.constraints.excluded_reason[Idx(Technique::kDeepTissue)].empty());
}

// contraindications.md, dvt_history_on_treatment "avoid_region(affected limb)": the side
// given picks the limb, and the whole of that leg is avoided, not only the regions named
// as the clot's site; the other leg stays open.
TEST(ContraindicationTest, DvtHistoryOnTreatmentAvoidsTheWholeAffectedLeg) {
  Intake in = CleanHighTolerance();
  ConditionReport& r = AddCondition(in, "dvt_history_on_treatment");
  r.site = Set({Region::kCalf});
  r.side = Side::kRight;
  Screening s = ScreenIntake(in);
  for (std::size_t i = 0; i < kRegionCount; ++i) {
    const Region region = static_cast<Region>(i);
    const bool leg = kLegs.Contains(region);
    EXPECT_EQ(s.constraints.Avoided(region, Side::kRight), leg) << Name(region);
    EXPECT_FALSE(s.constraints.Avoided(region, Side::kLeft)) << Name(region);
  }
}

// contraindications.md, dvt_history_on_treatment: a clot reported on both sides avoids both
// legs, whatever site was named.
TEST(ContraindicationTest, DvtHistoryOnTreatmentOnBothSidesAvoidsBothLegs) {
  Intake in = CleanHighTolerance();
  ConditionReport& r = AddCondition(in, "dvt_history_on_treatment");
  r.site = Set({Region::kCalf, Region::kPosteriorThigh});
  r.side = Side::kBoth;
  Screening s = ScreenIntake(in);
  for (std::size_t i = 0; i < kRegionCount; ++i) {
    const Region region = static_cast<Region>(i);
    const bool leg = kLegs.Contains(region);
    EXPECT_EQ(s.constraints.Avoided(region, Side::kLeft), leg) << Name(region);
    EXPECT_EQ(s.constraints.Avoided(region, Side::kRight), leg) << Name(region);
  }
}

// Ernst 2003 (haematoma); contraindications.md: anticoagulant -> cap 2 everywhere, exclusions.
TEST(ContraindicationTest, AnticoagulantCapsEverywhereAndExcludesDeepTechniques) {
  Intake in = CleanHighTolerance();
  in.preferences.pressure_preference = 5;
  AddCondition(in, "anticoagulant_or_bleeding_disorder");
  Screening s = ScreenIntake(in);
  EXPECT_EQ(s.triage, Triage::kTreatWithPrecautions);
  for (std::size_t r = 0; r < kRegionCount; ++r) {
    EXPECT_EQ(s.constraints.cap[r], 2) << Name(static_cast<Region>(r));
    EXPECT_FALSE(s.constraints.cap_reason[r].empty());
  }
  for (Technique t : {Technique::kDeepTissue, Technique::kTriggerPoint, Technique::kNeuromuscular,
                      Technique::kSelfMassage}) {
    EXPECT_FALSE(s.constraints.excluded_reason[Idx(t)].empty()) << Name(t);
  }
  for (Technique t :
       {Technique::kSwedish, Technique::kMyofascialRelease, Technique::kSportsMassage}) {
    EXPECT_TRUE(s.constraints.excluded_reason[Idx(t)].empty()) << Name(t);
  }
  EXPECT_TRUE(HasCautionContaining(s, "bruising"));
}

// Michigan State Univ. resource; contraindications.md: recent surgery -> avoid site, clearance.
TEST(ContraindicationTest, RecentSurgeryAvoidsSiteAndNeedsClearance) {
  Intake in = BaseIntake();
  ConditionReport& r = AddCondition(in, "recent_surgery");
  r.site = Set({Region::kLowerBack});
  Screening s = ScreenIntake(in);
  EXPECT_EQ(s.triage, Triage::kTreatWithPrecautions);
  EXPECT_TRUE(s.constraints.Avoided(Region::kLowerBack, Side::kBoth));
  EXPECT_FALSE(s.constraints.avoid_reason[Idx(Region::kLowerBack)].empty());
  EXPECT_FALSE(s.constraints.Avoided(Region::kButtock, Side::kLeft));
  EXPECT_TRUE(HasClearance(s, "physician"));
  EXPECT_TRUE(HasCautionContaining(s, "six weeks"));
}

// Consensus (contraindications.md): a site-based avoidance without a site asks the therapist.
TEST(ContraindicationTest, RecentSurgeryWithoutSiteAsksForIt) {
  Intake in = BaseIntake();
  AddCondition(in, "recent_surgery");
  Screening s = ScreenIntake(in);
  EXPECT_TRUE(HasCautionContaining(s, "was not recorded"));
  for (std::size_t r = 0; r < kRegionCount; ++r) {
    EXPECT_FALSE(s.constraints.avoided[r][0] || s.constraints.avoided[r][1]);
  }
}

// AHCPR 1994 fracture red flags; contraindications.md: non-spinal fracture -> avoid site only.
TEST(ContraindicationTest, FractureWithNonSpinalSiteIsAvoidedOnly) {
  Intake in = BaseIntake();
  ConditionReport& r = AddCondition(in, "fracture_recent_or_suspected");
  r.site = Set({Region::kAnkle, Region::kFootTop});
  r.side = Side::kRight;
  Screening s = ScreenIntake(in);
  EXPECT_EQ(s.triage, Triage::kTreatWithPrecautions);
  EXPECT_TRUE(s.constraints.Avoided(Region::kAnkle, Side::kRight));
  EXPECT_FALSE(s.constraints.Avoided(Region::kAnkle, Side::kLeft));
  EXPECT_TRUE(s.constraints.Avoided(Region::kFootTop, Side::kRight));
  EXPECT_TRUE(Assess(in, K()).plan.has_value());
}

// AHCPR 1994 fracture red flags; contraindications.md: spinal fracture -> exclude_all + refer.
TEST(ContraindicationTest, FractureWithSpinalOrUnknownSiteRefers) {
  for (RegionSet site : {Set({Region::kLowerBack}), Set({Region::kSacrum}),
                         Set({Region::kHip, Region::kSacrum}), RegionSet()}) {
    Intake in = BaseIntake();
    AddCondition(in, "fracture_recent_or_suspected").site = site;
    Screening s = ScreenIntake(in);
    EXPECT_EQ(s.triage, Triage::kReferUrgent);
    EXPECT_FALSE(Assess(in, K()).plan.has_value());
  }
}

// Consensus (contraindications.md): osteoporosis -> cap 2 over lower_back, sacrum, buttock, hip.
// Spine and pelvis at 2; no deep pressure over bone anywhere else (cap 3).
TEST(ContraindicationTest, OsteoporosisCapsSpineAndPelvisAndBoneElsewhere) {
  Intake in = CleanHighTolerance();
  AddCondition(in, "osteoporosis");
  Screening s = ScreenIntake(in);
  EXPECT_EQ(s.triage, Triage::kTreatWithPrecautions);
  const RegionSet capped =
      Set({Region::kLowerBack, Region::kSacrum, Region::kButtock, Region::kHip});
  for (std::size_t r = 0; r < kRegionCount; ++r) {
    EXPECT_EQ(s.constraints.cap[r], capped.Contains(static_cast<Region>(r)) ? 2 : 3)
        << Name(static_cast<Region>(r));
  }
  EXPECT_TRUE(HasCautionContaining(s, "tapotement"));
}

// MSU cancer-pain resource; contraindications.md: bone metastases -> pressure <=1, avoid,
// clearance.
TEST(ContraindicationTest, BoneMetastases) {
  Intake in = CleanHighTolerance();
  ConditionReport& r = AddCondition(in, "bone_metastases");
  r.site = Set({Region::kSacrum});
  Screening s = ScreenIntake(in);
  EXPECT_EQ(s.triage, Triage::kTreatWithPrecautions);
  for (std::size_t i = 0; i < kRegionCount; ++i) EXPECT_EQ(s.constraints.cap[i], 1);
  EXPECT_TRUE(s.constraints.Avoided(Region::kSacrum, Side::kBoth));
  EXPECT_TRUE(HasClearance(s, "physician"));
}

// Walton 2017 (oncology massage, opinion); contraindications.md: cancer -> clearance, cap 2, avoid.
TEST(ContraindicationTest, CancerActiveOrHistory) {
  Intake in = CleanHighTolerance();
  ConditionReport& r = AddCondition(in, "cancer_active_or_history");
  r.site = Set({Region::kGroin});
  r.side = Side::kLeft;
  Screening s = ScreenIntake(in);
  EXPECT_EQ(s.triage, Triage::kTreatWithPrecautions);
  for (std::size_t i = 0; i < kRegionCount; ++i) EXPECT_EQ(s.constraints.cap[i], 2);
  EXPECT_TRUE(s.constraints.Avoided(Region::kGroin, Side::kLeft));
  EXPECT_FALSE(s.constraints.Avoided(Region::kGroin, Side::kRight));
  EXPECT_TRUE(HasClearance(s, "physician"));
}

// Consensus (contraindications.md): open wound -> avoid site; contagious -> exclude all, refer.
TEST(ContraindicationTest, SkinInfectionOpenWound) {
  Intake in = BaseIntake();
  ConditionReport& r = AddCondition(in, "skin_infection_open_wound");
  r.site = Set({Region::kShin});
  r.side = Side::kLeft;
  Screening s = ScreenIntake(in);
  EXPECT_EQ(s.triage, Triage::kTreatWithPrecautions);
  EXPECT_TRUE(s.constraints.Avoided(Region::kShin, Side::kLeft));
  EXPECT_FALSE(s.constraints.Avoided(Region::kShin, Side::kRight));

  Intake contagious = BaseIntake();
  AddCondition(contagious, "skin_infection_open_wound").modifiers = {"contagious"};
  Screening c = ScreenIntake(contagious);
  EXPECT_EQ(c.triage, Triage::kReferRoutine);
  EXPECT_FALSE(Assess(contagious, K()).plan.has_value());
}

// Consensus; AHCPR 1994 (inf_fever_unwell): fever or acute illness is absolute -> refer.
TEST(ContraindicationTest, FeverAcuteIllnessRefers) {
  Intake in = BaseIntake();
  AddCondition(in, "fever_acute_illness");
  Screening s = ScreenIntake(in);
  EXPECT_EQ(s.triage, Triage::kReferUrgent);
  EXPECT_FALSE(Assess(in, K()).plan.has_value());
}

void ExpectPregnancyConstraints(const Screening& s) {
  EXPECT_EQ(s.triage, Triage::kTreatWithPrecautions);
  EXPECT_FALSE(s.constraints.oils_allowed);
  EXPECT_EQ(s.constraints.position, "side_lying");
  for (std::size_t r = 0; r < kRegionCount; ++r) {
    const bool leg = kLegs.Contains(static_cast<Region>(r));
    EXPECT_EQ(s.constraints.avoided[r][0], leg) << Name(static_cast<Region>(r));
    EXPECT_EQ(s.constraints.avoided[r][1], leg) << Name(static_cast<Region>(r));
  }
  EXPECT_FALSE(HasClearance(s, "obstetrician"));
}

// Sutham 2020; Zhao 2014; contraindications.md: pregnancy -> legs avoided, no oils, side lying.
TEST(ContraindicationTest, PregnancyReported) {
  Intake in = BaseIntake();
  AddCondition(in, "pregnancy");
  ExpectPregnancyConstraints(ScreenIntake(in));
}

// Sutham 2020; Zhao 2014: patient.pregnant derives the same pregnancy condition.
TEST(ContraindicationTest, PregnancyFromPatientRecord) {
  Intake in = BaseIntake();
  in.patient.pregnant = true;
  Screening s = ScreenIntake(in);
  bool derived = false;
  ASSERT_TRUE(HasCondition(s, "pregnancy", &derived));
  EXPECT_TRUE(derived);
  ExpectPregnancyConstraints(s);
}

// contraindications.md "high-risk pregnancy -> require_clearance": obstetrician clearance.
TEST(ContraindicationTest, HighRiskPregnancyNeedsObstetricianClearance) {
  Intake in = BaseIntake();
  in.patient.pregnant = true;
  AddCondition(in, "pregnancy").modifiers = {"high_risk"};
  Screening s = ScreenIntake(in);
  EXPECT_TRUE(HasClearance(s, "obstetrician"));
  EXPECT_EQ(s.triage, Triage::kTreatWithPrecautions);
  Assessment a = Assess(in, K());
  ASSERT_TRUE(a.plan.has_value());
  EXPECT_FALSE(a.plan->approval_blockers.empty());
}

// Consensus, practitioner material (contraindications.md): varicose veins -> avoid site or legs.
TEST(ContraindicationTest, VaricoseVeins) {
  Intake site = BaseIntake();
  ConditionReport& r = AddCondition(site, "varicose_veins");
  r.site = Set({Region::kCalf});
  r.side = Side::kRight;
  Screening s = ScreenIntake(site);
  EXPECT_EQ(s.triage, Triage::kTreatWithPrecautions);
  EXPECT_TRUE(s.constraints.Avoided(Region::kCalf, Side::kRight));
  EXPECT_FALSE(s.constraints.Avoided(Region::kCalf, Side::kLeft));
  EXPECT_FALSE(s.constraints.Avoided(Region::kPosteriorThigh, Side::kRight));

  Intake no_site = BaseIntake();
  AddCondition(no_site, "varicose_veins");
  Screening n = ScreenIntake(no_site);
  for (std::size_t i = 0; i < kRegionCount; ++i) {
    EXPECT_EQ(n.constraints.avoided[i][1], kLegs.Contains(static_cast<Region>(i)));
  }
}

// Consensus (contraindications.md): neuropathy -> cap 2 in the numb area, no heat.
TEST(ContraindicationTest, NeuropathyCapsNumbAreaAndForbidsHeat) {
  Intake in = CleanHighTolerance();
  in.symptoms.push_back({Region::kFootSole, Side::kRight, SymptomKind::kNumbness, {}});
  AddCondition(in, "neuropathy_reduced_sensation");
  Screening s = ScreenIntake(in);
  EXPECT_EQ(s.triage, Triage::kTreatWithPrecautions);
  EXPECT_TRUE(s.constraints.no_heat);
  EXPECT_EQ(s.constraints.cap[Idx(Region::kFootSole)], 2);
  EXPECT_EQ(s.constraints.cap[Idx(Region::kCalf)], 5);
  EXPECT_EQ(s.constraints.cap[Idx(Region::kLowerBack)], 5);

  Intake no_numb = CleanHighTolerance();
  AddCondition(no_numb, "neuropathy_reduced_sensation");
  Screening n = ScreenIntake(no_numb);
  for (std::size_t i = 0; i < kRegionCount; ++i) {
    EXPECT_EQ(n.constraints.cap[i], kLegs.Contains(static_cast<Region>(i)) ? 2 : 5)
        << Name(static_cast<Region>(i));
  }
}

// planning.json numb_region_cap (consensus): numb areas are capped at 2 even without neuropathy.
TEST(ContraindicationTest, NumbRegionAlwaysCapped) {
  Intake in = CleanHighTolerance();
  in.symptoms.push_back({Region::kLateralThigh, Side::kRight, SymptomKind::kNumbness, {}});
  Screening s = ScreenIntake(in);
  EXPECT_EQ(s.constraints.cap[Idx(Region::kLateralThigh)], 2);
  EXPECT_EQ(s.triage, Triage::kTreat);
}

// Product rule, consensus (contraindications.md): irritability -> cap 2 on buttock, posterior
// thigh.
// The cap follows the nerve's course: buttock, back of thigh and (as the tibial
// nerve) the calf.
TEST(ContraindicationTest, AcuteRadicularIrritabilityReported) {
  Intake in = CleanHighTolerance();
  AddCondition(in, "acute_radicular_irritability");
  Screening s = ScreenIntake(in);
  EXPECT_EQ(s.triage, Triage::kTreatWithPrecautions);
  for (std::size_t i = 0; i < kRegionCount; ++i) {
    auto r = static_cast<Region>(i);
    const bool on_course =
        r == Region::kButtock || r == Region::kPosteriorThigh || r == Region::kCalf;
    EXPECT_EQ(s.constraints.cap[i], on_course ? 2 : 5) << Name(r);
  }
}

// contraindications.md "leg pain NRS >=7" (threshold UNVERIFIED): derived from the NRS or body map.
TEST(ContraindicationTest, AcuteRadicularIrritabilityDerivedFromLegPain) {
  Intake nrs = CleanHighTolerance();
  nrs.questionnaires.nrs_leg = 7;
  Screening s = ScreenIntake(nrs);
  bool derived = false;
  ASSERT_TRUE(HasCondition(s, "acute_radicular_irritability", &derived));
  EXPECT_TRUE(derived);
  EXPECT_EQ(s.constraints.cap[Idx(Region::kButtock)], 2);
  EXPECT_EQ(s.constraints.cap[Idx(Region::kPosteriorThigh)], 2);
  EXPECT_EQ(s.triage, Triage::kTreatWithPrecautions);

  Intake map = CleanHighTolerance();
  map.symptoms[2].intensity = 8;  // Right calf.
  EXPECT_TRUE(HasCondition(ScreenIntake(map), "acute_radicular_irritability"));

  Intake below = CleanHighTolerance();
  below.questionnaires.nrs_leg = 6;
  below.symptoms[2].intensity = 6;
  EXPECT_FALSE(HasCondition(ScreenIntake(below), "acute_radicular_irritability"));

  Intake back = CleanHighTolerance();  // Severe back pain is not leg pain.
  back.questionnaires.nrs_back = 9;
  back.symptoms[0].intensity = 9;
  EXPECT_FALSE(HasCondition(ScreenIntake(back), "acute_radicular_irritability"));
}

// Bleasel 2002; Crawford 2004; Uter 2010: fragrance or oil allergy -> no oils (a precaution).
TEST(ContraindicationTest, FragranceOrOilAllergy) {
  Intake in = BaseIntake();
  AddCondition(in, "fragrance_or_oil_allergy");
  Screening s = ScreenIntake(in);
  EXPECT_FALSE(s.constraints.oils_allowed);
  EXPECT_EQ(s.triage, Triage::kTreatWithPrecautions);
  EXPECT_TRUE(HasCautionContaining(s, "unscented"));
}

// Patient preference (contraindications.md): scent sensitivity -> no oils, triage stays treat.
TEST(ContraindicationTest, ScentSensitivityIsAPreference) {
  Intake reported = BaseIntake();
  AddCondition(reported, "scent_sensitivity_no_allergy");
  Screening s = ScreenIntake(reported);
  EXPECT_FALSE(s.constraints.oils_allowed);
  EXPECT_EQ(s.triage, Triage::kTreat);

  Intake preference = BaseIntake();
  preference.preferences.fragrance_sensitive = true;
  Screening p = ScreenIntake(preference);
  EXPECT_FALSE(p.constraints.oils_allowed);
  EXPECT_EQ(p.triage, Triage::kTreat);
  bool derived = false;
  EXPECT_TRUE(HasCondition(p, "scent_sensitivity_no_allergy", &derived));
  EXPECT_TRUE(derived);
  ASSERT_FALSE(p.reasons.empty());
  EXPECT_EQ(p.reasons.back().rfind("Preference: ", 0), 0u);
}

// Product rule (contraindications.md): low pain tolerance -> cap 3 everywhere.
TEST(ContraindicationTest, LowPainTolerance) {
  Intake reported = CleanHighTolerance();
  AddCondition(reported, "low_pain_tolerance");
  Screening s = ScreenIntake(reported);
  for (std::size_t i = 0; i < kRegionCount; ++i) EXPECT_EQ(s.constraints.cap[i], 3);
  EXPECT_EQ(s.triage, Triage::kTreatWithPrecautions);

  Intake preference = BaseIntake();
  preference.preferences.pain_tolerance = PainTolerance::kLow;
  Screening p = ScreenIntake(preference);
  EXPECT_TRUE(HasCondition(p, "low_pain_tolerance"));
  for (std::size_t i = 0; i < kRegionCount; ++i) EXPECT_EQ(p.constraints.cap[i], 3);
}

// Consensus (weak secondary sources): uncontrolled hypertension -> clearance; unstable -> refer.
TEST(ContraindicationTest, UncontrolledHypertensionCardiac) {
  Intake in = BaseIntake();
  AddCondition(in, "uncontrolled_hypertension_cardiac");
  Screening s = ScreenIntake(in);
  EXPECT_EQ(s.triage, Triage::kTreatWithPrecautions);
  EXPECT_TRUE(HasClearance(s, "physician"));

  Intake unstable = BaseIntake();
  AddCondition(unstable, "uncontrolled_hypertension_cardiac").modifiers = {"unstable"};
  EXPECT_EQ(ScreenIntake(unstable).triage, Triage::kReferUrgent);
  EXPECT_FALSE(Assess(unstable, K()).plan.has_value());
}

// Consensus (contraindications.md): inflammatory flare -> avoid the site on its side.
TEST(ContraindicationTest, InflammatoryFlareAvoidsSite) {
  Intake in = BaseIntake();
  ConditionReport& r = AddCondition(in, "inflammatory_flare");
  r.site = Set({Region::kKnee});
  r.side = Side::kRight;
  Screening s = ScreenIntake(in);
  EXPECT_EQ(s.triage, Triage::kTreatWithPrecautions);
  EXPECT_TRUE(s.constraints.Avoided(Region::kKnee, Side::kRight));
  EXPECT_FALSE(s.constraints.Avoided(Region::kKnee, Side::kLeft));
}

// Consensus (contraindications.md): implanted device -> avoid the device site on its side.
TEST(ContraindicationTest, ImplantedDeviceAvoidsSite) {
  Intake in = BaseIntake();
  ConditionReport& r = AddCondition(in, "implanted_device");
  r.site = Set({Region::kButtock});
  r.side = Side::kLeft;
  Screening s = ScreenIntake(in);
  EXPECT_EQ(s.triage, Triage::kTreatWithPrecautions);
  EXPECT_TRUE(s.constraints.Avoided(Region::kButtock, Side::kLeft));
  EXPECT_FALSE(s.constraints.Avoided(Region::kButtock, Side::kRight));
}

// contraindications.md levels: the strictest cap wins when several conditions cap one region.
TEST(ContraindicationTest, LowestCapWins) {
  Intake in = CleanHighTolerance();
  AddCondition(in, "low_pain_tolerance");                          // 3 everywhere.
  AddCondition(in, "osteoporosis");                                // 2 on spine and pelvis.
  AddCondition(in, "bone_metastases").site = Set({Region::kHip});  // 1 everywhere.
  Screening s = ScreenIntake(in);
  for (std::size_t i = 0; i < kRegionCount; ++i) EXPECT_EQ(s.constraints.cap[i], 1);
}

// contraindications.md: an absolute contraindication refers even with only precautions beside it.
TEST(ContraindicationTest, AbsoluteWinsOverRelative) {
  Intake in = BaseIntake();
  AddCondition(in, "osteoporosis");
  AddCondition(in, "dvt_suspected_or_active");
  EXPECT_EQ(ScreenIntake(in).triage, Triage::kReferUrgent);
}

// planning.json tolerance caps (product rule): the patient's preference and tolerance cap pressure.
TEST(ContraindicationTest, PersonalCaps) {
  Intake medium = BaseIntake();
  Screening m = ScreenIntake(medium);
  for (std::size_t i = 0; i < kRegionCount; ++i) EXPECT_EQ(m.constraints.cap[i], 4);
  EXPECT_EQ(m.triage, Triage::kTreat);

  Intake pref = CleanHighTolerance();
  pref.preferences.pressure_preference = 2;
  Screening p = ScreenIntake(pref);
  for (std::size_t i = 0; i < kRegionCount; ++i) EXPECT_EQ(p.constraints.cap[i], 2);
  EXPECT_EQ(p.triage, Triage::kTreat);
}

}  // namespace
}  // namespace sciaticare
