#include "clinical/clinical_expectations.h"

#include <algorithm>
#include <array>
#include <optional>
#include <stdexcept>

#include "clinical/clinical_expectation_support.h"

namespace sciaticare::testing {
namespace clinical {

using nlohmann::json;

std::string Quote(std::string_view s) { return "\"" + std::string(s) + "\""; }

template <typename T, typename Parse>
T Named(const std::string& name, Parse parse, const char* what) {
  std::optional<T> v = parse(name);
  if (!v) throw std::invalid_argument("unknown " + std::string(what) + " " + Quote(name));
  return *v;
}

Region RegionNamed(const std::string& n) { return Named<Region>(n, ParseRegion, "region"); }

Technique TechniqueNamed(const std::string& n) {
  return Named<Technique>(n, ParseTechnique, "technique");
}

std::vector<Region> RegionList(const json& list) {
  std::vector<Region> out;
  for (const json& n : list) {
    if (n.get<std::string>() == "legs") {
      for (std::size_t r = 0; r < kRegionCount; ++r) {
        if (IsLegRegion(static_cast<Region>(r))) out.push_back(static_cast<Region>(r));
      }
    } else {
      out.push_back(RegionNamed(n.get<std::string>()));
    }
  }
  return out;
}

bool AnyContains(const std::vector<std::string>& texts, const std::string& part) {
  return std::any_of(texts.begin(), texts.end(),
                     [&](const auto& t) { return t.find(part) != std::string::npos; });
}

void ExpectEqual(const Context& c, const json& want, const json& found) {
  if (want != found) c.Fail("expected " + want.dump() + ", found " + found.dump());
}

void ExpectMentions(const Context& c, const json& parts, const std::vector<std::string>& texts,
                    bool present) {
  for (const json& part : parts) {
    if (AnyContains(texts, part.get<std::string>()) != present) {
      c.Fail(std::string(present ? "nothing mentions " : "something mentions ") + part.dump());
    }
  }
}

}  // namespace clinical

namespace {

using nlohmann::json;
using namespace clinical;

constexpr std::array<std::string_view, 4> kUrgencyNames = {"note", "routine_gp", "urgent",
                                                           "emergency"};

std::string_view UrgencyName(Urgency u) { return kUrgencyNames[static_cast<std::size_t>(u)]; }

int FlagIndex(const Knowledge& k, const std::string& id) {
  const int i = k.FindRedFlag(id);
  if (i < 0) throw std::invalid_argument("unknown red flag " + Quote(id));
  return i;
}

int ConditionIndex(const Knowledge& k, const std::string& id) {
  const int i = k.FindCondition(id);
  if (i < 0) throw std::invalid_argument("unknown condition " + Quote(id));
  return i;
}

// Expands a region-keyed object: region names, "legs" (anterior_thigh down to
// little_toe) and "other_regions"/"every_region" for every region not named
// otherwise. A region name beats "legs", which beats the fallback.
std::array<const json*, kRegionCount> PerRegion(const json& object) {
  std::array<const json*, kRegionCount> out{};
  std::array<int, kRegionCount> rank{};
  auto set = [&](std::size_t r, const json& v, int level) {
    if (level >= rank[r]) out[r] = &v, rank[r] = level;
  };
  for (const auto& [name, value] : object.items()) {
    if (name == "other_regions" || name == "every_region") {
      for (std::size_t r = 0; r < kRegionCount; ++r) set(r, value, 1);
    } else if (name == "legs") {
      for (std::size_t r = 0; r < kRegionCount; ++r) {
        if (IsLegRegion(static_cast<Region>(r))) set(r, value, 2);
      }
    } else {
      set(static_cast<std::size_t>(RegionNamed(name)), value, 3);
    }
  }
  return out;
}

std::string AvoidedName(const std::array<bool, 2>& a) {
  return a[0] && a[1] ? "both" : a[0] ? "left" : a[1] ? "right" : "none";
}

const std::string& ReferralWording(const std::string& name, const Knowledge& k) {
  static const std::string kNone;
  if (name == "none") return kNone;
  const UrgencyInfo& urgent = k.urgencies[static_cast<std::size_t>(Urgency::kUrgent)];
  if (name == "urgent_same_day") return urgent.same_day_action;
  for (std::size_t u = 1; u < kUrgencyNames.size(); ++u) {
    if (kUrgencyNames[u] == name) return k.urgencies[u].action;
  }
  throw std::invalid_argument("unknown referral " + Quote(name));
}

void CheckFlags(const json& v, const Context& c) {
  for (const auto& [id, want] : v.items()) {
    const int flag = FlagIndex(c.k, id);
    auto it = std::find_if(c.a.screening.flags.begin(), c.a.screening.flags.end(),
                           [&](const PositiveFlag& f) { return f.flag == flag; });
    if (it == c.a.screening.flags.end()) {
      c.Fail(id + " is not positive");
      continue;
    }
    const json urgency = want.is_object() ? want.at("urgency") : want;
    if (UrgencyName(it->urgency) != urgency.get<std::string>()) {
      c.Fail(id + ": urgency " + std::string(UrgencyName(it->urgency)) + ", expected " +
             urgency.get<std::string>());
    }
    if (want.is_object()) {
      for (const auto& [key, value] : want.items()) {
        if (key != "urgency" && key != "from_body_map") {
          throw std::invalid_argument("unknown key " + Quote(key) + " for flag " + id);
        }
      }
      if (want.contains("from_body_map") &&
          want["from_body_map"].get<bool>() != it->from_body_map) {
        c.Fail(id + ": from_body_map is " + (it->from_body_map ? "true" : "false"));
      }
    }
  }
}

void CheckConditions(const json& v, const Context& c) {
  for (const auto& [id, want] : v.items()) {
    const int condition = ConditionIndex(c.k, id);
    const std::string how = want.get<std::string>();
    if (how != "reported" && how != "derived") {
      throw std::invalid_argument("condition " + id + " must be \"reported\" or \"derived\"");
    }
    auto it = std::find_if(c.a.screening.conditions.begin(), c.a.screening.conditions.end(),
                           [&](const ActiveCondition& a) { return a.condition == condition; });
    if (it == c.a.screening.conditions.end()) {
      c.Fail(id + " is not active");
    } else if (it->derived != (how == "derived")) {
      c.Fail(id + " is " + (it->derived ? "derived" : "reported") + ", expected " + how);
    }
  }
}

void CheckCaps(const json& v, const Context& c) {
  const auto want = PerRegion(v);
  for (std::size_t r = 0; r < kRegionCount; ++r) {
    if (!want[r]) continue;
    if (c.a.screening.constraints.cap[r] != want[r]->get<int>()) {
      c.Fail(std::string(Name(static_cast<Region>(r))) + ": cap " +
             std::to_string(c.a.screening.constraints.cap[r]) + ", expected " + want[r]->dump());
    }
  }
}

void CheckAvoided(const json& v, const Context& c) {
  const auto want = PerRegion(v);
  for (std::size_t r = 0; r < kRegionCount; ++r) {
    if (!want[r]) continue;
    const std::string side = want[r]->get<std::string>();
    if (side != "none" && side != "left" && side != "right" && side != "both") {
      throw std::invalid_argument("avoided side must be none, left, right or both");
    }
    const std::string found = AvoidedName(c.a.screening.constraints.avoided[r]);
    if (found != side) {
      c.Fail(std::string(Name(static_cast<Region>(r))) + ": avoided " + found + ", expected " +
             side);
    }
  }
}

void CheckTechniqueExclusion(const json& v, const Context& c, bool excluded) {
  for (const json& name : v) {
    const auto t = static_cast<std::size_t>(TechniqueNamed(name.get<std::string>()));
    if (c.a.screening.constraints.excluded_reason[t].empty() == excluded) {
      c.Fail(name.get<std::string>() + (excluded ? " is allowed" : " is excluded"));
    }
  }
}

void CheckPlan(const json& v, const Context& c);

const std::map<std::string, Check>& TopChecks() {
  static const std::map<std::string, Check> checks = {
      {"triage",
       [](const json& v, const Context& c) {
         ExpectEqual(c, v, std::string(Name(c.a.screening.triage)));
       }},
      {"referred", [](const json& v,
                      const Context& c) { ExpectEqual(c, v, IsReferral(c.a.screening.triage)); }},
      {"flags", CheckFlags},
      {"flag_count",
       [](const json& v, const Context& c) { ExpectEqual(c, v, c.a.screening.flags.size()); }},
      {"absent_flags",
       [](const json& v, const Context& c) {
         for (const json& id : v) {
           const int flag = FlagIndex(c.k, id.get<std::string>());
           for (const PositiveFlag& f : c.a.screening.flags) {
             if (f.flag == flag) c.Fail(id.get<std::string>() + " is positive");
           }
         }
       }},
      {"conditions", CheckConditions},
      {"condition_count",
       [](const json& v, const Context& c) { ExpectEqual(c, v, c.a.screening.conditions.size()); }},
      {"absent_conditions",
       [](const json& v, const Context& c) {
         for (const json& id : v) {
           const int condition = ConditionIndex(c.k, id.get<std::string>());
           for (const ActiveCondition& a : c.a.screening.conditions) {
             if (a.condition == condition) c.Fail(id.get<std::string>() + " is active");
           }
         }
       }},
      {"referral",
       [](const json& v, const Context& c) {
         if (c.a.screening.referral_action != ReferralWording(v.get<std::string>(), c.k)) {
           c.Fail("the referral wording is not the " + v.get<std::string>() +
                  " wording: " + Quote(c.a.screening.referral_action));
         }
       }},
      {"referral_mentions",
       [](const json& v, const Context& c) {
         ExpectMentions(c, v, {c.a.screening.referral_action}, true);
       }},
      {"referral_does_not_mention",
       [](const json& v, const Context& c) {
         ExpectMentions(c, v, {c.a.screening.referral_action}, false);
       }},
      {"has_reasons",
       [](const json& v, const Context& c) { ExpectEqual(c, v, !c.a.screening.reasons.empty()); }},
      {"first_reason_starts_with",
       [](const json& v, const Context& c) {
         const auto& r = c.a.screening.reasons;
         if (r.empty() || r.front().rfind(v.get<std::string>(), 0) != 0) {
           c.Fail("first reason: " + (r.empty() ? std::string("none") : Quote(r.front())));
         }
       }},
      {"last_reason_starts_with",
       [](const json& v, const Context& c) {
         const auto& r = c.a.screening.reasons;
         if (r.empty() || r.back().rfind(v.get<std::string>(), 0) != 0) {
           c.Fail("last reason: " + (r.empty() ? std::string("none") : Quote(r.back())));
         }
       }},
      {"reasons_include_bilateral_leg_reason",
       [](const json& v, const Context& c) {
         const auto& r = c.a.screening.reasons;
         const std::string reason = "Red flag: " + c.k.bilateral_leg_reason + ".";
         ExpectEqual(c, v, std::find(r.begin(), r.end(), reason) != r.end());
       }},
      {"unanswered_ces",
       [](const json& v, const Context& c) {
         ExpectEqual(c, v, c.a.screening.unanswered_ces_flags);
       }},
      {"caps", CheckCaps},
      {"every_cap_has_reason",
       [](const json& v, const Context& c) {
         for (std::size_t r = 0; r < kRegionCount; ++r) {
           if (c.a.screening.constraints.cap_reason[r].empty() == v.get<bool>()) {
             c.Fail(std::string(Name(static_cast<Region>(r))) + ": cap reason is " +
                    (v.get<bool>() ? "missing" : "given"));
           }
         }
       }},
      {"avoided", CheckAvoided},
      {"avoid_reason_given",
       [](const json& v, const Context& c) {
         for (Region r : RegionList(v)) {
           if (c.a.screening.constraints.avoid_reason[static_cast<std::size_t>(r)].empty()) {
             c.Fail(std::string(Name(r)) + " has no reason for avoiding it");
           }
         }
       }},
      {"excluded_techniques",
       [](const json& v, const Context& c) { CheckTechniqueExclusion(v, c, true); }},
      {"allowed_techniques",
       [](const json& v, const Context& c) { CheckTechniqueExclusion(v, c, false); }},
      {"clearances",
       [](const json& v, const Context& c) {
         for (const json& by : v) {
           if (!std::any_of(c.a.screening.constraints.clearances.begin(),
                            c.a.screening.constraints.clearances.end(), [&](const std::string& s) {
                              return s.rfind(by.get<std::string>() + " clearance", 0) == 0;
                            })) {
             c.Fail("no " + by.get<std::string>() + " clearance");
           }
         }
       }},
      {"no_clearance_from",
       [](const json& v, const Context& c) {
         for (const json& by : v) {
           for (const std::string& s : c.a.screening.constraints.clearances) {
             if (s.rfind(by.get<std::string>() + " clearance", 0) == 0) c.Fail(Quote(s));
           }
         }
       }},
      {"cautions_mention",
       [](const json& v, const Context& c) {
         ExpectMentions(c, v, c.a.screening.constraints.cautions, true);
       }},
      {"oils_allowed",
       [](const json& v, const Context& c) {
         ExpectEqual(c, v, c.a.screening.constraints.oils_allowed);
       }},
      {"no_heat", [](const json& v,
                     const Context& c) { ExpectEqual(c, v, c.a.screening.constraints.no_heat); }},
      {"position", [](const json& v,
                      const Context& c) { ExpectEqual(c, v, c.a.screening.constraints.position); }},
      {"roots", [](const json& v, const Context& c) { ExpectEqual(c, v, c.a.pattern.roots); }},
      {"plan", CheckPlan},
  };
  return checks;
}

// Runs each key of `expect` through `checks`; an unknown key or a value of the
// wrong shape fails under its own name.
void RunChecks(const json& expect, const std::map<std::string, Check>& checks,
               const Context& parent, const std::string& prefix) {
  for (const auto& [key, value] : expect.items()) {
    Context c{parent.a, parent.k, parent.fail, prefix + key};
    auto it = checks.find(key);
    if (it == checks.end()) {
      c.Fail("unknown expectation (see tests/clinical/README.md)");
      continue;
    }
    try {
      it->second(value, c);
    } catch (const std::exception& e) {
      c.Fail(std::string("malformed expectation: ") + e.what());
    }
  }
}

void CheckPlan(const json& v, const Context& c) {
  if (v.is_boolean()) {
    ExpectEqual(c, v, c.a.plan.has_value());
    return;
  }
  if (!v.is_object()) throw std::invalid_argument("\"plan\" must be false, true or an object");
  if (!c.a.plan) {
    c.Fail("no plan (triage " + std::string(Name(c.a.screening.triage)) + ")");
    return;
  }
  RunChecks(v, PlanChecks(), c, c.key + ".");
}

}  // namespace

void CheckExpectations(const json& expect, const Assessment& a, const Knowledge& k,
                       const ExpectationFailure& fail) {
  Context root{a, k, fail, ""};
  RunChecks(expect, TopChecks(), root, "");
}

std::vector<std::string> ExpectationKeys() {
  std::vector<std::string> keys;
  for (const auto& [key, check] : TopChecks()) keys.push_back(key);
  return keys;
}

std::vector<std::string> PlanExpectationKeys() {
  std::vector<std::string> keys;
  for (const auto& [key, check] : PlanChecks()) keys.push_back(key);
  return keys;
}

}  // namespace sciaticare::testing
