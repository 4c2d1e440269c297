// The SQLite store's statement cache, connection scopes, transactions and
// error mapping.
#include "store/sqlite_query.h"

#include <sqlite3.h>

namespace sciaticare::store {

SqliteQuery& SqliteQuery::Bind(const char* name, std::int64_t v) {
  s_->bind(name, v);
  return *this;
}

SqliteQuery& SqliteQuery::Bind(const char* name, int v) {
  s_->bind(name, v);
  return *this;
}

SqliteQuery& SqliteQuery::Bind(const char* name, std::string_view v) {
  s_->bind(name, std::string(v));
  return *this;
}

int SqliteQuery::Exec() {
  int changed = s_->exec();
  Reset();
  return changed;
}

void SqliteQuery::Reset() noexcept {
  if (s_ == nullptr) return;
  // tryReset, not reset: after a failed step sqlite3_reset repeats the error,
  // and that was already reported by the step.
  s_->tryReset();
  try {
    s_->clearBindings();  // Cannot fail on a valid statement; never let a destructor throw.
  } catch (...) {
  }
}

SqliteQuery SqliteConnection::Prepare(const std::string& sql) {
  auto& slot = statements[sql];
  if (!slot) slot = std::make_unique<SQLite::Statement>(*db, sql);
  return SqliteQuery(*slot);
}

namespace {
thread_local SqliteConnection* current_connection = nullptr;
}  // namespace

ConnectionScope::ConnectionScope(SqliteConnection& connection) : previous_(current_connection) {
  current_connection = &connection;
}

ConnectionScope::~ConnectionScope() { current_connection = previous_; }

SqliteConnection& ConnectionScope::Current() { return *current_connection; }

namespace {
thread_local SqliteConnection* unit_writer = nullptr;
}  // namespace

UnitScope::UnitScope(SqliteConnection& writer) : previous_(unit_writer) { unit_writer = &writer; }

UnitScope::~UnitScope() { unit_writer = previous_; }

bool UnitScope::Holds(const SqliteConnection& writer) { return unit_writer == &writer; }

SqliteTransaction::SqliteTransaction(Kind kind)
    : SqliteTransaction(ConnectionScope::Current(), kind) {}

SqliteTransaction::SqliteTransaction(SqliteConnection& connection, Kind kind)
    : connection_(connection), nested_(sqlite3_get_autocommit(connection_.db->getHandle()) == 0) {
  if (nested_) {
    connection_.Prepare("SAVEPOINT nested").Exec();
  } else {
    connection_.Prepare(kind == Kind::kImmediate ? "BEGIN IMMEDIATE" : "BEGIN").Exec();
  }
}

SqliteTransaction::~SqliteTransaction() {
  if (!open_) return;
  try {
    if (nested_) {
      connection_.Prepare("ROLLBACK TO nested").Exec();
      connection_.Prepare("RELEASE nested").Exec();
    } else {
      connection_.Prepare("ROLLBACK").Exec();
    }
  } catch (const std::exception&) {
    // SQLite may already have rolled back after an error; nothing is left open.
  }
}

void SqliteTransaction::commit() {
  connection_.Prepare(nested_ ? "RELEASE nested" : "COMMIT").Exec();
  open_ = false;
}

StoreError MapSqliteError(const SQLite::Exception& e) {
  std::string what = e.what();
  switch (e.getExtendedErrorCode()) {
    case SQLITE_CONSTRAINT_UNIQUE:
    case SQLITE_CONSTRAINT_PRIMARYKEY: {
      // "UNIQUE constraint failed: users.email" names the column.
      std::string field;
      if (auto dot = what.rfind('.'); dot != std::string::npos) field = what.substr(dot + 1);
      return Conflict(field, "is already taken");
    }
    case SQLITE_CONSTRAINT_FOREIGNKEY:
      return NotFound("", "refers to a record that is not in this clinic");
    case SQLITE_CONSTRAINT_CHECK:
    case SQLITE_CONSTRAINT_NOTNULL:
    case SQLITE_CONSTRAINT_TRIGGER:
      return Invalid("", what);
    default:
      return Internal("database: " + what);
  }
}

}  // namespace sciaticare::store
