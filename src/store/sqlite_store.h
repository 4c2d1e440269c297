// SqliteStore: the Store on one SQLite database file.
//
// Durability: the journal is WAL with synchronous=FULL, so a call that has
// returned has its write on disk and it survives kill -9 and power loss
// (except on a store opened for a bulk load, see Options).
// Foreign keys are enforced and the schema is migrated on open.
//
// Threads: every method may be called from any thread. Writes take turns on
// one write connection; reads run beside them on a few read-only connections
// (WAL gives each read a consistent snapshot), so a slow commit never holds up
// a read; the log is copied into the database file by a checkpointer thread of
// its own (sqlite_checkpointer.h). The *Async writes go through a group commit
// (sqlite_group_commit.h): concurrent callers share one transaction and one sync, and each hears
// back only once its write is on disk. Several processes may open the same file: a writer waits up
// to `busy_timeout_ms` for another's transaction before kInternal.
#pragma once

#include <atomic>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "store/record_store.h"

namespace SQLite {
class Database;
class Statement;
}  // namespace SQLite

namespace sciaticare::store {

class SqliteQuery;
struct SqliteConnection;
class GroupCommit;
class WalCheckpointer;

class SqliteStore final : public RecordStore {
 public:
  struct Options {
    int busy_timeout_ms = 5000;
    int read_connections = 3;  // 0: reads share the write connection.
    // False only to fill a new database in bulk before anyone relies on it
    // (the demo seed): commits are then synced at checkpoints and on close
    // (synchronous=NORMAL), not one by one, so the database stays consistent
    // but a power cut may lose the latest commits. Servers keep the default.
    bool sync_every_commit = true;
  };

  // Opens (creating if needed) and migrates the database at `path`.
  static StoreResult<std::unique_ptr<SqliteStore>> Open(const std::string& path,
                                                        const Options& options);
  static StoreResult<std::unique_ptr<SqliteStore>> Open(const std::string& path) {
    return Open(path, Options{});
  }
  ~SqliteStore() override;
  SqliteStore(const SqliteStore&) = delete;
  SqliteStore& operator=(const SqliteStore&) = delete;

  StoreStatus Atomically(const std::function<StoreStatus()>& work) override;
  using Store::CreateSessionNoteAsync;
  void CreateSessionNoteAsync(const SessionNote& note, std::optional<AuditEntry> audit,
                              AlsoWrite also, Callback<SessionNote> done) override;
  void AppendAuditAsync(const AuditEntry& entry, Callback<AuditEntry> done) override;

 protected:
  StoreStatus OnSession(Access access, const std::function<void(sql::Session&)>& body) override;

 private:
  SqliteStore(std::unique_ptr<SqliteConnection> writer,
              std::vector<std::unique_ptr<SqliteConnection>> readers,
              std::unique_ptr<WalCheckpointer> checkpointer);

  // Run `body` on the write connection, or on a free read connection,
  // turning any exception into a StoreError.
  template <typename F>
  auto Writing(F&& body) -> decltype(body());
  template <typename F>
  auto Reading(F&& body) -> decltype(body());
  // Locks a read connection (a free one if any) into `lock` and returns it.
  SqliteConnection& LockReader(std::unique_lock<std::mutex>& lock);

  std::unique_ptr<SqliteConnection> writer_;
  std::vector<std::unique_ptr<SqliteConnection>> readers_;
  std::atomic<unsigned> next_reader_{0};
  std::unique_ptr<WalCheckpointer> checkpointer_;  // None for an in-memory database.
  std::unique_ptr<GroupCommit> group_;  // Declared last: stops first, while the rest lives.
};

}  // namespace sciaticare::store
