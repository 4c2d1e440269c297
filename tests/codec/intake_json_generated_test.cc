// The intake parser (codec/intake_json.h) on generated malformed input, too big
// to keep in the table: sizes and nesting at and past the limits, random bytes
// and mutations, none of which may crash it.
#include <gtest/gtest.h>

#include <random>
#include <string>

#include <nlohmann/json.hpp>

#include "codec/assessment_json.h"
#include "codec/intake_json.h"
#include "codec/intake_json_test_support.h"
#include "core/assessment.h"
#include "test_support.h"

namespace sciaticare {
namespace {

using nlohmann::json;

// Generated malformed input: too big to keep in the table.

json BaseDocument() { return Table().at("base"); }

TEST(IntakeJsonGenerated, TooManySymptoms) {
  json doc = BaseDocument();
  json symptom = {{"region", "calf"}, {"side", "left"}, {"kind", "pain"}, {"intensity", 3}};
  doc["symptoms"] = json::array();
  for (int i = 0; i < 100; ++i) doc["symptoms"].push_back(symptom);
  Result<Intake> at_limit = ParseIntakeJson(doc.dump(), testing::K());
  ASSERT_TRUE(at_limit.ok()) << at_limit.error().ToString();
  EXPECT_EQ(at_limit.value().symptoms.size(), 100u);

  doc["symptoms"].push_back(symptom);
  Result<Intake> over = ParseIntakeJson(doc.dump(), testing::K());
  ASSERT_FALSE(over.ok());
  EXPECT_EQ(over.error().field, "symptoms");

  while (doc["symptoms"].size() < 200) doc["symptoms"].push_back(symptom);
  std::string text = doc.dump();
  Result<Intake> r = ParseIntakeJson(text, testing::K());
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().field, "symptoms");
  testing::CommandResult cli = testing::RunSciaticare("plan --json -", text);
  EXPECT_EQ(cli.exit_code, 2);
  EXPECT_NE(cli.err.find("symptoms"), std::string::npos) << cli.err;
}

TEST(IntakeJsonGenerated, DeepNestingIsRefusedWithoutRecursion) {
  const std::vector<std::pair<std::string, std::string>> shapes = {
      {"[", "]"}, {"{\"a\":", "}"}, {"{\"patient\":[", "]}"}};
  for (const auto& [open, close] : shapes) {
    std::string text;
    for (int i = 0; i < 10000; ++i) text += open;
    std::string unclosed = text;
    for (int i = 0; i < 10000; ++i) text += close;
    for (const std::string& t : {text, unclosed}) {
      Result<Intake> r = ParseIntakeJson(t, testing::K());
      ASSERT_FALSE(r.ok());
      EXPECT_EQ(r.error().field, "input");
      ExpectUsableError(r, t);
    }
  }
  std::string deep(10000, '[');
  deep += std::string(10000, ']');
  testing::CommandResult cli = testing::RunSciaticare("plan --json -", deep);
  EXPECT_EQ(cli.exit_code, 2);
  EXPECT_NE(cli.err.find("error: input:"), std::string::npos) << cli.err;
}

TEST(IntakeJsonGenerated, NestingUpToTheLimitIsParsedThenJudged) {
  // At the limit the document is parsed (and refused for not being an
  // object); one deeper it is refused before parsing. Either way: "input".
  for (int depth : {kMaxIntakeDepth, kMaxIntakeDepth + 1}) {
    std::string text = std::string(depth, '[') + std::string(depth, ']');
    Result<Intake> r = ParseIntakeJson(text, testing::K());
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().field, "input") << depth;
  }
}

TEST(IntakeJsonGenerated, BracketsInsideStringsDoNotCountAsNesting) {
  json doc = BaseDocument();
  doc["patient"]["sex"] = std::string(5000, '[') + std::string(5000, '{');
  Result<Intake> r = ParseIntakeJson(doc.dump(), testing::K());
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().field, "patient.sex");
  ExpectUsableError(r, "");
  EXPECT_LT(r.error().message.size(), 200u) << "the value is quoted in full";
}

