// Renders the shared schema text for one dialect: line by line, dropping the
// other dialect's blocks and expanding tokens from the dialect's table.
#include <algorithm>
#include <string>

#include "store/schema/schema_dialect.h"

namespace sciaticare::store {
namespace {

constexpr std::string_view kOpen = "{{";
constexpr std::string_view kClose = "}}";

std::string_view Trimmed(std::string_view line) {
  const auto first = line.find_first_not_of(" \t");
  if (first == std::string_view::npos) return {};
  return line.substr(first, line.find_last_not_of(" \t") - first + 1);
}

// The block a marker line names ("sqlite", "postgres", "end"), or empty when
// the line is not a marker.
std::string_view MarkerOf(std::string_view line) {
  line = Trimmed(line);
  if (line.size() < kOpen.size() + kClose.size() || !line.starts_with(kOpen) ||
      !line.ends_with(kClose)) {
    return {};
  }
  std::string_view inner = line.substr(kOpen.size(), line.size() - kOpen.size() - kClose.size());
  if (inner == "sqlite" || inner == "postgres" || inner == "end") return inner;
  return {};
}

std::string ReplaceArgument(std::string_view expansion, std::string_view argument) {
  std::string out;
  for (std::size_t i = 0; i < expansion.size(); ++i) {
    if (expansion.substr(i, 2) == "%1") {
      out += argument;
      ++i;
    } else {
      out += expansion[i];
    }
  }
  return out;
}

StoreResult<std::string> ExpandTokens(std::string_view line, const SchemaDialect& dialect) {
  std::string out;
  while (true) {
    const auto open = line.find(kOpen);
    if (open == std::string_view::npos) break;
    const auto close = line.find(kClose, open);
    if (close == std::string_view::npos) return Internal("schema token left open");
    out += line.substr(0, open);
    std::string_view token = line.substr(open + kOpen.size(), close - open - kOpen.size());
    const auto space = token.find(' ');
    std::string_view name = token.substr(0, space);
    std::string_view argument = space == std::string_view::npos ? "" : token.substr(space + 1);
    auto known = std::find_if(dialect.tokens.begin(), dialect.tokens.end(),
                              [&](const DialectToken& t) { return t.name == name; });
    if (known == dialect.tokens.end()) {
      return Internal("unknown schema token {{" + std::string(name) + "}}");
    }
    out += ReplaceArgument(known->expansion, argument);
    line = line.substr(close + kClose.size());
  }
  out += line;
  return out;
}

}  // namespace

StoreResult<std::string> RenderSchemaSql(std::string_view text, const SchemaDialect& dialect) {
  std::string out;
  std::string_view block;  // Empty in the shared text.
  while (!text.empty()) {
    const auto end = text.find('\n');
    const bool last = end == std::string_view::npos;
    std::string_view line = last ? text : text.substr(0, end);
    text = last ? std::string_view{} : text.substr(end + 1);
    if (std::string_view marker = MarkerOf(line); !marker.empty()) {
      // {{end}} closes an open block; a block opens in the shared text or
      // right after the other dialect's block.
      if (marker == "end" ? block.empty() : block == marker) {
        return Internal("schema block marker {{" + std::string(marker) + "}} out of place");
      }
      block = marker == "end" ? std::string_view{} : marker;
      continue;
    }
    if (!block.empty() && block != dialect.block) continue;
    auto expanded = ExpandTokens(line, dialect);
    if (!expanded) return expanded.error();
    out += expanded.value();
    if (!last) out += '\n';
  }
  if (!block.empty()) return Internal("schema block {{" + std::string(block) + "}} left open");
  return out;
}

}  // namespace sciaticare::store
