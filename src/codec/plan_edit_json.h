// Reads a therapist's edited plan (the `plan` object of docs/plan-output.md,
// with techniques, targets, pressure, minutes, sessions and oils changed) into
// a core Plan for ReviewPlanEdit. Fields the therapist cannot edit
// (complements, escalation, cautions) are not read; they stay as planned.
// `sessions.minutes` (the session length) may be left out: then the plan
// keeps `planned_minutes`.
#pragma once

#include <nlohmann/json.hpp>

#include "core/planner.h"
#include "core/result.h"
#include "core/screening.h"
#include "knowledge/knowledge.h"

namespace sciaticare {

Result<Plan> ParsePlanEdit(const nlohmann::json& plan, const Knowledge& k, int planned_minutes);

// The stored plan document after an edit ReviewPlanEdit accepted: `base` with
// the edited techniques, sessions and oils (oils only where screening allows
// them), marked as edited by the therapist. Everything else stays as planned.
nlohmann::json ApplyPlanEdit(nlohmann::json base, const Plan& edited, const Screening& screening,
                             const Knowledge& k);

}  // namespace sciaticare
