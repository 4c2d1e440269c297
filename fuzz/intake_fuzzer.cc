// libFuzzer target: any bytes through the intake parser and, when they parse,
// through the whole clinical core and the JSON writer. Must never crash, leak
// or trip a sanitizer.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "codec/assessment_json.h"
#include "codec/intake_json.h"
#include "core/assessment.h"
#include "knowledge/knowledge_loader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace sciaticare;
  const Knowledge& k = BuiltinKnowledge();
  std::string_view text(reinterpret_cast<const char*>(data), size);
  Result<Intake> intake = ParseIntakeJson(text, k);
  if (intake) {
    Assessment a = Assess(intake.value(), k);
    std::string out = AssessmentToJson(a, k).dump();
    if (out.empty()) __builtin_trap();
  } else if (intake.error().message.empty()) {
    __builtin_trap();  // Every refusal must say why.
  }
  return 0;
}
