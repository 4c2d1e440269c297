#include "core/planner.h"

#include <algorithm>
#include <map>

namespace sciaticare {
namespace {

bool Contains(const std::vector<Activity>& list, Activity a) {
  return std::find(list.begin(), list.end(), a) != list.end();
}

bool FactHolds(const std::string& fact, const BodyPattern& pattern, const Scores& scores,
               bool irritable) {
  if (fact == "radicular") return pattern.below_knee;
  if (fact == "irritable") return irritable;
  const std::string risk = scores.startback ? scores.startback->risk : "";
  if (fact == "startback_low") return risk == "low";
  if (fact == "startback_medium") return risk == "medium";
  if (fact == "startback_high") return risk == "high";
  return false;
}

bool Matches(const RuleCondition& w, const Intake& in, const BodyPattern& pattern,
             const Scores& scores, bool irritable) {
  if (w.min_onset_weeks && (!in.onset_weeks || *in.onset_weeks < *w.min_onset_weeks)) return false;
  for (Activity a : w.aggravated_by_all) {
    if (!Contains(in.aggravated_by, a)) return false;
  }
  if (!w.aggravated_by_any.empty() &&
      std::none_of(w.aggravated_by_any.begin(), w.aggravated_by_any.end(),
                   [&](Activity a) { return Contains(in.aggravated_by, a); })) {
    return false;
  }
  if (!w.symptom_in.Empty() &&
      std::none_of(in.symptoms.begin(), in.symptoms.end(),
                   [&](const Symptom& s) { return w.symptom_in.Contains(s.region); })) {
    return false;
  }
  if (!w.any_of.empty() &&
      std::none_of(w.any_of.begin(), w.any_of.end(), [&](const std::string& f) {
        return FactHolds(f, pattern, scores, irritable);
      })) {
    return false;
  }
  return std::none_of(w.none_of.begin(), w.none_of.end(), [&](const std::string& f) {
    return FactHolds(f, pattern, scores, irritable);
  });
}

std::string SideWords(Side s) {
  switch (s) {
    case Side::kLeft:
      return "left";
    case Side::kRight:
      return "right";
    default:
      return "both sides";
  }
}

std::string PressureWords(int p) {
  static const char* kWords[] = {"", "light", "moderate", "firm", "deep", "very deep"};
  return std::to_string(p) + " (" + kWords[std::clamp(p, 1, 5)] + ")";
}

// One candidate target with the pressure it may take and the rule behind it.
struct Candidate {
  Target target;
  int pressure = 1;
  int evidence = 0;
  const TechniqueRule* rule = nullptr;
  std::string limit;  // Why the pressure is what it is.
};

class Planner {
 public:
  Planner(const Intake& in, const Screening& sc, const BodyPattern& pattern, const Scores& scores,
          const Knowledge& k)
      : in_(in), sc_(sc), c_(sc.constraints), pattern_(pattern), scores_(scores), k_(k) {
    for (const ActiveCondition& a : sc_.conditions)
      irritable_ |= a.condition == k_.irritability_condition;
  }

  Plan Run() {
    CollectWorkRegions();
    const PainTolerance tol = in_.preferences.pain_tolerance.value_or(k_.default_tolerance);
    desired_ = in_.preferences.pressure_preference.value_or(
        k_.tolerance[static_cast<std::size_t>(tol)].preferred);
    for (const TechniqueRule& rule : k_.technique_rules) ApplyRule(rule);
    BuildItems();
    KeepSessionFocused();
    FitMinutes();
    ChooseCourse();
    AddComplementsAndCautions();
    return std::move(plan_);
  }

 private:
  void CollectWorkRegions() {
    work_.Add(Region::kLowerBack);  // Paraspinal tone is the usual companion of sciatica.
    if (pattern_.side) work_.Add(Region::kButtock);  // The sciatic nerve's path.
    for (const Symptom& s : in_.symptoms) {
      work_.AddAll(k_.regions[static_cast<std::size_t>(s.region)].work_regions);
    }
  }

  // The side a target may take once avoided sides are removed.
  std::optional<Side> AllowedSide(Region r) const {
    Side side = IsLateralRegion(r) ? pattern_.side.value_or(Side::kBoth) : Side::kBoth;
    const auto& a = c_.avoided[static_cast<std::size_t>(r)];
    if (side == Side::kLeft) return a[0] ? std::nullopt : std::optional<Side>(side);
    if (side == Side::kRight) return a[1] ? std::nullopt : std::optional<Side>(side);
    if (a[0] && a[1]) return std::nullopt;
    if (a[0]) return Side::kRight;
    if (a[1]) return Side::kLeft;
    return Side::kBoth;
  }

  void Exclude(Technique t, const std::string& reason) {
    for (const ExcludedTechnique& e : plan_.excluded) {
      if (e.technique == t) return;
    }
    plan_.excluded.push_back({t, reason});
  }

