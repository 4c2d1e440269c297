#include "store/sql_columns.h"

#include <algorithm>

namespace sciaticare::store {

std::string EmptiedColumns(std::string_view columns,
                           std::initializer_list<std::string_view> emptied,
                           std::string_view empty_literal) {
  std::string out;
  while (!columns.empty()) {
    const std::size_t comma = columns.find(',');
    std::string_view column = columns.substr(0, comma);
    columns = comma == std::string_view::npos ? std::string_view() : columns.substr(comma + 1);
    while (!column.empty() && column.front() == ' ') column.remove_prefix(1);
    while (!column.empty() && column.back() == ' ') column.remove_suffix(1);
    if (!out.empty()) out += ", ";
    const bool empty = std::find(emptied.begin(), emptied.end(), column) != emptied.end();
    out += empty ? empty_literal : column;
  }
  return out;
}

}  // namespace sciaticare::store
