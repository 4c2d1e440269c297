// Helpers shared by the test suites: building intakes in code, reading test
// data files, and running the built `sciaticare` binary.
#pragma once

#include <optional>
#include <string>

#include "core/intake.h"
#include "knowledge/knowledge.h"

namespace sciaticare::testing {

// The knowledge compiled into the product.
const Knowledge& K();

// A minimal valid intake: a 45-year-old with right-sided buttock and calf
// pain, medium tolerance, no conditions, onset 8 weeks, and every cauda
// equina question a patient answers asked and answered "no".
Intake BaseIntake();

// Sets red flag `id` to `answer`, replacing an earlier answer (the id must
// exist); nullopt records the question as put but the answer unknown.
void SetFlag(Intake& in, const std::string& id, std::optional<bool> answer = true);

// Removes red flag `id` from the intake, as if the question was never asked.
void ClearFlag(Intake& in, const std::string& id);

// Reports condition `id` as present (the id must exist).
ConditionReport& AddCondition(Intake& in, const std::string& id);

// Reads a file under the source tree, e.g. "tests/data/x.json".
std::string ReadSourceFile(const std::string& relative_path);

struct CommandResult {
  int exit_code = -1;
  std::string out;  // Standard output.
  std::string err;  // Standard error.
};

// Runs the built `sciaticare` with `args`, feeding `input` on standard input.
CommandResult RunSciaticare(const std::string& args, const std::string& input);

}  // namespace sciaticare::testing
