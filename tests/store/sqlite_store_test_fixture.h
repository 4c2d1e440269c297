// The fixture of the SQLite store's own suites (sqlite_store_test.cc,
// sqlite_append_only_test.cc): a store on a fresh file, and raw SQL run past
// the store to show what the database itself refuses (RawSqlAnswer, which
// append_only_test.cc uses for SQLite too).
#pragma once

#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "store/sqlite_store.h"
#include "store/store_contract.h"
#include "store/store_contract_values.h"

namespace sciaticare::store::testing {

class SqliteStoreTest : public ::testing::Test {
 protected:
  std::string Path() const { return dir_.path() / "clinic.db"; }
  std::unique_ptr<SqliteStore> Open() { return Must(SqliteStore::Open(Path())); }

  TempDir dir_;
};

using SqliteMigrationTest = SqliteStoreTest;

inline int Count(SQLite::Database& db, const std::string& sql) {
  return db.execAndGet(sql).getInt();
}

inline bool IndexExists(SQLite::Database& db, const std::string& name) {
  SQLite::Statement q(db, "SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = ?");
  q.bind(1, name);
  return q.executeStep();
}

// What SQLite says to a statement run past the store: "accepted", or the
// error the database raised (a trigger's or a constraint's message).
inline std::string RawSqlAnswer(SQLite::Database& db, const char* sql) {
  try {
    db.exec(sql);
    return "accepted";
  } catch (const SQLite::Exception& e) {
    return e.what();
  }
}

}  // namespace sciaticare::store::testing
