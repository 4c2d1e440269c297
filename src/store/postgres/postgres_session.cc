// PostgreSQL's side of the SQL session interface: placeholders translated
// once, parameters sent as text to prepared statements, rows read from the
// result the server sent back whole.
#include "store/postgres/postgres_session.h"

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

class PgStatement : public sql::Statement {
 public:
  PgStatement(PgSession& session, const std::string& name) : session_(session), name_(name) {}

  void BindInt64(int position, std::int64_t v) override { Slot(position) = std::to_string(v); }
  void BindText(int position, std::string_view v) override { Slot(position) = std::string(v); }
  void BindBool(int position, bool v) override { Slot(position) = v ? "true" : "false"; }
  void BindNull(int position) override { Slot(position) = std::nullopt; }

  bool Step() override {
    if (!ran_) {
      result_ = Run();
      ran_ = true;
      row_ = -1;
    }
    return ++row_ < static_cast<int>(result_.size());
  }
  std::int64_t Exec() override {
    result_ = Run();
    ran_ = true;
    return result_.affected_rows();
  }
  bool IsNull(int column) const override { return Field(column).is_null(); }
  std::int64_t Int64(int column) const override { return Field(column).as<std::int64_t>(); }
  std::string Text(int column) const override { return Field(column).c_str(); }
  bool Bool(int column) const override { return Field(column).as<bool>(); }
  void Reset() noexcept override {
    params_.clear();
    result_ = pqxx::result();
    ran_ = false;
    row_ = -1;
  }

 private:
  PgParam& Slot(int position) {
    if (static_cast<int>(params_.size()) < position) params_.resize(position);
    return params_[position - 1];
  }
  pqxx::field Field(int column) const { return result_[row_][column]; }
  pqxx::result Run() {
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
  pqxx::result result_;
  bool ran_ = false;
  int row_ = -1;
};

}  // namespace

// Opens a PgTx and makes it the session's current one until it dies.
class PgSessionTransaction : public sql::Transaction {
 public:
  PgSessionTransaction(PgSession& session, sql::TxKind kind)
      : session_(session),
        outer_(session.current_),
        tx_(outer_ != nullptr
                ? std::make_unique<PgTx>(*outer_)
                : std::make_unique<PgTx>(session.connection_, kind == sql::TxKind::kWrite
                                                                  ? PgTx::Kind::kWrite
                                                                  : PgTx::Kind::kSnapshot)) {
    session_.current_ = tx_.get();
  }
  ~PgSessionTransaction() override { session_.current_ = outer_; }
  void Commit() override { tx_->Commit(); }

 private:
  PgSession& session_;
  PgTx* outer_;
  // Rolled back by its destructor unless committed; inside another
  // transaction of the session, a savepoint of it.
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

std::unique_ptr<sql::Transaction> PgSession::Begin(sql::TxKind kind) {
  return std::make_unique<PgSessionTransaction>(*this, kind);
}

}  // namespace sciaticare::store
