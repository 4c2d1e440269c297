// The intake parser's typed field readers (intake_fields.h).
#include "codec/intake_fields.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <vector>

namespace sciaticare::intake_fields {
namespace {

std::size_t EditDistance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      std::size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

}  // namespace

std::string SafeId(const std::string& id) {
  std::string out;
  for (char ch : id.substr(0, 60)) out.push_back(static_cast<unsigned char>(ch) < 0x20 ? '?' : ch);
  if (id.size() > 60) out += "...";
  return out;
}

void RefuseNearMisses(const json& obj, const std::string& prefix,
                      std::initializer_list<std::string_view> known) {
  for (const auto& [key, value] : obj.items()) {
    if (key.size() > 64 || key.size() < 4) continue;
    if (std::find(known.begin(), known.end(), key) != known.end()) continue;
    for (std::string_view k : known) {
      // Short names sit too close to ordinary extra fields ("name", "age") to judge.
      if (k.size() >= 6 && EditDistance(key, k) <= 2) {
        Fail(prefix + SafeId(key), "unknown field; did you mean \"" + std::string(k) + "\"?");
      }
    }
  }
}

std::string Quote(const json& v) {
  std::string s = v.dump(-1, ' ', false, json::error_handler_t::replace);
  if (s.size() <= 40) return s;
  std::size_t cut = 37;
  while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
  return s.substr(0, cut) + "...";
}

std::string TypeName(const json& v) {
  if (v.is_null()) return "null";
  if (v.is_boolean()) return "a boolean";
  if (v.is_number()) return "a number";
  if (v.is_string()) return "a string";
  if (v.is_array()) return "a list";
  return "an object";
}

const json& Object(const json& v, const std::string& path) {
  if (!v.is_object()) Fail(path, "must be an object, not " + TypeName(v));
  return v;
}

const json& List(const json& v, const std::string& path) {
  if (!v.is_array()) Fail(path, "must be a list, not " + TypeName(v));
  return v;
}

bool Bool(const json& v, const std::string& path) {
  if (!v.is_boolean()) Fail(path, "must be true or false, not " + TypeName(v));
  return v.get<bool>();
}

int WholeNumber(const json& v, const std::string& path, int lo, int hi) {
  std::string range = "must be a whole number " + std::to_string(lo) + "–" + std::to_string(hi);
  if (!v.is_number()) Fail(path, range + ", not " + TypeName(v));
  if (!v.is_number_integer()) {
    double d = v.get<double>();
    if (!(d >= lo && d <= hi)) Fail(path, range);
    Fail(path, range + " (no fractions)");
  }
  // Non-negative integers are stored unsigned, possibly above INT64_MAX: check
  // both bounds in the stored type (lo and hi are never negative for unsigned).
  if (v.is_number_unsigned()) {
    std::uint64_t u = v.get<std::uint64_t>();
    if ((lo > 0 && u < static_cast<std::uint64_t>(lo)) || u > static_cast<std::uint64_t>(hi)) {
      Fail(path, range);
    }
    return static_cast<int>(u);
  }
  std::int64_t i = v.get<std::int64_t>();
  if (i < lo || i > hi) Fail(path, range);
  return static_cast<int>(i);
}

double Number(const json& v, const std::string& path, double lo, double hi) {
  if (!v.is_number()) Fail(path, "must be a number, not " + TypeName(v));
  double d = v.get<double>();
  if (!std::isfinite(d) || d < lo || d > hi) {
    Fail(path, "must be between " + std::to_string(static_cast<int>(lo)) + " and " +
                   std::to_string(static_cast<int>(hi)));
  }
  return d;
}

}  // namespace sciaticare::intake_fields
