// Column lists for reading a record without its large documents: the same
// list with each named column replaced by an empty literal, so the record's
// usual row reader still finds every column where it expects it. Shared by
// the SQLite and PostgreSQL stores; not for use outside src/store.
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>

namespace sciaticare::store {

// `columns` ("a, b, c") with every column named in `emptied` replaced by
// `empty_literal` ("''" in SQLite, "''::text" in PostgreSQL).
std::string EmptiedColumns(std::string_view columns,
                           std::initializer_list<std::string_view> emptied,
                           std::string_view empty_literal);

}  // namespace sciaticare::store