TEST(IntakeJsonGenerated, InputOverOneMebibyteIsRefused) {
  json doc = BaseDocument();
  doc["patient"]["sex"] = std::string(2 << 20, ' ');  // 2 MiB of spaces inside a string.
  std::string text = doc.dump();
  Result<Intake> r = ParseIntakeJson(text, testing::K());
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().field, "input");
  testing::CommandResult cli = testing::RunSciaticare("plan --json -", text);
  EXPECT_EQ(cli.exit_code, 2);
  EXPECT_NE(cli.err.find("error: input:"), std::string::npos) << cli.err;
}

TEST(IntakeJsonGenerated, SizeLimitIsExact) {
  std::string base = BaseDocument().dump();
  // Whitespace between tokens pads a valid document to exactly the limit.
  std::string at_limit = base + std::string(kMaxIntakeBytes - base.size(), ' ');
  ASSERT_EQ(at_limit.size(), kMaxIntakeBytes);
  Result<Intake> ok = ParseIntakeJson(at_limit, testing::K());
  EXPECT_TRUE(ok.ok()) << ok.error().ToString();
  testing::CommandResult cli = testing::RunSciaticare("plan --json -", at_limit);
  EXPECT_EQ(cli.exit_code, 0) << cli.err;

  std::string over = at_limit + " ";
  Result<Intake> r = ParseIntakeJson(over, testing::K());
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().field, "input");
  cli = testing::RunSciaticare("plan --json -", over);
  EXPECT_EQ(cli.exit_code, 2);
  EXPECT_NE(cli.err.find("error: input:"), std::string::npos) << cli.err;
}

// Whatever the parser accepts must go through the whole core and the writer.
void ExpectSafe(const std::string& text) {
  Result<Intake> r = ParseIntakeJson(text, testing::K());
  if (r.ok()) {
    Assessment a = Assess(r.value(), testing::K());
    EXPECT_FALSE(AssessmentToJson(a, testing::K()).dump().empty());
  } else {
    ExpectUsableError(r, text);
  }
}

TEST(IntakeJsonGenerated, RandomBytesNeverCrash) {
  std::mt19937 rng(20240611);
  const std::string alphabet = "{}[]\":,0123456789-+.eE truefalsnul\\\t\n";
  std::uniform_int_distribution<int> length(0, 64), byte(0, 255), coin(0, 1);
  std::uniform_int_distribution<std::size_t> pick(0, alphabet.size() - 1);
  for (int i = 0; i < 10000; ++i) {
    std::string text(static_cast<std::size_t>(length(rng)), '\0');
    bool jsonish = coin(rng) == 1;
    for (char& ch : text) ch = jsonish ? alphabet[pick(rng)] : static_cast<char>(byte(rng));
    ExpectSafe(text);
    if (::testing::Test::HasFailure()) FAIL() << "case " << i;
  }
}

TEST(IntakeJsonGenerated, MutationsOfAValidDocumentNeverCrash) {
  json doc = BaseDocument();
  doc["conditions"] = {{"varicose_veins", {{"present", true}, {"regions", {"calf"}}}}};
  const std::string valid = doc.dump();
  std::mt19937 rng(7);
  std::uniform_int_distribution<int> op(0, 4), byte(0, 255);
  int accepted = 0;
  for (int i = 0; i < 3000; ++i) {
    std::string text = valid;
    int edits = 1 + i % 3;
    for (int e = 0; e < edits && !text.empty(); ++e) {
      std::uniform_int_distribution<std::size_t> at(0, text.size() - 1);
      std::size_t pos = at(rng);
      switch (op(rng)) {
        case 0:  // Flip one bit.
          text[pos] = static_cast<char>(text[pos] ^ (1 << (byte(rng) % 8)));
          break;
        case 1:  // Replace a byte.
          text[pos] = static_cast<char>(byte(rng));
          break;
        case 2:  // Delete a byte.
          text.erase(pos, 1);
          break;
        case 3:  // Truncate.
          text.resize(pos);
          break;
        default:  // Duplicate a slice.
          text.insert(pos, text.substr(pos, 1 + pos % 16));
          break;
      }
    }
    Result<Intake> r = ParseIntakeJson(text, testing::K());
    accepted += r.ok() ? 1 : 0;
    ExpectSafe(text);
    if (::testing::Test::HasFailure()) FAIL() << "mutation " << i << ": " << text;
  }
  EXPECT_GT(accepted, 0);  // Some mutations (e.g. a digit) stay valid.
}

}  // namespace
}  // namespace sciaticare
