// Column lists for reading a record without its large documents: the same
// list with each named column replaced by an empty literal, so the record's
// usual row reader still finds every column where it expects it; and column
// lists qualified by a table alias for joins. Used by the shared record
// methods (store/records/); not for use outside src/store.
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>

namespace sciaticare::store {

// `columns` ("a, b, c") with every column named in `emptied` replaced by
// `empty_literal` (the record methods use "CAST('' AS TEXT)", which both
// databases read as empty text).
std::string EmptiedColumns(std::string_view columns,
                           std::initializer_list<std::string_view> emptied,
                           std::string_view empty_literal);

// How many columns `columns` ("a, b, c") lists.
int ColumnCount(std::string_view columns);

// `columns` ("a, b") with each column prefixed by `alias` ("u.a, u.b"), for
// joins of tables that share column names.
std::string QualifiedColumns(std::string_view columns, std::string_view alias);

}  // namespace sciaticare::store
