// What the intake parser's suites share: the malformed-input table
// (tests/data/malformed_intakes.json, whose `base` is a valid document) and the
// check that a refusal names a field and says why in text JSON can hold.
#pragma once

#include <gtest/gtest.h>

#include <string>

#include <nlohmann/json.hpp>

#include "core/intake.h"
#include "core/result.h"
#include "test_support.h"

namespace sciaticare {

inline const nlohmann::json& Table() {
  static const nlohmann::json table =
      nlohmann::json::parse(testing::ReadSourceFile("tests/data/malformed_intakes.json"));
  return table;
}

// True when `s` is valid UTF-8, i.e. it can be written into a JSON document.
inline bool WritableAsJson(const std::string& s) {
  try {
    (void)nlohmann::json(s).dump();
    return true;
  } catch (const nlohmann::json::exception&) {
    return false;
  }
}

// Every refusal names a field and says why, in text that can go into JSON.
inline void ExpectUsableError(const Result<Intake>& r, const std::string& input) {
  ASSERT_FALSE(r.ok());
  EXPECT_FALSE(r.error().field.empty()) << input.substr(0, 200);
  EXPECT_FALSE(r.error().message.empty()) << input.substr(0, 200);
  EXPECT_TRUE(WritableAsJson(r.error().field)) << r.error().ToString();
  EXPECT_TRUE(WritableAsJson(r.error().message)) << r.error().ToString();
}

}  // namespace sciaticare
