// Writes an Assessment as the public JSON contract of `sciaticare plan --json`
// (docs/plan-output.md). Every id is the contract name; evidence references
// point into docs/evidence.md.
#pragma once

#include <string_view>

#include <nlohmann/json.hpp>

#include "core/assessment.h"
#include "knowledge/knowledge.h"

namespace sciaticare {

// The knowledge's own name of an urgency: "note", "routine_gp", "urgent", "emergency".
std::string_view UrgencyName(Urgency u);

nlohmann::json AssessmentToJson(const Assessment& a, const Knowledge& k);

// The `scores` member of an assessment document.
nlohmann::json ScoresToJson(const Scores& s);

// The `techniques` list of a plan document.
nlohmann::json PlanItemsToJson(const std::vector<PlanItem>& items, const Knowledge& k);

// {"grade", "title", "ref"} for one evidence entry.
nlohmann::json EvidenceToJson(int evidence, const Knowledge& k);

}  // namespace sciaticare
