#include "core/screening_order.h"

namespace sciaticare {

std::vector<ScreeningEvent> OrderScreenings(const std::vector<AssessmentFacts>& assessments,
                                            const std::vector<ReferralFacts>& referrals) {
  std::vector<ScreeningEvent> out;
  auto sessions_after = [&](std::optional<std::int64_t> assessment) {
    for (const ReferralFacts& r : referrals) {
      if (!r.at_session || r.assessment_id != assessment) continue;
      ScreeningEvent e;
      e.source = r.source;
      e.is_assessment = false;
      e.referral = r.state;
      out.push_back(std::move(e));
    }
  };
  sessions_after(std::nullopt);
  for (const AssessmentFacts& a : assessments) {
    ScreeningEvent e;
    e.source = a.source;
    e.assessment_id = a.id;
    for (const ReferralFacts& r : referrals) {
      if (!r.at_session && r.assessment_id == a.id) e.referral = r.state;
    }
    // A referring triage with no record (stored before referrals were kept)
    // still refers: nothing recorded has lifted it.
    if (!e.referral) {
      if (auto urgency = UrgencyOfTriage(a.triage)) e.referral = ReferralState{*urgency};
    }
    out.push_back(std::move(e));
    sessions_after(a.id);
  }
  return out;
}

}  // namespace sciaticare
