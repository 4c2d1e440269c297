// Group commit in the PostgreSQL store: concurrent asynchronous writers are
// all answered, durable and visible; writes queued behind a running batch
// commit together, in the order they came; a failing member, with or without
// a savepoint of its own, is rolled back alone and told why, and nothing is
// written twice when the batch runs again; a writer whose connection the
// server ended goes on on a new one. Skipped without a PostgreSQL server
// (SCIATICARE_TEST_PG_URL, as postgres_store_test.cc).
#include "store/postgres/postgres_group_commit.h"

#include <gtest/gtest.h>

#include <condition_variable>
#include <future>
#include <mutex>
#include <set>
#include <thread>
#include <vector>

#include <pqxx/pqxx>

#include "pg_test_database.h"
#include "store/postgres/postgres_session.h"
#include "store/postgres_query.h"
#include "store/postgres_store.h"
#include "store/store_contract.h"

namespace sciaticare::store::testing {
namespace {

using sciaticare::testing::PgSkipReason;
using sciaticare::testing::PgTestDatabase;

constexpr char kT0[] = "2026-11-23T09:00:00Z";

class PgGroupCommitTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (std::string why = PgSkipReason(); !why.empty()) GTEST_SKIP() << why;
    url_ = PgTestDatabase::Instance().NewSchemaUrl();
  }

  void RawSql(const std::string& sql) {
    pqxx::connection conn(url_);
    pqxx::work tx(conn);
    tx.exec(sql);
    tx.commit();
  }

  std::vector<std::string> Rows() {
    pqxx::connection conn(url_);
    pqxx::read_transaction tx(conn);
    std::vector<std::string> rows;
    for (const auto& r : tx.exec("SELECT v FROM t ORDER BY id")) rows.emplace_back(r[0].c_str());
    return rows;
  }

  std::string url_;
};

// The group commit driven directly on one table, with one writer, so that
// batches can be arranged.
class PgGroupCommitJobsTest : public PgGroupCommitTest {
 protected:
  void SetUp() override {
    PgGroupCommitTest::SetUp();
    if (IsSkipped()) return;
    RawSql("CREATE TABLE t (id BIGSERIAL PRIMARY KEY, v TEXT NOT NULL CHECK (v <> 'refused'))");
    group_ = std::make_unique<PgGroupCommit>(url_ + "&application_name=group_writer", 5000, 1);
  }
  void TearDown() override { group_.reset(); }

  // A job inserting `v`, then failing with `error` if one is given.
  static PgGroupCommit::Job Insert(const std::string& v, const std::optional<StoreError>& error,
                                   std::promise<PgGroupCommit::Outcome>& outcome) {
    return {[v, error](PgConnection& conn, PgTx& tx) -> PgGroupCommit::Outcome {
              PgSession s(conn, &tx);
              s.Prepare("INSERT INTO t (v) VALUES (?)").Bind(v).Exec();
              return error;
            },
            [&outcome](PgGroupCommit::Outcome o) { outcome.set_value(std::move(o)); }};
  }

  // As Insert, declared a one-statement job (no savepoint of its own at first).
  static PgGroupCommit::Job InsertOne(const std::string& v,
                                      std::promise<PgGroupCommit::Outcome>& outcome) {
    PgGroupCommit::Job job = Insert(v, std::nullopt, outcome);
    job.one_statement = true;
    return job;
  }

  // Submits a job that keeps the writer busy until release_ is set, and
  // returns once it runs: what is submitted next queues into one batch.
  void HoldWriter(std::promise<PgGroupCommit::Outcome>& outcome) {
    auto running = std::make_shared<std::promise<void>>();
    auto released = release_.get_future().share();
    group_->Submit({[running, released](PgConnection&, PgTx&) {
                      running->set_value();
                      released.wait();
                      return PgGroupCommit::Outcome{};
                    },
                    [&outcome](PgGroupCommit::Outcome o) { outcome.set_value(std::move(o)); }});
    running->get_future().wait();
  }

  std::promise<void> release_;
  std::unique_ptr<PgGroupCommit> group_;
};

TEST_F(PgGroupCommitJobsTest, QueuedWritesShareABatchInOrderAndAFailingMemberIsRolledBackAlone) {
  std::promise<PgGroupCommit::Outcome> hold, ok1, bad, refused, ok2;
  HoldWriter(hold);
  group_->Submit(Insert("one", std::nullopt, ok1));
  group_->Submit(Insert("bad", Invalid("v", "refused by the test"), bad));  // Returned.
  group_->Submit(Insert("refused", std::nullopt, refused));                 // Thrown by the server.
  group_->Submit(Insert("two", std::nullopt, ok2));
  release_.set_value();

  EXPECT_FALSE(hold.get_future().get());
  EXPECT_FALSE(ok1.get_future().get());
  auto returned = bad.get_future().get();
  ASSERT_TRUE(returned);
  EXPECT_EQ(returned->field, "v");
  auto thrown = refused.get_future().get();
  ASSERT_TRUE(thrown);
  EXPECT_EQ(thrown->kind, StoreErrorKind::kInvalid);
  EXPECT_FALSE(ok2.get_future().get());
  EXPECT_EQ(Rows(), (std::vector<std::string>{"one", "two"}));
  EXPECT_EQ(group_->batches(), 2u);  // The holding job's, then one for the other four.
  EXPECT_EQ(group_->members(), 5u);
}

