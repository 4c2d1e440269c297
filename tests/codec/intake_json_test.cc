// The intake parser (codec/intake_json.h) against the malformed-input table, and
// its safety rules: repeated keys, near-miss names, free text. Generated input
// is in intake_json_generated_test.cc, valid documents in intake_json_valid_test.cc.
#include "codec/intake_json.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "codec/assessment_json.h"
#include "codec/intake_json_test_support.h"
#include "core/assessment.h"
#include "test_support.h"

namespace sciaticare {
namespace {

using nlohmann::json;

// ---------------------------------------------------------------------------
// The malformed-input table, tests/data/malformed_intakes.json.

// Raw `text` cases spell bytes as characters U+0000..U+00FF; turn them back into bytes.
std::string BytesOf(const std::string& utf8) {
  std::string bytes;
  for (std::size_t i = 0; i < utf8.size(); ++i) {
    auto c = static_cast<unsigned char>(utf8[i]);
    if (c < 0x80) {
      bytes += static_cast<char>(c);
    } else if ((c & 0xE0) == 0xC0 && i + 1 < utf8.size()) {
      unsigned cp = ((c & 0x1Fu) << 6) | (static_cast<unsigned char>(utf8[++i]) & 0x3Fu);
      if (cp > 0xFF) throw std::invalid_argument("raw text holds a character above U+00FF");
      bytes += static_cast<char>(cp);
    } else {
      throw std::invalid_argument("raw text holds a character above U+00FF");
    }
  }
  return bytes;
}

struct MalformedCase {
  std::string name, field, text;
};

void PrintTo(const MalformedCase& c, std::ostream* os) { *os << c.name; }

// The text a case feeds the parser: `base` with the case's merge `patch` or
// JSON Patch `edits`, a whole `document`, or raw `text`.
std::string MalformedText(const json& c) {
  if (c.contains("text")) return BytesOf(c["text"].get<std::string>());
  if (c.contains("document")) return c["document"].dump();
  json doc = Table().at("base");
  if (c.contains("patch")) doc.merge_patch(c["patch"]);
  if (c.contains("edits")) doc = doc.patch(c["edits"]);
  return doc.dump();
}

std::vector<MalformedCase> MalformedCases() {
  std::vector<MalformedCase> cases;
  for (const json& c : Table().at("cases")) {
    MalformedCase mc{c.value("name", "unnamed"), c.value("field", ""), ""};
    try {
      mc.text = MalformedText(c);
    } catch (const json::exception& e) {
      // A patch that does not apply fails its own test instead of the binary's start.
      mc.field = std::string("(case does not apply: ") + e.what() + ")";
    }
    cases.push_back(mc);
  }
  return cases;
}

TEST(IntakeJsonMalformedTable, HasAtLeastFiftyUniquelyNamedCases) {
  std::vector<MalformedCase> cases = MalformedCases();
  EXPECT_GE(cases.size(), 50u);
  std::vector<std::string> names;
  for (const auto& c : cases) names.push_back(c.name);
  std::sort(names.begin(), names.end());
  EXPECT_EQ(std::adjacent_find(names.begin(), names.end()), names.end());
}

// Each case says what it breaks in exactly one way, with a title, and a patch
// or edit that changes nothing would leave the valid base: both are refused.
TEST(IntakeJsonMalformedTable, EveryCaseHasATitleAndOneWayToBreakTheBase) {
  for (const json& c : Table().at("cases")) {
    SCOPED_TRACE(c.value("name", "?"));
    EXPECT_FALSE(c.value("title", "").empty());
    int ways = 0;
    for (const char* key : {"patch", "edits", "document", "text"}) ways += c.contains(key) ? 1 : 0;
    EXPECT_EQ(ways, 1);
    for (const auto& [key, value] : c.items()) {
      EXPECT_TRUE(key == "name" || key == "title" || key == "field" || key == "patch" ||
                  key == "edits" || key == "document" || key == "text")
          << "unknown key " << key;
    }
    EXPECT_NE(MalformedText(c), Table().at("base").dump());
  }
}

TEST(IntakeJsonMalformedTable, BaseDocumentIsValid) {
  Result<Intake> r = ParseIntakeJson(Table().at("base").dump(), testing::K());
  ASSERT_TRUE(r.ok()) << r.error().ToString();
  EXPECT_EQ(r.value().symptoms.size(), 4u);
  EXPECT_TRUE(r.value().questionnaires.rmdq.has_value());
}

class IntakeJsonMalformedTest : public ::testing::TestWithParam<MalformedCase> {};

TEST_P(IntakeJsonMalformedTest, ParserNamesTheField) {
  const MalformedCase& c = GetParam();
  Result<Intake> r = ParseIntakeJson(c.text, testing::K());
  ASSERT_FALSE(r.ok()) << c.name << " was accepted";
  EXPECT_EQ(r.error().field, c.field) << r.error().ToString();
  ExpectUsableError(r, c.text);
}

TEST_P(IntakeJsonMalformedTest, PlanCommandExitsTwoNamingTheField) {
  const MalformedCase& c = GetParam();
  testing::CommandResult r = testing::RunSciaticare("plan --json -", c.text);
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_NE(r.err.find("error: " + c.field + ":"), std::string::npos) << r.err;
  EXPECT_EQ(r.out.find("\"plan\""), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("\"triage\""), std::string::npos) << r.out;
  if (!r.out.empty()) {
    // The machine-readable refusal: {"error": {"field", "message"}} and nothing else.
    json out = json::parse(r.out);
    ASSERT_TRUE(out.is_object());
    EXPECT_EQ(out.size(), 1u);
    EXPECT_EQ(out["error"]["field"], c.field);
  }
}

INSTANTIATE_TEST_SUITE_P(Table, IntakeJsonMalformedTest, ::testing::ValuesIn(MalformedCases()),
                         [](const ::testing::TestParamInfo<MalformedCase>& info) {
                           return info.param.name;
                         });

// ---------------------------------------------------------------------------

// ---------------------------------------------------------------------------

}  // namespace
}  // namespace sciaticare

