// Internal to the SQLite store: its connections with their cached statements,
// the scopes that name the calling thread's connection and unit of work, a
// transaction on cached BEGIN/COMMIT, and the mapping of SQLite failures onto
// StoreError. Records are read and written in store/records/ over the SQL
// session (sqlite/sqlite_session.h). Not for use outside src/store.
#pragma once

#include <SQLiteCpp/SQLiteCpp.h>

#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "store/records.h"
#include "store/sql/sql_session.h"
#include "store/sqlite_store.h"
#include "store/store_result.h"

namespace sciaticare::store {

// A cached statement of the store's own (BEGIN, COMMIT, savepoints, pragmas)
// borrowed for one use, with named binding; records go through the SQL
// session instead. It is reset when done with (and at the latest when this
// object dies), so no statement keeps a read snapshot open between calls,
// which in WAL mode would pin old pages.
class SqliteQuery {
 public:
  explicit SqliteQuery(SQLite::Statement& s) : s_(&s) {}
  SqliteQuery(SqliteQuery&& other) noexcept : s_(other.s_) { other.s_ = nullptr; }
  SqliteQuery(const SqliteQuery&) = delete;
  SqliteQuery& operator=(const SqliteQuery&) = delete;
  SqliteQuery& operator=(SqliteQuery&&) = delete;
  ~SqliteQuery() { Reset(); }

  SqliteQuery& Bind(const char* name, std::int64_t v);
  SqliteQuery& Bind(const char* name, int v);
  SqliteQuery& Bind(const char* name, std::string_view v);
  SqliteQuery& Bind(const char* name, const std::string& v) {
    return Bind(name, std::string_view(v));
  }
  SqliteQuery& Bind(const char* name, const char* v) { return Bind(name, std::string_view(v)); }
  // Runs a statement that returns no rows; returns the rows it changed.
  int Exec();

 private:
  void Reset() noexcept;

  SQLite::Statement* s_;
};

// One SQLite connection and its cache of prepared statements. One thread at a
// time works on it: the one holding `mu`.
struct SqliteConnection {
  std::mutex mu;
  std::unique_ptr<SQLite::Database> db;
  // Declared after `db`, so statements are finalised before it closes.
  std::unordered_map<std::string, std::unique_ptr<SQLite::Statement>> statements;
  // The same for the shared record methods (SqliteSession).
  std::unordered_map<std::string, std::unique_ptr<sql::Statement>> shared_statements;

  // The cached prepared statement for `sql`, ready to bind.
  SqliteQuery Prepare(const std::string& sql);
};

// Names the connection the calling thread works on for the length of a store
// call, so the record code needs no connection parameter; scopes nest.
class ConnectionScope {
 public:
  explicit ConnectionScope(SqliteConnection& connection);
  ~ConnectionScope();
  ConnectionScope(const ConnectionScope&) = delete;
  ConnectionScope& operator=(const ConnectionScope&) = delete;

  // Precondition: a scope is open on this thread.
  static SqliteConnection& Current();

 private:
  SqliteConnection* previous_;
};

// Marks the calling thread as running a unit of work (Store::Atomically, or a
// group commit's batch) that holds `writer` locked with its transaction open:
// the store's calls on this thread then work inside it rather than lock the
// writer again, and reads see the unit's own writes. Scopes nest.
class UnitScope {
 public:
  explicit UnitScope(SqliteConnection& writer);
  ~UnitScope();
  UnitScope(const UnitScope&) = delete;
  UnitScope& operator=(const UnitScope&) = delete;

  static bool Holds(const SqliteConnection& writer);

 private:
  SqliteConnection* previous_;
};

// A transaction on the calling thread's current connection (ConnectionScope)
// whose BEGIN, COMMIT and ROLLBACK are that connection's cached statements:
// SQLite::Transaction parses them anew on every call, which showed on reads
// that run a transaction per request. Rolls back unless committed. Begun
// while a transaction is open (a unit of work), it is a savepoint in it.
class SqliteTransaction {
 public:
  enum class Kind { kDeferred, kImmediate };
  explicit SqliteTransaction(Kind kind = Kind::kDeferred);
  // The same on `connection`, which the calling thread holds.
  SqliteTransaction(SqliteConnection& connection, Kind kind);
  ~SqliteTransaction();
  SqliteTransaction(const SqliteTransaction&) = delete;
  SqliteTransaction& operator=(const SqliteTransaction&) = delete;

  void commit();

 private:
  SqliteConnection& connection_;
  bool nested_;
  bool open_ = true;
};

// What a failed SQLite call means to the caller of the Store.
StoreError MapSqliteError(const SQLite::Exception& e);

// Runs `body`, turning any exception into the StoreError it means.
template <typename F>
auto Guarded(F&& body) -> decltype(body()) {
  try {
    return body();
  } catch (const SQLite::Exception& e) {
    return MapSqliteError(e);
  } catch (const std::exception& e) {
    return Internal(e.what());
  }
}

template <typename F>
auto SqliteStore::Writing(F&& body) -> decltype(body()) {
  // Inside a unit of work the writer is already this thread's, in its transaction.
  if (UnitScope::Holds(*writer_)) return Guarded(body);
  std::lock_guard lock(writer_->mu);
  ConnectionScope scope(*writer_);
  return Guarded(body);
}

template <typename F>
auto SqliteStore::Reading(F&& body) -> decltype(body()) {
  if (UnitScope::Holds(*writer_)) return Guarded(body);  // Sees the unit's own writes.
  std::unique_lock<std::mutex> lock;
  ConnectionScope scope(LockReader(lock));
  return Guarded(body);
}

}  // namespace sciaticare::store
