// PostgreSQL's side of the SQL session interface: placeholders translated
// once, parameters sent as text to prepared statements, rows read from the
// result the server sent back whole; a screen's reads sent in one round trip.
#include "store/postgres/postgres_session.h"

#include <variant>

#include "store/postgres/postgres_pipeline.h"
#include "store/postgres_query.h"

namespace sciaticare::store {

std::string PositionalPlaceholders(std::string_view sql) {
  std::string out;
  out.reserve(sql.size() + 16);
  int next = 1;
  char quote = 0;  // The quote character of the literal or identifier we are in.
  for (char c : sql) {
    if (quote != 0) {
      if (c == quote) quote = 0;  // A doubled quote closes and reopens: same result.
      out += c;
    } else if (c == '\'' || c == '"') {
      quote = c;
      out += c;
    } else if (c == '?') {
      out += '$';
      out += std::to_string(next++);
    } else {
      out += c;
    }
  }
  return out;
}

namespace {

// The rows of a result the server has sent, read as a statement's: what a
// prepared statement run reads (a batch's rows are PgPipelinedRows).
class PgResultRows : public sql::Statement {
 public:
  PgResultRows() = default;

  void BindInt64(int, std::int64_t) override { Unbindable(); }
  void BindText(int, std::string_view) override { Unbindable(); }
  void BindBool(int, bool) override { Unbindable(); }
  void BindNull(int) override { Unbindable(); }
  bool Step() override {
    if (!ran_) {
      result_ = Run();
      ran_ = true;
      row_ = -1;
    }
    return ++row_ < static_cast<int>(result_.size());
  }
  std::int64_t Exec() override {
    if (!ran_) result_ = Run();
    ran_ = true;
    return static_cast<std::int64_t>(result_.affected_rows());
  }
  bool IsNull(int column) const override { return Field(column).is_null(); }
  std::int64_t Int64(int column) const override { return Field(column).as<std::int64_t>(); }
  std::string Text(int column) const override { return Field(column).c_str(); }
  bool Bool(int column) const override { return Field(column).as<bool>(); }
  void Reset() noexcept override {
    result_ = pqxx::result();
    ran_ = false;
    row_ = -1;
  }

 protected:
  // Runs the statement: only one that binds parameters has one to run.
  virtual pqxx::result Run() { throw std::logic_error("these rows have been read"); }

 private:
  [[noreturn]] static void Unbindable() {
    throw std::logic_error("the rows of a batch take no parameters");
  }
  pqxx::field Field(int column) const { return result_[row_][column]; }

  pqxx::result result_;
  bool ran_ = false;
  int row_ = -1;
};

class PgStatement : public PgResultRows {
 public:
  PgStatement(PgSession& session, const std::string& name) : session_(session), name_(name) {}

  void BindInt64(int position, std::int64_t v) override { Slot(position) = std::to_string(v); }
  void BindText(int position, std::string_view v) override { Slot(position) = std::string(v); }
  void BindBool(int position, bool v) override { Slot(position) = v ? "true" : "false"; }
  void BindNull(int position) override { Slot(position) = std::nullopt; }
  void Reset() noexcept override {
    params_.clear();
    PgResultRows::Reset();
  }

 private:
  PgParam& Slot(int position) {
    if (static_cast<int>(params_.size()) < position) params_.resize(position);
    return params_[position - 1];
  }
  pqxx::result Run() override {
    if (PgTx* tx = session_.current()) return tx->ExecNamed(name_, params_);
    // Autocommit: this statement alone. Inside a unit of work `own` is a
    // savepoint of it, which must be released, not rolled back, to keep the
    // statement's changes.
    PgTx own(session_.connection(), PgTx::Kind::kRead);
    pqxx::result result = own.ExecNamed(name_, params_);
    own.Commit();
    return result;
  }

