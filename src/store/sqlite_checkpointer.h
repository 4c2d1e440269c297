// WalCheckpointer: copies the write-ahead log back into the database file on
// a thread and connection of its own, instead of inside whichever commit
// happened to push the log past SQLite's threshold. That commit's batch, and
// every read waiting for its audit entry, used to wait for the copy and its
// sync: tens of milliseconds at the tail of chart reads.
//
// Checkpoints are PASSIVE: they copy what no reader still needs and never
// block the writer or readers. Durability is unchanged: a commit is durable
// once it is in the synced log; a checkpoint only moves it. Internal to the
// SQLite store.
#pragma once

#include <sqlite3.h>

#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

namespace SQLite {
class Database;
}

namespace sciaticare::store {

class WalCheckpointer {
 public:
  // Checkpoints the database at `path` once `writer` (a connection to it in
  // WAL mode, which must outlive this object) has left at least
  // `threshold_pages` pages in the log. Turns off the writer's own automatic
  // checkpoints.
  WalCheckpointer(const std::string& path, sqlite3* writer, int threshold_pages = 1000);
  // Stops the thread; the last connection to close checkpoints what is left.
  ~WalCheckpointer();
  WalCheckpointer(const WalCheckpointer&) = delete;
  WalCheckpointer& operator=(const WalCheckpointer&) = delete;

  // Checkpoints run so far (for tests and figures).
  std::uint64_t checkpoints() const;

 private:
  static int OnCommit(void* self, sqlite3* db, const char* schema, int log_pages);
  void Loop();

  std::unique_ptr<SQLite::Database> db_;
  sqlite3* writer_;
  int threshold_pages_;
  mutable std::mutex mu_;
  std::condition_variable wake_;
  bool wanted_ = false, stopping_ = false;
  std::uint64_t checkpoints_ = 0;
  std::thread thread_;
};

}  // namespace sciaticare::store
