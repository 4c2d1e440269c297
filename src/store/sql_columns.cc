#include "store/sql_columns.h"

#include <algorithm>

namespace sciaticare::store {
namespace {

// `columns` with each trimmed column name passed through `replace`.
template <typename Replace>
std::string MapColumns(std::string_view columns, Replace replace) {
  std::string out;
  while (!columns.empty()) {
    const std::size_t comma = columns.find(',');
    std::string_view column = columns.substr(0, comma);
    columns = comma == std::string_view::npos ? std::string_view() : columns.substr(comma + 1);
    while (!column.empty() && column.front() == ' ') column.remove_prefix(1);
    while (!column.empty() && column.back() == ' ') column.remove_suffix(1);
    if (!out.empty()) out += ", ";
    out += replace(column);
  }
  return out;
}

}  // namespace

std::string EmptiedColumns(std::string_view columns,
                           std::initializer_list<std::string_view> emptied,
                           std::string_view empty_literal) {
  return MapColumns(columns, [&](std::string_view column) {
    const bool empty = std::find(emptied.begin(), emptied.end(), column) != emptied.end();
    return empty ? empty_literal : column;
  });
}

std::string ReplacedColumns(
    std::string_view columns,
    std::initializer_list<std::pair<std::string_view, std::string_view>> replaced) {
  return MapColumns(columns, [&](std::string_view column) {
    for (const auto& [name, expression] : replaced) {
      if (name == column) return expression;
    }
    return column;
  });
}

}  // namespace sciaticare::store
