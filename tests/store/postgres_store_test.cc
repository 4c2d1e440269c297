// The PostgreSQL store: the shared contract run on PostgreSQL, plus what only
// PostgreSQL has: opening by URL and migrations under an advisory lock racing
// from several stores. Several stores on one database, threads through the
// pool and dying connections: postgres_concurrency_test.cc; the database's own
// guards against raw SQL: postgres_append_only_test.cc.
//
// These tests need a server: SCIATICARE_TEST_PG_URL names a database whose
// role may create databases (scripts/pg-test-cluster.sh starts a throwaway
// one; scripts/test.sh does it for you). Each run of this binary creates its
// own database there and drops it at the end; each test gets a fresh schema
// in it. Without the variable every test here is skipped.
#include "store/postgres_store.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <mutex>
#include <random>
#include <thread>

#include <pqxx/pqxx>

#include "cli/store_url.h"
#include "pg_test_database.h"
#include "store/migrations.h"
#include "store/postgres_migrations.h"
#include "store/postgres_store_test_fixture.h"
#include "store/store_contract.h"

namespace sciaticare::store::testing {
namespace {

using ::testing::HasSubstr;

StoreResult<std::unique_ptr<Store>> OpenPostgres(const std::filesystem::path& location) {
  auto opened = PostgresStore::Open(PgTestDatabase::Instance().SchemaUrlFor(location.string()));
  if (!opened) return opened.error();
  return std::unique_ptr<Store>(std::move(opened).value());
}

INSTANTIATE_TEST_SUITE_P(Postgres, StoreContractTest,
                         ::testing::Values(StoreBackend{"Postgres", OpenPostgres, PgSkipReason}),
                         BackendName);

TEST_F(PostgresStoreTest, StoreUrlOpensPostgres) {
  auto opened = OpenStore(url_);
  ASSERT_TRUE(opened.ok()) << opened.error().ToString();
  EXPECT_EQ(Must(opened.value()->CreateClinic({0, "Via URL"})).name, "Via URL");
}

TEST(PostgresStoreOpenTest, UnreachableServerIsInternal) {
  auto opened = PostgresStore::Open("postgresql://nobody@127.0.0.1:1/none?connect_timeout=2");
  ASSERT_EQ(Outcome(opened), "internal");
  EXPECT_THAT(opened.error().message, HasSubstr("opening the PostgreSQL database"));
  auto via_url = OpenStore("postgres://nobody@127.0.0.1:1/none?connect_timeout=2");
  EXPECT_FALSE(via_url.ok());
}

TEST_F(PostgresMigrationTest, VersionsAreConsecutiveAndMatchSqlite) {
  int expected = 1;
  for (const Migration& m : PostgresMigrations()) {
    EXPECT_EQ(m.version, expected++);
    EXPECT_FALSE(m.name.empty());
  }
  EXPECT_EQ(PostgresMigrations().size(), SqliteMigrations().size());
  EXPECT_EQ(PostgresLatestSchemaVersion(), expected - 1);
  EXPECT_EQ(PostgresLatestSchemaVersion(), LatestSchemaVersion());
}

TEST_F(PostgresMigrationTest, NewDatabaseGetsEveryMigrationOnce) {
  Open();
  Open();  // A second open applies nothing again.
  pqxx::connection conn(url_);
  EXPECT_EQ(Must(PostgresSchemaVersion(conn)), PostgresLatestSchemaVersion());
  EXPECT_EQ(RawCount("SELECT COUNT(*) FROM schema_version"),
            static_cast<std::int64_t>(PostgresMigrations().size()));
  EXPECT_EQ(RawCount("SELECT COUNT(*) FROM pg_indexes WHERE schemaname = current_schema() AND "
                     "indexname IN ('audit_by_clinic_time', 'patients_by_name')"),
            2);
}

TEST_F(PostgresMigrationTest, ConcurrentOpensMigrateOnce) {
  // Servers started together on an empty database: every one opens, and
  // each migration is applied exactly once.
  constexpr int kStores = 6;
  std::atomic<int> ready{0};
  std::vector<StoreResult<std::unique_ptr<PostgresStore>>> opened;
  for (int i = 0; i < kStores; ++i) opened.emplace_back(Internal("not run"));
  std::vector<std::thread> threads;
  for (int i = 0; i < kStores; ++i) {
    threads.emplace_back([&, i] {
      ++ready;
      while (ready.load() < kStores) std::this_thread::yield();
      opened[i] = PostgresStore::Open(url_);
    });
  }
  for (auto& t : threads) t.join();
  for (auto& o : opened) EXPECT_EQ(Outcome(o), "ok") << (o.ok() ? "" : o.error().ToString());
  EXPECT_EQ(RawCount("SELECT COUNT(*) FROM schema_version"),
            static_cast<std::int64_t>(PostgresMigrations().size()));
  ASSERT_TRUE(opened[0].ok());
  Id clinic = Must(opened[0].value()->CreateClinic({0, "A"})).id;
  EXPECT_EQ(Must(opened[kStores - 1].value()->GetClinic(clinic)).name, "A");
}

TEST_F(PostgresMigrationTest, UpgradeFromVersion1KeepsData) {
  {
    pqxx::connection conn(url_);
    EXPECT_EQ(Must(MigratePostgres(conn, 1)), 1);
  }
  EXPECT_EQ(RawSql(R"sql(
      INSERT INTO clinics (id, name) VALUES (1, 'Old Clinic');
      INSERT INTO patients (id, clinic_id, given_name, family_name, date_of_birth, sex, email,
                            phone, notes, version, created_at, updated_at)
        VALUES (7, 1, 'Ana', 'Silva', '1979-04-30', 'female', '', '', 'kept', 3,
                '2025-01-01T00:00:00Z', '2025-02-01T00:00:00Z');
      INSERT INTO users (id, clinic_id, email, display_name, role, password_hash, patient_id, active)
        VALUES (3, 1, 'thera@old.example', 'T', 'therapist', 'h', NULL, true);
      INSERT INTO session_notes (id, clinic_id, patient_id, therapist_id, occurred_at, subjective,
                                 objective, assessment, plan_text, techniques_json, oils_used,
                                 adverse_events_json, version, created_at)
        VALUES (5, 1, 7, 3, '2025-02-01T00:00:00Z', 'old note', '', '', '', '[]', false, '[]', 1,
                '2025-02-01T00:00:00Z');
    )sql"),
            "accepted");
  EXPECT_EQ(RawCount("SELECT COUNT(*) FROM pg_indexes WHERE schemaname = current_schema() AND "
                     "indexname = 'patients_by_name'"),
            0);
  auto store = Open();
  Patient p = Must(store->GetPatient(1, 7));
  EXPECT_EQ(p.notes, "kept");
  EXPECT_EQ(Must(store->FindUserByEmail("thera@old.example")).id, 3);
  p.notes = "after upgrade";
  EXPECT_EQ(Must(store->UpdatePatient(p, 3, {3, kT0, ""})).version, 4);
  // A note from before version 3 recorded no deviations.
  EXPECT_EQ(Must(store->GetSessionNote(1, 5)).deviations_json, "");
  EXPECT_EQ(RawCount("SELECT MAX(version) FROM schema_version"), PostgresLatestSchemaVersion());
  EXPECT_EQ(RawCount("SELECT COUNT(*) FROM pg_indexes WHERE schemaname = current_schema() AND "
                     "indexname = 'patients_by_name'"),
            1);
}

TEST_F(PostgresMigrationTest, UpgradeToVersion6KeepsSessionsAndAddsLoginAttempts) {
  {
    pqxx::connection conn(url_);
    EXPECT_EQ(Must(MigratePostgres(conn, 4)), 4);
  }
  EXPECT_EQ(RawSql(R"sql(
      INSERT INTO clinics (id, name) VALUES (1, 'Old Clinic');
      INSERT INTO users (id, clinic_id, email, display_name, role, password_hash, patient_id, active)
        VALUES (3, 1, 'thera@old.example', 'T', 'therapist', 'h', NULL, true);
      INSERT INTO auth_sessions (token_hash, user_id, clinic_id, csrf_token, created_at, expires_at)
        VALUES ('old-session', 3, 1, 'c', '2025-03-01T09:00:00Z', '2025-03-01T21:00:00Z');
    )sql"),
            "accepted");
  auto store = Open();
  // A session of before version 6 was last seen, as far as anyone knows, when it began.
  EXPECT_EQ(Must(store->GetAuthSession("old-session", "2025-03-01T10:00:00Z")).session.last_seen_at,
            "2025-03-01T09:00:00Z");
  Must(store->RecordLoginAttempt({"e", "::1", "2025-03-01T10:00:00Z", false},
                                 "2025-03-01T00:00:00Z"));
  EXPECT_EQ(Must(store->CountLoginFailures("e", "::1", "2025-03-01T00:00:00Z")).pair, 1);
  EXPECT_EQ(RawCount("SELECT COUNT(*) FROM pg_indexes WHERE schemaname = current_schema() AND "
                     "indexname LIKE 'login_attempts_by_%'"),
            3);
}

TEST_F(PostgresMigrationTest, UpgradeFromVersion2KeepsAppointmentsAndTakesTheNewStatuses) {
  {
    pqxx::connection conn(url_);
    EXPECT_EQ(Must(MigratePostgres(conn, 2)), 2);
  }
  EXPECT_EQ(RawSql(R"sql(
      INSERT INTO clinics (id, name) VALUES (1, 'Old Clinic');
      INSERT INTO patients (id, clinic_id, given_name, family_name, date_of_birth, sex, email,
                            phone, notes, version, created_at, updated_at)
        VALUES (7, 1, 'Ana', 'Silva', '1979-04-30', 'female', '', '', '', 1,
                '2025-01-01T00:00:00Z', '2025-01-01T00:00:00Z');
      INSERT INTO users (id, clinic_id, email, display_name, role, password_hash, patient_id, active)
        VALUES (3, 1, 'thera@old.example', 'T', 'therapist', 'h', NULL, true);
      INSERT INTO appointments (id, clinic_id, patient_id, therapist_id, starts_at, minutes, status,
                                plan_id, note, version)
        VALUES (11, 1, 7, 3, '2025-03-01T09:00:00Z', 60, 'booked', NULL, 'kept', 2),
               (12, 1, 7, 3, '2025-03-08T09:00:00Z', 60, 'booked', NULL, '', 1);
    )sql"),
            "accepted");
  EXPECT_NE(RawSql("UPDATE appointments SET status = 'arrived' WHERE id = 11"), "accepted");
  auto store = Open();
  Appointment kept = Must(store->GetAppointment(1, 11));
  EXPECT_EQ(kept.note, "kept");
  EXPECT_EQ(kept.version, 2);
  EXPECT_EQ(Must(store->UpdateAppointmentStatus(1, 11, AppointmentStatus::kArrived, 2)).status,
            AppointmentStatus::kArrived);
  EXPECT_EQ(Must(store->UpdateAppointmentStatus(1, 12, AppointmentStatus::kNoShow, 1)).status,
            AppointmentStatus::kNoShow);
  EXPECT_NE(RawSql("UPDATE appointments SET status = 'lost' WHERE id = 11"), "accepted");
}

// Version 5 adds the kept answers of Idempotency-Keys, as on SQLite.
TEST_F(PostgresMigrationTest, UpgradeFromVersion4KeepsDataAndKeepsAnswers) {
  {
    pqxx::connection conn(url_);
    EXPECT_EQ(Must(MigratePostgres(conn, 4)), 4);
  }
  EXPECT_EQ(RawCount("SELECT COUNT(*) FROM pg_tables WHERE schemaname = current_schema() AND "
                     "tablename = 'idempotency_keys'"),
            0);
  EXPECT_EQ(RawSql(R"sql(
      INSERT INTO clinics (id, name) VALUES (1, 'Old Clinic');
      INSERT INTO users (id, clinic_id, email, display_name, role, password_hash, patient_id, active)
        VALUES (3, 1, 'thera@old.example', 'T', 'therapist', 'h', NULL, true);
      INSERT INTO patients (id, clinic_id, given_name, family_name, date_of_birth, sex, email,
                            phone, notes, version, created_at, updated_at)
        VALUES (7, 1, 'Ana', 'Silva', '1979-04-30', 'female', '', '', 'kept', 2,
                '2025-01-01T00:00:00Z', '2025-01-01T00:00:00Z');
    )sql"),
            "accepted");
  auto store = Open();
  EXPECT_EQ(Must(store->GetPatient(1, 7)).notes, "kept");
  IdempotentAnswer answer;
  answer.clinic_id = 1;
  answer.user_id = 3;
  answer.key = "after the upgrade";
  answer.request_hash = "h";
  answer.status = 201;
  answer.body = "{}";
  answer.headers_json = "{}";
  answer.created_at = kT0;
  EXPECT_EQ(Outcome(store->SaveIdempotentAnswer(answer, "2025-01-01T00:00:00Z")), "ok");
  EXPECT_EQ(Outcome(store->SaveIdempotentAnswer(answer, "2025-01-01T00:00:00Z")), "conflict");
  EXPECT_EQ(Must(store->GetIdempotentAnswer(1, 3, "after the upgrade")).status, 201);
  EXPECT_EQ(RawCount("SELECT MAX(version) FROM schema_version"), PostgresLatestSchemaVersion());
  EXPECT_EQ(RawCount("SELECT COUNT(*) FROM pg_indexes WHERE schemaname = current_schema() AND "
                     "indexname = 'idempotency_keys_by_age'"),
            1);
}

TEST_F(PostgresMigrationTest, UpgradeFromVersion4AddsAppendOnlyReferrals) {
  {
    pqxx::connection conn(url_);
    EXPECT_EQ(Must(MigratePostgres(conn, 4)), 4);
  }
  EXPECT_EQ(RawSql(R"sql(
      INSERT INTO clinics (id, name) VALUES (1, 'Old Clinic');
      INSERT INTO patients (id, clinic_id, given_name, family_name, date_of_birth, sex, email,
                            phone, notes, version, created_at, updated_at)
        VALUES (7, 1, 'Ana', 'Silva', '1979-04-30', 'female', '', '', '', 1,
                '2025-01-01T00:00:00Z', '2025-01-01T00:00:00Z');
      INSERT INTO users (id, clinic_id, email, display_name, role, password_hash, patient_id, active)
        VALUES (3, 1, 'thera@old.example', 'T', 'therapist', 'h', NULL, true);
      INSERT INTO assessments (id, clinic_id, patient_id, kind, intake_json, result_json, triage,
                               knowledge_version, created_by, created_at)
        VALUES (5, 1, 7, 'intake', '{}', '{}', 'refer_emergency', 'k', 3, '2025-01-02T00:00:00Z');
    )sql"),
            "accepted");
  auto store = Open();
  Referral r;
  r.clinic_id = 1;
  r.patient_id = 7;
  r.assessment_id = 5;
  r.urgency = "emergency";
  r.flags_json = "[]";
  r.opened_by = 3;
  r.opened_at = "2025-01-02T00:00:00Z";
  r = Must(store->CreateReferral(r));
  EXPECT_EQ(Must(store->ListReferrals(1, 7)).size(), 1u);
  EXPECT_NE(RawSql("UPDATE referrals SET urgency = 'routine_gp'"), "accepted");
  EXPECT_NE(RawSql("DELETE FROM referrals"), "accepted");
  EXPECT_NE(RawSql("DELETE FROM referral_events"), "accepted");
  ConsentRecord consent;
  consent.clinic_id = 1;
  consent.patient_id = 7;
  consent.treatment = true;
  consent.form = "written";
  consent.recorded_by = 3;
  consent.recorded_at = "2025-01-03T00:00:00Z";
  Must(store->AppendConsent(consent));
  EXPECT_THAT(RawSql("UPDATE consents SET treatment = false"), HasSubstr("append-only"));
  EXPECT_THAT(RawSql("DELETE FROM consents"), HasSubstr("append-only"));
  EXPECT_THAT(RawSql("TRUNCATE consents"), HasSubstr("append-only"));
  EXPECT_EQ(RawCount("SELECT COUNT(*) FROM consents WHERE treatment"), 1);
  EXPECT_EQ(RawCount("SELECT COUNT(*) FROM referrals WHERE urgency = 'emergency'"), 1);
}

TEST_F(PostgresMigrationTest, NewerSchemaIsRefused) {
  Open();
  EXPECT_EQ(RawSql("INSERT INTO schema_version (version, name) VALUES (99, 'from the future')"),
            "accepted");
  auto opened = PostgresStore::Open(url_);
  ASSERT_EQ(Outcome(opened), "internal");
  EXPECT_THAT(opened.error().message, HasSubstr("newer"));
}

TEST_F(PostgresMigrationTest, FailedMigrationLeavesThePreviousVersion) {
  {
    pqxx::connection conn(url_);
    EXPECT_EQ(Must(MigratePostgres(conn, 1)), 1);
  }
  // Something in the way of migration 2 makes it fail halfway.
  EXPECT_EQ(RawSql("CREATE TABLE patients_by_name (x INTEGER)"), "accepted");
  pqxx::connection conn(url_);
  EXPECT_EQ(Outcome(MigratePostgres(conn)), "internal");
  EXPECT_EQ(Must(PostgresSchemaVersion(conn)), 1);
  // Migration 2's first statement was rolled back with the rest.
  EXPECT_EQ(RawCount("SELECT COUNT(*) FROM pg_indexes WHERE schemaname = current_schema() AND "
                     "indexname = 'audit_by_clinic_time'"),
            0);
}

}  // namespace
}  // namespace sciaticare::store::testing
