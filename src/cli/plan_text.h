// Renders an Assessment as plain text for a therapist to read in a terminal.
#pragma once

#include <string>

#include "core/assessment.h"
#include "knowledge/knowledge.h"

namespace sciaticare {

std::string RenderAssessmentText(const Assessment& a, const Knowledge& k);

}  // namespace sciaticare
