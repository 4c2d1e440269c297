// The SQLite store: the shared contract run on SQLite, plus what only SQLite
// has: its migrations (including an upgrade from the version 1 schema),
// durability through kill -9, and use from several threads and connections.
// The database-level guards are in sqlite_append_only_test.cc.
#include "store/sqlite_store.h"

#include <SQLiteCpp/SQLiteCpp.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <thread>

#include "store/migrations.h"
#include "store/sqlite_store_test_fixture.h"
#include "store/store_contract.h"

namespace sciaticare::store::testing {
namespace {

StoreResult<std::unique_ptr<Store>> OpenSqlite(const std::filesystem::path& dir) {
  auto opened = SqliteStore::Open(dir / "clinic.db");
  if (!opened) return opened.error();
  return std::unique_ptr<Store>(std::move(opened).value());
}

INSTANTIATE_TEST_SUITE_P(Sqlite, StoreContractTest,
                         ::testing::Values(StoreBackend{"Sqlite", OpenSqlite}), BackendName);

using ::testing::HasSubstr;

TEST_F(SqliteStoreTest, JournalIsWriteAheadLog) {
  Open();
  SQLite::Database db(Path(), SQLite::OPEN_READONLY);
  EXPECT_EQ(db.execAndGet("PRAGMA journal_mode").getString(), "wal");
}

TEST_F(SqliteStoreTest, AcknowledgedWritesSurviveKillMinus9) {
  ASSERT_NO_THROW(Open());  // Create and migrate before forking.
  pid_t child = fork();
  ASSERT_NE(child, -1);
  if (child == 0) {
    // The child writes, then dies without closing anything.
    auto store = SqliteStore::Open(Path());
    if (!store) _exit(1);
    auto clinic = store.value()->CreateClinic({0, "Survivor"});
    if (!clinic) _exit(1);
    for (int i = 0; i < 20; ++i) {
      Patient p;
      p.clinic_id = clinic.value().id;
      p.family_name = "P" + std::to_string(i);
      p.created_at = kT0;
      if (!store.value()->CreatePatient(p)) _exit(1);
    }
    raise(SIGKILL);
    _exit(2);
  }
  int status = 0;
  ASSERT_EQ(waitpid(child, &status, 0), child);
  ASSERT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL) << "child failed: " << status;

