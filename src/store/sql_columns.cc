#include "store/sql_columns.h"

#include <algorithm>

namespace sciaticare::store {

namespace {

// Calls `each` with every column name of `columns`, trimmed, in order.
template <typename Each>
void ForEachColumn(std::string_view columns, Each each) {
  while (!columns.empty()) {
    const std::size_t comma = columns.find(',');
    std::string_view column = columns.substr(0, comma);
    columns = comma == std::string_view::npos ? std::string_view() : columns.substr(comma + 1);
    while (!column.empty() && column.front() == ' ') column.remove_prefix(1);
    while (!column.empty() && column.back() == ' ') column.remove_suffix(1);
    each(column);
  }
}

}  // namespace

std::string EmptiedColumns(std::string_view columns,
                           std::initializer_list<std::string_view> emptied,
                           std::string_view empty_literal) {
  std::string out;
  ForEachColumn(columns, [&](std::string_view column) {
    if (!out.empty()) out += ", ";
    const bool empty = std::find(emptied.begin(), emptied.end(), column) != emptied.end();
    out += empty ? empty_literal : column;
  });
  return out;
}

int ColumnCount(std::string_view columns) {
  int count = 0;
  ForEachColumn(columns, [&](std::string_view) { ++count; });
  return count;
}

std::string QualifiedColumns(std::string_view columns, std::string_view alias) {
  std::string out;
  ForEachColumn(columns, [&](std::string_view column) {
    if (!out.empty()) out += ", ";
    out.append(alias).append(".").append(column);
  });
  return out;
}

}  // namespace sciaticare::store
