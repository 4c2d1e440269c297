// The PostgreSQL store's cheaper paths keep their promises: audit entries
// appended together (one statement per group-commit batch) are stored exactly,
// each with its own id, and one the database refuses fails alone; reads inside
// a unit of work run without savepoints, so a read that fails there fails the
// whole unit and nothing of it is committed. Skipped without a PostgreSQL
// server (SCIATICARE_TEST_PG_URL, as postgres_store_test.cc).
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <functional>
#include <future>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include <pqxx/pqxx>

#include "pg_audit_jobs.h"
#include "pg_test_database.h"
#include "store/postgres/postgres_audit_batch.h"
#include "store/postgres/postgres_group_commit.h"
#include "store/postgres/postgres_session.h"
#include "store/postgres_query.h"
#include "store/postgres_store.h"
#include "store/records/audit_records.h"
#include "store/store_contract.h"

namespace sciaticare::store::testing {
namespace {

using sciaticare::testing::PgSkipReason;
using sciaticare::testing::PgTestDatabase;

TEST(PgArrayLiteralTest, QuotesEveryElementAndEscapesQuotesAndBackslashes) {
  EXPECT_EQ(PgArrayLiteral({}), "{}");
  EXPECT_EQ(PgArrayLiteral({std::string("a,b"), std::nullopt, std::string("say \"hi\" \\o/")}),
            R"({"a,b",NULL,"say \"hi\" \\o/"})");
  EXPECT_EQ(PgArrayLiteral({std::string(""), std::string("NULL"), std::string("{x}")}),
            R"({"","NULL","{x}"})");
}

// Appends entries whose text an array literal must carry untouched with
// `append`, then checks each is stored exactly, with its own id.
void ExpectStoredExactly(
    const std::string& url,
    const std::function<void(PgConnection&, std::vector<AuditEntry*>&)>& append,
    const std::function<std::vector<AuditEntry>()>& stored_now, Id clinic) {
  const std::vector<std::string> details = {
      "", "NULL", "a,b", "{braces}", "say \"hi\"", "back\\slash", "naïve — ünïcode", "  spaced  "};
  std::vector<AuditEntry> entries;
  for (const std::string& d : details) entries.push_back(Entry(clinic, d));
  entries[1].user_id = 42;
  entries[2].patient_id = 9;
  std::vector<AuditEntry*> pointers;
  for (AuditEntry& e : entries) pointers.push_back(&e);
  {
    PgConnection conn(url, 5000);
    append(conn, pointers);
  }
  std::vector<AuditEntry> stored = stored_now();
  ASSERT_EQ(stored.size(), entries.size());
  for (const AuditEntry& e : entries) {
    auto found = std::find_if(stored.begin(), stored.end(),
                              [&](const AuditEntry& s) { return s.id == e.id; });
    ASSERT_NE(found, stored.end()) << e.detail;
    EXPECT_EQ(found->detail, e.detail);
    EXPECT_EQ(found->user_id, e.user_id);
    EXPECT_EQ(found->patient_id, e.patient_id);
    EXPECT_EQ(found->at, e.at);
    EXPECT_EQ(found->remote_addr, e.remote_addr);
  }
  for (std::size_t i = 1; i < entries.size(); ++i) EXPECT_GT(entries[i].id, entries[i - 1].id);
}

TEST_F(PgBatchAuditTest, EntriesAppendedTogetherAreStoredExactlyEachWithItsOwnId) {
  ExpectStoredExactly(
      url_,
      [](PgConnection& conn, std::vector<AuditEntry*>& entries) {
        PgTx tx(conn, PgTx::Kind::kWrite);
        InsertAuditsTogether(conn, tx, entries);
        tx.Commit();
      },
      [&] { return Stored(); }, clinic_);
}

// A batch of entries alone: BEGIN, the INSERT and COMMIT in one round trip.
TEST_F(PgBatchAuditTest, EntriesCommittedInOneRoundTripAreStoredExactlyEachWithItsOwnId) {
  ExpectStoredExactly(
      url_,
      [](PgConnection& conn, std::vector<AuditEntry*>& entries) {
        CommitAuditsInOneRoundTrip(conn, entries);
      },
      [&] { return Stored(); }, clinic_);
}

// A refused batch leaves nothing behind and its connection usable; one the
// server ended while it was idle is found before anything is sent, so the
// batch may run again elsewhere (not "in doubt").
TEST_F(PgBatchAuditTest, ABatchInOneRoundTripIsRefusedWholeOrFindsItsConnectionGone) {
  PgConnection conn(url_, 5000);
  AuditEntry fine = Entry(clinic_, "fine"), nowhere = Entry(999999, "nowhere");
  std::vector<AuditEntry*> refused = {&fine, &nowhere};
  EXPECT_THROW(CommitAuditsInOneRoundTrip(conn, refused), pqxx::sql_error);
  EXPECT_TRUE(Stored().empty());
  std::vector<AuditEntry*> alone = {&fine};
  CommitAuditsInOneRoundTrip(conn, alone);
  EXPECT_EQ(Stored().size(), 1u);
  {
    PgConnection other(url_, 5000);
    PgTx tx(other, PgTx::Kind::kWrite);
    tx.ExecNamed(other.StatementName("SELECT pg_terminate_backend($1)"),
                 {std::to_string(conn.raw().backendpid())});
    tx.Commit();
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(100));  // Its goodbye arrives.
  EXPECT_THROW(CommitAuditsInOneRoundTrip(conn, alone), pqxx::broken_connection);
  EXPECT_EQ(Stored().size(), 1u);
}

// Queued behind a busy writer, the entries form one batch; the one naming no
// clinic is refused alone, as when each was appended on its own.
TEST_F(PgBatchAuditTest, AnEntryTheDatabaseRefusesFailsAloneAndTheRestOfItsBatchIsStored) {
  PgGroupCommit group(url_, 5000, 1);
  WriterHold hold(group);
  std::vector<std::promise<PgGroupCommit::Outcome>> outcomes(4);
  std::vector<std::shared_ptr<AuditEntry>> entries;
  for (int i = 0; i < 4; ++i) {
    auto e = std::make_shared<AuditEntry>(Entry(i == 2 ? 999999 : clinic_, std::to_string(i)));
    entries.push_back(e);
    group.Submit(AppendJob(e, outcomes[i]));
  }
  EXPECT_FALSE(hold.Release());
  for (int i = 0; i < 4; ++i) {
    auto outcome = outcomes[i].get_future().get();
    if (i == 2) {
      ASSERT_TRUE(outcome);
      EXPECT_EQ(outcome->kind, StoreErrorKind::kNotFound);
      EXPECT_EQ(outcome->field, "clinic_id");
    } else {
      EXPECT_FALSE(outcome) << outcome->message;
    }
  }
  std::vector<AuditEntry> stored = Stored();
  ASSERT_EQ(stored.size(), 3u);
  for (const AuditEntry& s : stored) {
    EXPECT_NE(s.detail, "2");
    EXPECT_EQ(s.id, entries[std::stoi(s.detail)]->id);
  }
  EXPECT_EQ(group.batches(), 2u);  // The holding job's, then one for the four entries.
}

// Members whose own entry (Job::then_audit) the batch appends once the
// member has succeeded, queued behind a busy writer with an entry alone.
class PgMemberEntriesTest : public PgBatchAuditTest {
 protected:
  // Runs the members (the one at `failing`, if any, refusing) in one batch
  // after a held one; returns their outcomes.
  std::vector<PgGroupCommit::Outcome> RunMembers(int count, int failing) {
    PgGroupCommit group(url_, 5000, 1);
    WriterHold hold(group);
    std::vector<std::promise<PgGroupCommit::Outcome>> outcomes(count + 1);
    for (int i = 0; i < count; ++i) {
      auto e = std::make_shared<AuditEntry>(Entry(clinic_, ""));
      members_.push_back(e);
      PgGroupCommit::Job job{
          [e, i, failing](PgConnection&, PgTx&) -> PgGroupCommit::Outcome {
            e->detail = "member " + std::to_string(i);  // What run fills in.
            if (i == failing) return Conflict("v", "refused by the test");
            return std::nullopt;
          },
          [&outcomes, i](PgGroupCommit::Outcome o) { outcomes[i].set_value(std::move(o)); }};
      job.then_audit = e;
      group.Submit(std::move(job));
    }
    alone_ = std::make_shared<AuditEntry>(Entry(clinic_, "alone"));
    group.Submit(AppendJob(alone_, outcomes[count]));
    EXPECT_FALSE(hold.Release());
    std::vector<PgGroupCommit::Outcome> got;
    for (auto& o : outcomes) got.push_back(o.get_future().get());
    EXPECT_EQ(group.batches(), 2u);  // The held one's, then one for the rest.
    return got;
  }

