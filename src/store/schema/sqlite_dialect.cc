// SQLite's spelling of the schema tokens (schema_dialect.h). Ids are rowid
// aliases, integers of any width are INTEGER, booleans are 0/1 integers held
// by a CHECK, case-insensitive text uses the NOCASE collation, and ISO-8601
// time text already orders byte by byte.
#include <array>

#include "store/schema/schema_dialect.h"

namespace sciaticare::store {
namespace {

constexpr std::array<DialectToken, 8> kSqliteTokens{{
    {"ID", "INTEGER PRIMARY KEY"},
    {"SERIAL_ID", "INTEGER PRIMARY KEY"},
    {"BIGINT", "INTEGER"},
    {"TIME", "TEXT"},
    {"BOOLEAN", "%1 INTEGER NOT NULL CHECK (%1 IN (0, 1))"},
    {"FOLDED", "%1 COLLATE NOCASE"},
    {"UNIQUE_NOCASE", " COLLATE NOCASE UNIQUE"},
    {"WITHOUT_ROWID", "WITHOUT ROWID"},
}};

constexpr SchemaDialect kSqlite{"sqlite", kSqliteTokens};

}  // namespace

const SchemaDialect& SqliteSchemaDialect() { return kSqlite; }

}  // namespace sciaticare::store
