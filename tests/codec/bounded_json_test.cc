// The one reader of client JSON: depth and size limits exact, brackets in
// strings not counted, repeated keys refused at any depth, and no input, of
// any nesting, able to crash it.
#include "codec/bounded_json.h"

#include <gtest/gtest.h>

#include <random>

namespace sciaticare {
namespace {

std::string Lists(int depth) { return std::string(depth, '[') + std::string(depth, ']'); }

TEST(BoundedJson, DepthExactlyAtTheLimitIsReadOneOverIsRefused) {
  for (int limit : {1, 2, 32, 64}) {
    const JsonBounds bounds{1 << 20, limit};
    Result<nlohmann::json> at = ReadBoundedJson(Lists(limit), bounds, "body");
    EXPECT_TRUE(at.ok()) << limit << ": " << at.error().ToString();
    Result<nlohmann::json> over = ReadBoundedJson(Lists(limit + 1), bounds, "body");
    ASSERT_FALSE(over.ok()) << limit;
    EXPECT_EQ(over.error().field, "body");
    EXPECT_EQ(over.error().message, "is nested deeper than " + std::to_string(limit) + " levels");
  }
  // Objects count like lists; siblings do not add up.
  EXPECT_TRUE(ReadBoundedJson(R"({"a":{"b":1},"c":[[2]]})", {100, 3}).ok());
  EXPECT_FALSE(ReadBoundedJson(R"({"a":{"b":1},"c":[[[2]]]})", {100, 3}).ok());
}

TEST(BoundedJson, HostileDepthIsRefusedWithoutParsing) {
  for (int depth : {60000, 100000, 1000000}) {
    std::string unclosed(static_cast<std::size_t>(depth), '[');
    for (const std::string& text : {Lists(depth), unclosed}) {
      Result<nlohmann::json> r = ReadBoundedJson(text, {4 << 20, 64});
      ASSERT_FALSE(r.ok());
      EXPECT_EQ(r.error().message, "is nested deeper than 64 levels");
    }
  }
}

TEST(BoundedJson, BracketsInsideStringsAreNotNesting) {
  const std::string inside = std::string(500, '[') + "\\\"" + std::string(500, '{');
  Result<nlohmann::json> r = ReadBoundedJson("{\"a\":\"" + inside + "\"}", {1 << 20, 1});
  ASSERT_TRUE(r.ok()) << r.error().ToString();
  EXPECT_EQ(r.value()["a"].get<std::string>().size(), 1001u);
  // An escaped backslash ends before the quote: the string closes there.
  EXPECT_FALSE(ReadBoundedJson(R"({"a":"\\","b":[[1]]})", {1 << 20, 2}).ok());
  EXPECT_TRUE(ReadBoundedJson(R"({"a":"\\","b":[1]})", {1 << 20, 2}).ok());
}

TEST(BoundedJson, SizeLimitIsExact) {
  const std::string doc = R"({"a":1})";
  const std::string at = doc + std::string(93, ' ');
  ASSERT_EQ(at.size(), 100u);
  EXPECT_TRUE(ReadBoundedJson(at, {100, 8}).ok());
  Result<nlohmann::json> over = ReadBoundedJson(at + " ", {100, 8}, "body");
  ASSERT_FALSE(over.ok());
  EXPECT_EQ(over.error().ToString(), "body: is larger than 100 bytes");
}

TEST(BoundedJson, RepeatedKeysAreRefusedAtAnyDepth) {
  for (const char* text : {R"({"a":1,"a":2})", R"({"x":{"a":true,"b":0,"a":false}})",
                           R"([{"k":[{"deep":{"a":1,"a":1}}]}])", R"({"a":{},"b":{},"a":[]})"}) {
    Result<nlohmann::json> r = ReadBoundedJson(text, {1 << 20, 16}, "body");
    ASSERT_FALSE(r.ok()) << text;
    EXPECT_EQ(r.error().field, "body");
    EXPECT_NE(r.error().message.find("repeats the key \""), std::string::npos) << text;
  }
  // The same key in different objects, or in an object and its child, is fine.
  EXPECT_TRUE(ReadBoundedJson(R"([{"a":1},{"a":2},{"b":{"a":3}}])", {1 << 20, 16}).ok());
  // The key is quoted printable: control bytes in it cannot reach a log.
  Result<nlohmann::json> r = ReadBoundedJson("{\"\\u001b[2J\":1,\"\\u001b[2J\":2}", {100, 4});
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("\"?[2J\""), std::string::npos) << r.error().message;
}

TEST(BoundedJson, ManyKeysInOneObjectAreReadInLinearTime) {
  // A flat object of 60,000 distinct keys (a quadratic duplicate check would
  // take minutes); no timing is asserted, a hang would time the test out.
  std::string text = "{";
  for (int i = 0; i < 60000; ++i) text += (i ? ",\"" : "\"") + std::to_string(i) + "\":0";
  text += "}";
  Result<nlohmann::json> r = ReadBoundedJson(text, {1 << 20, 4});
  ASSERT_TRUE(r.ok()) << r.error().ToString();
  EXPECT_EQ(r.value().size(), 60000u);
}

TEST(BoundedJson, InvalidJsonIsAnErrorNamingTheByte) {
  for (const char* text : {"", "{", "{\"a\":}", "[1,]", "nul", "{\"a\":1}x"}) {
    Result<nlohmann::json> r = ReadBoundedJson(text, {100, 8}, "body");
    ASSERT_FALSE(r.ok()) << text;
    EXPECT_EQ(r.error().message.rfind("is not valid JSON", 0), 0u) << r.error().message;
  }
}

// Property: for random documents of brackets, strings with brackets in them
// and scalars, the reader accepts exactly the valid ones no deeper than the
// limit, and the depth it judges is the one a recursive count gives.
TEST(BoundedJson, RandomDocumentsAreJudgedByTheirTrueDepth) {
  std::mt19937 random(20261204);
  for (int round = 0; round < 2000; ++round) {
    std::string text;
    int depth = 0, deepest = 0;
    const int steps = static_cast<int>(random() % 40);
    std::vector<char> open;
    for (int s = 0; s < steps; ++s) {
      switch (random() % 4) {
        case 0:
          open.push_back('[');
          text += "[";
          deepest = std::max(deepest, static_cast<int>(open.size()));
          break;
        case 1:
          if (!open.empty()) {
            text += "]";
            open.pop_back();
          }
          break;
        default:
          if (!text.empty() && text.back() != '[') text += ",";
          text += random() % 2 ? "\"[{\\\"]\"" : "1";
          if (open.empty()) s = steps;  // One top-level value only.
      }
      if (!text.empty() && text.back() == ']' && !open.empty()) text += ",";
    }
    while (!open.empty()) {
      if (text.back() == ',') text.pop_back();
      text += "]";
      open.pop_back();
    }
    depth = deepest;
    const bool valid = nlohmann::json::accept(text);
    const int limit = static_cast<int>(random() % 8);
    Result<nlohmann::json> r = ReadBoundedJson(text, {1 << 20, limit});
    EXPECT_EQ(JsonNestingDepth(text, 100), depth) << text;
    if (depth > limit) {
      ASSERT_FALSE(r.ok()) << text;
      EXPECT_NE(r.error().message.find("deeper"), std::string::npos) << text;
    } else {
      EXPECT_EQ(r.ok(), valid) << text;
    }
  }
}

}  // namespace
}  // namespace sciaticare
