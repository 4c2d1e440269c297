// Reads the body map for the shape of the symptoms: which nerve-root
// (dermatome) pattern they are consistent with, which leg, whether they reach
// below the knee and whether both legs are involved. Information for the
// therapist, never a diagnosis: dermatome maps overlap and vary.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/intake.h"
#include "knowledge/knowledge.h"

namespace sciaticare {

struct BodyPattern {
  std::vector<std::string> roots;  // "L4", "L5", "S1": the best-matching, possibly several.
  std::optional<Side> side;        // Leg side: left, right or both; nullopt if no leg symptoms.
  bool below_knee = false;         // Symptoms in the lower leg or foot (radicular pattern).
  bool both_legs = false;          // Leg symptoms on both sides.
  std::string summary;             // One plain sentence.
};

BodyPattern ReadBodyPattern(const std::vector<Symptom>& symptoms, const Knowledge& k);

}  // namespace sciaticare