// A failed statement ends a PostgreSQL transaction: the batch is run again
// with a savepoint for every member, and what the first try wrote is not
// written twice.
TEST_F(PgGroupCommitJobsTest, AFailingOneStatementMemberIsIsolatedAndNothingIsWrittenTwice) {
  std::promise<PgGroupCommit::Outcome> hold, ok1, bad, ok2, ok3;
  HoldWriter(hold);
  group_->Submit(InsertOne("one", ok1));
  group_->Submit(InsertOne("refused", bad));
  group_->Submit(InsertOne("two", ok2));
  group_->Submit(Insert("three", std::nullopt, ok3));
  release_.set_value();
  hold.get_future().get();
  EXPECT_FALSE(ok1.get_future().get());
  auto refused = bad.get_future().get();
  ASSERT_TRUE(refused);
  EXPECT_EQ(refused->kind, StoreErrorKind::kInvalid);
  EXPECT_FALSE(ok2.get_future().get());
  EXPECT_FALSE(ok3.get_future().get());
  EXPECT_EQ(Rows(), (std::vector<std::string>{"one", "two", "three"}));
}

TEST_F(PgGroupCommitJobsTest, AWriterWhoseConnectionTheServerEndedGoesOnOnANewOne) {
  std::promise<PgGroupCommit::Outcome> first;
  group_->Submit(Insert("before", std::nullopt, first));
  ASSERT_FALSE(first.get_future().get());
  RawSql(
      "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = "
      "current_database() AND application_name = 'group_writer'");
  std::promise<PgGroupCommit::Outcome> after;
  group_->Submit(Insert("after", std::nullopt, after));
  auto outcome = after.get_future().get();
  EXPECT_FALSE(outcome) << outcome->message;
  EXPECT_EQ(Rows(), (std::vector<std::string>{"before", "after"}));
}

TEST_F(PgGroupCommitJobsTest, WritesSubmittedBeforeTheEndAreAllCommitted) {
  std::promise<PgGroupCommit::Outcome> hold;
  std::vector<std::promise<PgGroupCommit::Outcome>> outcomes(20);
  HoldWriter(hold);
  for (int i = 0; i < 20; ++i) group_->Submit(InsertOne("v" + std::to_string(i), outcomes[i]));
  release_.set_value();
  group_.reset();  // Runs what is queued before it stops.
  for (auto& o : outcomes) EXPECT_FALSE(o.get_future().get());
  EXPECT_EQ(Rows().size(), 20u);
}

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
    return cv_.wait_for(lock, std::chrono::seconds(60), [this] { return left_ == 0; });
  }

 private:
  std::mutex mu_;
  std::condition_variable cv_;
  int left_;
};

// A clinic with a therapist and a patient of its own, and a note of theirs.
struct NoteSetting {
  Id clinic = 0, therapist = 0, patient = 0;
  SessionNote Note() const {
    SessionNote n;
    n.clinic_id = clinic;
    n.patient_id = patient;
    n.therapist_id = therapist;
    n.occurred_at = n.created_at = kT0;
    return n;
  }
};

NoteSetting SetUpClinic(PostgresStore& store) {
  NoteSetting at;
  at.clinic = Must(store.CreateClinic({0, "Clinic"})).id;
  at.therapist = Must(store.CreateUser({0, at.clinic, "t@clinic.example", "T", Role::kTherapist,
                                        "x", std::nullopt, true}))
                     .id;
  Patient p;
  p.clinic_id = at.clinic;
  p.family_name = "Silva";
  p.created_at = kT0;
  at.patient = Must(store.CreatePatient(p)).id;
  return at;
}

