// A patient's screenings put in the order the latest-screening rule
// (core/care_governance.h) reads them, from facts the shell has already named
// and parsed: assessments oldest first, each marked by the referral it
// opened, with the referrals raised at sessions placed after the assessment
// they followed. Pure: no I/O; the shell names each screening on the
// clinic's clock and reads the state of each referral.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/care_governance.h"

namespace sciaticare {

// An intake or reassessment (portal answers are no screening: the shell
// leaves them out).
struct AssessmentFacts {
  std::int64_t id = 0;
  std::string source;  // Its name in answers ("the assessment of ...").
  std::string triage;  // "refer_urgent", ...: refers even with no referral kept.
};

// A referral, raised by an assessment or at a session.
struct ReferralFacts {
  std::optional<std::int64_t> assessment_id;  // The assessment that raised it or it followed.
  bool at_session = false;
  std::string source;  // Its name in answers, when raised at a session.
  ReferralState state;
};

// The screenings oldest first (see the header comment).
std::vector<ScreeningEvent> OrderScreenings(const std::vector<AssessmentFacts>& assessments,
                                            const std::vector<ReferralFacts>& referrals);

}  // namespace sciaticare
