// The expectations inside a case's "plan" object: techniques, pressures,
// targets, course, approval blockers and complements of the plan.
#include <algorithm>
#include <set>
#include <stdexcept>

#include "clinical/clinical_expectation_support.h"

namespace sciaticare::testing::clinical {
namespace {

using nlohmann::json;

const Plan& P(const Context& c) { return *c.a.plan; }

bool Planned(const Plan& p, Technique t) {
  return std::any_of(p.techniques.begin(), p.techniques.end(),
                     [&](const PlanItem& i) { return i.technique == t; });
}

void CheckPlanned(const json& v, const Context& c, bool wanted) {
  for (const json& name : v) {
    if (Planned(P(c), TechniqueNamed(name.get<std::string>())) != wanted) {
      c.Fail(name.get<std::string>() + (wanted ? " is not planned" : " is planned"));
    }
  }
}

// Every target of every item, with the item it belongs to.
template <typename Visit>
void ForEachTarget(const Plan& p, Visit visit) {
  for (const PlanItem& item : p.techniques) {
    for (const Target& t : item.targets) visit(item, t);
  }
}

std::string Describe(const PlanItem& item, const Target& t) {
  return std::string(Name(item.technique)) + " on " + std::string(Name(t.region)) + " (" +
         std::string(Name(t.side)) + ", " + t.muscle + ") at pressure " +
         std::to_string(item.pressure);
}

// "targets_include": each entry selects targets by technique, region and a
// part of the muscle's name; at least one must exist, and every selected one
// must have the entry's side, evidence id and pressure limit.
void CheckTargetsInclude(const json& v, const Context& c) {
  static const std::set<std::string> kKeys = {"technique", "region",   "muscle_mentions",
                                              "side",      "evidence", "max_pressure"};
  for (const json& want : v) {
    for (const auto& [key, value] : want.items()) {
      if (!kKeys.count(key)) throw std::invalid_argument("unknown target key " + Quote(key));
    }
    int found = 0;
    ForEachTarget(P(c), [&](const PlanItem& item, const Target& t) {
      if (want.contains("technique") &&
          item.technique != TechniqueNamed(want["technique"].get<std::string>())) {
        return;
      }
      if (want.contains("region") && t.region != RegionNamed(want["region"].get<std::string>())) {
        return;
      }
      if (want.contains("muscle_mentions") &&
          t.muscle.find(want["muscle_mentions"].get<std::string>()) == std::string::npos) {
        return;
      }
      ++found;
      if (want.contains("side") && Name(t.side) != want["side"].get<std::string>()) {
        c.Fail(Describe(item, t) + ": side is not " + want["side"].dump());
      }
      if (want.contains("evidence") &&
          c.k.evidence[item.evidence].id != want["evidence"].get<std::string>()) {
        c.Fail(Describe(item, t) + ": evidence " + Quote(c.k.evidence[item.evidence].id));
      }
      if (want.contains("max_pressure") && item.pressure > want["max_pressure"].get<int>()) {
        c.Fail(Describe(item, t) + ": above " + want["max_pressure"].dump());
      }
    });
    if (found == 0) c.Fail("no target matches " + want.dump());
  }
}

std::vector<std::string> ComplementIds(const Context& c) {
  std::vector<std::string> ids;
  for (int i : P(c).complements) ids.push_back(c.k.complements[i].id);
  return ids;
}

}  // namespace

const std::map<std::string, Check>& PlanChecks() {
  static const std::map<std::string, Check> checks = {
      {"has_techniques",
       [](const json& v, const Context& c) { ExpectEqual(c, v, !P(c).techniques.empty()); }},
      {"technique_count_at_least",
       [](const json& v, const Context& c) {
         std::set<Technique> distinct;
         for (const PlanItem& i : P(c).techniques) distinct.insert(i.technique);
         if (distinct.size() < v.get<std::size_t>()) {
           c.Fail(std::to_string(distinct.size()) + " techniques");
         }
       }},
      {"includes_techniques", [](const json& v, const Context& c) { CheckPlanned(v, c, true); }},
      {"lacks_techniques", [](const json& v, const Context& c) { CheckPlanned(v, c, false); }},
      {"excluded_techniques",
       [](const json& v, const Context& c) {
         for (const json& name : v) {
           const Technique t = TechniqueNamed(name.get<std::string>());
           if (std::none_of(P(c).excluded.begin(), P(c).excluded.end(),
                            [&](const ExcludedTechnique& e) { return e.technique == t; })) {
             c.Fail(name.get<std::string>() + " is not listed as excluded");
           }
         }
       }},
      {"max_pressure",
       [](const json& v, const Context& c) {
         for (const PlanItem& i : P(c).techniques) {
           if (i.pressure > v.get<int>()) {
             c.Fail(std::string(Name(i.technique)) + " at " + std::to_string(i.pressure));
           }
         }
       }},
      {"every_pressure",
       [](const json& v, const Context& c) {
         for (const PlanItem& i : P(c).techniques) {
           if (i.pressure != v.get<int>()) {
             c.Fail(std::string(Name(i.technique)) + " at " + std::to_string(i.pressure));
           }
         }
       }},
      {"every_technique_min_pressure",
       [](const json& v, const Context& c) {
         for (const PlanItem& i : P(c).techniques) {
           const int min = c.k.techniques[static_cast<std::size_t>(i.technique)].min_pressure;
           if (min != v.get<int>()) {
             c.Fail(std::string(Name(i.technique)) + " starts at " + std::to_string(min));
           }
         }
       }},
      {"max_pressure_on",
       [](const json& v, const Context& c) {
         for (const auto& [region, limit] : v.items()) {
           const Region r = RegionNamed(region);
           ForEachTarget(P(c), [&](const PlanItem& item, const Target& t) {
             if (t.region == r && item.pressure > limit.get<int>()) c.Fail(Describe(item, t));
           });
         }
       }},
      {"lateral_targets_side",
       [](const json& v, const Context& c) {
         ForEachTarget(P(c), [&](const PlanItem& item, const Target& t) {
           if (IsLateralRegion(t.region) && Name(t.side) != v.get<std::string>()) {
             c.Fail(Describe(item, t));
           }
         });
       }},
      {"no_targets_on",
       [](const json& v, const Context& c) {
         const std::vector<Region> regions = RegionList(v);
         ForEachTarget(P(c), [&](const PlanItem& item, const Target& t) {
           if (std::find(regions.begin(), regions.end(), t.region) != regions.end()) {
             c.Fail(Describe(item, t));
           }
         });
       }},
      {"targets_include", CheckTargetsInclude},
      {"no_muscle_mentions",
       [](const json& v, const Context& c) {
         ForEachTarget(P(c), [&](const PlanItem& item, const Target& t) {
           ExpectMentions(c, v, {t.muscle}, false);
           (void)item;
         });
       }},
      {"oils_allowed",
       [](const json& v, const Context& c) { ExpectEqual(c, v, P(c).oils_allowed); }},
      {"position", [](const json& v, const Context& c) { ExpectEqual(c, v, P(c).position); }},
      {"no_heat", [](const json& v, const Context& c) { ExpectEqual(c, v, P(c).no_heat); }},
      {"lubricant_mentions",
       [](const json& v, const Context& c) { ExpectMentions(c, v, {P(c).lubricant}, true); }},
      {"session_minutes",
       [](const json& v, const Context& c) { ExpectEqual(c, v, P(c).session_minutes); }},
      {"per_week", [](const json& v, const Context& c) { ExpectEqual(c, v, P(c).per_week); }},
      {"count", [](const json& v, const Context& c) { ExpectEqual(c, v, P(c).count); }},
      {"has_reassessment",
       [](const json& v, const Context& c) { ExpectEqual(c, v, !P(c).reassess_after.empty()); }},
      {"approval_blockers",
       [](const json& v, const Context& c) { ExpectEqual(c, v, P(c).approval_blockers.size()); }},
      {"approval_blocked",
       [](const json& v, const Context& c) { ExpectEqual(c, v, !P(c).approval_blockers.empty()); }},
      {"approval_blockers_name_flags",
       [](const json& v, const Context& c) { ExpectMentions(c, v, P(c).approval_blockers, true); }},
      {"approval_blockers_ask",
       [](const json& v, const Context& c) {
         for (const json& id : v) {
           const int flag = c.k.FindRedFlag(id.get<std::string>());
           if (flag < 0) throw std::invalid_argument("unknown red flag " + id.dump());
           ExpectMentions(c, json::array({c.k.red_flags[flag].question}), P(c).approval_blockers,
                          true);
         }
       }},
      {"clearance_count",
       [](const json& v, const Context& c) { ExpectEqual(c, v, P(c).clearances.size()); }},
      {"complements_include",
       [](const json& v, const Context& c) {
         const std::vector<std::string> ids = ComplementIds(c);
         for (const json& id : v) {
           if (std::find(ids.begin(), ids.end(), id.get<std::string>()) == ids.end()) {
             c.Fail(id.get<std::string>() + " is not among the complements");
           }
         }
       }},
      {"radicular_caution",
       [](const json& v, const Context& c) {
         const auto& cautions = P(c).cautions;
         ExpectEqual(
             c, v,
             std::find(cautions.begin(), cautions.end(), c.k.radicular_caution) != cautions.end());
       }},
  };
  return checks;
}

}  // namespace sciaticare::testing::clinical
