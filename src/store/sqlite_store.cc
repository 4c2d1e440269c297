// Opening the SQLite store, and how it lends its connections: a session on the
// writer or a reader for each record method (RecordStore), and units of work.
#include "store/sqlite_store.h"

#include <sqlite3.h>

#include "store/migrations.h"
#include "store/sqlite/sqlite_session.h"
#include "store/sqlite_checkpointer.h"
#include "store/sqlite_group_commit.h"
#include "store/sqlite_query.h"

namespace sciaticare::store {

namespace {

// SQLite counts every allocation under one process-wide mutex unless told not
// to (memory statistics, which nothing here reads). With connections working
// on several threads at once that mutex was the most contended lock of a chart
// read: nearly half of the server's futex calls. The setting only takes before
// SQLite initialises, so the first store opened in the process makes it.
void StopCountingAllocations() {
  static const int configured = sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
  (void)configured;  // SQLITE_MISUSE when SQLite was already in use: it then keeps counting.
}

std::unique_ptr<SqliteConnection> Connect(const std::string& path, int flags, int busy_timeout_ms) {
  auto c = std::make_unique<SqliteConnection>();
  // NOMUTEX: a connection is only ever used under its own `mu`, so SQLite's
  // per-call locking would be paid on every column read for nothing.
  c->db = std::make_unique<SQLite::Database>(path, flags | SQLite::OPEN_NOMUTEX, busy_timeout_ms);
  return c;
}

bool InMemory(const std::string& path) {
  return path.empty() || path == ":memory:" || path.rfind("file::memory:", 0) == 0;
}

}  // namespace

SqliteStore::SqliteStore(std::unique_ptr<SqliteConnection> writer,
                         std::vector<std::unique_ptr<SqliteConnection>> readers,
                         std::unique_ptr<WalCheckpointer> checkpointer)
    : writer_(std::move(writer)),
      readers_(std::move(readers)),
      checkpointer_(std::move(checkpointer)),
      group_(std::make_unique<GroupCommit>(*writer_)) {}

SqliteStore::~SqliteStore() = default;

StoreResult<std::unique_ptr<SqliteStore>> SqliteStore::Open(const std::string& path,
                                                            const Options& options) {
  StopCountingAllocations();
  try {
    auto writer =
        Connect(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE, options.busy_timeout_ms);
    SQLite::Database& db = *writer->db;
    // WAL lets readers run beside the writer; FULL syncs the WAL on every
    // commit, which is what makes an acknowledged write survive a power cut
    // (NORMAL would only survive a crash of this process).
    std::string journal = db.execAndGet("PRAGMA journal_mode = WAL").getString();
    if (journal != "wal" && journal != "memory") {
      return Internal("cannot use the write-ahead log on " + path + " (journal " + journal + ")");
    }
    db.exec(options.sync_every_commit ? "PRAGMA synchronous = FULL"
                                      : "PRAGMA synchronous = NORMAL");
    db.exec("PRAGMA foreign_keys = ON");
    if (db.execAndGet("PRAGMA foreign_keys").getInt() != 1) {
      return Internal("this SQLite cannot enforce foreign keys");
    }
    auto migrated = Migrate(db);
    if (!migrated) return migrated.error();
    std::vector<std::unique_ptr<SqliteConnection>> readers;
    // An in-memory database is private to its connection: reads stay on it.
    const int read_connections = InMemory(path) ? 0 : options.read_connections;
    for (int i = 0; i < read_connections; ++i) {
      readers.push_back(Connect(path, SQLite::OPEN_READWRITE, options.busy_timeout_ms));
      // A read connection never writes; say so, so a mistake fails loudly.
      readers.back()->db->exec("PRAGMA query_only = ON");
    }
    std::unique_ptr<WalCheckpointer> checkpointer;
    if (!InMemory(path)) checkpointer = std::make_unique<WalCheckpointer>(path, db.getHandle());
    return std::unique_ptr<SqliteStore>(
        new SqliteStore(std::move(writer), std::move(readers), std::move(checkpointer)));
  } catch (const std::exception& e) {
    return Internal("opening " + path + ": " + e.what());
  }
}

SqliteConnection& SqliteStore::LockReader(std::unique_lock<std::mutex>& lock) {
  if (readers_.empty()) {
    lock = std::unique_lock(writer_->mu);
    return *writer_;
  }
  // Each thread starts at its own connection and takes the first free one.
  thread_local unsigned start = next_reader_++;
  const std::size_t n = readers_.size();
  for (std::size_t i = 0; i < n; ++i) {
    SqliteConnection& c = *readers_[(start + i) % n];
    lock = std::unique_lock(c.mu, std::try_to_lock);
    if (lock.owns_lock()) return c;
  }
  SqliteConnection& c = *readers_[start % n];
  lock = std::unique_lock(c.mu);
  return c;
}

StoreStatus SqliteStore::OnSession(Access access, const std::function<void(sql::Session&)>& body) {
  auto run = [&]() -> StoreStatus {
    SqliteSession s = SqliteSession::OnCurrent();
    body(s);
    return Done{};
  };
  return access == Access::kWrite ? Writing(run) : Reading(run);
}

StoreStatus SqliteStore::Atomically(const std::function<StoreStatus()>& work) {
  if (UnitScope::Holds(*writer_)) return work();  // Joins the unit it is in.
  std::lock_guard lock(writer_->mu);
  ConnectionScope scope(*writer_);
  UnitScope unit(*writer_);
  return Guarded([&]() -> StoreStatus {
    SqliteTransaction tx(SqliteTransaction::Kind::kImmediate);
    StoreStatus outcome = work();
    if (outcome.ok()) tx.commit();
    return outcome;
  });
}

}  // namespace sciaticare::store