  void ApplyRule(const TechniqueRule& rule) {
    if (!Matches(rule.when, in_, pattern_, scores_, irritable_)) return;
    const std::size_t t = static_cast<std::size_t>(rule.technique);
    if (!c_.excluded_reason[t].empty()) {
      Exclude(rule.technique, c_.excluded_reason[t]);
      return;
    }
    const TechniqueDef& tech = k_.techniques[t];
    const int want = std::clamp(desired_, tech.min_pressure, tech.max_pressure);
    std::string dropped;
    for (std::size_t r = 0; r < kRegionCount; ++r) {
      const auto region = static_cast<Region>(r);
      if (!work_.Contains(region) || !(rule.all_work_regions || rule.regions.Contains(region))) {
        continue;
      }
      const RegionDef& def = k_.regions[r];
      std::string muscle = rule.muscle_override[r];
      if (muscle.empty() && !def.muscles.empty()) muscle = def.muscles.front();
      if (muscle.empty()) continue;
      std::optional<Side> side = AllowedSide(region);
      if (!side) {
        if (dropped.empty())
          dropped = "not on the " + def.label + " because of " + c_.avoid_reason[r];
        continue;
      }
      const int cap = c_.CapFor(rule.technique, region);
      const std::string& cap_reason = c_.CapReasonFor(rule.technique, region);
      const int allowed = std::min(want, cap);
      if (allowed < tech.min_pressure) {
        if (dropped.empty()) {
          dropped = "needs pressure " + std::to_string(tech.min_pressure) +
                    " or more, above the limit of " + std::to_string(cap) + " on the " + def.label +
                    " set by " + cap_reason;
        }
        continue;
      }
      std::string limit = allowed < want ? "Pressure kept at " + PressureWords(allowed) +
                                               " because of " + cap_reason + "."
                                         : "Pressure " + PressureWords(allowed) +
                                               ", within the limit set by " + cap_reason + ".";
      candidates_[rule.technique].push_back({Target{region, *side, muscle}, allowed,
                                             rule.evidence.value_or(tech.evidence), &rule, limit});
    }
    if (std::find(order_.begin(), order_.end(), rule.technique) == order_.end()) {
      order_.push_back(rule.technique);
    }
    if (!dropped.empty()) dropped_[rule.technique] = dropped;
  }

  static std::string Where(const std::vector<Target>& targets, const Knowledge& k) {
    std::string where;
    Region last = Region::kLittleToe;
    bool first = true;
    for (const Target& t : targets) {
      if (!first && t.region == last) continue;
      const RegionDef& def = k.regions[static_cast<std::size_t>(t.region)];
      where += (first ? "" : ", ") + def.label + " (" + SideWords(t.side) + ")";
      last = t.region;
      first = false;
    }
    return "Where: " + where + ".";
  }

  void BuildItems() {
    for (Technique t : order_) {
      auto it = candidates_.find(t);
      if (it == candidates_.end() || it->second.empty()) {
        auto d = dropped_.find(t);
        Exclude(t, d != dropped_.end() ? d->second : "no suitable region for this patient");
        continue;
      }
      // Targets that take the same pressure and rest on the same evidence form one
      // item, in the order the rules produced them.
      std::vector<std::pair<std::pair<int, int>, std::vector<const Candidate*>>> groups;
      for (const Candidate& c : it->second) {
        std::pair<int, int> key{c.pressure, c.evidence};
        auto g = std::find_if(groups.begin(), groups.end(),
                              [&](const auto& e) { return e.first == key; });
        if (g == groups.end()) g = groups.insert(groups.end(), {key, {}});
        g->second.push_back(&c);
      }
      for (const auto& [key, members] : groups) {
        PlanItem item;
        item.technique = t;
        item.pressure = key.first;
        item.evidence = key.second;
        for (const Candidate* c : members) {
          item.targets.push_back(c->target);
          if (std::find(item.because.begin(), item.because.end(), c->rule->because) ==
              item.because.end()) {
            item.because.push_back(c->rule->because);
          }
        }
        item.because.push_back(Where(item.targets, k_));
        item.because.push_back(members.front()->limit);
        item.minutes = k_.techniques[static_cast<std::size_t>(t)].minutes_per_region *
                       static_cast<int>(item.targets.size());
        plan_.techniques.push_back(std::move(item));
      }
    }
  }

  // A session holds a few techniques well rather than many briefly; the
  // later, more specialised ones wait, but the home programme always stays.
  void KeepSessionFocused() {
    auto& items = plan_.techniques;
    while (static_cast<int>(items.size()) > k_.max_techniques) {
      auto last = std::find_if(items.rbegin(), items.rend(), [](const PlanItem& i) {
        return i.technique != Technique::kSelfMassage;
      });
      if (last == items.rend()) break;
      // A technique may fill two items (a lower cap on one region): both go together.
      const Technique dropped = last->technique;
      Exclude(dropped, "left for a later session: one session holds at most " +
                           std::to_string(k_.max_techniques) + " techniques");
      std::erase_if(items, [dropped](const PlanItem& i) { return i.technique == dropped; });
    }
  }

