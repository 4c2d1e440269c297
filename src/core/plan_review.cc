#include "core/plan_review.h"

#include <algorithm>

#include "core/screening_limits.h"

namespace sciaticare {

std::vector<Error> ReviewPlanEdit(const Plan& edited, const Screening& screening,
                                  const Knowledge& k) {
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
  auto add = [&problems](std::optional<Error> problem) {
    if (problem) problems.push_back(std::move(*problem));
  };
  add(OilsNotAllowed(edited.oils_allowed, c, "oils_allowed"));
  for (std::size_t i = 0; i < edited.techniques.size(); ++i) {
    const PlanItem& item = edited.techniques[i];
    const std::string path = "techniques[" + std::to_string(i) + "]";
    const TechniqueDef& tech = k.techniques[static_cast<std::size_t>(item.technique)];
    add(ExcludedTechnique(item.technique, c, path + ".technique"));
    if (item.pressure < tech.min_pressure || item.pressure > tech.max_pressure) {
      problems.push_back({path + ".pressure", tech.label + " is given at pressure " +
                                                  std::to_string(tech.min_pressure) + "–" +
                                                  std::to_string(tech.max_pressure)});
    }
    if (item.minutes < 1 || item.minutes > 120) {
      problems.push_back({path + ".minutes", "must be 1–120 minutes"});
    }
    if (item.targets.empty())
      problems.push_back({path + ".targets", "must name at least one target"});
    for (std::size_t j = 0; j < item.targets.size(); ++j) {
      const Target& target = item.targets[j];
      const std::string tpath = path + ".targets[" + std::to_string(j) + "]";
      add(AvoidedRegion(target.region, target.side, c, tpath + ".region"));
      add(PressureAboveCap(item.pressure, item.technique, target.region, c, path + ".pressure"));
    }
  }
  return problems;
}

std::vector<Error> ReviewClearances(const std::vector<std::string>& required_kinds,
                                    const std::vector<GivenClearance>& given) {
  std::vector<Error> problems;
  auto required = [&required_kinds](const std::string& kind) {
    return std::find(required_kinds.begin(), required_kinds.end(), kind) != required_kinds.end();
  };
  for (std::size_t i = 0; i < given.size(); ++i) {
    if (!required(given[i].kind)) {
      problems.push_back({"clearances[" + std::to_string(i) + "].kind",
                          "this plan needs no " + given[i].kind + " clearance"});
    }
  }
  for (const std::string& kind : required_kinds) {
    const bool given_kind = std::any_of(
        given.begin(), given.end(), [&kind](const GivenClearance& g) { return g.kind == kind; });
    if (!given_kind) {
      problems.push_back({"clearances", "a " + kind +
                                            " clearance is required; each kind the plan needs "
                                            "has its own clearance, one cannot stand for another"});
    }
  }
  return problems;
}

}  // namespace sciaticare
