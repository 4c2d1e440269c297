// The whole clinical decision for one intake: body pattern, screening, scores
// and, unless the patient is referred, a plan. Pure: same intake and knowledge,
// same assessment.
#pragma once

#include <optional>
#include <string>

#include "core/body_pattern.h"
#include "core/intake.h"
#include "core/planner.h"
#include "core/scoring.h"
#include "core/screening.h"
#include "knowledge/knowledge.h"

namespace sciaticare {

struct Assessment {
  BodyPattern pattern;
  Screening screening;
  Scores scores;
  std::optional<Plan> plan;  // nullopt when referred.
  std::string knowledge_version;
};

Assessment Assess(const Intake& intake, const Knowledge& k);

// The screening alone, exactly as Assess gives it: for a check that needs
// only the red flags, contraindications and limits (a session note's review),
// without scoring the questionnaires or drafting a plan.
Screening ScreenIntake(const Intake& intake, const Knowledge& k);

}  // namespace sciaticare
