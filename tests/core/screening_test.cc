// Screening: the C++ side of the red-flag rules. The clinical cases (every red
// flag, escalation, body-map rule and contraindication, intake in and decision
// out) are data in tests/clinical/cases/, run by tests/clinical/clinical_cases_test.cc;
// what stays here checks the knowledge those cases rely on.
#include "core/screening.h"

#include <gtest/gtest.h>

#include <string>

#include "test_support.h"

namespace sciaticare {
namespace {

using testing::K;

const UrgencyInfo& Info(Urgency u) { return K().urgencies[static_cast<std::size_t>(u)]; }

// red-flags.md urgency table: the triage name of each urgency matches its data enum.
TEST(RedFlagTest, UrgencyTriageNamesMatchReference) {
  EXPECT_EQ(Info(Urgency::kRoutineGp).triage, "refer_routine");
  EXPECT_EQ(Info(Urgency::kUrgent).triage, "refer_urgent");
  EXPECT_EQ(Info(Urgency::kEmergency).triage, "refer_emergency");
  EXPECT_EQ(Name(Triage::kReferRoutine), "refer_routine");
  EXPECT_EQ(Name(Triage::kReferUrgent), "refer_urgent");
  EXPECT_EQ(Name(Triage::kReferEmergency), "refer_emergency");
}

// red-flags.md ("urgent same day" for foot drop, fever and a suspected clot): the
// same-day wording differs from the "today or tomorrow" wording of the other
// urgent flags, so the cases that expect "urgent_same_day" can tell them apart.
TEST(RedFlagTest, SameDayWordingDiffersFromOtherUrgentWording) {
  ASSERT_FALSE(Info(Urgency::kUrgent).same_day_action.empty());
  EXPECT_NE(Info(Urgency::kUrgent).same_day_action, Info(Urgency::kUrgent).action);
}

// red-flags.md, cauda equina table: seven CES flags, each with its own case
// "rapid_deficit_with_<flag>_is_emergency" in cases/red_flag_escalations.json.
TEST(RedFlagTest, CaudaEquinaGroupHasSevenFlags) {
  int ces_flags = 0;
  for (const RedFlagDef& def : K().red_flags) ces_flags += def.group == "ces" ? 1 : 0;
  EXPECT_EQ(ces_flags, 7);
}

}  // namespace
}  // namespace sciaticare
