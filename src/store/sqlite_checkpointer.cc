#include "store/sqlite_checkpointer.h"

#include <SQLiteCpp/SQLiteCpp.h>

namespace sciaticare::store {

WalCheckpointer::WalCheckpointer(const std::string& path, sqlite3* writer, int threshold_pages)
    : db_(std::make_unique<SQLite::Database>(path, SQLite::OPEN_READWRITE | SQLite::OPEN_NOMUTEX)),
      writer_(writer),
      threshold_pages_(threshold_pages) {
  // A connection learns that the file is in WAL mode only when it first reads
  // it; until then a checkpoint on it does nothing.
  db_->exec("PRAGMA journal_mode = WAL");
  // Replaces SQLite's own hook, which is what runs automatic checkpoints.
  sqlite3_wal_hook(writer_, &WalCheckpointer::OnCommit, this);
  thread_ = std::thread([this] { Loop(); });
}

WalCheckpointer::~WalCheckpointer() {
  sqlite3_wal_hook(writer_, nullptr, nullptr);
  {
    std::lock_guard lock(mu_);
    stopping_ = true;
  }
  wake_.notify_one();
  thread_.join();
}

std::uint64_t WalCheckpointer::checkpoints() const {
  std::lock_guard lock(mu_);
  return checkpoints_;
}

// Runs on the committing thread, after each commit: only a flag and a wake.
int WalCheckpointer::OnCommit(void* self, sqlite3*, const char*, int log_pages) {
  auto* me = static_cast<WalCheckpointer*>(self);
  if (log_pages < me->threshold_pages_) return SQLITE_OK;
  {
    std::lock_guard lock(me->mu_);
    if (me->wanted_) return SQLITE_OK;
    me->wanted_ = true;
  }
  me->wake_.notify_one();
  return SQLITE_OK;
}

void WalCheckpointer::Loop() {
  for (;;) {
    {
      std::unique_lock lock(mu_);
      wake_.wait(lock, [this] { return stopping_ || wanted_; });
      if (stopping_) return;
      wanted_ = false;
    }
    // A busy or failed checkpoint is not an error anyone must hear about:
    // the log keeps the commits, and the next commit past the threshold
    // asks again.
    sqlite3_wal_checkpoint_v2(db_->getHandle(), "main", SQLITE_CHECKPOINT_PASSIVE, nullptr,
                              nullptr);
    std::lock_guard lock(mu_);
    ++checkpoints_;
  }
}

}  // namespace sciaticare::store
