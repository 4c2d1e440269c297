#include "core/screening.h"

#include <algorithm>

namespace sciaticare {

std::string_view Name(Triage t) {
  switch (t) {
    case Triage::kTreat:
      return "treat";
    case Triage::kTreatWithPrecautions:
      return "treat_with_precautions";
    case Triage::kReferRoutine:
      return "refer_routine";
    case Triage::kReferUrgent:
      return "refer_urgent";
    case Triage::kReferEmergency:
      return "refer_emergency";
  }
  return "treat";
}

bool Constraints::Avoided(Region r, Side s) const {
  const auto& a = avoided[static_cast<std::size_t>(r)];
  switch (s) {
    case Side::kLeft:
      return a[0];
    case Side::kRight:
      return a[1];
    default:
      return a[0] && a[1];
  }
}

int Constraints::CapFor(Technique t, Region r) const {
  const auto ti = static_cast<std::size_t>(t), ri = static_cast<std::size_t>(r);
  return std::min(cap[ri], technique_cap[ti][ri]);
}

const std::string& Constraints::CapReasonFor(Technique t, Region r) const {
  const auto ti = static_cast<std::size_t>(t), ri = static_cast<std::size_t>(r);
  return technique_cap[ti][ri] < cap[ri] ? technique_cap_reason[ti][ri] : cap_reason[ri];
}

namespace {

int MaxPain(const Intake& intake) {
  int worst = std::max(intake.questionnaires.nrs_leg.value_or(0),
                       intake.questionnaires.nrs_back.value_or(0));
  for (const Symptom& s : intake.symptoms) {
    if (s.kind == SymptomKind::kPain) worst = std::max(worst, s.intensity.value_or(0));
  }
  return worst;
}

int MaxLegPain(const Intake& intake) {
  int worst = intake.questionnaires.nrs_leg.value_or(0);
  for (const Symptom& s : intake.symptoms) {
    if (s.kind == SymptomKind::kPain && IsLegRegion(s.region)) {
      worst = std::max(worst, s.intensity.value_or(0));
    }
  }
  return worst;
}

class Screener {
 public:
  Screener(const Intake& intake, const BodyPattern& pattern, const Knowledge& k)
      : in_(intake), pattern_(pattern), k_(k) {}

  Screening Run() {
    EvaluateRedFlags();
    ActivateConditions();
    for (const ActiveCondition& c : out_.conditions) ApplyCondition(c);
    if (in_.patient.age < k_.min_age) {
      refer_ = std::max(refer_, k_.min_age_urgency);
      out_.reasons.push_back("Age: " + k_.min_age_reason + ".");
    }
    if (!out_.unanswered_ces_flags.empty()) {
      out_.reasons.push_back(
          "Not answered yet: " + std::to_string(out_.unanswered_ces_flags.size()) +
          " cauda equina question(s); the plan cannot be approved until they are.");
    }
    Decide();
    return std::move(out_);
  }

