// Internal to the PostgreSQL store: one pooled connection with its prepared
// statements, a transaction that runs them with positional parameters, and
// the mapping of PostgreSQL failures onto StoreError. Records are read and
// written in store/records/ over the SQL session (postgres/postgres_session.h).
// Not for use outside src/store.
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <pqxx/pqxx>

#include "store/postgres/postgres_libpq_connection.h"
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
  PgLibpqConnection& raw() { return c_; }
  // The name `sql` is prepared under on this connection.
  const std::string& StatementName(const std::string& sql);
  // The same for shared SQL written with `?` placeholders (PgSession).
  const std::string& PortableStatementName(const std::string& sql);
  // StatementName, with the statement prepared on the server now, for a
  // pipeline (postgres_pipeline.h), which runs statements by name only.
  const std::string& PreparedNow(const std::string& sql);
  // The transaction of the unit of work running on this connection, if any
  // (PgUnitScope), begun now if the unit had not begun it yet: a PgTx then
  // joins it or is a subtransaction of it.
  pqxx::dbtransaction* unit();
  // The unit's transaction only if it has begun. Reads sent together before
  // then run in a snapshot of their own: a unit that has written nothing
  // sees the same rows outside its read-committed transaction, and a unit
  // that only reads so (a session note's checks) sends no BEGIN or COMMIT.
  pqxx::dbtransaction* unit_if_begun() const { return unit_; }
  // Whether the unit's store calls that write join its transaction rather
  // than run under a savepoint of their own (PgUnitScope's `writes`).
  bool unit_writes_join() const { return unit_writes_join_; }
  // True once a statement run directly in the unit's transaction (no
  // savepoint of its own) has failed: the server has then aborted the unit's
  // transaction, which must not be committed.
  bool unit_failed() const { return unit_failed_; }
  void MarkUnitFailed() { unit_failed_ = true; }

 private:
  friend class PgUnitScope;
  PgLibpqConnection c_;
  pqxx::dbtransaction* unit_ = nullptr;
  // The place of a unit's transaction that unit() begins on first use.
  std::optional<pqxx::work>* unbegun_unit_ = nullptr;
  bool unit_writes_join_ = false;
  bool unit_failed_ = false;
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

  // Whether any call holds a connection now (its request may yet append an
  // audit entry: PgAuditLinger's company).
  bool AnyLent() const { return lent_.load(std::memory_order_relaxed) > 0; }
  // Called on the returning thread, no lock held, whenever the last lent
  // connection comes back. Set before the pool is used.
  void OnAllReturned(std::function<void()> hook) { all_returned_ = std::move(hook); }

 private:
  void Return(std::unique_ptr<PgConnection> conn, bool discard);

  const std::string url_;
  const int max_size_;
  const int lock_timeout_ms_;
  std::mutex mu_;
  std::condition_variable available_;
  std::vector<std::unique_ptr<PgConnection>> idle_;
  int open_ = 0;  // Idle and lent out.
  std::atomic<int> lent_ = 0;
  std::function<void()> all_returned_;
};

// Marks the calling thread as running a unit of work of `store` on `conn`
// in `tx` (Store::Atomically): the store's calls on this thread then run in
// that transaction rather than borrow another connection. Calls that only
// read join it directly (a savepoint costs two round trips, and a read has
// nothing to undo); calls that write run under a savepoint of their own, so
// that a failed one undoes only itself, unless `writes` is kJoin (a group
// commit member, whose own savepoint is undone whole when any call fails).
// One unit per thread.
class PgUnitScope {
 public:
  enum class Writes { kOwnSavepoint, kJoin };
  PgUnitScope(const PostgresStore& store, PgConnection& conn, pqxx::dbtransaction& tx,
              Writes writes = Writes::kOwnSavepoint);
  // A unit whose transaction is begun in `tx` by its first statement that
  // needs one (PgConnection::unit), if any does.
  PgUnitScope(const PostgresStore& store, PgConnection& conn, std::optional<pqxx::work>& tx);
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

// A transaction on one pooled connection, running prepared statements. In a
// unit of work (PgUnitScope) a read joins the unit's transaction and a write
// is a subtransaction of it (or joins it too, as the scope says), so that a
// failed write undoes only its own call; a failed statement of a joined one
// marks the unit failed (PgConnection::unit_failed).
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
  // Nothing to commit for one that joined the unit: the unit commits.
  void Commit() {
    if (tx_) tx_->commit();
  }
  // The transaction itself, for a unit of work run inside it (PgUnitScope);
  // not for a kRead one outside a unit, which has none.
  pqxx::dbtransaction& Unit() {
    return joined_ != nullptr ? *joined_ : dynamic_cast<pqxx::dbtransaction&>(*tx_);
  }
  // The transaction statements of this one run in (the unit's, when
  // joined), or nullptr for a kRead one outside a unit.
  pqxx::dbtransaction* Open() {
    return joined_ != nullptr ? joined_ : dynamic_cast<pqxx::dbtransaction*>(tx_.get());
  }

 private:
  PgConnection& conn_;
  std::unique_ptr<pqxx::transaction_base> tx_;  // Null when joined to the unit.
  pqxx::dbtransaction* joined_ = nullptr;       // The unit's transaction, when joined.
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
