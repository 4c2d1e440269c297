// Versioned schema of the PostgreSQL store: the shared schema (schema/
// schema_migrations.h) rendered for PostgreSQL, numbered like the SQLite one
// (migrations.h): migration N turns a version N-1 database into version N and
// `schema_version` records each applied one. Every migration runs in its own
// transaction holding a transaction-level advisory lock, so several server
// processes starting at once on one database apply each migration exactly once
// and a failure leaves the last good version in place. Shipped migrations
// never change: a schema change is a new migration.
#pragma once

#include <span>

#include "store/migrations.h"
#include "store/store_result.h"

namespace pqxx {
class connection_base;
}

namespace sciaticare::store {

// The migrations as PostgreSQL runs them (empty if the schema text has a
// fault, which MigratePostgres reports).
std::span<const Migration> PostgresMigrations();
int PostgresLatestSchemaVersion();

// The highest applied migration in the connection's current schema (the first
// of its search_path); 0 for an empty one.
StoreResult<int> PostgresSchemaVersion(pqxx::connection_base& db);

// Applies the migrations above the database's version up to `target` (tests
// stop at an old version) and
// returns the version reached. A database newer than this program is refused
// (kInternal): old code must not write to a schema it does not know.
StoreResult<int> MigratePostgres(pqxx::connection_base& db,
                                 int target = PostgresLatestSchemaVersion());

}  // namespace sciaticare::store