 private:
  void EvaluateRedFlags() {
    std::vector<int> positive;
    for (const RedFlagAnswer& a : in_.red_flags) {
      if (a.answer.value_or(false)) positive.push_back(a.flag);
    }
    ListUnansweredCesQuestions();
    auto add_derived = [&positive](int flag) {
      if (std::find(positive.begin(), positive.end(), flag) != positive.end()) return false;
      positive.push_back(flag);
      return true;
    };
    // Asked with its features, inflammatory back pain is decided from them; a
    // "yes" to the older single question still counts (never discarded).
    if (InflammatoryPatternHolds()) add_derived(k_.inflammatory.flag);
    // Patients may not volunteer these answers (CKS), so the body map and age answer them too.
    const bool body_map_bilateral = pattern_.both_legs && add_derived(k_.bilateral_leg_flag);
    const bool long_standing =
        in_.onset_weeks && *in_.onset_weeks >= k_.bilateral_long_standing_weeks;
    const int age = in_.patient.age;
    if (in_.patient.first_episode.value_or(false) &&
        (age > k_.first_episode_over || age < k_.first_episode_under)) {
      add_derived(k_.first_episode_flag);
    }
    const double onset = in_.onset_weeks.value_or(0);  // Unknown onset counts as recent.
    const int max_pain = MaxPain(in_);
    for (int f : positive) {
      const RedFlagDef& def = k_.red_flags[f];
      const bool from_map = body_map_bilateral && f == k_.bilateral_leg_flag;
      Urgency u = from_map && long_standing ? k_.bilateral_long_standing_urgency : def.urgency;
      for (const FlagEscalation& esc : def.escalate) {
        for (int other : positive) {
          if (other == f) continue;
          bool in_group = std::find(esc.with_groups.begin(), esc.with_groups.end(),
                                    k_.red_flags[other].group) != esc.with_groups.end();
          bool named = std::find(esc.with_flags.begin(), esc.with_flags.end(), other) !=
                       esc.with_flags.end();
          if (in_group || named) u = std::max(u, esc.urgency);
        }
      }
      if (def.recent_severe && onset <= def.recent_severe->max_onset_weeks &&
          max_pain >= def.recent_severe->min_pain) {
        u = std::max(u, def.recent_severe->urgency);
      }
      out_.flags.push_back({f, u, from_map});
      refer_ = std::max(refer_, u);
      if (def.same_day && u == Urgency::kUrgent) same_day_ = true;
      std::string reason = !from_map       ? def.reason
                           : long_standing ? k_.bilateral_long_standing_reason
                                           : k_.bilateral_leg_reason;
      out_.reasons.push_back(u == Urgency::kNote ? "Note: " + reason + "."
                                                 : "Red flag: " + reason + ".");
    }
  }

  // NICE NG65 via red-flags.md: both entry conditions and at least
  // min_features of the features answered yes.
  bool InflammatoryPatternHolds() const {
    if (!in_.inflammatory_back_pain) return false;
    const InflammatoryAnswers& a = *in_.inflammatory_back_pain;
    // An answer missing from the list was not asked: it is no "yes".
    const auto yes = [](const std::vector<std::optional<bool>>& list, std::size_t i) {
      return i < list.size() && list[i].value_or(false);
    };
    for (std::size_t i = 0; i < k_.inflammatory.entry.size(); ++i) {
      if (!yes(a.entry, i)) return false;
    }
    int features = 0;
    for (std::size_t i = 0; i < k_.inflammatory.features.size(); ++i)
      features += yes(a.features, i);
    return features >= k_.inflammatory.min_features;
  }

  // Patients may not volunteer cauda equina symptoms (CKS), so every ces_*
  // question a patient can answer must be asked: one left out counts as one
  // whose answer is unknown. The clinician-only finding is imported, never
  // asked, so it is listed only when its answer was given as unknown.
  void ListUnansweredCesQuestions() {
    for (std::size_t f = 0; f < k_.red_flags.size(); ++f) {
      const RedFlagDef& def = k_.red_flags[f];
      if (def.group != "ces") continue;
      const RedFlagAnswer* given = nullptr;
      for (const RedFlagAnswer& a : in_.red_flags) {
        if (a.flag == static_cast<int>(f)) given = &a;
      }
      const bool unknown = given ? !given->answer.has_value() : def.scope == "patient";
      if (unknown) out_.unanswered_ces_flags.push_back(def.id);
    }
  }

  void Activate(int condition, bool derived) {
    for (const ActiveCondition& c : out_.conditions) {
      if (c.condition == condition) return;
    }
    out_.conditions.push_back({condition, derived});
    for (const ConditionAction& a : k_.conditions[condition].actions) {
      if (a.type != ConditionAction::Type::kImplies) continue;
      for (int implied : a.implies) Activate(implied, true);
    }
  }

  void ActivateConditions() {
    for (const ConditionReport& r : in_.conditions) Activate(r.condition, false);
    if (in_.patient.pregnant) Activate(k_.pregnancy_condition, true);
    if (in_.preferences.fragrance_sensitive) Activate(k_.scent_condition, true);
    if (in_.preferences.pain_tolerance == PainTolerance::kLow) {
      Activate(k_.low_tolerance_condition, true);
    }
    // Two signs of irritable radicular pain (contraindications.md): severe leg
    // pain, or symptoms that spread down the leg during a treatment.
    if (MaxLegPain(in_) >= k_.irritability_min_leg_pain || in_.symptoms_spread_in_treatment) {
      Activate(k_.irritability_condition, true);
    }
  }

