// Opening the PostgreSQL store, and how it lends its pooled connections: a
// session for each record method (RecordStore), and units of work.
#include "store/postgres_store.h"

#include "store/postgres/postgres_group_commit.h"
#include "store/postgres/postgres_session.h"
#include "store/postgres_migrations.h"
#include "store/postgres_query.h"

namespace sciaticare::store {

PostgresStore::PostgresStore(std::unique_ptr<PgPool> pool, std::unique_ptr<PgGroupCommit> group)
    : pool_(std::move(pool)), group_(std::move(group)) {}

PostgresStore::~PostgresStore() {
  pool_->OnAllReturned(nullptr);  // The group commit it wakes goes first.
}

StoreResult<std::unique_ptr<PostgresStore>> PostgresStore::Open(const std::string& url,
                                                                const Options& options) {
  if (options.pool_size < 1) return Invalid("pool_size", "must be at least 1");
  if (options.lock_timeout_ms < 0) return Invalid("lock_timeout_ms", "must not be negative");
  if (options.group_writers < 1) return Invalid("group_writers", "must be at least 1");
  try {
    auto conn = std::make_unique<PgConnection>(url, options.lock_timeout_ms);
    auto migrated = MigratePostgres(conn->raw());
    if (!migrated) return migrated.error();
    auto pool = std::make_unique<PgPool>(url, options.pool_size, options.lock_timeout_ms);
    pool->Adopt(std::move(conn));
    // An audit batch waits for company only while calls are in flight.
    PgAuditLinger linger;
    linger.company_coming = [lent = pool.get()] { return lent->AnyLent(); };
    auto group = std::make_unique<PgGroupCommit>(url, options.lock_timeout_ms,
                                                 options.group_writers, std::move(linger));
    pool->OnAllReturned([waiting = group.get()] { waiting->CompanyMayHaveGone(); });
    return std::unique_ptr<PostgresStore>(new PostgresStore(std::move(pool), std::move(group)));
  } catch (const std::exception& e) {
    // Not the URL itself: it may hold a password.
    return Internal(std::string("opening the PostgreSQL database: ") + e.what());
  }
}

StoreStatus PostgresStore::OnSession(Access /*access*/,
                                     const std::function<void(sql::Session&)>& body) {
  return Run([&](PgConnection& c) -> StoreStatus {
    PgSession s(c);
    body(s);
    return Done{};
  });
}

StoreStatus PostgresStore::Atomically(const std::function<StoreStatus()>& work) {
  if (PgUnitScope::Of(*this) != nullptr) return work();  // Joins the unit it is in.
  // Run may start the unit again when the connection broke or the server
  // rolled it back; `work` then runs afresh, nothing of the first try kept.
  return Run([&](PgConnection& c) -> StoreStatus {
    // Begun by the unit's first statement that needs it: none, when the unit
    // only reads together (PgConnection::unit_if_begun).
    std::optional<pqxx::work> tx;
    StoreStatus outcome = [&] {
      PgUnitScope unit(*this, c, tx);
      return work();
    }();
    // A read that failed inside the unit aborted its transaction on the
    // server (reads join it without a savepoint): nothing may be committed.
    if (outcome.ok() && c.unit_failed()) return StoreStatus(Internal("the unit of work failed"));
    if (outcome.ok() && tx) tx->commit();
    return outcome;
  });
}

}  // namespace sciaticare::store
