#include "core/session_review.h"

#include <algorithm>
#include <string>

#include "core/screening_limits.h"

namespace sciaticare {

std::vector<Error> ReviewSessionWork(const SessionWork& work, const Screening& screening) {
  std::vector<Error> departures;
  auto add = [&departures](std::optional<Error> problem) {
    if (!problem) return;
    const bool listed = std::any_of(departures.begin(), departures.end(), [&](const Error& e) {
      return e.field == problem->field && e.message == problem->message;
    });
    if (!listed) departures.push_back(std::move(*problem));
  };
  if (IsReferral(screening.triage) && !work.techniques.empty()) {
    departures.push_back(
        {"techniques", "the latest screening refers the patient (" +
                           std::string(Name(screening.triage)) +
                           "): no massage should be given until the referral has been dealt with"});
  }
  const Constraints& c = screening.constraints;
  for (std::size_t i = 0; i < work.techniques.size(); ++i) {
    const AppliedTechnique& t = work.techniques[i];
    const std::string row = t.row.empty() ? "techniques[" + std::to_string(i) + "]" : t.row;
    const std::string target = t.target.empty() ? row : t.target;
    add(ExcludedTechnique(t.technique, c, row + ".technique"));
    add(AvoidedRegion(t.region, t.side, c, target + ".region"));
    add(PressureAboveCap(t.pressure, t.technique, t.region, c, row + ".pressure"));
  }
  add(OilsNotAllowed(work.oils_used, c, "oils_used"));
  return departures;
}

}  // namespace sciaticare
