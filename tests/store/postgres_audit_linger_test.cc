// The PostgreSQL group commit's linger (PgAuditLinger): under load a batch of
// audit entries alone waits for company until it is full, until another
// write comes, which goes with it at once, or until no company is on its
// way; at the end the wait ends and everything is committed; a light load
// never holds a lone entry. The
// linger here is a minute long, so that whether an entry was held is plain.
// Skipped without a PostgreSQL server (SCIATICARE_TEST_PG_URL).
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <cstdint>
#include <future>
#include <memory>
#include <vector>

#include "pg_audit_jobs.h"
#include "store/postgres/postgres_group_commit.h"

namespace sciaticare::store::testing {
namespace {

using std::chrono::milliseconds;
using std::chrono::seconds;
using Outcome = PgGroupCommit::Outcome;

constexpr std::size_t kBusyBatch = 2, kFill = 4;

bool Held(std::future<Outcome>& outcome) {
  return outcome.wait_for(milliseconds(300)) == std::future_status::timeout;
}

bool AnsweredWell(std::future<Outcome>& outcome) {
  if (outcome.wait_for(seconds(20)) != std::future_status::ready) return false;
  const Outcome o = outcome.get();
  return !o;
}

class PgAuditLingerTest : public PgBatchAuditTest {
 protected:
  void SetUp() override {
    PgBatchAuditTest::SetUp();
    if (IsSkipped()) return;
    PgAuditLinger linger{seconds(60), kBusyBatch, kFill, [this] { return company_.load(); }};
    group_ = std::make_unique<PgGroupCommit>(url_, 5000, 1, std::move(linger));
  }
  void TearDown() override { group_.reset(); }

  // Submits an entry; its outcome is the returned future's.
  std::future<Outcome> Submit(const std::string& detail) {
    promises_.push_back(std::make_unique<std::promise<Outcome>>());
    group_->Submit(
        AppendJob(std::make_shared<AuditEntry>(Entry(clinic_, detail)), *promises_.back()));
    return promises_.back()->get_future();
  }

  // Submits a write other than an audit entry (one that changes nothing).
  std::future<Outcome> SubmitWrite() {
    promises_.push_back(std::make_unique<std::promise<Outcome>>());
    std::promise<Outcome>& outcome = *promises_.back();
    group_->Submit({[](PgConnection&, PgTx&) { return Outcome{}; },
                    [&outcome](Outcome o) { outcome.set_value(std::move(o)); }});
    return outcome.get_future();
  }

  // A batch of kBusyBatch entries alone, queued behind a held writer: the
  // load that makes the next batch of entries wait for company.
  void MakeBusy() {
    const std::uint64_t before = group_->batches();
    std::vector<std::future<Outcome>> busy;
    {
      WriterHold hold(*group_);
      for (std::size_t i = 0; i < kBusyBatch; ++i) busy.push_back(Submit("busy"));
      EXPECT_FALSE(hold.Release());
    }
    for (auto& b : busy) EXPECT_TRUE(AnsweredWell(b));
    ASSERT_EQ(group_->batches(), before + 2);  // The hold's, then the entries'.
  }

  std::atomic<bool> company_ = true;  // PgAuditLinger::company_coming.
  std::vector<std::unique_ptr<std::promise<Outcome>>> promises_;
  std::unique_ptr<PgGroupCommit> group_;
};

TEST_F(PgAuditLingerTest, UnderLoadEntriesWaitForCompanyUntilTheirBatchIsFull) {
  MakeBusy();
  std::vector<std::future<Outcome>> entries;
  for (std::size_t i = 0; i + 1 < kFill; ++i) {
    entries.push_back(Submit("waiting " + std::to_string(i)));
    EXPECT_TRUE(Held(entries.front()));
  }
  entries.push_back(Submit("the last"));
  for (auto& e : entries) EXPECT_TRUE(AnsweredWell(e));
  EXPECT_EQ(group_->batches(), 3u);
  EXPECT_EQ(group_->members(), 1 + kBusyBatch + kFill);
  EXPECT_EQ(Stored().size(), kBusyBatch + kFill);
}

TEST_F(PgAuditLingerTest, AnotherWriteEndsTheWaitAndGoesWithTheEntriesAtOnce) {
  MakeBusy();
  std::future<Outcome> entry = Submit("waiting");
  EXPECT_TRUE(Held(entry));
  std::future<Outcome> written = SubmitWrite();
  EXPECT_TRUE(AnsweredWell(written));
  EXPECT_TRUE(AnsweredWell(entry));
  EXPECT_EQ(group_->batches(), 3u);  // The entry and the write in one.
  EXPECT_EQ(Stored().size(), kBusyBatch + 1);
}

TEST_F(PgAuditLingerTest, AtTheEndTheWaitEndsAndTheEntryIsCommitted) {
  MakeBusy();
  std::future<Outcome> entry = Submit("waiting");
  EXPECT_TRUE(Held(entry));
  const auto start = std::chrono::steady_clock::now();
  group_.reset();
  EXPECT_LT(std::chrono::steady_clock::now() - start, seconds(20));
  EXPECT_TRUE(AnsweredWell(entry));
  EXPECT_EQ(Stored().size(), kBusyBatch + 1);
}

// The batch after a busy one that held fewer entries than kBusyBatch says
// the load has passed.
TEST_F(PgAuditLingerTest, ALightLoadNeverHoldsALoneEntry) {
  for (int i = 0; i < 3; ++i) {
    std::future<Outcome> lone = Submit("lone");
    EXPECT_TRUE(AnsweredWell(lone));
  }
  EXPECT_EQ(group_->batches(), 3u);
  MakeBusy();
  std::future<Outcome> waiting = Submit("waiting");
  EXPECT_TRUE(Held(waiting));
  std::future<Outcome> written = SubmitWrite();
  EXPECT_TRUE(AnsweredWell(written));
  EXPECT_TRUE(AnsweredWell(waiting));
  std::future<Outcome> lone = Submit("lone again");
  EXPECT_TRUE(AnsweredWell(lone));
}

// When every caller waits on the batch itself, no entry will come: a busy
// batch goes at once, and one waiting goes once it hears so.
TEST_F(PgAuditLingerTest, NoCompanyOnItsWayEndsTheWait) {
  MakeBusy();
  company_ = false;
  std::future<Outcome> alone = Submit("no company coming");
  EXPECT_TRUE(AnsweredWell(alone));
  MakeBusy();
  company_ = true;
  std::future<Outcome> waiting = Submit("waiting");
  EXPECT_TRUE(Held(waiting));
  company_ = false;
  group_->CompanyMayHaveGone();
  EXPECT_TRUE(AnsweredWell(waiting));
  EXPECT_EQ(Stored().size(), 2 * kBusyBatch + 2);
}

}  // namespace
}  // namespace sciaticare::store::testing
