#include "store/postgres/postgres_group_commit.h"

#include <algorithm>

#include "store/postgres/postgres_audit_batch.h"
#include "store/postgres/postgres_session.h"
#include "store/postgres_query.h"
#include "store/records/audit_records.h"

namespace sciaticare::store {
namespace {

using Outcome = PgGroupCommit::Outcome;

// A member's failure, returned or thrown, as its outcome. A lost connection
// or an unknown commit outcome belongs to the whole batch and is thrown on.
Outcome Guarded(const PgGroupCommit::Job& job, PgConnection& conn, PgTx& tx) {
  try {
    return job.run(conn, tx);
  } catch (const pqxx::broken_connection&) {
    throw;
  } catch (const pqxx::in_doubt_error&) {
    throw;
  } catch (const pqxx::sql_error& e) {
    return MapPgError(e);
  } catch (const PgUnstorableText& e) {
    return Invalid("", e.what());
  } catch (const std::exception& e) {
    return Internal(std::string("database: ") + e.what());
  }
}

// A job appending `entry` alone, as a member's own statement.
PgGroupCommit::Job AuditJob(const std::shared_ptr<AuditEntry>& entry) {
  return {[entry](PgConnection& conn, PgTx& tx) -> Outcome {
            PgSession s(conn, &tx);
            return records::InsertAudit(s, *entry);
          },
          nullptr};
}

// The first run of a batch: every member without a savepoint, then the
// audit entries of all (those alone, and those of members that succeeded)
// appended together. False when a member threw, or one that may have changed
// something returned an error: the transaction is then rolled back (or
// already aborted) and the batch must run again isolated.
bool TryBatchTogether(PgConnection& conn, PgTx& batch, std::vector<PgGroupCommit::Job>& jobs,
                      std::vector<Outcome>& outcomes) {
  std::vector<AuditEntry*> audits;
  try {
    for (std::size_t i = 0; i < jobs.size(); ++i) {
      if (jobs[i].audit) {
        audits.push_back(jobs[i].audit.get());
        continue;
      }
      outcomes[i] = jobs[i].run(conn, batch);
      if (outcomes[i] && !jobs[i].one_statement) return false;
      if (!outcomes[i] && jobs[i].then_audit) audits.push_back(jobs[i].then_audit.get());
    }
    if (!audits.empty()) InsertAuditsTogether(conn, batch, audits);
  } catch (const pqxx::broken_connection&) {
    throw;
  } catch (const pqxx::in_doubt_error&) {
    throw;
  } catch (const std::exception&) {
    return false;
  }
  return true;
}

// A batch of audit entries alone (the audited reads'), its transaction in
// one round trip; false when the INSERT failed, which stored nothing.
bool TryAuditsAlone(PgConnection& conn, std::vector<PgGroupCommit::Job>& jobs) {
  std::vector<AuditEntry*> audits;
  audits.reserve(jobs.size());
  for (const PgGroupCommit::Job& job : jobs) audits.push_back(job.audit.get());
  try {
    CommitAuditsInOneRoundTrip(conn, audits);
  } catch (const pqxx::sql_error&) {
    return false;
  } catch (const PgUnstorableText&) {
    return false;
  }
  return true;
}

// Runs the batch once in one transaction; false when the first run without
// savepoints failed a member, which undid the whole batch.
bool TryBatch(PgConnection& conn, std::vector<PgGroupCommit::Job>& jobs,
              std::vector<Outcome>& outcomes, bool isolate_all) {
  const bool audits_alone = std::all_of(jobs.begin(), jobs.end(),
                                        [](const PgGroupCommit::Job& job) { return job.audit; });
  if (!isolate_all && audits_alone) return TryAuditsAlone(conn, jobs);
  PgTx batch(conn, PgTx::Kind::kWrite);  // Rolled back by its destructor unless committed.
  if (!isolate_all) {
    if (!TryBatchTogether(conn, batch, jobs, outcomes)) return false;
  } else {
    for (std::size_t i = 0; i < jobs.size(); ++i) {
      PgTx member(batch);  // SAVEPOINT; rolled back to by its destructor unless released.
      outcomes[i] = Guarded(jobs[i], conn, member);
      if (!outcomes[i] && jobs[i].then_audit) {
        outcomes[i] = Guarded(AuditJob(jobs[i].then_audit), conn, member);
      }
      if (!outcomes[i]) member.Commit();
    }
  }
  batch.Commit();
  return true;
}

}  // namespace

PgGroupCommit::PgGroupCommit(std::string url, int lock_timeout_ms, int writers,
                             PgAuditLinger linger)
    : url_(std::move(url)), lock_timeout_ms_(lock_timeout_ms), linger_(std::move(linger)) {
  threads_.reserve(static_cast<std::size_t>(std::max(writers, 1)));
  for (int i = 0; i < std::max(writers, 1); ++i) threads_.emplace_back([this] { Loop(); });
}

PgGroupCommit::~PgGroupCommit() {
  {
    std::lock_guard lock(mu_);
    stopping_ = true;
  }
  wake_.notify_all();
  linger_wake_.notify_all();
  for (std::thread& t : threads_) t.join();
}

void PgGroupCommit::Submit(Job job) {
  bool ready = false, ends_linger = false;
  {
    std::lock_guard lock(mu_);
    if (job.audit) ++queued_audits_;
    queue_.push_back(std::move(job));
    // An entry for the audit batch being gathered or committed wakes no
    // one (measured: a writer woken for nothing costs two context
    // switches): that batch's writer takes it, at once if it fills it.
    ready = WorkReady();
    ends_linger = lingering_ && (queue_.size() >= linger_.fill || !queue_.back().audit);
  }
  if (ends_linger) linger_wake_.notify_one();
  if (ready) wake_.notify_one();
}

void PgGroupCommit::CompanyMayHaveGone() {
  {
    std::lock_guard lock(mu_);
    if (!lingering_) return;
  }
  linger_wake_.notify_one();
}

bool PgGroupCommit::WorkReady() const {
  if (queue_.empty()) return false;
  // Audit entries alone wait for the audit batch being committed: they then
  // make one larger batch, not many of one or two. Anything else is taken at
  // once, the audit entries queued with it joining its batch.
  return !(audit_batch_running_ && queued_audits_ == queue_.size());
}

void PgGroupCommit::LingerForCompany(std::unique_lock<std::mutex>& lock) {
  const bool busy = last_audit_batch_ >= linger_.busy_batch;
  if (linger_.wait.count() <= 0 || !busy) return;
  const auto company_coming = [this] {
    return !linger_.company_coming || linger_.company_coming();
  };
  lingering_ = true;
  linger_wake_.wait_for(lock, linger_.wait, [&] {
    return stopping_ || queue_.size() >= linger_.fill || queued_audits_ != queue_.size() ||
           queue_.empty() || !company_coming();
  });
  lingering_ = false;
}

std::uint64_t PgGroupCommit::batches() const {
  std::lock_guard lock(mu_);
  return batches_;
}

std::uint64_t PgGroupCommit::members() const {
  std::lock_guard lock(mu_);
  return members_;
}

void PgGroupCommit::Loop() {
  std::unique_ptr<PgConnection> conn;  // This writer's own, opened on its first batch.
  std::vector<Job> batch;
  for (;;) {
    bool audits_alone = false;
    {
      std::unique_lock lock(mu_);
      // Whatever queued while the writers were busy is the next batch: a
      // write is never delayed by more than the audit batch already being
      // committed, and audit entries alone only by the linger under load.
      wake_.wait(lock, [this] { return WorkReady() || (stopping_ && queue_.empty()); });
      if (queue_.empty()) return;  // Stopping, and nothing left to write.
      audits_alone = queued_audits_ == queue_.size();
      if (audits_alone) {
        audit_batch_running_ = true;  // No other writer takes entries alone now.
        LingerForCompany(lock);
        audits_alone = !queue_.empty() && queued_audits_ == queue_.size();
        if (!audits_alone) {
          audit_batch_running_ = false;  // A write came, or another writer took them.
          wake_.notify_all();
          if (queue_.empty()) continue;
        }
      }
      last_audit_batch_ = queued_audits_;
      batch.swap(queue_);
      queued_audits_ = 0;
    }
    RunBatch(conn, batch);
    batch.clear();
    if (audits_alone) {
      {
        std::lock_guard lock(mu_);
        audit_batch_running_ = false;
      }
      wake_.notify_all();  // Entries that waited for it may go now.
    }
  }
}

void PgGroupCommit::RunBatch(std::unique_ptr<PgConnection>& conn, std::vector<Job>& jobs) {
  std::vector<Outcome> outcomes(jobs.size());
  Outcome failed;  // The whole batch's failure, if it has one.
  bool isolate_all = false;
  constexpr int kAttempts = 3;
  for (int attempt = 1; attempt <= kAttempts; ++attempt) {
    std::fill(outcomes.begin(), outcomes.end(), std::nullopt);
    failed.reset();
    try {
      if (!conn) conn = std::make_unique<PgConnection>(url_, lock_timeout_ms_);
      if (TryBatch(*conn, jobs, outcomes, isolate_all)) break;
      isolate_all = true;  // Once only, so it is not counted as an attempt.
      --attempt;
      continue;
    } catch (const pqxx::broken_connection& e) {
      // Nothing of the batch was committed: run it again on a new connection.
      conn.reset();
      failed = Internal(std::string("the write was not committed: ") + e.what());
      continue;
    } catch (const pqxx::in_doubt_error& e) {
      // The commit was sent and its answer lost: the members must not be
      // told it is stored, nor may it run a second time.
      conn.reset();
      failed = Internal(std::string("the write may not have been committed: ") + e.what());
    } catch (const pqxx::sql_error& e) {
      // The server rolled back the batch (a deadlock with another writer's):
      // nothing was committed, so it may run again.
      failed = Internal("the write was not committed: " + MapPgError(e).message);
      if (IsRetryable(e)) continue;
    } catch (const std::exception& e) {
      failed = Internal(std::string("the write was not committed: ") + e.what());
    }
    break;
  }
  if (failed) {
    for (Outcome& o : outcomes) {
      if (!o) o = failed;
    }
  } else {
    std::lock_guard lock(mu_);
    ++batches_;
    members_ += jobs.size();
  }
  for (std::size_t i = 0; i < jobs.size(); ++i) jobs[i].done(std::move(outcomes[i]));
}

}  // namespace sciaticare::store