  const ConditionReport* ReportFor(int condition) const {
    for (const ConditionReport& r : in_.conditions) {
      if (r.condition == condition) return &r;
    }
    return nullptr;
  }

  RegionSet NumbRegions() const {
    RegionSet numb;
    for (const Symptom& s : in_.symptoms) {
      if (s.kind == SymptomKind::kNumbness) numb.Add(s.region);
    }
    return numb;
  }

  // The regions an action covers; nullopt when it names a site nobody gave.
  std::optional<RegionSet> Resolve(const RegionSelector& sel, const ConditionReport* report) const {
    RegionSet chosen;
    switch (sel.kind) {
      case RegionSelector::Kind::kFixed:
        return sel.fixed;
      case RegionSelector::Kind::kSite:
        if (report) chosen = report->site;
        break;
      case RegionSelector::Kind::kNumb:
        chosen = NumbRegions();
        break;
    }
    if (!chosen.Empty()) return chosen;
    return sel.fallback;
  }

  void ApplyAction(const ConditionAction& a, const ConditionDef& def,
                   const ConditionReport* report) {
    using T = ConditionAction::Type;
    Constraints& c = out_.constraints;
    switch (a.type) {
      case T::kExcludeAll:
        ExcludeAll(a.refer, a.refer_same_day, def);
        break;
      case T::kExcludeAllUnlessSiteOutside:
        if (!report || report->site.Empty() || report->site.Intersects(a.outside)) {
          ExcludeAll(a.refer, a.refer_same_day, def);
        }
        break;
      case T::kAvoidRegions: {
        auto regions = Resolve(a.where, report);
        if (!regions) {
          c.cautions.push_back("The site of " + def.reason +
                               " was not recorded: find it before treating and keep away from it.");
          break;
        }
        const Side side = report && report->side ? *report->side : Side::kBoth;
        for (std::size_t r = 0; r < kRegionCount; ++r) {
          if (!regions->Contains(static_cast<Region>(r))) continue;
          if (side != Side::kRight) c.avoided[r][0] = true;
          if (side != Side::kLeft) c.avoided[r][1] = true;
          if (c.avoid_reason[r].empty()) c.avoid_reason[r] = def.reason;
        }
        break;
      }
      case T::kCapPressure: {
        auto regions = Resolve(a.where, report);
        if (!regions) break;
        for (std::size_t r = 0; r < kRegionCount; ++r) {
          if (regions->Contains(static_cast<Region>(r))) {
            Cap(r, a.max_pressure, def.reason);
          }
        }
        break;
      }
      case T::kExcludeTechniques:
        for (Technique t : a.techniques) {
          auto& reason = c.excluded_reason[static_cast<std::size_t>(t)];
          if (reason.empty()) reason = "left out because of " + def.reason;
        }
        break;
      case T::kNoOils:
        c.oils_allowed = false;
        break;
      case T::kRequireClearance:
        c.clearances.push_back(a.text + " clearance: " + def.reason);
        if (std::find(c.clearance_kinds.begin(), c.clearance_kinds.end(), a.text) ==
            c.clearance_kinds.end()) {
          c.clearance_kinds.push_back(a.text);
        }
        break;
      case T::kNoHeat:
        c.no_heat = true;
        break;
      case T::kPosition:
        c.position = a.text;
        break;
      case T::kCaution:
        c.cautions.push_back(a.text);
        break;
      case T::kImplies:
        break;  // Handled when conditions are activated.
      case T::kWhenModifier:
        if (report && std::find(report->modifiers.begin(), report->modifiers.end(), a.modifier) !=
                          report->modifiers.end()) {
          ApplyAction(*a.then, def, report);
        }
        break;
    }
  }

