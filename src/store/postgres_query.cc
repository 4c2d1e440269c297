// Connections, pool, statements, error mapping and row readers of the
// PostgreSQL store.
#include "store/postgres_query.h"

#include <cctype>
#include <stdexcept>

#include "store/postgres/postgres_session.h"
#include "store/validation.h"

namespace sciaticare::store {

PgConnection::PgConnection(const std::string& url, int lock_timeout_ms) : c_(url) {
  // set_variable, unlike a plain SET, is restored if libpqxx reconnects.
  c_.set_variable("lock_timeout", std::to_string(lock_timeout_ms));
}

const std::string& PgConnection::StatementName(const std::string& sql) {
  auto found = names_.find(sql);
  if (found != names_.end()) return found->second;
  std::string name = "s" + std::to_string(names_.size() + 1);
  c_.prepare(name, sql);
  return names_.emplace(sql, std::move(name)).first->second;
}

const std::string& PgConnection::PreparedNow(const std::string& sql) {
  const std::string& name = StatementName(sql);
  c_.prepare_now(name);
  return name;
}

const std::string& PgConnection::PortableStatementName(const std::string& sql) {
  auto found = portable_names_.find(sql);
  if (found != portable_names_.end()) return found->second;
  const std::string& name = StatementName(PositionalPlaceholders(sql));
  return portable_names_.emplace(sql, name).first->second;
}

pqxx::dbtransaction* PgConnection::unit() {
  if (unit_ == nullptr && unbegun_unit_ != nullptr) unit_ = &unbegun_unit_->emplace(c_);
  return unit_;
}

void PgPool::Adopt(std::unique_ptr<PgConnection> conn) {
  {
    std::lock_guard lock(mu_);
    ++open_;
    idle_.push_back(std::move(conn));
  }
  available_.notify_one();
}

PgPool::Lease::~Lease() {
  if (conn_) pool_->Return(std::move(conn_), discard_);
}

PgPool::Lease PgPool::Acquire() {
  std::unique_lock lock(mu_);
  available_.wait(lock, [&] { return !idle_.empty() || open_ < max_size_; });
  if (!idle_.empty()) {
    std::unique_ptr<PgConnection> conn = std::move(idle_.back());
    idle_.pop_back();
    ++lent_;
    return Lease(*this, std::move(conn));
  }
  ++open_;  // Reserve the slot, then connect without holding the lock.
  lock.unlock();
  try {
    auto conn = std::make_unique<PgConnection>(url_, lock_timeout_ms_);
    ++lent_;
    return Lease(*this, std::move(conn));
  } catch (...) {
    lock.lock();
    --open_;
    lock.unlock();
    available_.notify_one();
    throw;
  }
}

void PgPool::Return(std::unique_ptr<PgConnection> conn, bool discard) {
  {
    std::lock_guard lock(mu_);
    if (discard || !conn->raw().is_open()) {
      --open_;
    } else {
      idle_.push_back(std::move(conn));
    }
  }
  available_.notify_one();
  if (--lent_ == 0 && all_returned_) all_returned_();
  // A discarded connection closes here, outside the lock.
}

namespace {
thread_local const PostgresStore* unit_store = nullptr;
thread_local PgConnection* unit_connection = nullptr;
}  // namespace

PgUnitScope::PgUnitScope(const PostgresStore& store, PgConnection& conn, pqxx::dbtransaction& tx,
                         Writes writes)
    : conn_(conn) {
  unit_store = &store;
  unit_connection = &conn;
  conn.unit_ = &tx;
  conn.unit_writes_join_ = writes == Writes::kJoin;
  conn.unit_failed_ = false;
}

PgUnitScope::PgUnitScope(const PostgresStore& store, PgConnection& conn,
                         std::optional<pqxx::work>& tx)
    : conn_(conn) {
  unit_store = &store;
  unit_connection = &conn;
  conn.unit_ = tx ? &*tx : nullptr;
  conn.unbegun_unit_ = &tx;
  conn.unit_writes_join_ = false;
  conn.unit_failed_ = false;
}

PgUnitScope::~PgUnitScope() {
  conn_.unit_ = nullptr;
  conn_.unbegun_unit_ = nullptr;
  conn_.unit_writes_join_ = false;
  unit_store = nullptr;
  unit_connection = nullptr;
}

PgConnection* PgUnitScope::Of(const PostgresStore& store) {
  return unit_store == &store ? unit_connection : nullptr;
}

namespace {

// A subtransaction whose SAVEPOINT is sent when it is made. libpqxx 6 sends
// it lazily, on the first exec() only: exec_prepared() skips that, so the
// prepared statements of a "subtransaction" ran in its parent and its
// rollback undid nothing (SqlSessionContract.NestedTransaction... showed it).
class EagerSubtransaction : public pqxx::subtransaction {
 public:
  explicit EagerSubtransaction(pqxx::dbtransaction& parent)
      // namedclass is a virtual base: the most derived class names it, as
      // pqxx::subtransaction's own constructor does.
      : pqxx::internal::namedclass("subtransaction", parent.conn().adorn_name("store_call")),
        pqxx::subtransaction(parent, "store_call") {
    Begin();
  }
};

}  // namespace

PgTx::PgTx(PgConnection& conn, Kind kind) : conn_(conn) {
  if (pqxx::dbtransaction* unit = conn.unit()) {
    if (kind != Kind::kWrite || conn.unit_writes_join()) {
      joined_ = unit;
    } else {
      tx_ = std::make_unique<EagerSubtransaction>(*unit);
    }
    return;
  }
  switch (kind) {
    case Kind::kRead:
      tx_ = std::make_unique<pqxx::nontransaction>(conn.raw());
      break;
    case Kind::kSnapshot:
      tx_ = std::make_unique<pqxx::transaction<pqxx::repeatable_read, pqxx::read_only>>(conn.raw());
      break;
    case Kind::kWrite:
      tx_ = std::make_unique<pqxx::work>(conn.raw());
      break;
  }
}

PgTx::PgTx(PgTx& outer) : conn_(outer.conn_) {
  auto* parent = outer.joined_ != nullptr ? outer.joined_
                                          : dynamic_cast<pqxx::dbtransaction*>(outer.tx_.get());
  if (parent == nullptr) throw std::logic_error("a subtransaction of an autocommit read");
  tx_ = std::make_unique<EagerSubtransaction>(*parent);
}

pqxx::result PgTx::ExecNamed(const std::string& name, const std::vector<PgParam>& params) {
  std::vector<const char*> values;
  values.reserve(params.size());
  for (const PgParam& p : params) {
    if (p && !IsStorableText(*p)) throw PgUnstorableText();
    values.push_back(p ? p->c_str() : nullptr);
  }
  if (joined_ == nullptr)
    return tx_->exec_prepared(name, pqxx::prepare::make_dynamic_params(values));
  try {
    return joined_->exec_prepared(name, pqxx::prepare::make_dynamic_params(values));
  } catch (const pqxx::sql_error&) {
    conn_.MarkUnitFailed();  // No savepoint to go back to: the unit's transaction is aborted.
    throw;
  }
}

namespace {

// The column a unique violation names: "Key (lower(email))=(...)" in the
// DETAIL line gives "email", "Key (patient_id, version_no)=..." the last one.
std::string ViolatedColumn(const std::string& what) {
  auto key = what.find("Key (");
  if (key == std::string::npos) return "";
  auto end = what.find(")=(", key);
  if (end == std::string::npos) return "";
  std::string inside = what.substr(key + 5, end - key - 5);
  std::string last, word;
  for (std::size_t i = 0; i <= inside.size(); ++i) {
    char c = i < inside.size() ? inside[i] : ' ';
    if (std::isalnum(static_cast<unsigned char>(c)) || c == '_') {
      word += c;
      continue;
    }
    // A word before "(" is a function, one after "::" a type: neither is the column.
    bool function = c == '(';
    bool type = i >= word.size() + 2 && inside.compare(i - word.size() - 2, 2, "::") == 0;
    if (!word.empty() && !function && !type) last = word;
    word.clear();
  }
  return last;
}

// The first line of the server's message, without "ERROR:  ".
std::string Headline(const std::string& what) {
  std::string line = what.substr(0, what.find('\n'));
  if (line.rfind("ERROR:", 0) == 0) line = line.substr(6);
  auto start = line.find_first_not_of(' ');
  return start == std::string::npos ? line : line.substr(start);
}

}  // namespace

StoreError MapPgError(const pqxx::sql_error& e) {
  const std::string& state = e.sqlstate();
  std::string what = e.what();
  if (state == "23505") return Conflict(ViolatedColumn(what), "is already taken");
  if (state == "23503") return NotFound("", "refers to a record that is not in this clinic");
  // Check and not-null constraints, and the audit trail's trigger.
  if (state == "23514" || state == "23502" || state == "23001" || state == "P0001") {
    return Invalid("", Headline(what));
  }
  // Class 22, data exceptions: a value the column's type cannot take (out of
  // range, not a number, bad encoding) is the caller's input, not a failure.
  if (state.rfind("22", 0) == 0) return Invalid("", Headline(what));
  return Internal("database: " + Headline(what) + (state.empty() ? "" : " (" + state + ")"));
}

bool IsRetryable(const pqxx::sql_error& e) {
  return e.sqlstate() == "40001" || e.sqlstate() == "40P01";
}

}  // namespace sciaticare::store