  auto store = Open();
  Clinic clinic = Must(store->GetClinic(1));
  EXPECT_EQ(clinic.name, "Survivor");
  EXPECT_EQ(Must(store->ListPatients(clinic.id, {})).total, 20);
}

TEST_F(SqliteStoreTest, TwoThreadsShareOneStore) {
  auto store = Open();
  Id clinic = Must(store->CreateClinic({0, "A"})).id;
  auto work = [&](const std::string& who) {
    for (int i = 0; i < 100; ++i) {
      Patient p;
      p.clinic_id = clinic;
      p.family_name = who + std::to_string(i);
      p.created_at = kT0;
      Must(store->CreatePatient(p));
      Must(
          store->AppendAudit({0, clinic, kT0, std::nullopt, "create", "patient", "", {}, "", who}));
    }
  };
  std::thread first([&] { work("first"); });
  std::thread second([&] { work("second"); });
  first.join();
  second.join();
  EXPECT_EQ(Must(store->ListPatients(clinic, {})).total, 200);
  EXPECT_EQ(Must(store->ListAudit(clinic, {})).total, 200);
}

TEST_F(SqliteStoreTest, TwoConnectionsShareOneFile) {
  auto one = Open();
  auto two = Open();
  Id clinic = Must(one->CreateClinic({0, "A"})).id;
  Patient p;
  p.clinic_id = clinic;
  p.family_name = "Shared";
  p.created_at = kT0;
  p = Must(two->CreatePatient(p));
  User desk =
      Must(one->CreateUser({0, clinic, "desk@a.example", "Desk", Role::kFrontDesk, "h", {}, true}));
  p.notes = "edited through one";
  Must(one->UpdatePatient(p, 1, {desk.id, kT0, ""}));
  // The other connection's stale copy is refused.
  p.notes = "edited through two";
  EXPECT_EQ(Outcome(two->UpdatePatient(p, 1, {desk.id, kT0, ""})), "conflict");
  EXPECT_EQ(Must(two->GetPatient(clinic, p.id)).notes, "edited through one");
}

TEST_F(SqliteStoreTest, UnopenablePathIsAnError) {
  auto opened = SqliteStore::Open((dir_.path() / "missing-dir" / "clinic.db").string());
  EXPECT_EQ(Outcome(opened), "internal");
}

TEST_F(SqliteMigrationTest, VersionsAreConsecutive) {
  int expected = 1;
  for (const Migration& m : SqliteMigrations()) {
    EXPECT_EQ(m.version, expected++);
    EXPECT_FALSE(m.name.empty());
  }
  EXPECT_EQ(LatestSchemaVersion(), expected - 1);
  EXPECT_EQ(LatestSchemaVersion(), 21);
}

TEST_F(SqliteMigrationTest, NewDatabaseGetsEveryMigrationOnce) {
  Open();
  Open();  // A second open applies nothing again.
  SQLite::Database db(Path(), SQLite::OPEN_READONLY);
  EXPECT_EQ(Must(SchemaVersion(db)), LatestSchemaVersion());
  EXPECT_EQ(Count(db, "SELECT COUNT(*) FROM schema_version"), LatestSchemaVersion());
  EXPECT_TRUE(IndexExists(db, "audit_by_clinic_time"));
  EXPECT_TRUE(IndexExists(db, "patients_by_name"));
}

TEST_F(SqliteMigrationTest, UpgradeFromVersion1KeepsData) {
  {
    // A database as the version 1 program left it, with records in it.
    SQLite::Database db(Path(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    db.exec("PRAGMA foreign_keys = ON");
    EXPECT_EQ(Must(Migrate(db, 1)), 1);
    EXPECT_FALSE(IndexExists(db, "audit_by_clinic_time"));
    db.exec(R"sql(
      INSERT INTO clinics (id, name) VALUES (1, 'Old Clinic');
      INSERT INTO patients (id, clinic_id, given_name, family_name, date_of_birth, sex, email,
                            phone, notes, version, created_at, updated_at)
        VALUES (7, 1, 'Ana', 'Silva', '1979-04-30', 'female', '', '', 'kept', 3,
                '2025-01-01T00:00:00Z', '2025-02-01T00:00:00Z');
      INSERT INTO users (id, clinic_id, email, display_name, role, password_hash, patient_id, active)
        VALUES (3, 1, 'thera@old.example', 'T', 'therapist', 'h', NULL, 1);
      INSERT INTO audit (clinic_id, at, user_id, action, entity, entity_id, patient_id,
                         remote_addr, detail)
        VALUES (1, '2025-02-01T00:00:00Z', 3, 'update', 'patient', '7', 7, '::1', '');
      INSERT INTO session_notes (id, clinic_id, patient_id, therapist_id, occurred_at, subjective,
                                 objective, assessment, plan_text, techniques_json, oils_used,
                                 adverse_events_json, version, created_at)
        VALUES (5, 1, 7, 3, '2025-02-01T00:00:00Z', 'old note', '', '', '', '[]', 0, '[]', 1,
                '2025-02-01T00:00:00Z');
    )sql");
  }
  auto store = Open();
  Patient p = Must(store->GetPatient(1, 7));
  EXPECT_EQ(p.family_name, "Silva");
  EXPECT_EQ(p.notes, "kept");
  EXPECT_EQ(p.version, 3);
  EXPECT_EQ(Must(store->FindUserByEmail("thera@old.example")).id, 3);
  EXPECT_EQ(Must(store->ListAudit(1, {})).total, 1);
  // A note from before version 3 recorded no deviations.
  SessionNote old_note = Must(store->GetSessionNote(1, 5));
  EXPECT_EQ(old_note.subjective, "old note");
  EXPECT_EQ(old_note.deviations_json, "");
  // And the upgraded database takes new records.
  p.notes = "after upgrade";
  EXPECT_EQ(Must(store->UpdatePatient(p, 3, {3, kT0, ""})).version, 4);
  store.reset();

  SQLite::Database db(Path(), SQLite::OPEN_READONLY);
  EXPECT_EQ(Must(SchemaVersion(db)), LatestSchemaVersion());
  EXPECT_TRUE(IndexExists(db, "audit_by_clinic_time"));
  EXPECT_TRUE(IndexExists(db, "audit_by_patient_time"));
  EXPECT_TRUE(IndexExists(db, "patients_by_name"));
}

TEST_F(SqliteMigrationTest, UpgradeFromVersion2KeepsAppointmentsAndTakesTheNewStatuses) {
  {
    SQLite::Database db(Path(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    db.exec("PRAGMA foreign_keys = ON");
    EXPECT_EQ(Must(Migrate(db, 2)), 2);
    db.exec(R"sql(
      INSERT INTO clinics (id, name) VALUES (1, 'Old Clinic');
      INSERT INTO patients (id, clinic_id, given_name, family_name, date_of_birth, sex, email,
                            phone, notes, version, created_at, updated_at)
        VALUES (7, 1, 'Ana', 'Silva', '1979-04-30', 'female', '', '', '', 1,
                '2025-01-01T00:00:00Z', '2025-01-01T00:00:00Z');
      INSERT INTO users (id, clinic_id, email, display_name, role, password_hash, patient_id, active)
        VALUES (3, 1, 'thera@old.example', 'T', 'therapist', 'h', NULL, 1);
      INSERT INTO appointments (id, clinic_id, patient_id, therapist_id, starts_at, minutes, status,
                                plan_id, note, version)
        VALUES (11, 1, 7, 3, '2025-03-01T09:00:00Z', 60, 'booked', NULL, 'kept', 2),
               (12, 1, 7, 3, '2025-03-08T09:00:00Z', 60, 'booked', NULL, '', 1);
    )sql");
    EXPECT_THROW(db.exec("UPDATE appointments SET status = 'arrived' WHERE id = 11"),
                 SQLite::Exception);
  }
  auto store = Open();
  Appointment kept = Must(store->GetAppointment(1, 11));
  EXPECT_EQ(kept.note, "kept");
  EXPECT_EQ(kept.version, 2);
  EXPECT_EQ(Must(store->UpdateAppointmentStatus(1, 11, AppointmentStatus::kArrived, 2)).status,
            AppointmentStatus::kArrived);
  EXPECT_EQ(Must(store->UpdateAppointmentStatus(1, 12, AppointmentStatus::kNoShow, 1)).status,
            AppointmentStatus::kNoShow);
  EXPECT_EQ(Must(store->ListAppointments(1, "2025-03-01T00:00:00Z", "2025-04-01T00:00:00Z")).size(),
            2u);
  store.reset();
  SQLite::Database db(Path(), SQLite::OPEN_READONLY);
  EXPECT_TRUE(IndexExists(db, "appointments_by_day"));
  EXPECT_TRUE(IndexExists(db, "appointments_by_patient"));
  EXPECT_EQ(Count(db, "SELECT COUNT(*) FROM sqlite_master WHERE name = 'appointments_v3'"), 0);
}

// Version 5 adds the kept answers of Idempotency-Keys; a version 4 file keeps
// its records and then keeps answers, once per user and key.
TEST_F(SqliteMigrationTest, UpgradeFromVersion4KeepsDataAndKeepsAnswers) {
  {
    SQLite::Database db(Path(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    db.exec("PRAGMA foreign_keys = ON");
    EXPECT_EQ(Must(Migrate(db, 4)), 4);
    EXPECT_FALSE(db.tableExists("idempotency_keys"));
    db.exec(R"sql(
      INSERT INTO clinics (id, name) VALUES (1, 'Old Clinic');
      INSERT INTO users (id, clinic_id, email, display_name, role, password_hash, patient_id, active)
        VALUES (3, 1, 'thera@old.example', 'T', 'therapist', 'h', NULL, 1);
      INSERT INTO patients (id, clinic_id, given_name, family_name, date_of_birth, sex, email,
                            phone, notes, version, created_at, updated_at)
        VALUES (7, 1, 'Ana', 'Silva', '1979-04-30', 'female', '', '', 'kept', 2,
                '2025-01-01T00:00:00Z', '2025-01-01T00:00:00Z');
    )sql");
  }
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
  store.reset();
  SQLite::Database db(Path(), SQLite::OPEN_READONLY);
  EXPECT_EQ(Must(SchemaVersion(db)), LatestSchemaVersion());
  EXPECT_TRUE(IndexExists(db, "idempotency_keys_by_age"));
}

TEST_F(SqliteMigrationTest, UpgradeToVersion6KeepsSessionsAndAddsLoginAttempts) {
  {
    SQLite::Database db(Path(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    db.exec("PRAGMA foreign_keys = ON");
    EXPECT_EQ(Must(Migrate(db, 4)), 4);
    db.exec(R"sql(
      INSERT INTO clinics (id, name) VALUES (1, 'Old Clinic');
      INSERT INTO users (id, clinic_id, email, display_name, role, password_hash, patient_id, active)
        VALUES (3, 1, 'thera@old.example', 'T', 'therapist', 'h', NULL, 1);
      INSERT INTO auth_sessions (token_hash, user_id, clinic_id, csrf_token, created_at, expires_at)
        VALUES ('old-session', 3, 1, 'c', '2025-03-01T09:00:00Z', '2025-03-01T21:00:00Z');
    )sql");
  }
  auto store = Open();
  // A session of before version 6 was last seen, as far as anyone knows, when it began.
  EXPECT_EQ(Must(store->GetAuthSession("old-session", "2025-03-01T10:00:00Z")).session.last_seen_at,
            "2025-03-01T09:00:00Z");
  Must(store->RecordLoginAttempt({"e", "::1", "2025-03-01T10:00:00Z", false},
                                 "2025-03-01T00:00:00Z"));
  EXPECT_EQ(Must(store->CountLoginFailures("e", "::1", "2025-03-01T00:00:00Z")).pair, 1);
  store.reset();
  SQLite::Database db(Path(), SQLite::OPEN_READONLY);
  EXPECT_TRUE(IndexExists(db, "login_attempts_by_pair"));
  EXPECT_TRUE(IndexExists(db, "login_attempts_by_address"));
  EXPECT_TRUE(IndexExists(db, "login_attempts_by_time"));
}

TEST_F(SqliteMigrationTest, UpgradeFromVersion4AddsAppendOnlyReferrals) {
  {
    SQLite::Database db(Path(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    db.exec("PRAGMA foreign_keys = ON");
    EXPECT_EQ(Must(Migrate(db, 4)), 4);
    db.exec(R"sql(
      INSERT INTO clinics (id, name) VALUES (1, 'Old Clinic');
      INSERT INTO patients (id, clinic_id, given_name, family_name, date_of_birth, sex, email,
                            phone, notes, version, created_at, updated_at)
        VALUES (7, 1, 'Ana', 'Silva', '1979-04-30', 'female', '', '', '', 1,
                '2025-01-01T00:00:00Z', '2025-01-01T00:00:00Z');
      INSERT INTO users (id, clinic_id, email, display_name, role, password_hash, patient_id, active)
        VALUES (3, 1, 'thera@old.example', 'T', 'therapist', 'h', NULL, 1);
      INSERT INTO assessments (id, clinic_id, patient_id, kind, intake_json, result_json, triage,
                               knowledge_version, created_by, created_at)
        VALUES (5, 1, 7, 'intake', '{}', '{}', 'refer_emergency', 'k', 3, '2025-01-02T00:00:00Z');
    )sql");
  }
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
  store.reset();
  SQLite::Database db(Path(), SQLite::OPEN_READWRITE);
  EXPECT_THROW(db.exec("UPDATE referrals SET urgency = 'routine_gp'"), SQLite::Exception);
  EXPECT_THROW(db.exec("DELETE FROM referrals"), SQLite::Exception);
  EXPECT_EQ(Count(db, "SELECT COUNT(*) FROM referrals WHERE urgency = 'emergency'"), 1);
}

TEST_F(SqliteMigrationTest, NewerSchemaIsRefused) {
  Open();
  {
    SQLite::Database db(Path(), SQLite::OPEN_READWRITE);
    db.exec("INSERT INTO schema_version (version, name) VALUES (99, 'from the future')");
  }
  auto opened = SqliteStore::Open(Path());
  ASSERT_EQ(Outcome(opened), "internal");
  EXPECT_NE(opened.error().message.find("newer"), std::string::npos);
}

TEST_F(SqliteMigrationTest, FailedMigrationLeavesThePreviousVersion) {
  {
    SQLite::Database db(Path(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    EXPECT_EQ(Must(Migrate(db, 1)), 1);
    // Something in the way of migration 2 makes it fail halfway.
    db.exec("CREATE TABLE patients_by_name (x)");
  }
  {
    SQLite::Database db(Path(), SQLite::OPEN_READWRITE);
    EXPECT_EQ(Outcome(Migrate(db)), "internal");
    EXPECT_EQ(Must(SchemaVersion(db)), 1);
    // Migration 2's first statement was rolled back with the rest.
    EXPECT_FALSE(IndexExists(db, "audit_by_clinic_time"));
  }
}

}  // namespace
}  // namespace sciaticare::store::testing
