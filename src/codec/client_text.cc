#include "codec/client_text.h"

namespace sciaticare {
namespace {

// Length of the well-formed UTF-8 sequence at text[i] (RFC 3629: no overlong
// forms, no surrogates, nothing above U+10FFFF), or 0 when there is none.
std::size_t Utf8SequenceAt(std::string_view text, std::size_t i) {
  auto byte = [&](std::size_t at) { return static_cast<unsigned char>(text[at]); };
  const unsigned char b0 = byte(i);
  if (b0 < 0x80) return 1;
  std::size_t length = 0;
  unsigned char lo = 0x80, hi = 0xBF;  // Bounds of the second byte.
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    length = 2;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    length = 3;
    if (b0 == 0xE0) lo = 0xA0;
    if (b0 == 0xED) hi = 0x9F;
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    length = 4;
    if (b0 == 0xF0) lo = 0x90;
    if (b0 == 0xF4) hi = 0x8F;
  } else {
    return 0;
  }
  if (i + length > text.size()) return 0;
  if (byte(i + 1) < lo || byte(i + 1) > hi) return 0;
  for (std::size_t k = 2; k < length; ++k) {
    if (byte(i + k) < 0x80 || byte(i + k) > 0xBF) return 0;
  }
  return length;
}

// The character at text[i] (of `length` bytes) is a control character that
// `shape` does not allow.
bool IsRefusedControl(std::string_view text, std::size_t i, std::size_t length, TextShape shape) {
  const auto b0 = static_cast<unsigned char>(text[i]);
  if (length == 1) {
    if (b0 == 0x7F) return true;
    if (b0 >= 0x20) return false;
    return shape == TextShape::kLine || (b0 != '\t' && b0 != '\n' && b0 != '\r');
  }
  // U+0080–U+009F are C2 80 – C2 9F.
  return length == 2 && b0 == 0xC2 && static_cast<unsigned char>(text[i + 1]) <= 0x9F;
}

}  // namespace

std::optional<std::string> ClientTextProblem(std::string_view text, TextShape shape) {
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t length = Utf8SequenceAt(text, i);
    if (length == 0) return "must be UTF-8 text";
    if (IsRefusedControl(text, i, length, shape)) {
      return shape == TextShape::kLine
                 ? "must not contain control characters (NUL, escape, line breaks...)"
                 : "must not contain control characters other than tab and line breaks";
    }
    i += length;
  }
  return std::nullopt;
}

std::string PrintableExcerpt(std::string_view text, std::size_t max_bytes) {
  std::string out;
  bool cut = false;
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t length = Utf8SequenceAt(text, i);
    const std::size_t taken = length == 0 ? 1 : length;
    if (out.size() + taken > max_bytes) {
      cut = true;
      break;
    }
    if (length == 0 || IsRefusedControl(text, i, length, TextShape::kLine))
      out.push_back('?');
    else
      out.append(text.substr(i, length));
    i += taken;
  }
  if (cut) out += "...";
  return out;
}

}  // namespace sciaticare
