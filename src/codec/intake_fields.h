// The typed field readers of the intake parser (intake_json.cc): each checks
// one JSON value against the intake contract and, when it breaks it, throws
// codec::ParseFailure naming the value's path and what is wrong in plain words. The
// parser catches it at its boundary (ParseIntakeJson) and returns an Error, so
// nothing thrown here leaves the codec.
#pragma once

#include <array>
#include <cstddef>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "codec/parse_failure.h"

namespace sciaticare::intake_fields {

using nlohmann::json;

// Fail(field, message) throws codec::ParseFailure (parse_failure.h).
using codec::Fail;

// An id from the document, made safe to echo in a message: control bytes
// replaced and long ids cut, so a hostile key cannot flood a log line.
std::string SafeId(const std::string& id);

// Extra fields are allowed, but one that is a near miss of a contract field is
// almost certainly a typo that would silently drop clinical information (a
// misspelt "conditions" would lose an anticoagulant), so it is refused.
void RefuseNearMisses(const json& obj, const std::string& prefix,
                      std::initializer_list<std::string_view> known);

// A short excerpt of `v` for a message. The cut never splits a UTF-8
// sequence: the message must stay valid UTF-8 to be written as JSON.
std::string Quote(const json& v);
// "a number", "a list", ...: what a value is, for a message.
std::string TypeName(const json& v);

template <std::size_t N>
std::string OneOf(const std::array<std::string_view, N>& names) {
  std::string s;
  for (std::size_t i = 0; i < names.size(); ++i) s += (i ? "|" : "") + std::string(names[i]);
  return s;
}

// Each returns the value when it is of its kind (and within [lo, hi]), and
// fails at `path` otherwise.
const json& Object(const json& v, const std::string& path);
const json& List(const json& v, const std::string& path);
bool Bool(const json& v, const std::string& path);
int WholeNumber(const json& v, const std::string& path, int lo, int hi);
double Number(const json& v, const std::string& path, double lo, double hi);

template <typename Enum, std::size_t N>
Enum Named(const json& v, const std::string& path, std::optional<Enum> (*parse)(std::string_view),
           const std::array<std::string_view, N>& names) {
  if (!v.is_string()) Fail(path, "must be one of " + OneOf(names) + ", not " + TypeName(v));
  auto parsed = parse(v.get<std::string>());
  if (!parsed) Fail(path, "unknown value " + Quote(v) + "; must be one of " + OneOf(names));
  return *parsed;
}

}  // namespace sciaticare::intake_fields
