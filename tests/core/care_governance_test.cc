// The latest screening governs: each step against referrals of each urgency,
// their lifting (clearance; outcome and a new assessment), suspension of an
// approved plan, and plans of older assessments.
#include "core/care_governance.h"

#include <gtest/gtest.h>

namespace sciaticare {
namespace {

ScreeningEvent Assessed(std::int64_t id) {
  ScreeningEvent e;
  e.source = "assessment " + std::to_string(id);
  e.assessment_id = id;
  return e;
}

ScreeningEvent Referred(std::int64_t id, ReferralUrgency u, bool cleared = false) {
  ScreeningEvent e = Assessed(id);
  e.referral = ReferralState{u, cleared, cleared, false};
  return e;
}

ScreeningEvent SessionCheck(std::int64_t note, ReferralUrgency u, bool cleared = false) {
  ScreeningEvent e;
  e.source = "session note " + std::to_string(note);
  e.is_assessment = false;
  e.referral = ReferralState{u, cleared, cleared, false};
  return e;
}

constexpr CareStep kEverySteps[] = {CareStep::kRevisePlan, CareStep::kApprovePlan,
                                    CareStep::kRecordWork, CareStep::kServeHomeProgramme,
                                    CareStep::kBookTreatment};

TEST(CareGovernanceTest, ClearLatestScreeningAllowsEveryStepOnItsPlan) {
  const std::vector<ScreeningEvent> s = {Assessed(1)};
  for (CareStep step : kEverySteps) EXPECT_TRUE(GovernStep(s, step, 1).allowed);
  EXPECT_TRUE(GovernStep(s, CareStep::kRecordWork, std::nullopt).allowed);
}

TEST(CareGovernanceTest, NewerEmergencyReferralRefusesEveryStepAndSuspendsThePlan) {
  const std::vector<ScreeningEvent> s = {Assessed(1), Referred(2, ReferralUrgency::kEmergency)};
  for (CareStep step : kEverySteps) {
    const CareVerdict v = GovernStep(s, step, 1);
    EXPECT_FALSE(v.allowed);
    EXPECT_EQ(v.governed_by, "assessment 2");
  }
  EXPECT_FALSE(GovernStep(s, CareStep::kRecordWork, std::nullopt).allowed);
  EXPECT_EQ(SuspendedBy(s, 1), "assessment 2");
}

TEST(CareGovernanceTest, SessionRedFlagCheckGovernsLikeAnAssessment) {
  const std::vector<ScreeningEvent> s = {Assessed(1), SessionCheck(9, ReferralUrgency::kUrgent)};
  EXPECT_FALSE(GovernStep(s, CareStep::kServeHomeProgramme, 1).allowed);
  EXPECT_EQ(GovernStep(s, CareStep::kBookTreatment, 1).governed_by, "session note 9");
  EXPECT_EQ(SuspendedBy(s, 1), "session note 9");
}

TEST(CareGovernanceTest, EmergencyNeedsClearingOutcomeAndANewAssessment) {
  std::vector<ScreeningEvent> s = {Assessed(1), Referred(2, ReferralUrgency::kEmergency)};
  // Outcome alone: still refused.
  s[1].referral->cleared = s[1].referral->outcome_recorded = true;
  EXPECT_FALSE(GovernStep(s, CareStep::kRecordWork, std::nullopt).allowed);
  // A new assessment alone (outcome not clearing): still refused.
  s[1].referral->cleared = false;
  s.push_back(Assessed(3));
  EXPECT_FALSE(GovernStep(s, CareStep::kApprovePlan, 3).allowed);
  // Both: the new assessment's plan may go ahead; the old plan stays suspended.
  s[1].referral->cleared = true;
  EXPECT_TRUE(GovernStep(s, CareStep::kApprovePlan, 3).allowed);
  EXPECT_TRUE(GovernStep(s, CareStep::kServeHomeProgramme, 3).allowed);
  EXPECT_FALSE(GovernStep(s, CareStep::kServeHomeProgramme, 1).allowed);
  EXPECT_EQ(SuspendedBy(s, 1), "assessment 2");
}

TEST(CareGovernanceTest, ClosingWithoutClearanceNeverLiftsAnEmergency) {
  std::vector<ScreeningEvent> s = {Referred(1, ReferralUrgency::kEmergency), Assessed(2)};
  s[0].referral->closed = s[0].referral->outcome_recorded = true;
  EXPECT_FALSE(GovernStep(s, CareStep::kApprovePlan, 2).allowed);
}

TEST(CareGovernanceTest, RoutineGpIsLiftedByClearanceNotByANewAnswer) {
  std::vector<ScreeningEvent> s = {Assessed(1), SessionCheck(4, ReferralUrgency::kRoutineGp),
                                   Assessed(5)};
  EXPECT_FALSE(GovernStep(s, CareStep::kApprovePlan, 5).allowed);
  s[1].referral->cleared = true;
  EXPECT_TRUE(GovernStep(s, CareStep::kApprovePlan, 5).allowed);
  // Cleared routine referrals do not suspend the plan they followed.
  EXPECT_EQ(SuspendedBy(s, 1), std::nullopt);
}

TEST(CareGovernanceTest, PlanOfAnOlderAssessmentCannotBeRevisedOrApproved) {
  const std::vector<ScreeningEvent> s = {Assessed(1), Assessed(2)};
  for (CareStep step : {CareStep::kRevisePlan, CareStep::kApprovePlan}) {
    const CareVerdict v = GovernStep(s, step, 1);
    EXPECT_FALSE(v.allowed);
    EXPECT_EQ(v.governed_by, "assessment 2");
  }
  // An approved plan of the older clear assessment still serves until replaced.
  EXPECT_TRUE(GovernStep(s, CareStep::kServeHomeProgramme, 1).allowed);
}

TEST(CareGovernanceTest, UrgencyNames) {
  for (auto u :
       {ReferralUrgency::kRoutineGp, ReferralUrgency::kUrgent, ReferralUrgency::kEmergency}) {
    EXPECT_EQ(ParseReferralUrgency(Name(u)), u);
  }
  EXPECT_EQ(UrgencyOfTriage("refer_emergency"), ReferralUrgency::kEmergency);
  EXPECT_EQ(UrgencyOfTriage("treat"), std::nullopt);
}

}  // namespace
}  // namespace sciaticare
