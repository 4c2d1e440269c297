// PostgresStore: the Store on a PostgreSQL database, named by a libpq URL
// ("postgresql://user:password@host:5432/dbname?sslmode=require").
//
// Durability: a call that has returned has its transaction committed by the
// server (with the server's own synchronous_commit and fsync settings). The
// *Async writes go through a group commit (postgres/postgres_group_commit.h):
// many callers' writes share one transaction, each answered once it commits.
// The schema is migrated on open (postgres_migrations.h), under an advisory
// lock, so servers starting together on one database do not race.
//
// Threads and processes: a small pool of connections serves calls from any
// number of threads, up to `pool_size` at once. The store keeps nothing in
// memory that another process would need: sessions, tokens and record
// versions all live in the database, so several server processes may share
// it. Writes that read before they write lock the rows they depend on.
#pragma once

#include <memory>
#include <string>

#include "store/record_store.h"

namespace sciaticare::store {

class PgConnection;
class PgGroupCommit;
class PgPool;

class PostgresStore final : public RecordStore {
 public:
  struct Options {
    int pool_size = 8;
    // How long a call waits for a row lock held by another transaction
    // before it fails (kInternal), like SQLite's busy timeout.
    int lock_timeout_ms = 5000;
    // Writers of the group commit, each with a connection of its own (on
    // top of the pool): while one commits a batch, the next can start.
    int group_writers = 2;
  };

  // Connects to `url` and migrates the database.
  static StoreResult<std::unique_ptr<PostgresStore>> Open(const std::string& url,
                                                          const Options& options);
  static StoreResult<std::unique_ptr<PostgresStore>> Open(const std::string& url) {
    return Open(url, Options{});
  }
  ~PostgresStore() override;
  PostgresStore(const PostgresStore&) = delete;
  PostgresStore& operator=(const PostgresStore&) = delete;

  StoreStatus Atomically(const std::function<StoreStatus()>& work) override;
  using Store::CreateSessionNoteAsync;
  void CreateSessionNoteAsync(const SessionNote& note, std::optional<AuditEntry> audit,
                              AlsoWrite also, Callback<SessionNote> done) override;
  void AppendAuditAsync(const AuditEntry& entry, Callback<AuditEntry> done) override;

 protected:
  StoreStatus OnSession(Access access, const std::function<void(sql::Session&)>& body) override;

 private:
  PostgresStore(std::unique_ptr<PgPool> pool, std::unique_ptr<PgGroupCommit> group);

  // Runs `body` on a pooled connection, turning any exception into a
  // StoreError and running it again when the connection had died idle.
  template <typename F>
  auto Run(F&& body) -> decltype(body(std::declval<PgConnection&>()));

  std::unique_ptr<PgPool> pool_;
  // Declared after the pool: it stops (running what is queued) first.
  std::unique_ptr<PgGroupCommit> group_;
};

}  // namespace sciaticare::store
