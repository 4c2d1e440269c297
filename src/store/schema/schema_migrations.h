// The schema of both stores, as one append-only list of migrations: migration
// N turns a version N-1 database into version N, on SQLite and on PostgreSQL
// alike. Each migration's SQL is written once in the text both databases
// share, with the few spellings that differ as tokens and the statements that
// truly differ in per-database blocks (schema_dialect.h); the runners
// (store/migrations.cc, store/postgres_migrations.cc) render it for their
// database and apply it.
//
// Adding a migration: write its SQL as a new named constant kSchemaV<N> in the
// newest schema_versions_*.cc file (or a new one past 400 lines), declared in
// schema_versions.h, using {{ID}}/{{SERIAL_ID}} for ids, {{BIGINT}} for
// references to them, {{TIME}} for ordered time text, {{BOOLEAN column}} for
// flags and a {{sqlite}} / {{postgres}} ... {{end}} block only where the SQL
// cannot be shared (triggers); append {N, description, kSchemaV<N>} to the list
// in schema_migrations.cc, bump the expected latest version in the store tests
// and rewrite the recorded fresh schema (run the FreshSchemaTest tests with
// SCIATICARE_WRITE_SCHEMA_CATALOG=1, review the diff of tests/data/schema/).
// A migration written for the old two files ports as its SQLite text with
// tokens where the PostgreSQL text differs; the recorded catalogs show any
// difference. Never edit a shipped migration: databases in use were built by it.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "store/schema/schema_dialect.h"
#include "store/store_result.h"

namespace sciaticare::store {

struct SchemaMigration {
  int version;  // 1, 2, 3... with no gaps.
  std::string_view name;
  std::string_view text;  // Schema text with tokens and blocks; render before running.
};

// A migration as one database runs it.
struct Migration {
  int version;
  std::string_view name;
  std::string sql;
};

std::span<const SchemaMigration> SchemaMigrations();
int LatestSchemaVersion();

// Every migration rendered for `dialect`, in order; a fault in the schema text
// is kInternal and names the version.
StoreResult<std::vector<Migration>> RenderMigrations(const SchemaDialect& dialect);

}  // namespace sciaticare::store