  void FitMinutes() {
    plan_.session_minutes = irritable_ ? k_.irritable_session_minutes : k_.session_minutes;
    int total = 0;
    for (const PlanItem& i : plan_.techniques) total += i.minutes;
    if (total <= plan_.session_minutes) return;
    const int total_before = total;
    total = 0;
    for (PlanItem& i : plan_.techniques) {
      i.minutes =
          std::max(k_.min_technique_minutes, i.minutes * plan_.session_minutes / total_before);
      total += i.minutes;
    }
    // The minimum per technique can push the total back over: take the excess
    // from the longest items, never below the minimum.
    while (total > plan_.session_minutes) {
      auto longest = std::max_element(
          plan_.techniques.begin(), plan_.techniques.end(),
          [](const PlanItem& a, const PlanItem& b) { return a.minutes < b.minutes; });
      if (longest->minutes <= k_.min_technique_minutes) break;
      --longest->minutes;
      --total;
    }
  }

  void ChooseCourse() {
    // The first course whose facts hold and whose onset fits; unknown onset
    // takes the first (shortest, most cautious) onset band.
    for (const CourseRule& c : k_.courses) {
      if (!Matches(c.when, in_, pattern_, scores_, irritable_)) continue;
      if (c.max_onset_weeks && in_.onset_weeks && *in_.onset_weeks >= *c.max_onset_weeks) continue;
      plan_.per_week = c.per_week;
      plan_.count = c.count;
      plan_.reassess_after = c.reassess_after;
      plan_.sessions_because = c.because;
      plan_.sessions_evidence = c.evidence;
      return;
    }
  }

  void AddCaution(const std::string& text) {
    if (std::find(plan_.cautions.begin(), plan_.cautions.end(), text) == plan_.cautions.end()) {
      plan_.cautions.push_back(text);
    }
  }

  void AddComplementsAndCautions() {
    for (std::size_t i = 0; i < k_.complements.size(); ++i) {
      if (Matches(k_.complements[i].when, in_, pattern_, scores_, irritable_)) {
        plan_.complements.push_back(static_cast<int>(i));
      }
    }
    for (const std::string& c : k_.always_cautions) AddCaution(c);
    // KNGF 2021 advises against massage for sciatica as a whole, so any leg
    // symptom (thigh or below) shows its caution, not only one below the knee.
    const bool leg_symptoms = std::any_of(in_.symptoms.begin(), in_.symptoms.end(),
                                          [](const Symptom& s) { return IsLegRegion(s.region); });
    if (pattern_.below_knee || leg_symptoms) AddCaution(k_.radicular_caution);
    for (const PlanItem& item : plan_.techniques) {
      for (const Target& t : item.targets) {
        for (const NerveCautionZone& z : k_.nerve_caution_zones) {
          if (z.region == t.region && item.pressure >= 3) AddCaution(z.text);
        }
      }
    }
    for (const std::string& c : c_.cautions) AddCaution(c);
    if (c_.no_heat)
      AddCaution("No heat packs or hot stones: reduced feeling means burns go unnoticed.");
    plan_.oils_allowed = c_.oils_allowed;
    plan_.lubricant =
        c_.oils_allowed
            ? "Massage oil or lotion as the patient prefers."
            : "Unscented hypoallergenic lotion only; no scented, essential or nut oils.";
    plan_.position = c_.position;
    plan_.no_heat = c_.no_heat;
    plan_.clearances = c_.clearances;
    for (const std::string& id : sc_.unanswered_ces_flags) {
      const RedFlagDef& def = k_.red_flags[static_cast<std::size_t>(k_.FindRedFlag(id))];
      plan_.approval_blockers.push_back("Red-flag question " + id +
                                        " is not answered (cauda equina): \"" + def.question +
                                        "\" Ask it before approval.");
    }
    for (const std::string& c : c_.clearances) {
      plan_.approval_blockers.push_back("Needs " + c + ".");
    }
  }

  const Intake& in_;
  const Screening& sc_;
  const Constraints& c_;
  const BodyPattern& pattern_;
  const Scores& scores_;
  const Knowledge& k_;
  RegionSet work_;
  int desired_ = 3;
  bool irritable_ = false;  // acute_radicular_irritability is active.
  std::vector<Technique> order_;
  std::map<Technique, std::vector<Candidate>> candidates_;
  std::map<Technique, std::string> dropped_;
  Plan plan_;
};

}  // namespace

Plan MakePlan(const Intake& intake, const Screening& screening, const BodyPattern& pattern,
              const Scores& scores, const Knowledge& k) {
  return Planner(intake, screening, pattern, scores, k).Run();
}

}  // namespace sciaticare
