// The expectation vocabulary of the clinical cases (tests/clinical/README.md
// lists every key): each key of a case's "expect" object names one clinical
// fact of the assessment (triage, red flags, pressure caps, plan facts...).
// A key outside the vocabulary, or a value of the wrong shape, is itself a
// failure, so a misspelt expectation can never let a case pass unchecked.
#pragma once

#include <functional>
#include <string>

#include <nlohmann/json.hpp>

#include "core/assessment.h"
#include "knowledge/knowledge.h"

namespace sciaticare::testing {

// Called once per failed expectation: `key` is the expectation's path (e.g.
// "plan.max_pressure"), `message` says what was expected and what was found.
using ExpectationFailure = std::function<void(const std::string& key, const std::string& message)>;

// Checks every expectation of `expect` against `a`; reports each mismatch.
void CheckExpectations(const nlohmann::json& expect, const Assessment& a, const Knowledge& k,
                       const ExpectationFailure& fail);

// The expectation keys the runner knows, top level and inside "plan".
std::vector<std::string> ExpectationKeys();
std::vector<std::string> PlanExpectationKeys();

}  // namespace sciaticare::testing
