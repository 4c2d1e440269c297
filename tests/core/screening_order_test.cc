// OrderScreenings (core/screening_order.h): assessments oldest first, each
// marked by the referral it raised (or its referring triage when none was
// kept), with the referrals raised at sessions after the assessment they
// followed.
#include "core/screening_order.h"

#include <gtest/gtest.h>

namespace sciaticare {
namespace {

ReferralFacts AtSession(std::optional<std::int64_t> after, const std::string& source) {
  ReferralFacts r;
  r.assessment_id = after;
  r.at_session = true;
  r.source = source;
  r.state.urgency = ReferralUrgency::kRoutineGp;
  return r;
}

std::vector<std::string> Sources(const std::vector<ScreeningEvent>& events) {
  std::vector<std::string> out;
  for (const ScreeningEvent& e : events) out.push_back(e.source);
  return out;
}

TEST(ScreeningOrderTest, SessionReferralsFollowTheAssessmentBeforeThem) {
  ReferralFacts raised;
  raised.assessment_id = 2;
  raised.state.urgency = ReferralUrgency::kEmergency;
  const auto events =
      OrderScreenings({{1, "intake", "treat"}, {2, "reassessment", "refer_emergency"}},
                      {AtSession(2, "session 2"), AtSession(std::nullopt, "session 0"), raised,
                       AtSession(1, "session 1")});
  EXPECT_EQ(Sources(events), (std::vector<std::string>{"session 0", "intake", "session 1",
                                                       "reassessment", "session 2"}));
  EXPECT_FALSE(events[0].is_assessment);
  EXPECT_FALSE(events[1].referral.has_value());
  ASSERT_TRUE(events[3].referral.has_value());
  EXPECT_EQ(events[3].referral->urgency, ReferralUrgency::kEmergency);
  EXPECT_EQ(events[3].assessment_id, 2);
}

TEST(ScreeningOrderTest, AReferringTriageWithNoRecordStillRefers) {
  const auto events = OrderScreenings({{7, "old intake", "refer_urgent"}}, {});
  ASSERT_EQ(events.size(), 1u);
  ASSERT_TRUE(events[0].referral.has_value());
  EXPECT_EQ(events[0].referral->urgency, ReferralUrgency::kUrgent);
  EXPECT_FALSE(events[0].referral->cleared);
  EXPECT_FALSE(GovernStep(events, CareStep::kBookTreatment, std::nullopt).allowed);
}

}  // namespace
}  // namespace sciaticare
