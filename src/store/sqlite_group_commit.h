// GroupCommit: one writer thread that runs the small writes of many concurrent
// callers (audit entries, session notes) in a single transaction and syncs it
// to disk once. A caller hears back only after the transaction holding its
// write has committed, so durability is exactly that of one transaction per
// write, while one fsync serves every write that queued up during the last.
//
// Each write runs under its own savepoint: one that fails is rolled back alone
// and told its error, and the others in the batch still commit. A write that
// changes at most one statement's worth, as its last step (an audit entry),
// needs no savepoint: SQLite undoes a failed statement by itself. If the
// commit itself fails, every member of the batch is told so and nothing is
// stored.
// Internal to the SQLite store.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

#include "store/store_result.h"

namespace sciaticare::store {

struct SqliteConnection;

class GroupCommit {
 public:
  // nullopt: the write is committed; otherwise why it is not stored.
  using Outcome = std::optional<StoreError>;
  struct Job {
    // Runs on the writer thread with `writer` as the current connection
    // (ConnectionScope), inside the batch's transaction, as a unit of work
    // (UnitScope): the store calls it makes join it. An error, returned or
    // thrown, undoes this job's changes only.
    std::function<Outcome()> run;
    // Called once, on the writer thread, after the batch commits or fails.
    // Keep it short (hand the answer over to another thread): the next batch
    // waits for it.
    std::function<void(Outcome)> done;
    // True when `run` changes the database in one statement at most, as its
    // last: it then runs without a savepoint of its own.
    bool one_statement = false;
  };

  // `writer` must outlive this object; its mutex is held while a batch runs,
  // so other writes on it take turns with batches.
  explicit GroupCommit(SqliteConnection& writer);
  // Runs everything already submitted, then stops the thread.
  ~GroupCommit();
  GroupCommit(const GroupCommit&) = delete;
  GroupCommit& operator=(const GroupCommit&) = delete;

  void Submit(Job job);

  // Batches committed so far (for tests and figures).
  std::uint64_t batches() const;

 private:
  void Loop();
  void RunBatch(std::vector<Job>& jobs);

  SqliteConnection& writer_;
  mutable std::mutex mu_;
  std::condition_variable wake_;
  std::vector<Job> queue_;
  bool stopping_ = false;
  std::uint64_t batches_ = 0;
  std::thread thread_;
};

}  // namespace sciaticare::store