TEST_F(PgGroupCommitTest, ConcurrentAsyncStoreWritersAreAllDurableAndVisible) {
  constexpr int kThreads = 8, kEach = 25;
  constexpr std::size_t kWrites = std::size_t{kThreads} * kEach;
  auto store = Must(PostgresStore::Open(url_));
  const NoteSetting at = SetUpClinic(*store);
  const Id clinic = at.clinic, therapist = at.therapist, patient = at.patient;

  std::mutex mu;
  std::set<Id> note_ids, audit_ids, also_ids;
  int failures = 0;
  Countdown answered(kThreads * kEach * 2);
  std::vector<std::thread> writers;
  for (int t = 0; t < kThreads; ++t) {
    writers.emplace_back([&, t] {
      for (int i = 0; i < kEach; ++i) {
        SessionNote n = at.Note();
        n.subjective = "writer " + std::to_string(t) + " note " + std::to_string(i);
        // What goes with the note joins its unit: its audit entry.
        auto also = [&](const SessionNote& stored) -> StoreStatus {
          AuditEntry e{
              0,       clinic, kT0, therapist, "create", "session", std::to_string(stored.id),
              patient, "::1",  ""};
          auto appended = store->AppendAudit(e);
          if (!appended.ok()) return appended.error();
          return Done{};
        };
        store->CreateSessionNoteAsync(n, also, [&](StoreResult<SessionNote> r) {
          std::lock_guard lock(mu);
          if (r.ok())
            note_ids.insert(r.value().id);
          else
            ++failures;
          answered.Done();
        });
        AuditEntry e{0, clinic, kT0, therapist, "read", "chart", "", patient, "::1", ""};
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
  PageRequest page;
  page.limit = 1;
  EXPECT_EQ(Must(store->ListSessionNotes(clinic, patient, page)).total, static_cast<int>(kWrites));
  AuditQuery q;
  q.action = "read";
  EXPECT_EQ(Must(store->ListAudit(clinic, q)).total, static_cast<int>(kWrites));
  q.action = "create";
  EXPECT_EQ(Must(store->ListAudit(clinic, q)).total, static_cast<int>(kWrites));
}

// Notes given their audit entries, from many threads at once (so batched
// together): every note is stored with exactly one entry naming it.
TEST_F(PgGroupCommitTest, ConcurrentNotesEachGetExactlyOneEntryNamingThem) {
  constexpr int kThreads = 8, kEach = 25;
  auto store = Must(PostgresStore::Open(url_));
  const NoteSetting at = SetUpClinic(*store);
  const Id clinic = at.clinic, therapist = at.therapist, patient = at.patient;
  std::mutex mu;
  std::multiset<std::string> note_ids;
  int failures = 0;
  Countdown answered(kThreads * kEach);
  std::vector<std::thread> writers;
  for (int t = 0; t < kThreads; ++t) {
    writers.emplace_back([&] {
      for (int i = 0; i < kEach; ++i) {
        SessionNote n = at.Note();
        AuditEntry e{0, clinic, kT0, therapist, "create", "session", "", patient, "::1", ""};
        store->CreateSessionNoteAsync(n, e, nullptr, [&](StoreResult<SessionNote> r) {
          std::lock_guard lock(mu);
          if (r.ok())
            note_ids.insert(std::to_string(r.value().id));
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
  AuditQuery q;
  q.page.limit = kMaxPageSize;
  std::multiset<std::string> named;
  for (const AuditEntry& e : Must(store->ListAudit(clinic, q)).items) named.insert(e.entity_id);
  EXPECT_EQ(note_ids.size(), std::size_t{kThreads} * kEach);
  EXPECT_EQ(named, note_ids);
}

TEST_F(PgGroupCommitTest, AFailingNoteAndItsAlsoWriteAreUndoneTogether) {
  auto store = Must(PostgresStore::Open(url_));
  const NoteSetting at = SetUpClinic(*store);
  const Id clinic = at.clinic, therapist = at.therapist, patient = at.patient;
  SessionNote n = at.Note();
  // The audit entry is written, then the unit fails: neither is kept.
  std::promise<StoreResult<SessionNote>> refused;
  store->CreateSessionNoteAsync(
      n,
      [&](const SessionNote& stored) -> StoreStatus {
        Must(store->AppendAudit({0, clinic, kT0, therapist, "create", "session",
                                 std::to_string(stored.id), n.patient_id, "::1", ""}));
        return Conflict("idempotency-key", "is already taken");
      },
      [&](StoreResult<SessionNote> r) { refused.set_value(std::move(r)); });
  auto outcome = refused.get_future().get();
  ASSERT_FALSE(outcome.ok());
  EXPECT_EQ(outcome.error().field, "idempotency-key");
  // A note for no patient is refused naming the field.
  n.patient_id = 999999;
  std::promise<StoreResult<SessionNote>> missing;
  store->CreateSessionNoteAsync(
      n, [&](StoreResult<SessionNote> r) { missing.set_value(std::move(r)); });
  auto absent = missing.get_future().get();
  ASSERT_FALSE(absent.ok());
  EXPECT_EQ(absent.error().field, "patient_id");
  PageRequest page;
  EXPECT_EQ(Must(store->ListSessionNotes(clinic, patient, page)).total, 0);
  EXPECT_EQ(Must(store->ListAudit(clinic, AuditQuery{})).total, 0);
}

}  // namespace
}  // namespace sciaticare::store::testing
