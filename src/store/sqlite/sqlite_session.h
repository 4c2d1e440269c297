// The SQL session interface (store/sql/sql_session.h) on one SQLite
// connection of the store. SQLite takes the shared SQL as written (`?`
// placeholders, RETURNING, CAST); its statements are prepared once per
// connection and kept. A kWrite transaction is BEGIN IMMEDIATE, so it holds
// the database's write lock from its first statement and needs no row locks.
// Failures are thrown as SQLite::Exception (MapSqliteError reads them).
#pragma once

#include "store/sql/sql_session.h"
#include "store/sqlite_query.h"

namespace sciaticare::store {

class SqliteSession : public sql::Session {
 public:
  // The caller holds `connection` (its `mu`) for the session's life.
  explicit SqliteSession(SqliteConnection& connection) : connection_(connection) {}
  // The session on the calling thread's current connection (ConnectionScope).
  static SqliteSession OnCurrent() { return SqliteSession(ConnectionScope::Current()); }

  sql::Query Prepare(const std::string& sql) override;
  std::unique_ptr<sql::Transaction> Begin(sql::TxKind kind) override;
  std::string_view LockRowsSuffix() const override { return ""; }
  std::string CaseFolded(std::string_view expr) const override { return std::string(expr); }
  std::string CaseFoldedOrder(std::string_view column) const override {
    return std::string(column) + " COLLATE NOCASE";
  }
  std::string CaseFoldedLike(std::string_view expr) const override {
    return std::string(expr) + " LIKE ? ESCAPE '\\'";
  }
  std::string InIdList(std::string_view column) const override {
    return std::string(column) + " IN (SELECT value FROM json_each(?))";
  }
  std::string IdList(const std::vector<std::int64_t>& ids) const override;

 private:
  SqliteConnection& connection_;
};

}  // namespace sciaticare::store
