// What text from a client may hold, and how to quote text that broke the rule.
// Every JSON string the server keeps passes ClientTextProblem first, so NUL,
// escape sequences and other control bytes never reach a record, a chart or
// a terminal that shows the audit trail.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace sciaticare {

enum class TextShape {
  kLine,      // One line: no control characters at all.
  kFreeText,  // Prose: tab, line feed and carriage return are allowed.
};

// Why `text` may not be kept, as a message for the field ("must be UTF-8
// text without control characters"), or nullopt when it may. Refuses bytes
// that are not well-formed UTF-8, C0 controls (but those `shape` allows),
// DEL and the C1 controls U+0080–U+009F.
std::optional<std::string> ClientTextProblem(std::string_view text, TextShape shape);

// `text` made safe to quote in a message or an audit record: control
// characters and bytes that are not well-formed UTF-8 become '?', and it is
// cut to at most `max_bytes` (never inside a UTF-8 sequence), "..." marking
// a cut.
std::string PrintableExcerpt(std::string_view text, std::size_t max_bytes);

}  // namespace sciaticare
