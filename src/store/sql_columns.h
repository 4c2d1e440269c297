// Column lists for reading a record without its large documents: the same
// list with each named column replaced by an empty literal (or by an
// expression that keeps the document on some rows only), so the record's
// usual row reader still finds every column where it expects it. Shared by
// the SQLite and PostgreSQL stores; not for use outside src/store.
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>

namespace sciaticare::store {

// `columns` ("a, b, c") with every column named in `emptied` replaced by
// `empty_literal` ("''" in SQLite, "''::text" in PostgreSQL).
std::string EmptiedColumns(std::string_view columns,
                           std::initializer_list<std::string_view> emptied,
                           std::string_view empty_literal);

// `columns` with each column named first in a pair of `replaced` replaced by
// the pair's SQL expression (e.g. "CASE WHEN kind = 'intake' THEN result_json
// ELSE '' END").
std::string ReplacedColumns(
    std::string_view columns,
    std::initializer_list<std::pair<std::string_view, std::string_view>> replaced);

}  // namespace sciaticare::store