  void ApplyCondition(const ActiveCondition& active) {
    const ConditionDef& def = k_.conditions[active.condition];
    const ConditionReport* report = ReportFor(active.condition);
    for (const ConditionAction& a : def.actions) ApplyAction(a, def, report);
    if (def.level != ConditionLevel::kPreference) precautions_ = true;
    std::string prefix = def.level == ConditionLevel::kPreference ? "Preference: " : "Precaution: ";
    out_.reasons.push_back(prefix + def.reason + ".");
  }

  void ExcludeAll(Urgency refer, bool same_day, const ConditionDef& def) {
    refer_ = std::max(refer_, refer);
    if (same_day && refer == Urgency::kUrgent) same_day_ = true;
    out_.reasons.push_back("No massage today: " + def.reason + ".");
  }

  void Cap(std::size_t region, int max, const std::string& reason) {
    Constraints& c = out_.constraints;
    if (max < c.cap[region]) {
      c.cap[region] = max;
      c.cap_reason[region] = reason;
    }
  }

  // Caps that every patient has: tolerance, stated preference, numb areas.
  void ApplyPersonalCaps() {
    PainTolerance tol = in_.preferences.pain_tolerance.value_or(k_.default_tolerance);
    int tol_cap = k_.tolerance[static_cast<std::size_t>(tol)].cap;
    std::string tol_reason = "your " + std::string(Name(tol)) + " pain tolerance";
    std::optional<int> pref = in_.preferences.pressure_preference;
    for (std::size_t r = 0; r < kRegionCount; ++r) {
      Cap(r, tol_cap, tol_reason);
      if (pref) Cap(r, *pref, "the pressure you asked for");
    }
    RegionSet numb = NumbRegions();
    for (std::size_t r = 0; r < kRegionCount; ++r) {
      if (numb.Contains(static_cast<Region>(r))) Cap(r, k_.numb_region_cap, k_.numb_region_reason);
    }
    // Anatomy reference (nerve caution zones): no sustained point pressure of
    // 4 or more where the sciatic nerve runs, for every patient.
    Constraints& c = out_.constraints;
    for (const NerveCautionZone& z : k_.nerve_caution_zones) {
      const auto r = static_cast<std::size_t>(z.region);
      for (Technique t : z.point_pressure_techniques) {
        const auto ti = static_cast<std::size_t>(t);
        if (z.point_pressure_max < c.technique_cap[ti][r]) {
          c.technique_cap[ti][r] = z.point_pressure_max;
          c.technique_cap_reason[ti][r] = "the sciatic nerve's course (" + z.text + ")";
        }
      }
    }
    if (!numb.Empty())
      out_.constraints.no_heat = true;  // Burns go unnoticed where feeling is lost.
  }

  void Decide() {
    ApplyPersonalCaps();
    if (refer_ >= Urgency::kRoutineGp) {
      const UrgencyInfo& info = k_.urgencies[static_cast<std::size_t>(refer_)];
      out_.triage = refer_ == Urgency::kEmergency ? Triage::kReferEmergency
                    : refer_ == Urgency::kUrgent  ? Triage::kReferUrgent
                                                  : Triage::kReferRoutine;
      // red-flags.md names some urgent reasons same-day: their wording says today,
      // not "today or tomorrow". An emergency's wording already says now.
      const bool today = refer_ == Urgency::kUrgent && same_day_;
      out_.referral_action = today ? info.same_day_action : info.action;
    } else if (precautions_) {
      out_.triage = Triage::kTreatWithPrecautions;
    } else {
      out_.triage = Triage::kTreat;
    }
    if (out_.reasons.empty()) {
      out_.reasons.push_back("No red flags or contraindications in the answers given.");
    }
  }

  const Intake& in_;
  const BodyPattern& pattern_;
  const Knowledge& k_;
  Screening out_;
  Urgency refer_ = Urgency::kNote;
  bool precautions_ = false;
  bool same_day_ = false;  // An urgent reason the reference says needs a doctor today.
};

}  // namespace

Screening Screen(const Intake& intake, const BodyPattern& pattern, const Knowledge& k) {
  return Screener(intake, pattern, k).Run();
}

}  // namespace sciaticare