namespace sciaticare {
namespace {

constexpr const char* kMinimal =
    R"("patient":{"age":40,"sex":"male"},"symptoms":[{"region":"calf","side":"left","kind":"numbness"}])";

// A repeated key must not let a later "false" hide an earlier "true".
TEST(IntakeSafetyTest, RepeatedKeysAreRefused) {
  std::string doc =
      std::string("{") + kMinimal +
      R"(,"red_flags":{"ces_bladder_dysfunction":true,"ces_bladder_dysfunction":false}})";
  Result<Intake> r = ParseIntakeJson(doc, testing::K());
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().field, "input");
  EXPECT_NE(r.error().message.find("ces_bladder_dysfunction"), std::string::npos);
}

// A near miss of a contract field is a typo that would drop clinical answers.
TEST(IntakeSafetyTest, NearMissFieldNamesAreRefused) {
  struct Case {
    std::string extra, field;
  } cases[] = {{R"("condition":{"osteoporosis":true})", "condition"},
               {R"("redflags":{})", "redflags"},
               {R"("preferences":{"pain_tolerence":"low"})", "preferences.pain_tolerence"},
               {R"("questionnaires":{"nrs_legs":4})", "questionnaires.nrs_legs"}};
  for (const Case& c : cases) {
    Result<Intake> r =
        ParseIntakeJson(std::string("{") + kMinimal + "," + c.extra + "}", testing::K());
    ASSERT_FALSE(r.ok()) << c.extra;
    EXPECT_EQ(r.error().field, c.field);
    EXPECT_NE(r.error().message.find("did you mean"), std::string::npos);
  }
  // Ordinary extra fields are still welcome.
  Result<Intake> ok = ParseIntakeJson(
      std::string("{") + kMinimal + R"(,"notes":"x","clinic_ref":"A-12","about":"y"})",
      testing::K());
  EXPECT_TRUE(ok.ok()) << ok.error().ToString();
}

TEST(IntakeSafetyTest, FirstEpisodeIsRead) {
  Result<Intake> r = ParseIntakeJson(
      R"({"patient":{"age":60,"sex":"female","first_episode":true},"symptoms":[{"region":"calf","side":"left","kind":"numbness"}]})",
      testing::K());
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r.value().patient.first_episode, true);
  EXPECT_EQ(
      ParseIntakeJson(
          R"({"patient":{"age":60,"sex":"female","first_episode":"yes"},"symptoms":[{"region":"calf","side":"left","kind":"numbness"}]})",
          testing::K())
          .error()
          .field,
      "patient.first_episode");
}

}  // namespace
}  // namespace sciaticare

namespace sciaticare {
namespace {

// The free-text history is narrative: whatever it says (a red flag's words
// included), the assessment of the document is byte for byte the one without it.
TEST(IntakeJsonHistory, FreeTextNeverChangesTheAssessment) {
  const json base = Table().at("base");
  auto assessed = [](const json& doc) {
    Result<Intake> r = ParseIntakeJson(doc.dump(), testing::K());
    EXPECT_TRUE(r.ok()) << r.error().ToString();
    return r.ok() ? AssessmentToJson(Assess(r.value(), testing::K()), testing::K()).dump() : "";
  };
  const std::string without = assessed(base);
  std::mt19937 rng(15);
  const std::vector<std::string> words = {
      "bladder",          "numb saddle",  "cancer", "night pain", "fever",
      "ibuprofen 400 mg", "walk the dog", "Gesäß",  "\n",         "—"};
  for (int trial = 0; trial < 40; ++trial) {
    json doc = base;
    for (const char* field : {"presenting_complaint", "past_history", "medication", "goals"}) {
      std::string text;
      for (int n = static_cast<int>(rng() % 30); n > 0; --n)
        text += words[rng() % words.size()] + " ";
      doc["history"][field] = text;
    }
    ASSERT_EQ(assessed(doc), without) << doc["history"].dump();
  }
  json at_limit = base;
  at_limit["history"]["goals"] = std::string(4000, 'g');
  EXPECT_EQ(assessed(at_limit), without);
}

}  // namespace
}  // namespace sciaticare
