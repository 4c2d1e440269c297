// SQLite's side of the SQL session interface: statements bound by index and
// read by column, transactions on the connection's cached BEGIN/COMMIT.
#include "store/sqlite/sqlite_session.h"

#include <sqlite3.h>

namespace sciaticare::store {
namespace {

class SqliteStatement : public sql::Statement {
 public:
  SqliteStatement(SQLite::Database& db, const std::string& sql) : s_(db, sql) {}

  void BindInt64(int position, std::int64_t v) override { s_.bind(position, v); }
  void BindText(int position, std::string_view v) override { s_.bind(position, std::string(v)); }
  void BindBool(int position, bool v) override { s_.bind(position, v ? 1 : 0); }
  void BindNull(int position) override { s_.bind(position); }
  bool Step() override { return s_.executeStep(); }
  std::int64_t Exec() override { return s_.exec(); }
  bool IsNull(int column) const override { return s_.isColumnNull(column); }
  std::int64_t Int64(int column) const override { return s_.getColumn(column).getInt64(); }
  std::string Text(int column) const override {
    // getString, not getText: a text column may hold a NUL-free string of any
    // length and getString takes its stored size.
    return s_.getColumn(column).getString();
  }
  bool Bool(int column) const override { return s_.getColumn(column).getInt64() != 0; }
  void Reset() noexcept override {
    // tryReset, not reset: after a failed step sqlite3_reset repeats the
    // error, and that was already reported by the step.
    s_.tryReset();
    try {
      s_.clearBindings();  // Cannot fail on a valid statement; never let Reset throw.
    } catch (...) {
    }
  }

 private:
  SQLite::Statement s_;
};

class SqliteSessionTransaction : public sql::Transaction {
 public:
  SqliteSessionTransaction(SqliteConnection& connection, sql::TxKind kind)
      : tx_(connection, kind == sql::TxKind::kWrite ? SqliteTransaction::Kind::kImmediate
                                                    : SqliteTransaction::Kind::kDeferred) {}
  void Commit() override { tx_.commit(); }

 private:
  SqliteTransaction tx_;
};

}  // namespace

std::string SqliteSession::IdList(const std::vector<std::int64_t>& ids) const {
  std::string out = "[";  // A JSON array, read by InIdList's json_each.
  for (std::size_t i = 0; i < ids.size(); ++i) {
    if (i > 0) out += ',';
    out += std::to_string(ids[i]);
  }
  return out + "]";
}

sql::Query SqliteSession::Prepare(const std::string& sql) {
  auto& slot = connection_.shared_statements[sql];
  if (!slot) slot = std::make_unique<SqliteStatement>(*connection_.db, sql);
  return sql::Query(*slot);
}

std::unique_ptr<sql::Transaction> SqliteSession::Begin(sql::TxKind kind) {
  return std::make_unique<SqliteSessionTransaction>(connection_, kind);
}

}  // namespace sciaticare::store
