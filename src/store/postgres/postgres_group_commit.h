// PgGroupCommit: the PostgreSQL store's writers for the small writes of many
// concurrent callers (audit entries, session notes with their audit entry and
// kept answer). A writer takes every write queued while it was busy and runs
// them in one transaction on its own connection, so one commit (and one WAL
// flush) serves them all. A caller hears back only after the transaction
// holding its write has committed with the server's synchronous_commit, so an
// acknowledged write is as durable as one committed alone.
//
// Each write runs under its own savepoint: one that fails is rolled back alone
// and told its error, and the others in the batch still commit. A write that
// changes at most one statement's worth, as its last step (an audit entry),
// first runs without a savepoint; as a failed statement ends a PostgreSQL
// transaction, a batch where such a write throws is rolled back and run again
// with a savepoint for every member. A batch whose connection broke before
// its commit is run again on a new one; if the commit itself fails or its
// outcome is unknown, every member is told so. Several writers (each with its
// own connection) keep a slow batch from holding up the next.
// Internal to the PostgreSQL store.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "store/store_result.h"

namespace sciaticare::store {

class PgConnection;
class PgTx;

class PgGroupCommit {
 public:
  // nullopt: the write is committed; otherwise why it is not stored.
  using Outcome = std::optional<StoreError>;
  struct Job {
    // Runs on a writer thread, on `conn`, in `tx`: the member's savepoint, or
    // the batch's transaction itself for a one-statement job on its first
    // try. A job that calls store methods makes them join `tx`
    // (PgUnitScope). An error, returned or thrown, undoes this job only. It
    // may run more than once (the batch is then run again from its start,
    // nothing of the earlier try kept).
    std::function<Outcome(PgConnection& conn, PgTx& tx)> run;
    // Called once, on the writer thread, after the batch commits or fails.
    // Keep it short (hand the answer over to another thread).
    std::function<void(Outcome)> done;
    // True when `run` changes the database in one statement at most, as its
    // last, and returns an error only before it.
    bool one_statement = false;
  };

  // Starts `writers` threads; each connects to `url` when it first writes.
  PgGroupCommit(std::string url, int lock_timeout_ms, int writers);
  // Runs everything already submitted, then stops the threads.
  ~PgGroupCommit();
  PgGroupCommit(const PgGroupCommit&) = delete;
  PgGroupCommit& operator=(const PgGroupCommit&) = delete;

  void Submit(Job job);

  // Batches committed so far, and the members they held (tests and figures).
  std::uint64_t batches() const;
  std::uint64_t members() const;

 private:
  void Loop();
  void RunBatch(std::unique_ptr<PgConnection>& conn, std::vector<Job>& jobs);

  const std::string url_;
  const int lock_timeout_ms_;
  mutable std::mutex mu_;
  std::condition_variable wake_;
  std::vector<Job> queue_;
  bool stopping_ = false;
  std::uint64_t batches_ = 0;
  std::uint64_t members_ = 0;
  std::vector<std::thread> threads_;
};

}  // namespace sciaticare::store
