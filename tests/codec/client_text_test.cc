// What client text may hold: well-formed UTF-8 without control characters
// (prose may keep tab and line breaks), and how refused text is quoted.
#include "codec/client_text.h"

#include <gtest/gtest.h>

namespace sciaticare {
namespace {

TEST(ClientText, OrdinaryTextInAnyScriptIsAccepted) {
  for (const char* text : {"", "Ada Quillfeather", "Zoë Ólafsdóttir", "疼痛 — ok ✓", "😀"}) {
    EXPECT_FALSE(ClientTextProblem(text, TextShape::kLine)) << text;
    EXPECT_FALSE(ClientTextProblem(text, TextShape::kFreeText)) << text;
  }
}

TEST(ClientText, EveryControlCharacterIsRefusedButProseKeepsTabAndLineBreaks) {
  for (int c = 0; c < 0x20; ++c) {
    const std::string text = std::string("a") + static_cast<char>(c) + "b";
    EXPECT_TRUE(ClientTextProblem(text, TextShape::kLine)) << c;
    const bool prose_allows = c == '\t' || c == '\n' || c == '\r';
    EXPECT_EQ(ClientTextProblem(text, TextShape::kFreeText).has_value(), !prose_allows) << c;
  }
  EXPECT_TRUE(ClientTextProblem("a\x7f", TextShape::kFreeText));      // DEL
  EXPECT_TRUE(ClientTextProblem("a\xc2\x85", TextShape::kFreeText));  // U+0085 NEL
  EXPECT_TRUE(ClientTextProblem("a\xc2\x9b", TextShape::kFreeText));  // U+009B CSI
  EXPECT_FALSE(ClientTextProblem("a\xc2\xa0", TextShape::kLine));     // U+00A0 is text
}

TEST(ClientText, BytesThatAreNotUtf8AreRefused) {
  for (const char* text : {"\xff", "\xc3\x28", "\xe2\x82", "\xed\xa0\x80" /* surrogate */,
                           "\xc0\xaf" /* overlong */, "\xf4\x90\x80\x80" /* > U+10FFFF */}) {
    auto problem = ClientTextProblem(text, TextShape::kFreeText);
    ASSERT_TRUE(problem);
    EXPECT_EQ(*problem, "must be UTF-8 text");
  }
}

TEST(ClientText, ExcerptIsPrintableAndCutOnACharacterBoundary) {
  EXPECT_EQ(PrintableExcerpt(std::string("GET /p/1\0", 9), 100), "GET /p/1?");
  EXPECT_EQ(PrintableExcerpt("\xc3\x28\xff\x1b[2J", 100), "?(?\?[2J");
  EXPECT_EQ(PrintableExcerpt("abcdef", 4), "abcd...");
  EXPECT_EQ(PrintableExcerpt("ab\xc3\xa9", 3), "ab...");  // é is not split.
  EXPECT_EQ(PrintableExcerpt("ab\xc3\xa9", 4), "ab\xc3\xa9");
  // Whatever goes in, what comes out is accepted text.
  std::string every_byte;
  for (int b = 0; b < 256; ++b) every_byte.push_back(static_cast<char>(b));
  EXPECT_FALSE(ClientTextProblem(PrintableExcerpt(every_byte, 1000), TextShape::kLine));
}

}  // namespace
}  // namespace sciaticare
