#include "store/sqlite_group_commit.h"

#include <sqlite3.h>

#include <stdexcept>

#include "store/sqlite_query.h"

namespace sciaticare::store {

GroupCommit::GroupCommit(SqliteConnection& writer) : writer_(writer) {
  thread_ = std::thread([this] { Loop(); });
}

GroupCommit::~GroupCommit() {
  {
    std::lock_guard lock(mu_);
    stopping_ = true;
  }
  wake_.notify_one();
  thread_.join();
}

void GroupCommit::Submit(Job job) {
  {
    std::lock_guard lock(mu_);
    queue_.push_back(std::move(job));
  }
  wake_.notify_one();
}

std::uint64_t GroupCommit::batches() const {
  std::lock_guard lock(mu_);
  return batches_;
}

void GroupCommit::Loop() {
  std::vector<Job> batch;
  for (;;) {
    {
      std::unique_lock lock(mu_);
      // No waiting for company: whatever queued while the last batch synced
      // is the next batch, so a lone write is never delayed.
      wake_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
      if (queue_.empty()) return;  // Stopping, and nothing left to write.
      batch.swap(queue_);
    }
    RunBatch(batch);
    batch.clear();
  }
}

void GroupCommit::RunBatch(std::vector<Job>& jobs) {
  std::vector<Outcome> outcomes(jobs.size());
  {
    std::lock_guard lock(writer_.mu);
    ConnectionScope scope(writer_);
    UnitScope unit(writer_);  // A member's store calls join the batch's transaction.
    Outcome failed = Guarded([&]() -> Outcome {
      writer_.Prepare("BEGIN IMMEDIATE").Exec();
      for (std::size_t i = 0; i < jobs.size(); ++i) {
        if (jobs[i].one_statement) {
          outcomes[i] = Guarded(jobs[i].run);
          // Some failures (a full disk, I/O errors) end the whole transaction;
          // the next members must not run outside it.
          if (sqlite3_get_autocommit(writer_.db->getHandle()) != 0)
            throw std::runtime_error("the batch's transaction ended early");
          continue;
        }
        writer_.Prepare("SAVEPOINT member").Exec();
        outcomes[i] = Guarded(jobs[i].run);
        if (outcomes[i]) writer_.Prepare("ROLLBACK TO member").Exec();
        writer_.Prepare("RELEASE member").Exec();
      }
      writer_.Prepare("COMMIT").Exec();
      return std::nullopt;
    });
    if (failed) {
      if (sqlite3_get_autocommit(writer_.db->getHandle()) == 0) {
        Guarded([&]() -> Outcome {
          writer_.db->exec("ROLLBACK");
          return std::nullopt;
        });
      }
      for (Outcome& o : outcomes) {
        if (!o) o = Internal("the write was not committed: " + failed->message);
      }
    }
    std::lock_guard count(mu_);
    ++batches_;
  }
  for (std::size_t i = 0; i < jobs.size(); ++i) jobs[i].done(std::move(outcomes[i]));
}

}  // namespace sciaticare::store
