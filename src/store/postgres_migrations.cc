// Applies the shared schema's migrations to a PostgreSQL schema, each under
// an advisory lock.
#include "store/postgres_migrations.h"

#include <string>
#include <vector>

#include <pqxx/pqxx>

#include "store/schema/schema_dialect.h"

namespace sciaticare::store {
namespace {

// Rendered once: the schema text does not change while the program runs.
const StoreResult<std::vector<Migration>>& Rendered() {
  static const StoreResult<std::vector<Migration>> rendered =
      RenderMigrations(PostgresSchemaDialect());
  return rendered;
}

constexpr const char* kVersionTable = R"sql(
CREATE TABLE schema_version (
  version INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  applied_at TEXT NOT NULL
    DEFAULT (to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'))
)
)sql";

// One lock per schema: processes migrating the same schema take turns, and
// schemas side by side in one database (as the tests use) do not wait on
// each other.
constexpr const char* kLock =
    "SELECT pg_advisory_xact_lock(hashtext('sciaticare schema migration'), "
    "hashtext(current_schema()))";

bool VersionTableExists(pqxx::transaction_base& tx) {
  return !tx.exec("SELECT to_regclass('schema_version')")[0][0].is_null();
}

int ReadVersion(pqxx::transaction_base& tx) {
  return tx.exec("SELECT COALESCE(MAX(version), 0) FROM schema_version")[0][0].as<int>();
}

}  // namespace

std::span<const Migration> PostgresMigrations() {
  if (!Rendered()) return {};
  return Rendered().value();
}

int PostgresLatestSchemaVersion() { return LatestSchemaVersion(); }

StoreResult<int> PostgresSchemaVersion(pqxx::connection_base& db) {
  try {
    pqxx::read_transaction tx(db);
    if (!VersionTableExists(tx)) return 0;
    return ReadVersion(tx);
  } catch (const std::exception& e) {
    return Internal(std::string("reading the schema version: ") + e.what());
  }
}

StoreResult<int> MigratePostgres(pqxx::connection_base& db, int target) {
  if (!Rendered()) return Rendered().error();
  int version = 0;
  try {
    {
      // Creating the version table races like any DDL, so it too is done
      // under the lock.
      pqxx::work tx(db);
      tx.exec("SET LOCAL lock_timeout = '120s'");
      tx.exec(kLock);
      if (!VersionTableExists(tx)) tx.exec(kVersionTable);
      version = ReadVersion(tx);
      tx.commit();
    }
    if (version > PostgresLatestSchemaVersion()) {
      return Internal("database schema version " + std::to_string(version) +
                      " is newer than this program knows (" +
                      std::to_string(PostgresLatestSchemaVersion()) + "); upgrade Sciaticare");
    }
    for (const Migration& m : Rendered().value()) {
      if (m.version > target) break;
      if (m.version <= version) continue;
      pqxx::work tx(db);
      tx.exec("SET LOCAL lock_timeout = '120s'");
      // Re-read under the lock: another process may have applied it meanwhile.
      tx.exec(kLock);
      version = ReadVersion(tx);
      if (m.version <= version) continue;
      tx.exec(m.sql);
      tx.exec_params("INSERT INTO schema_version (version, name) VALUES ($1, $2)", m.version,
                     std::string(m.name));
      tx.commit();
      version = m.version;
    }
  } catch (const std::exception& e) {
    return Internal("migrating the schema past version " + std::to_string(version) + ": " +
                    e.what());
  }
  return version;
}

}  // namespace sciaticare::store
