// Reads an intake document (JSON, schema/intake.schema.json, docs/intake.md)
// into an Intake. Any bytes are safe to pass: a document that is not valid
// JSON, too large, too deep, or breaks a rule yields an Error whose field is
// the path of the first offending value, e.g. "symptoms[2].intensity".
#pragma once

#include <cstddef>
#include <string_view>

#include "core/intake.h"
#include "core/result.h"
#include "knowledge/knowledge.h"

namespace sciaticare {

inline constexpr std::size_t kMaxIntakeBytes = 1 << 20;
inline constexpr int kMaxIntakeDepth = 32;
inline constexpr std::size_t kMaxSymptoms = 100;

Result<Intake> ParseIntakeJson(std::string_view text, const Knowledge& k);

// Reads {"questionnaires": {...}}, the intake's questionnaires member alone,
// with the same limits and the same field paths ("questionnaires.odi[3]").
Result<Questionnaires> ParseQuestionnairesJson(std::string_view text, const Knowledge& k);

}  // namespace sciaticare
