// How the codec's parsers stop at the first bad field: deep inside a parse
// they call Fail(field, message), which throws ParseFailure, and each parser's
// entry point catches it and returns AsError(failure), so nothing thrown
// crosses the codec's boundary (errors are values there).
#pragma once

#include <string>

#include "core/result.h"

namespace sciaticare::codec {

struct ParseFailure {
  std::string field, message;
};

[[noreturn]] inline void Fail(const std::string& field, const std::string& message) {
  throw ParseFailure{field, message};
}

inline Error AsError(const ParseFailure& failure) { return Error{failure.field, failure.message}; }

}  // namespace sciaticare::codec
