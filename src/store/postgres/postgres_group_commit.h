// PgGroupCommit: the PostgreSQL store's writers for the small writes of many
// concurrent callers (audit entries, session notes with their audit entry and
// kept answer). A writer takes every write queued while it was busy and runs
// them in one transaction on its own connection, so one commit (and one WAL
// flush) serves them all. A caller hears back only after the transaction
// holding its write has committed with the server's synchronous_commit, so an
// acknowledged write is as durable as one committed alone.
//
// A batch first runs with no savepoints (each costs two round trips) and the
// audit entries of all its members appended by one statement; a batch of
// audit entries alone (audited reads) sends its BEGIN, that statement and its
// COMMIT in one round trip. Should any
// member fail (a failed statement ends a PostgreSQL transaction), the batch is
// rolled back and run again with each write under its own savepoint: one that
// fails is then rolled back alone and told its error, and the others still
// commit. A write that changes at most one statement's worth, as its last step
// (an audit entry), may return an error on the first run without forcing the
// second, as it has changed nothing. A batch whose connection broke before
// its commit is run again on a new one; if the commit itself fails or its
// outcome is unknown, every member is told so. Several writers (each with its
// own connection) keep a slow batch from holding up the next; but while one
// commits a batch of audit entries alone, entries queued behind it wait for
// it rather than start a second such batch on another writer (measured in
// docs/performance.md: batches grow and reads are served faster). Under load
// (the last batch held `PgAuditLinger::busy_batch` entries alone or more), a
// batch of entries alone also waits up to `PgAuditLinger::wait` for company,
// until it holds `PgAuditLinger::fill` entries, any other write comes (which
// is taken at once, with them) or no company is on its way
// (`PgAuditLinger::company_coming`): one commit then serves many more
// audited reads, at the cost of that wait, as PostgreSQL's own
// commit_delay with its commit_siblings. When the load is light a lone
// entry is never held.
// Internal to the PostgreSQL store.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "store/records.h"
#include "store/store_result.h"

namespace sciaticare::store {

class PgConnection;
class PgTx;

// How long a batch of audit entries alone waits for company under load
// (measured in docs/performance.md, session 15).
struct PgAuditLinger {
  std::chrono::microseconds wait{1000};  // Zero: never.
  std::size_t busy_batch = 4;
  std::size_t fill = 8;
  // Whether company is on its way (the store's calls in flight, whose
  // requests may yet append entries). The wait ends once it is not, and
  // PgGroupCommit::CompanyMayHaveGone() says when to look again: when
  // every caller waits on the batch itself, none will come. Unset: company
  // is taken to be on its way for the whole wait.
  std::function<bool()> company_coming;
};

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
    // When set, `run` only appends this entry (records::InsertAudit): the
    // batch may instead append it with the other members' entries in one
    // statement, setting its id, without calling `run`. Implies one_statement.
    std::shared_ptr<AuditEntry> audit = nullptr;
    // When set, appended (its id set) once `run` has succeeded, as part of
    // the same member: with the batch's other entries in one statement when
    // the batch runs together, or under the member's savepoint when isolated.
    // `run` fills in what depends on its writes (a note's id).
    std::shared_ptr<AuditEntry> then_audit = nullptr;
  };

  // Starts `writers` threads; each connects to `url` when it first writes.
  PgGroupCommit(std::string url, int lock_timeout_ms, int writers,
                PgAuditLinger linger = PgAuditLinger{});
  // Runs everything already submitted, then stops the threads.
  ~PgGroupCommit();
  PgGroupCommit(const PgGroupCommit&) = delete;
  PgGroupCommit& operator=(const PgGroupCommit&) = delete;

  void Submit(Job job);
  // Wakes a batch waiting for company to ask PgAuditLinger::company_coming again.
  void CompanyMayHaveGone();

  // Batches committed so far, and the members they held (tests and figures).
  std::uint64_t batches() const;
  std::uint64_t members() const;

 private:
  void Loop();
  // Under mu_: whether an idle writer should take the queue now.
  bool WorkReady() const;
  // Under mu_, with audit entries alone queued: waits for company when the
  // load asks for it (PgAuditLinger); the queue may be taken meanwhile.
  void LingerForCompany(std::unique_lock<std::mutex>& lock);
  void RunBatch(std::unique_ptr<PgConnection>& conn, std::vector<Job>& jobs);

  const std::string url_;
  const int lock_timeout_ms_;
  const PgAuditLinger linger_;
  mutable std::mutex mu_;
  std::condition_variable wake_;
  std::condition_variable linger_wake_;  // The writer waiting for company.
  bool lingering_ = false;
  std::vector<Job> queue_;
  std::size_t queued_audits_ = 0;     // Members of queue_ that are audit entries alone.
  bool audit_batch_running_ = false;  // Being gathered (PgAuditLinger) or committed.
  std::size_t last_audit_batch_ = 0;  // Entries alone in the last batch taken.
  bool stopping_ = false;
  std::uint64_t batches_ = 0;
  std::uint64_t members_ = 0;
  std::vector<std::thread> threads_;
};

}  // namespace sciaticare::store
