// Group commit in the SQLite store: concurrent asynchronous writers are all
// answered, durable and visible; writes queued behind a running batch commit
// together; a failing member is rolled back alone and told why; a batch whose
// transaction breaks stores nothing and tells every member.
#include "store/sqlite_group_commit.h"

#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>

#include <condition_variable>
#include <future>
#include <mutex>
#include <set>
#include <thread>
#include <vector>

#include "store/sqlite_query.h"
#include "store/sqlite_store.h"
#include "store/store_contract.h"

namespace sciaticare::store::testing {
namespace {

constexpr char kT0[] = "2026-11-23T09:00:00Z";

// Waits until `n` callbacks have reported.
class Countdown {
 public:
  explicit Countdown(int n) : left_(n) {}
  void Done() {
    std::lock_guard lock(mu_);
    if (--left_ == 0) cv_.notify_all();
  }
  bool Wait() {
    std::unique_lock lock(mu_);
    return cv_.wait_for(lock, std::chrono::seconds(30), [this] { return left_ == 0; });
  }

 private:
  std::mutex mu_;
  std::condition_variable cv_;
  int left_;
};

TEST(SqliteGroupCommitTest, ConcurrentAsyncWritersAreAllDurableAndVisible) {
  TempDir dir;
  const std::string path = dir.path() / "clinic.db";
  constexpr int kThreads = 8, kEach = 40;
  constexpr std::size_t kWrites = std::size_t{kThreads} * kEach;
  Id clinic = 0, patient = 0, therapist = 0;
  std::mutex mu;
  std::set<Id> note_ids, audit_ids;
  int failures = 0;
  {
    auto store = Must(SqliteStore::Open(path));
    clinic = Must(store->CreateClinic({0, "Clinic"})).id;
    User u;
    u.clinic_id = clinic;
    u.email = "t@clinic.example";
    u.display_name = "T";
    u.role = Role::kTherapist;
    u.password_hash = "x";
    therapist = Must(store->CreateUser(u)).id;
    Patient p;
    p.clinic_id = clinic;
    p.given_name = "Ana";
    p.family_name = "Silva";
    p.date_of_birth = "1979-04-30";
    p.sex = "female";
    p.created_at = kT0;
    patient = Must(store->CreatePatient(p)).id;

    Countdown answered(kThreads * kEach * 2);
    std::vector<std::thread> writers;
    writers.reserve(kThreads);
    for (int t = 0; t < kThreads; ++t) {
      writers.emplace_back([&, t] {
        for (int i = 0; i < kEach; ++i) {
          SessionNote n;
          n.clinic_id = clinic;
          n.patient_id = patient;
          n.therapist_id = therapist;
          n.occurred_at = kT0;
          n.created_at = kT0;
          n.subjective = "writer " + std::to_string(t) + " note " + std::to_string(i);
          store->CreateSessionNoteAsync(n, [&](StoreResult<SessionNote> r) {
            std::lock_guard lock(mu);
            if (r.ok())
              note_ids.insert(r.value().id);
            else
              ++failures;
            answered.Done();
          });
          AuditEntry e;
          e.clinic_id = clinic;
          e.at = kT0;
          e.user_id = therapist;
          e.action = "read";
          e.entity = "chart";
          e.patient_id = patient;
          store->AppendAuditAsync(e, [&](StoreResult<AuditEntry> r) {
            std::lock_guard lock(mu);
            if (r.ok())
              audit_ids.insert(r.value().id);
            else
              ++failures;
            answered.Done();
          });
        }
      });
    }
    for (auto& w : writers) w.join();
    ASSERT_TRUE(answered.Wait());
    EXPECT_EQ(failures, 0);
    EXPECT_EQ(note_ids.size(), kWrites);  // Distinct ids: none lost or merged.
    EXPECT_EQ(audit_ids.size(), kWrites);
    // Visible to the next read, on any connection, as soon as answered.
    PageRequest page;
    page.limit = 1;
    EXPECT_EQ(Must(store->ListSessionNotes(clinic, patient, page)).total, kThreads * kEach);
    AuditQuery q;
    q.action = "read";
    EXPECT_EQ(Must(store->ListAudit(clinic, q)).total, kThreads * kEach);
  }
  // And on disk: a fresh process sees every one.
  SQLite::Database db(path);
  EXPECT_EQ(db.execAndGet("SELECT COUNT(*) FROM session_notes").getInt(), kThreads * kEach);
  EXPECT_EQ(db.execAndGet("SELECT COUNT(*) FROM audit WHERE action = 'read'").getInt(),
            kThreads * kEach);
}

TEST(SqliteGroupCommitTest, InvalidAsyncWritesAreRefusedAndStoreNothing) {
  TempDir dir;
  auto store = Must(SqliteStore::Open(dir.path() / "clinic.db"));
  const Id clinic = Must(store->CreateClinic({0, "Clinic"})).id;
  SessionNote n;
  n.clinic_id = clinic;
  n.patient_id = 999;  // No such patient.
  n.therapist_id = 998;
  n.occurred_at = kT0;
  n.created_at = kT0;
  std::promise<StoreResult<SessionNote>> got;
  store->CreateSessionNoteAsync(n,
                                [&](StoreResult<SessionNote> r) { got.set_value(std::move(r)); });
  auto result = got.get_future().get();
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.kind(), StoreErrorKind::kNotFound);
  EXPECT_EQ(result.error().field, "patient_id");
}

// GroupCommit driven directly on one table, so batches can be arranged.
class GroupCommitTest : public ::testing::Test {
 protected:
  void SetUp() override {
    writer_.db = std::make_unique<SQLite::Database>((dir_.path() / "g.db").string(),
                                                    SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    writer_.db->exec("PRAGMA journal_mode = WAL");
    writer_.db->exec("CREATE TABLE t (v TEXT NOT NULL CHECK (v <> 'refused'))");
    group_ = std::make_unique<GroupCommit>(writer_);
  }

  // A job inserting `v`, then failing with `error` if one is given.
  GroupCommit::Job Insert(const std::string& v, const std::optional<StoreError>& error,
                          std::promise<GroupCommit::Outcome>& outcome) {
    return {
        [v, error]() -> GroupCommit::Outcome {
          ConnectionScope::Current().Prepare("INSERT INTO t (v) VALUES (:v)").Bind(":v", v).Exec();
          return error;
        },
        [&outcome](GroupCommit::Outcome o) { outcome.set_value(std::move(o)); }};
  }

  // As Insert, declared a one-statement job (no savepoint of its own).
  GroupCommit::Job InsertOne(const std::string& v, std::promise<GroupCommit::Outcome>& outcome) {
    GroupCommit::Job job = Insert(v, std::nullopt, outcome);
    job.one_statement = true;
    return job;
  }

  // Submits a job that keeps the writer busy until release_ is set, and
  // returns once it runs: what is submitted next queues into one batch.
  void HoldWriter(std::promise<GroupCommit::Outcome>& outcome) {
    std::promise<void> running;
    auto released = release_.get_future().share();
    group_->Submit({[&running, released] {
                      running.set_value();
                      released.wait();
                      return GroupCommit::Outcome{};
                    },
                    [&outcome](GroupCommit::Outcome o) { outcome.set_value(std::move(o)); }});
    running.get_future().wait();
  }

  std::vector<std::string> Rows() {
    std::vector<std::string> rows;
    SQLite::Database db((dir_.path() / "g.db").string());
    SQLite::Statement q(db, "SELECT v FROM t ORDER BY rowid");
    while (q.executeStep()) rows.push_back(q.getColumn(0).getString());
    return rows;
  }

  std::promise<void> release_;
  TempDir dir_;
  SqliteConnection writer_;
  std::unique_ptr<GroupCommit> group_;
};

TEST_F(GroupCommitTest, QueuedWritesShareABatchAndAFailingMemberIsRolledBackAlone) {
  std::promise<GroupCommit::Outcome> first, ok1, bad, ok2;
  HoldWriter(first);
  group_->Submit(Insert("one", std::nullopt, ok1));
  group_->Submit(Insert("bad", Invalid("v", "refused by the test"), bad));
  group_->Submit(Insert("two", std::nullopt, ok2));
  release_.set_value();

  EXPECT_FALSE(first.get_future().get());
  EXPECT_FALSE(ok1.get_future().get());
  auto refused = bad.get_future().get();
  ASSERT_TRUE(refused);
  EXPECT_EQ(refused->field, "v");
  EXPECT_FALSE(ok2.get_future().get());
  EXPECT_EQ(Rows(), (std::vector<std::string>{"one", "two"}));
  EXPECT_EQ(group_->batches(), 2u);  // The holding job's, then one for all three.
}

TEST_F(GroupCommitTest, ABrokenTransactionStoresNothingAndTellsEveryMember) {
  std::promise<GroupCommit::Outcome> hold, ok, breaker;
  HoldWriter(hold);
  group_->Submit(Insert("lost", std::nullopt, ok));
  // Ends the batch's transaction from inside: its savepoint is gone, so the
  // batch cannot finish and must not commit half of itself.
  group_->Submit({[] {
                    ConnectionScope::Current().db->exec("ROLLBACK");
                    return GroupCommit::Outcome{};
                  },
                  [&](GroupCommit::Outcome o) { breaker.set_value(std::move(o)); }});
  release_.set_value();
  hold.get_future().get();
  auto ok_outcome = ok.get_future().get();
  ASSERT_TRUE(ok_outcome);
  EXPECT_EQ(ok_outcome->kind, StoreErrorKind::kInternal);
  EXPECT_TRUE(breaker.get_future().get());
  EXPECT_EQ(Rows(), std::vector<std::string>{});
  // The writer goes on working after a broken batch.
  std::promise<GroupCommit::Outcome> after;
  group_->Submit(Insert("after", std::nullopt, after));
  EXPECT_FALSE(after.get_future().get());
  EXPECT_EQ(Rows(), std::vector<std::string>{"after"});
}

// A one-statement write runs without a savepoint: a failing one is undone by
// SQLite alone, and the members around it still commit.
TEST_F(GroupCommitTest, AFailingOneStatementMemberIsUndoneAloneWithoutASavepoint) {
  std::promise<GroupCommit::Outcome> hold, ok1, bad, ok2, ok3;
  HoldWriter(hold);
  group_->Submit(InsertOne("one", ok1));
  group_->Submit(InsertOne("refused", bad));  // The table's CHECK refuses it.
  group_->Submit(InsertOne("two", ok2));
  group_->Submit(Insert("three", std::nullopt, ok3));
  release_.set_value();
  hold.get_future().get();
  EXPECT_FALSE(ok1.get_future().get());
  EXPECT_TRUE(bad.get_future().get());
  EXPECT_FALSE(ok2.get_future().get());
  EXPECT_FALSE(ok3.get_future().get());
  EXPECT_EQ(Rows(), (std::vector<std::string>{"one", "two", "three"}));
}

// A one-statement member that ends the transaction stops the batch: nothing
// of it is stored, later members do not run outside the transaction, and
// every member is told.
TEST_F(GroupCommitTest, AOneStatementMemberThatEndsTheTransactionStopsTheBatch) {
  std::promise<GroupCommit::Outcome> hold, before, breaker, later;
  HoldWriter(hold);
  group_->Submit(InsertOne("before", before));
  GroupCommit::Job ends{[] {
                          ConnectionScope::Current().db->exec("ROLLBACK");
                          return GroupCommit::Outcome{Internal("disk full, as it were")};
                        },
                        [&](GroupCommit::Outcome o) { breaker.set_value(std::move(o)); }, true};
  group_->Submit(std::move(ends));
  group_->Submit(InsertOne("later", later));
  release_.set_value();
  hold.get_future().get();
  EXPECT_TRUE(before.get_future().get());
  EXPECT_TRUE(breaker.get_future().get());
  EXPECT_TRUE(later.get_future().get());
  EXPECT_EQ(Rows(), std::vector<std::string>{});
}

}  // namespace
}  // namespace sciaticare::store::testing
