#include "cli/plan_command.h"

#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

#include "cli/plan_text.h"
#include "codec/assessment_json.h"
#include "codec/intake_json.h"
#include "core/assessment.h"
#include "knowledge/knowledge_loader.h"

namespace sciaticare {
namespace {

// Reads at most one byte past the limit so a huge stream is refused, not slurped.
std::string ReadLimited(std::istream& in) {
  std::string text;
  text.resize(kMaxIntakeBytes + 1);
  in.read(text.data(), static_cast<std::streamsize>(text.size()));
  text.resize(static_cast<std::size_t>(in.gcount()));
  return text;
}

}  // namespace

int RunPlanCommand(const std::string& path, bool json, std::istream& in, std::ostream& out,
                   std::ostream& err) {
  std::string text;
  if (path == "-") {
    text = ReadLimited(in);
  } else {
    std::ifstream file(path, std::ios::binary);
    if (!file) {
      err << "error: " << path << ": cannot open the file\n";
      return kExitInvalid;
    }
    text = ReadLimited(file);
  }
  const Knowledge& k = BuiltinKnowledge();
  Result<Intake> intake = ParseIntakeJson(text, k);
  if (!intake) {
    err << "error: " << intake.error().ToString() << "\n";
    if (json)
      out << nlohmann::json{{"error",
                             {{"field", intake.error().field},
                              {"message", intake.error().message}}}}
                 .dump(2)
          << "\n";
    return kExitInvalid;
  }
  Assessment a = Assess(intake.value(), k);
  if (json) {
    out << AssessmentToJson(a, k).dump(2) << "\n";
  } else {
    out << RenderAssessmentText(a, k);
  }
  return a.plan ? kExitPlan : kExitReferred;
}

}  // namespace sciaticare
