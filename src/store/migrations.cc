// Applies the shared schema's migrations to a SQLite database.
#include "store/migrations.h"

#include <SQLiteCpp/SQLiteCpp.h>

#include <string>
#include <vector>

#include "store/schema/schema_dialect.h"

namespace sciaticare::store {
namespace {

// Rendered once: the schema text does not change while the program runs.
const StoreResult<std::vector<Migration>>& Rendered() {
  static const StoreResult<std::vector<Migration>> rendered =
      RenderMigrations(SqliteSchemaDialect());
  return rendered;
}

constexpr std::string_view kVersionTable = R"sql(
CREATE TABLE IF NOT EXISTS schema_version (
  version INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
)
)sql";

int ReadVersion(SQLite::Database& db) {
  SQLite::Statement q(db, "SELECT COALESCE(MAX(version), 0) FROM schema_version");
  q.executeStep();
  return q.getColumn(0).getInt();
}

}  // namespace

std::span<const Migration> SqliteMigrations() {
  if (!Rendered()) return {};
  return Rendered().value();
}

StoreResult<int> SchemaVersion(SQLite::Database& db) {
  try {
    if (!db.tableExists("schema_version")) return 0;
    return ReadVersion(db);
  } catch (const std::exception& e) {
    return Internal(std::string("reading the schema version: ") + e.what());
  }
}

StoreResult<int> Migrate(SQLite::Database& db, int target) {
  if (!Rendered()) return Rendered().error();
  int version = 0;
  try {
    db.exec(std::string(kVersionTable));
    version = ReadVersion(db);
    if (version > LatestSchemaVersion()) {
      return Internal("database schema version " + std::to_string(version) +
                      " is newer than this program knows (" +
                      std::to_string(LatestSchemaVersion()) + "); upgrade Sciaticare");
    }
    for (const Migration& m : Rendered().value()) {
      if (m.version > target) break;
      // IMMEDIATE takes the write lock before re-reading the version, so two
      // processes opening a fresh file cannot both apply the same migration.
      SQLite::Transaction tx(db, SQLite::TransactionBehavior::IMMEDIATE);
      version = ReadVersion(db);
      if (m.version <= version) continue;
      db.exec(m.sql);
      SQLite::Statement record(db, "INSERT INTO schema_version (version, name) VALUES (?, ?)");
      record.bind(1, m.version);
      record.bind(2, std::string(m.name));
      record.exec();
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
