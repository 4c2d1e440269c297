// Internal to the PostgreSQL store: one pooled connection with its prepared
// statements, a transaction that runs them with positional parameters, and
// the mapping of PostgreSQL failures onto StoreError. Records are read and
// written in store/records/ over the SQL session (postgres/postgres_session.h).
// Not for use outside src/store.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <pqxx/pqxx>

#include "store/postgres_store.h"
#include "store/records.h"
#include "store/store_result.h"

namespace sciaticare::store {

// A connection of the pool. Statements are prepared on it the first time it
// runs them (libpqxx prepares lazily and again after a reconnect).
class PgConnection {
 public:
  // Connects; `lock_timeout_ms` bounds every wait for a row lock.
  PgConnection(const std::string& url, int lock_timeout_ms);
  pqxx::connection& raw() { return c_; }
  // The name `sql` is prepared under on this connection.
  const std::string& StatementName(const std::string& sql);
  // The same for shared SQL written with `?` placeholders (PgSession).
  const std::string& PortableStatementName(const std::string& sql);
  // The transaction of the unit of work running on this connection, if any
  // (PgUnitScope): a PgTx then is a subtransaction of it.
  pqxx::dbtransaction* unit() const { return unit_; }

 private:
  friend class PgUnitScope;
  pqxx::connection c_;
  pqxx::dbtransaction* unit_ = nullptr;
  std::unordered_map<std::string, std::string> names_;
  std::unordered_map<std::string, std::string> portable_names_;
};

// At most `max_size` connections to one database, opened when first needed
// and kept for the next call. A connection that broke is dropped, not reused.
class PgPool {
 public:
  PgPool(std::string url, int max_size, int lock_timeout_ms)
      : url_(std::move(url)), max_size_(max_size), lock_timeout_ms_(lock_timeout_ms) {}
  // Adds an open connection (the one the store was migrated on).
  void Adopt(std::unique_ptr<PgConnection> conn);

  // A connection borrowed for one call; it goes back to the pool when the
  // lease dies, unless Discard() said it is broken.
  class Lease {
   public:
    Lease(PgPool& pool, std::unique_ptr<PgConnection> conn)
        : pool_(&pool), conn_(std::move(conn)) {}
    Lease(Lease&& other) noexcept = default;
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;
    Lease& operator=(Lease&&) = delete;
    ~Lease();
    PgConnection& operator*() { return *conn_; }
    void Discard() { discard_ = true; }

   private:
    PgPool* pool_;
    std::unique_ptr<PgConnection> conn_;
    bool discard_ = false;
  };

  // Waits while all `max_size` connections are lent out. Throws what
  // connecting throws (pqxx::broken_connection when the server is away).
  Lease Acquire();

 private:
  void Return(std::unique_ptr<PgConnection> conn, bool discard);

  const std::string url_;
  const int max_size_;
  const int lock_timeout_ms_;
  std::mutex mu_;
  std::condition_variable available_;
  std::vector<std::unique_ptr<PgConnection>> idle_;
  int open_ = 0;  // Idle and lent out.
};

// Marks the calling thread as running a unit of work of `store` on `conn`
// in `tx` (Store::Atomically): the store's calls on this thread then run in
// that transaction, each as a subtransaction, rather than borrow another
// connection. One unit per thread.
class PgUnitScope {
 public:
  PgUnitScope(const PostgresStore& store, PgConnection& conn, pqxx::dbtransaction& tx);
  ~PgUnitScope();
  PgUnitScope(const PgUnitScope&) = delete;
  PgUnitScope& operator=(const PgUnitScope&) = delete;

  // The connection of `store`'s unit on this thread, or nullptr.
  static PgConnection* Of(const PostgresStore& store);

 private:
  PgConnection& conn_;
};

// A statement parameter as text; nullopt is SQL NULL.
using PgParam = std::optional<std::string>;

// Thrown by PgTx before a statement reaches the server when a parameter is
// text PostgreSQL cannot hold as given: libpq would cut it at a NUL, and the
// server refuses broken UTF-8. PostgresStore::Run answers it as kInvalid.
class PgUnstorableText : public std::invalid_argument {
 public:
  PgUnstorableText() : std::invalid_argument("text must be UTF-8 without NUL characters") {}
};

// A transaction on one pooled connection, running prepared statements; in a
// unit of work, a subtransaction of it (whatever the kind), so that a failed
// statement undoes only its own call.
class PgTx {
 public:
  enum class Kind {
    kRead,      // Autocommit, one statement at a time (single-statement reads).
    kSnapshot,  // Repeatable read, read only: several reads see one snapshot.
    kWrite,     // Read committed, committed by Commit().
  };
  PgTx(PgConnection& conn, Kind kind);
  // A subtransaction of `outer` (a savepoint); `outer` must not be kRead.
  explicit PgTx(PgTx& outer);

  // Runs the statement prepared under `name` on this transaction's connection.
  pqxx::result ExecNamed(const std::string& name, const std::vector<PgParam>& params);
  void Commit() { tx_->commit(); }
  // The transaction itself, for a unit of work run inside it (PgUnitScope);
  // not for a kRead one, which has none.
  pqxx::dbtransaction& Unit() { return dynamic_cast<pqxx::dbtransaction&>(*tx_); }

 private:
  PgConnection& conn_;
  std::unique_ptr<pqxx::transaction_base> tx_;
};

// What a failed PostgreSQL call means to the caller of the Store.
StoreError MapPgError(const pqxx::sql_error& e);

// SQLSTATE classes worth running the whole call again for: the server rolled
// the transaction back (serialization failure, deadlock).
bool IsRetryable(const pqxx::sql_error& e);

template <typename F>
auto PostgresStore::Run(F&& body) -> decltype(body(std::declval<PgConnection&>())) {
  // A pooled connection may have died while idle (server restart, network):
  // that failure comes before anything was committed, so the call is run
  // again on a fresh connection. So is a transaction the server rolled back
  // to resolve a deadlock or serialization conflict.
  if (PgConnection* unit = PgUnitScope::Of(*this)) {
    // In a unit of work: no retry here, the unit fails as a whole.
    try {
      return body(*unit);
    } catch (const pqxx::sql_error& e) {
      return MapPgError(e);
    } catch (const PgUnstorableText& e) {
      return Invalid("", e.what());
    } catch (const std::exception& e) {
      return Internal(std::string("database: ") + e.what());
    }
  }
  constexpr int kAttempts = 3;
  for (int attempt = 1;; ++attempt) {
    try {
      PgPool::Lease lease = pool_->Acquire();
      try {
        return body(*lease);
      } catch (const pqxx::broken_connection&) {
        lease.Discard();
        throw;
      }
    } catch (const pqxx::broken_connection& e) {
      if (attempt < kAttempts) continue;
      return Internal(std::string("database connection: ") + e.what());
    } catch (const pqxx::in_doubt_error& e) {
      return Internal(std::string("database connection lost during commit: ") + e.what());
    } catch (const pqxx::sql_error& e) {
      if (IsRetryable(e) && attempt < kAttempts) continue;
      return MapPgError(e);
    } catch (const PgUnstorableText& e) {
      return Invalid("", e.what());
    } catch (const std::exception& e) {
      return Internal(std::string("database: ") + e.what());
    }
  }
}

}  // namespace sciaticare::store