  // The stored entries' details, each checked to carry the id it was given.
  std::vector<std::string> StoredDetails() {
    std::vector<std::string> details;
    for (const AuditEntry& s : Stored()) {
      details.push_back(s.detail);
      const auto given = s.detail == "alone" ? alone_ : members_[s.detail.back() - '0'];
      EXPECT_EQ(s.id, given->id) << s.detail;
    }
    std::sort(details.begin(), details.end());
    return details;
  }

  std::vector<std::shared_ptr<AuditEntry>> members_;
  std::shared_ptr<AuditEntry> alone_;
};

TEST_F(PgMemberEntriesTest, EachMembersEntryIsAppendedWithTheBatchsOthersWithWhatItsRunFilledIn) {
  for (const auto& outcome : RunMembers(3, -1)) EXPECT_FALSE(outcome) << outcome->message;
  EXPECT_EQ(StoredDetails(),
            (std::vector<std::string>{"alone", "member 0", "member 1", "member 2"}));
}

// A failing member makes the batch run again isolated: its entry is not
// kept, and the others' are kept once each, not once per try.
TEST_F(PgMemberEntriesTest, AFailedMembersEntryIsNotKeptAndTheOthersAreKeptOnce) {
  const std::vector<PgGroupCommit::Outcome> outcomes = RunMembers(3, 1);
  EXPECT_FALSE(outcomes[0]);
  ASSERT_TRUE(outcomes[1]);
  EXPECT_EQ(outcomes[1]->field, "v");
  EXPECT_FALSE(outcomes[2]);
  EXPECT_FALSE(outcomes[3]);
  EXPECT_EQ(StoredDetails(), (std::vector<std::string>{"alone", "member 0", "member 2"}));
}

// While one writer commits a batch of audit entries alone, entries queued
// behind it wait for it and then go as one batch: the second writer, idle,
// does not start a batch of its own for them.
TEST_F(PgBatchAuditTest, AuditEntriesQueuedBehindAnAuditBatchWaitForItAndGoAsOne) {
  PgGroupCommit group(url_ + "&application_name=audit_writer", 5000, 2);
  PgConnection probe(url_, 5000);
  auto writers_waiting_on_the_lock = [&] {
    pqxx::nontransaction n(probe.raw());
    return n
        .exec1(
            "SELECT COUNT(*) FROM pg_stat_activity WHERE application_name = 'audit_writer' "
            "AND wait_event_type = 'Lock'")[0]
        .as<int>();
  };
  // The table locked, the first entry's batch waits in its INSERT.
  PgConnection locker(url_, 5000);
  pqxx::work lock(locker.raw());
  lock.exec0("LOCK TABLE audit IN EXCLUSIVE MODE");
  std::vector<std::promise<PgGroupCommit::Outcome>> outcomes(4);
  auto submit = [&](int i) {
    auto e = std::make_shared<AuditEntry>(Entry(clinic_, std::to_string(i)));
    group.Submit(AppendJob(e, outcomes[i]));
  };
  submit(0);
  const auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  while (writers_waiting_on_the_lock() < 1 && std::chrono::steady_clock::now() < give_up) {
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  ASSERT_EQ(writers_waiting_on_the_lock(), 1);
  for (int i = 1; i < 4; ++i) submit(i);
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  EXPECT_EQ(writers_waiting_on_the_lock(), 1);  // The second writer took nothing.
  lock.abort();
  for (auto& outcome : outcomes) {
    auto o = outcome.get_future().get();
    EXPECT_FALSE(o) << o->message;
  }
  EXPECT_EQ(Stored().size(), 4u);
  EXPECT_EQ(group.batches(), 2u);  // The first entry's, then one for the three behind it.
  EXPECT_EQ(group.members(), 4u);
}

// A read joins the unit's transaction without a savepoint: when it fails,
// the server has aborted the unit, which then reports a failure and commits
// nothing, even though the work swallowed the read's error.
TEST_F(PgBatchAuditTest, AReadThatFailsInsideAUnitFailsTheUnitAndNothingIsCommitted) {
  StoreStatus outcome = store_->Atomically([&]() -> StoreStatus {
    Must(store_->AppendAudit(Entry(clinic_, "written in the unit")));
    PgConnection* conn = PgUnitScope::Of(*store_);
    EXPECT_NE(conn, nullptr);
    if (conn == nullptr) return Done{};
    PgSession s(*conn);
    EXPECT_THROW(s.Prepare("SELECT 1 / (SELECT COUNT(*) FROM clinics WHERE id < 0)").Scalar(),
                 pqxx::sql_error);
    return Done{};
  });
  EXPECT_FALSE(outcome.ok());
  EXPECT_TRUE(Stored().empty());
  // The store goes on: the next unit commits.
  EXPECT_TRUE(store_
                  ->Atomically([&]() -> StoreStatus {
                    Must(store_->AppendAudit(Entry(clinic_, "next")));
                    return Done{};
                  })
                  .ok());
  EXPECT_EQ(Stored().size(), 1u);
}

}  // namespace
}  // namespace sciaticare::store::testing