  PgSession& session_;
  const std::string& name_;  // Owned by the connection, which outlives the session.
  std::vector<PgParam> params_;
};

}  // namespace

// Opens a PgTx and makes it the session's current one until it dies. Inside
// another transaction of the session, a read joins it (it has nothing to
// undo) and so does a write when the unit says writes join; any other write
// is a savepoint of it.
class PgSessionTransaction : public sql::Transaction {
 public:
  PgSessionTransaction(PgSession& session, sql::TxKind kind)
      : session_(session), outer_(session.current_), tx_(Open(session, kind)) {
    if (tx_) session_.current_ = tx_.get();
  }
  ~PgSessionTransaction() override { session_.current_ = outer_; }
  void Commit() override {
    if (tx_) tx_->Commit();
  }

 private:
  static std::unique_ptr<PgTx> Open(PgSession& session, sql::TxKind kind) {
    const bool write = kind == sql::TxKind::kWrite;
    if (PgTx* outer = session.current_) {
      if (!write || session.connection_.unit_writes_join()) return nullptr;
      return std::make_unique<PgTx>(*outer);
    }
    return std::make_unique<PgTx>(session.connection_,
                                  write ? PgTx::Kind::kWrite : PgTx::Kind::kSnapshot);
  }

  PgSession& session_;
  PgTx* outer_;
  // Rolled back by its destructor unless committed; null when joined to the
  // session's outer transaction.
  std::unique_ptr<PgTx> tx_;
};

std::string PgSession::IdList(const std::vector<std::int64_t>& ids) const {
  std::string out = "{";  // An array literal, cast to BIGINT[] by InIdList's SQL.
  for (std::size_t i = 0; i < ids.size(); ++i) {
    if (i > 0) out += ',';
    out += std::to_string(ids[i]);
  }
  return out + "}";
}

PgSession::PgSession(PgConnection& connection, PgTx* open)
    : connection_(connection), current_(open) {}

PgSession::~PgSession() = default;

sql::Query PgSession::Prepare(const std::string& sql) {
  auto& slot = statements_[sql];
  if (!slot) {
    slot = std::make_unique<PgStatement>(*this, connection_.PortableStatementName(sql));
  }
  return sql::Query(*slot);
}

void PgSession::ReadTogether(std::vector<sql::BatchRead>& reads) {
  PgLibpqConnection& c = connection_.raw();
  std::vector<PgPreparedRun> runs;
  runs.reserve(reads.size());
  for (const sql::BatchRead& r : reads) {
    const std::string& name = connection_.PortableStatementName(r.sql);
    c.prepare_now(name);  // Once per connection: the pipeline runs it by name.
    std::vector<std::string> params;
    params.reserve(r.params.size());
    for (const sql::BatchParam& p : r.params) {
      if (const std::int64_t* id = std::get_if<std::int64_t>(&p))
        params.push_back(std::to_string(*id));
      else
        params.push_back(std::get<std::string>(p));
    }
    runs.push_back({name, std::move(params)});
  }
  std::vector<PgResult> results;
  // Reads may always run again: a connection lost while they ran is one
  // lost before anything was committed (PostgresStore::Run tries again).
  auto pipelined = [&](std::string_view before, std::string_view after) {
    try {
      return RunPipelined(c.handle(), before, runs, after);
    } catch (const pqxx::in_doubt_error& e) {
      throw pqxx::broken_connection(e.what());
    }
  };
  if (pqxx::dbtransaction* open =
          current_ != nullptr ? current_->Open() : connection_.unit_if_begun()) {
    // Inside a transaction (a unit of work's, as a note's checks run): the
    // reads join it, as one after another would.
    try {
      results = pipelined("", "");
    } catch (const pqxx::sql_error&) {
      // No savepoint to go back to: the unit's transaction is aborted.
      if (open == connection_.unit_if_begun()) connection_.MarkUnitFailed();
      throw;
    }
  } else {
    // One snapshot for them all, taken by the first read.
    results = pipelined(connection_.PreparedNow("BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY"),
                        connection_.PreparedNow("COMMIT"));
  }
  for (std::size_t i = 0; i < reads.size(); ++i) {
    PgPipelinedRows rows(results[i].get());
    sql::Query q(rows);
    reads[i].read(q);
  }
}

std::unique_ptr<sql::Transaction> PgSession::Begin(sql::TxKind kind) {
  return std::make_unique<PgSessionTransaction>(*this, kind);
}

}  // namespace sciaticare::store
