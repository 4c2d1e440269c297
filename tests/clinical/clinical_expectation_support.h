// Shared pieces of the clinical expectation checks (clinical_expectations.cc
// for screening, clinical_plan_expectations.cc for the plan): the context a
// check runs in and the name parsers that refuse an unknown name.
#pragma once

#include <functional>
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "clinical/clinical_expectations.h"

namespace sciaticare::testing::clinical {

// What one expectation is checked against, and where its failures go.
struct Context {
  const Assessment& a;
  const Knowledge& k;
  const ExpectationFailure& fail;
  std::string key;
  void Fail(const std::string& message) const { fail(key, message); }
};

// Checks one expectation's value; throws std::exception when the value is malformed.
using Check = std::function<void(const nlohmann::json& value, const Context& c)>;

std::string Quote(std::string_view s);
Region RegionNamed(const std::string& name);        // Throws on an unknown name.
Technique TechniqueNamed(const std::string& name);  // Throws on an unknown name.
// Region names, with "legs" standing for the twelve leg regions.
std::vector<Region> RegionList(const nlohmann::json& list);
bool AnyContains(const std::vector<std::string>& texts, const std::string& part);
void ExpectEqual(const Context& c, const nlohmann::json& want, const nlohmann::json& found);
// Each of `parts` is (present) or is not (!present) a part of one of `texts`.
void ExpectMentions(const Context& c, const nlohmann::json& parts,
                    const std::vector<std::string>& texts, bool present);

// The checks allowed inside "plan" (clinical_plan_expectations.cc).
const std::map<std::string, Check>& PlanChecks();

}  // namespace sciaticare::testing::clinical
