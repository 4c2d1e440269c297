// The one reader of JSON that comes from outside the server: request bodies,
// intake documents, licensed wording files. It refuses a document larger than
// its byte limit or nested deeper than its depth limit before any of it is
// parsed (the check is a flat scan, so no input can exhaust the stack), and a
// document that gives one key twice in an object. Other code may then walk
// the value recursively: its depth is bounded.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "core/result.h"

namespace sciaticare {

struct JsonBounds {
  std::size_t max_bytes = 1 << 20;
  int max_depth = 64;  // Open brackets ('[' or '{') outside strings, one inside another.
};

// Parses `text` as one JSON document of any type. On failure the Error's
// field is `field` and its message says what is wrong: "is larger than N
// bytes", "is nested deeper than N levels", "is not valid JSON (byte N)",
// "repeats the key \"k\" in one object" (the key made printable and cut).
Result<nlohmann::json> ReadBoundedJson(std::string_view text, const JsonBounds& bounds,
                                       const std::string& field = "input");

// Nesting depth of `text` outside strings, counting at most up to `stop`:
// the deepest run of open brackets, or `stop` + 1 once it is exceeded.
int JsonNestingDepth(std::string_view text, int stop);

}  // namespace sciaticare
