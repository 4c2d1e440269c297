// Screening: red flags decide whether the patient is referred instead of
// treated; contraindications and precautions decide what a plan may contain.
// Red flags are evaluated first and always win (contraindications reference).
#pragma once

#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "core/body_pattern.h"
#include "core/intake.h"
#include "knowledge/knowledge.h"

namespace sciaticare {

enum class Triage { kTreat, kTreatWithPrecautions, kReferRoutine, kReferUrgent, kReferEmergency };
std::string_view Name(Triage t);
inline bool IsReferral(Triage t) { return t >= Triage::kReferRoutine; }

struct PositiveFlag {
  int flag = 0;  // Index into Knowledge::red_flags.
  Urgency urgency = Urgency::kUrgent;
  bool from_body_map = false;
};

struct ActiveCondition {
  int condition = 0;     // Index into Knowledge::conditions.
  bool derived = false;  // Derived from other answers rather than reported.
};

// What screening allows a plan to do. Every limit keeps the reason that set it,
// in words a patient understands, so the plan and the plan editor can say why.
struct Constraints {
  std::array<int, kRegionCount> cap;  // Highest pressure per region, 1-5.
  std::array<std::string, kRegionCount> cap_reason;
  std::array<std::array<bool, 2>, kRegionCount> avoided{};  // [region][0 left, 1 right]
  std::array<std::string, kRegionCount> avoid_reason;
  std::array<std::string, kTechniqueCount> excluded_reason;  // Empty: allowed.
  bool oils_allowed = true;
  bool no_heat = false;
  std::string position;
  std::vector<std::string> clearances;       // "physician", "obstetrician" with the reason.
  std::vector<std::string> clearance_kinds;  // Each kind once: approval needs one of each.
  std::vector<std::string> cautions;

  // Caps that hold for one technique only (trigger-point pressure over the
  // sciatic nerve's course); 5 where the technique has none of its own.
  std::array<std::array<int, kRegionCount>, kTechniqueCount> technique_cap;
  std::array<std::array<std::string, kRegionCount>, kTechniqueCount> technique_cap_reason;

  Constraints() {
    cap.fill(5);
    for (auto& per_region : technique_cap) per_region.fill(5);
  }
  bool Avoided(Region r, Side s) const;
  // The highest pressure technique `t` may use on region `r`, and why.
  int CapFor(Technique t, Region r) const;
  const std::string& CapReasonFor(Technique t, Region r) const;
};

struct Screening {
  Triage triage = Triage::kTreat;
  std::vector<PositiveFlag> flags;
  std::vector<ActiveCondition> conditions;
  std::vector<std::string> reasons;               // Why this triage, one sentence each.
  std::string referral_action;                    // What to do; empty unless referred.
  std::vector<std::string> unanswered_ces_flags;  // Not asked or unknown: blocks approval.
  Constraints constraints;
};

Screening Screen(const Intake& intake, const BodyPattern& pattern, const Knowledge& k);

}  // namespace sciaticare
