// Versioned schema of the SQLite store: the shared schema (schema/
// schema_migrations.h) rendered for SQLite and applied in order. Migration N
// turns a version N-1 database into version N; `schema_version` records each
// applied one. A new database gets them all; an old one gets the ones it
// lacks, each in its own transaction, so a failure leaves the last good
// version in place. Migrations already shipped never change: a schema change
// is a new migration.
#pragma once

#include <span>

#include "store/schema/schema_migrations.h"
#include "store/store_result.h"

namespace SQLite {
class Database;
}

namespace sciaticare::store {

// The migrations as SQLite runs them (empty if the schema text has a fault,
// which Migrate reports).
std::span<const Migration> SqliteMigrations();

// The highest applied migration; 0 for an empty database.
StoreResult<int> SchemaVersion(SQLite::Database& db);

// Applies the migrations above the database's version up to `target` (tests
// stop at an old version to build a database as an older program left it) and
// returns the version reached. A database newer than this program is refused
// (kInternal): old code must not write to a schema it does not know.
StoreResult<int> Migrate(SQLite::Database& db, int target = LatestSchemaVersion());

}  // namespace sciaticare::store
