// libFuzzer target: any bytes through the bounded JSON reader, with limits
// small enough to be reached, and through the licensed-wording parser that
// reads with it. A document the reader accepts must be no deeper than the
// limit and read back unchanged from its own dump; a refusal must say why.
// Must never crash, leak or trip a sanitizer.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "codec/bounded_json.h"
#include "codec/wording_json.h"
#include "knowledge/knowledge_loader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace sciaticare;
  std::string_view text(reinterpret_cast<const char*>(data), size);
  const JsonBounds bounds{4096, 8};
  Result<nlohmann::json> read = ReadBoundedJson(text, bounds);
  if (read) {
    if (text.size() > bounds.max_bytes || JsonNestingDepth(text, 100) > bounds.max_depth)
      __builtin_trap();  // Past a limit, yet accepted.
    Result<nlohmann::json> again = ReadBoundedJson(read.value().dump(), {1 << 20, 8});
    if (!again || again.value() != read.value()) __builtin_trap();
  } else if (read.error().message.empty() || read.error().field != "input") {
    __builtin_trap();
  }
  Result<LicensedWording> wording = ParseWordingJson(text, BuiltinKnowledge());
  if (!wording && wording.error().message.empty()) __builtin_trap();
  return 0;
}
