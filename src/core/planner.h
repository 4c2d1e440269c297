// Builds the individual massage plan for a patient that screening cleared.
// Every technique item says why it is there (`because`) and how strong the
// evidence is; no item ever exceeds a pressure cap, touches an avoided region
// or uses an excluded technique. Massage is planned only inside a package with
// exercise (NICE NG59 1.2.7), so every plan carries exercise complements.
#pragma once

#include <string>
#include <vector>

#include "core/body_pattern.h"
#include "core/intake.h"
#include "core/scoring.h"
#include "core/screening.h"
#include "knowledge/knowledge.h"

namespace sciaticare {

struct Target {
  Region region = Region::kLowerBack;
  Side side = Side::kBoth;
  std::string muscle;
};

struct PlanItem {
  Technique technique = Technique::kSwedish;
  std::vector<Target> targets;
  int pressure = 1;  // 1 light ... 5 very deep.
  int minutes = 0;
  std::vector<std::string> because;
  int evidence = 0;  // Index into Knowledge::evidence.
};

struct ExcludedTechnique {
  Technique technique = Technique::kSwedish;
  std::string reason;
};

struct Plan {
  std::vector<PlanItem> techniques;
  std::vector<ExcludedTechnique> excluded;
  bool oils_allowed = true;
  std::string lubricant;
  int per_week = 1, count = 6;
  std::vector<int> reassess_after;
  std::string sessions_because;
  int sessions_evidence = 0;
  int session_minutes = 45;
  std::vector<int> complements;  // Indexes into Knowledge::complements.
  std::vector<std::string> cautions;
  std::vector<std::string> clearances;  // Approval waits for these.
  std::vector<std::string> approval_blockers;
  std::string position;
  bool no_heat = false;
};

// Precondition: !IsReferral(screening.triage).
Plan MakePlan(const Intake& intake, const Screening& screening, const BodyPattern& pattern,
              const Scores& scores, const Knowledge& k);

}  // namespace sciaticare
