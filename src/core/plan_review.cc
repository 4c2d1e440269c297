#include "core/plan_review.h"

#include <algorithm>

namespace sciaticare {

std::vector<Error> ReviewPlanEdit(const Plan& edited, const Screening& screening, const Knowledge& k) {
  std::vector<Error> problems;
  if (IsReferral(screening.triage)) {
    problems.push_back({"plan", "the patient is referred (" + std::string(Name(screening.triage)) +
                                    "): no massage plan may be saved"});
    return problems;
  }
  const Constraints& c = screening.constraints;
  if (edited.per_week < 1 || edited.per_week > 5) {
    problems.push_back({"sessions.per_week", "must be 1–5 sessions a week"});
  }
  if (edited.count < 1 || edited.count > 12) {
    problems.push_back({"sessions.count", "must be 1–12 sessions before reassessment"});
  }
  if (edited.session_minutes < 15 || edited.session_minutes > 120) {
    problems.push_back({"sessions.minutes", "a session must last 15–120 minutes"});
  } else {
    int planned = 0;
    for (const PlanItem& item : edited.techniques) planned += std::max(item.minutes, 0);
    if (planned > edited.session_minutes) {
      problems.push_back(
          {"sessions.minutes", "the techniques take " + std::to_string(planned) +
                                   " minutes, longer than the " +
                                   std::to_string(edited.session_minutes) +
                                   "-minute session: shorten them or lengthen the session"});
    }
  }
  if (edited.oils_allowed && !c.oils_allowed) {
    problems.push_back({"oils_allowed", "oils are not allowed for this patient (scent sensitivity, allergy or pregnancy)"});
  }
  for (std::size_t i = 0; i < edited.techniques.size(); ++i) {
    const PlanItem& item = edited.techniques[i];
    const std::string path = "techniques[" + std::to_string(i) + "]";
    const std::size_t t = static_cast<std::size_t>(item.technique);
    const TechniqueDef& tech = k.techniques[t];
    if (!c.excluded_reason[t].empty()) {
      problems.push_back({path + ".technique", std::string(Name(item.technique)) + " is " + c.excluded_reason[t]});
    }
    if (item.pressure < tech.min_pressure || item.pressure > tech.max_pressure) {
      problems.push_back({path + ".pressure", tech.label + " is given at pressure " + std::to_string(tech.min_pressure) +
                                                  "–" + std::to_string(tech.max_pressure)});
    }
    if (item.minutes < 1 || item.minutes > 120) {
      problems.push_back({path + ".minutes", "must be 1–120 minutes"});
    }
    if (item.targets.empty()) problems.push_back({path + ".targets", "must name at least one target"});
    for (std::size_t j = 0; j < item.targets.size(); ++j) {
      const Target& target = item.targets[j];
      const std::size_t r = static_cast<std::size_t>(target.region);
      const std::string tpath = path + ".targets[" + std::to_string(j) + "]";
      if (c.Avoided(target.region, target.side) ||
          (target.side == Side::kBoth && (c.avoided[r][0] || c.avoided[r][1]))) {
        problems.push_back({tpath + ".region", std::string(Name(target.region)) + " (" + std::string(Name(target.side)) +
                                                   ") must be avoided because of " + c.avoid_reason[r]});
      }
      if (item.pressure > c.cap[r]) {
        problems.push_back({path + ".pressure", "pressure " + std::to_string(item.pressure) + " is above the limit of " +
                                                    std::to_string(c.cap[r]) + " on the " + std::string(Name(target.region)) +
                                                    " set by " + c.cap_reason[r]});
      }
    }
  }
  return problems;
}

}  // namespace sciaticare
