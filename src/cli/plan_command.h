// `sciaticare plan FILE|-`: assess one intake document and print the result.
#pragma once

#include <iosfwd>
#include <string>

namespace sciaticare {

// Exit codes are a public contract.
inline constexpr int kExitPlan = 0;
inline constexpr int kExitInvalid = 2;
inline constexpr int kExitReferred = 3;

// Reads the intake from `path` ("-" for `in`), writes the assessment to `out`
// (JSON when `json`), and a field-naming message to `err` on invalid input.
int RunPlanCommand(const std::string& path, bool json, std::istream& in, std::ostream& out,
                   std::ostream& err);

}  // namespace sciaticare
