// How the one schema text (schema_migrations.h) becomes SQL for SQLite or
// PostgreSQL. The text is written in the SQL both databases share; what they
// spell differently is a token `{{NAME}}` or `{{NAME argument}}`, expanded from
// the dialect's own table (sqlite_dialect.cc, postgres_dialect.cc), and what
// truly differs (triggers, rebuilding a table) sits in blocks: a line
// `{{sqlite}}` or `{{postgres}}` starts lines only that database runs, and a
// line `{{end}}` returns to the shared text (a `{{postgres}}` block may follow
// a `{{sqlite}}` one directly).
#pragma once

#include <span>
#include <string>
#include <string_view>

#include "store/store_result.h"

namespace sciaticare::store {

struct DialectToken {
  std::string_view name;       // As written in the schema, e.g. "ID" for {{ID}}.
  std::string_view expansion;  // "%1" stands for the token's argument, if any.
};

struct SchemaDialect {
  std::string_view block;  // The name of this dialect's blocks: "sqlite" or "postgres".
  std::span<const DialectToken> tokens;
};

const SchemaDialect& SqliteSchemaDialect();
const SchemaDialect& PostgresSchemaDialect();

// The schema text as `dialect` runs it. An unknown token or block, or a block
// left open, is a fault in the schema text (kInternal), never a partial SQL.
StoreResult<std::string> RenderSchemaSql(std::string_view text, const SchemaDialect& dialect);

}  // namespace sciaticare::store
