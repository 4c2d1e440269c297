// The SQLite database's own guards, shown with raw SQL that bypasses the store:
// the audit trail, signed notes, consents, kept patient versions, time off,
// assessments and their corrections stay as written, and composite foreign keys
// refuse references across clinics.
#include <SQLiteCpp/SQLiteCpp.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "store/sqlite_store_test_fixture.h"

namespace sciaticare::store::testing {
namespace {

using ::testing::HasSubstr;

TEST_F(SqliteStoreTest, AuditCannotBeChangedEvenWithRawSql) {
  {
    auto store = Open();
    Id clinic = Must(store->CreateClinic({0, "A"})).id;
    Must(store->AppendAudit(
        {0, clinic, kT0, std::nullopt, "login_failed", "user", "", {}, "::1", "bad password"}));
  }
  SQLite::Database db(Path(), SQLite::OPEN_READWRITE);
  auto refusal = [&](const char* sql) { return RawSqlAnswer(db, sql); };
  EXPECT_THAT(refusal("UPDATE audit SET action = 'login'"), HasSubstr("append-only"));
  EXPECT_THAT(refusal("DELETE FROM audit"), HasSubstr("append-only"));
  // REPLACE removes the old row without firing delete triggers; it is refused too.
  EXPECT_THAT(refusal("INSERT OR REPLACE INTO audit (id, clinic_id, at, action, entity, "
                      "entity_id, remote_addr, detail) SELECT id, clinic_id, at, 'login', "
                      "entity, entity_id, remote_addr, '' FROM audit"),
              HasSubstr("append-only"));
  EXPECT_THAT(refusal("INSERT INTO audit SELECT * FROM audit WHERE true "
                      "ON CONFLICT (id) DO UPDATE SET action = 'login'"),
              HasSubstr("append-only"));
  EXPECT_EQ(Count(db, "SELECT COUNT(*) FROM audit WHERE action = 'login_failed'"), 1);
  EXPECT_EQ(Count(db, "SELECT COUNT(*) FROM audit"), 1);
}

// A signed note changes only beside an amendment, and no note or amendment is
// deleted, even by SQL that bypasses the store.
TEST_F(SqliteStoreTest, SignedNotesCannotBeRewrittenEvenWithRawSql) {
  {
    auto store = Open();
    Id clinic = Must(store->CreateClinic({0, "A"})).id;
    Id therapist = Must(store->CreateUser({0, clinic, "t@a.example", "T", Role::kTherapist, "h",
                                           std::nullopt, true}))
                       .id;
    Patient p;
    p.clinic_id = clinic;
    p.family_name = "Okafor";
    p.created_at = kT0;
    SessionNote n;
    n.clinic_id = clinic;
    n.patient_id = Must(store->CreatePatient(p)).id;
    n.therapist_id = therapist;
    n.occurred_at = n.created_at = kT0;
    n.techniques_json = n.adverse_events_json = "[]";
    n = Must(store->CreateSessionNote(n));
    n = Must(store->SignSessionNote(clinic, n.id, 1, therapist, kT0));
    n.subjective = "amended";
    NoteAmendment why{0, clinic, n.id, 0, "typo", "", "", therapist, "", kT0};
    Must(store->AmendSessionNote(n, n.version, why));
  }
  SQLite::Database db(Path(), SQLite::OPEN_READWRITE);
  auto refusal = [&](const char* sql) { return RawSqlAnswer(db, sql); };
  EXPECT_THAT(refusal("UPDATE session_notes SET subjective = 'rewritten'"),
              HasSubstr("only by an amendment"));
  EXPECT_THAT(refusal("UPDATE session_notes SET status = 'draft'"),
              HasSubstr("only by an amendment"));
  EXPECT_THAT(refusal("DELETE FROM session_notes"), HasSubstr("never deleted"));
  EXPECT_THAT(refusal("UPDATE session_note_amendments SET reason = 'x'"), HasSubstr("append-only"));
  EXPECT_THAT(refusal("DELETE FROM session_note_amendments"), HasSubstr("append-only"));
  EXPECT_EQ(Count(db, "SELECT COUNT(*) FROM session_notes WHERE subjective = 'amended'"), 1);
  EXPECT_EQ(Count(db, "SELECT COUNT(*) FROM session_note_amendments WHERE reason = 'typo'"), 1);
}

TEST_F(SqliteStoreTest, ConsentRecordsCannotBeChangedEvenWithRawSql) {
  {
    auto store = Open();
    const Id clinic = Must(store->CreateClinic({0, "A"})).id;
    Patient p;
    p.clinic_id = clinic;
    p.given_name = "Ada";
    p.family_name = "Quill";
    p.date_of_birth = "1970-01-01";
    p.sex = "female";
    p.created_at = p.updated_at = kT0;
    p = Must(store->CreatePatient(p));
    User u;
    u.clinic_id = clinic;
    u.email = "t@a.test";
    u.display_name = "T";
    u.role = Role::kTherapist;
    u.password_hash = "h";
    u = Must(store->CreateUser(u));
    ConsentRecord c;
    c.clinic_id = clinic;
    c.patient_id = p.id;
    c.treatment = true;
    c.form = "verbal";
    c.recorded_by = u.id;
    c.recorded_at = kT0;
    Must(store->AppendConsent(c));
  }
  SQLite::Database db(Path(), SQLite::OPEN_READWRITE);
  auto refusal = [&](const char* sql) { return RawSqlAnswer(db, sql); };
  EXPECT_THAT(refusal("UPDATE consents SET treatment = 0"), HasSubstr("append-only"));
  EXPECT_THAT(refusal("DELETE FROM consents"), HasSubstr("append-only"));
  EXPECT_EQ(Count(db, "SELECT COUNT(*) FROM consents WHERE treatment = 1"), 1);
}

TEST_F(SqliteStoreTest, KeptPatientVersionsCannotBeChangedEvenWithRawSql) {
  {
    auto store = Open();
    Id clinic = Must(store->CreateClinic({0, "A"})).id;
    User desk = Must(
        store->CreateUser({0, clinic, "d@a.example", "Desk", Role::kFrontDesk, "h", {}, true}));
    Patient p;
    p.clinic_id = clinic;
    p.family_name = "Kept";
    p.created_at = kT0;
    p = Must(store->CreatePatient(p));
    p.family_name = "Changed";
    Must(store->UpdatePatient(p, 1, {desk.id, kT0, ""}));
  }
  SQLite::Database db(Path(), SQLite::OPEN_READWRITE);
  auto refusal = [&](const char* sql) { return RawSqlAnswer(db, sql); };
  EXPECT_THAT(refusal("UPDATE patient_versions SET family_name = 'Forged'"),
              HasSubstr("append-only"));
  EXPECT_THAT(refusal("DELETE FROM patient_versions"), HasSubstr("append-only"));
  EXPECT_THAT(refusal("INSERT OR REPLACE INTO patient_versions SELECT * FROM patient_versions"),
              HasSubstr("append-only"));
  EXPECT_THAT(refusal("INSERT OR REPLACE INTO patient_versions (clinic_id, patient_id, version, "
                      "given_name, family_name, date_of_birth, sex, email, phone, notes, "
                      "valid_from, changed_by, changed_by_name, changed_at, reason) SELECT "
                      "clinic_id, patient_id, version, given_name, 'Forged', date_of_birth, sex, "
                      "email, phone, notes, valid_from, changed_by, changed_by_name, changed_at, "
                      "reason FROM patient_versions"),
              HasSubstr("append-only"));
  EXPECT_EQ(Count(db, "SELECT COUNT(*) FROM patient_versions WHERE family_name = 'Kept'"), 1);
  EXPECT_EQ(Count(db, "SELECT COUNT(*) FROM patient_versions"), 1);
}

TEST_F(SqliteStoreTest, TimeOffCannotBeDeletedEvenWithRawSql) {
  {
    auto store = Open();
    Id clinic = Must(store->CreateClinic({0, "A"})).id;
    User t = Must(
        store->CreateUser({0, clinic, "t@a.example", "Thera", Role::kTherapist, "h", {}, true}));
    Must(store->AddTimeOff({0, clinic, t.id, "2030-01-01T00:00:00Z", "2030-01-02T00:00:00Z", "",
                            t.id, kT0, std::nullopt, std::nullopt}));
  }
  SQLite::Database db(Path(), SQLite::OPEN_READWRITE);
  EXPECT_THAT(RawSqlAnswer(db, "DELETE FROM therapist_time_off"), HasSubstr("withdraw it"));
  EXPECT_EQ(Count(db, "SELECT COUNT(*) FROM therapist_time_off"), 1);
}

// An assessment is corrected by a new one, never rewritten: assessments and
// their corrections refuse change even from SQL that bypasses the store.
TEST_F(SqliteStoreTest, AssessmentsAndCorrectionsCannotBeChangedEvenWithRawSql) {
  {
    auto store = Open();
    Id clinic = Must(store->CreateClinic({0, "A"})).id;
    User t = Must(store->CreateUser(
        {0, clinic, "t@a.example", "T", Role::kTherapist, "h", std::nullopt, true}));
    Assessment a;
    a.clinic_id = clinic;
    a.patient_id = Must(store->CreatePatient([&] {
                     Patient p;
                     p.clinic_id = clinic;
                     p.family_name = "Kept";
                     p.created_at = kT0;
                     return p;
                   }()))
                       .id;
    a.intake_json = "{}";
    a.result_json = "{}";
    a.triage = "treat";
    a.knowledge_version = "k";
    a.created_by = t.id;
    a.created_at = kT0;
    Assessment original = Must(store->CreateAssessment(a));
    a.intake_json = R"({"corrected":true})";
    Assessment fixed = Must(store->CreateAssessment(a));
    Must(store->RecordAssessmentCorrection(
        {0, clinic, a.patient_id, original.id, fixed.id, "wrong side", t.id, "", kT0}));
  }
  SQLite::Database db(Path(), SQLite::OPEN_READWRITE);
  auto refusal = [&](const char* sql) { return RawSqlAnswer(db, sql); };
  EXPECT_THAT(refusal("UPDATE assessments SET intake_json = '{}'"), HasSubstr("append-only"));
  EXPECT_THAT(refusal("DELETE FROM assessments"), HasSubstr("append-only"));
  EXPECT_THAT(refusal("INSERT OR REPLACE INTO assessments SELECT * FROM assessments"),
              HasSubstr("append-only"));
  EXPECT_THAT(refusal("UPDATE assessment_corrections SET reason = 'x'"), HasSubstr("append-only"));
  EXPECT_THAT(refusal("DELETE FROM assessment_corrections"), HasSubstr("append-only"));
  EXPECT_THAT(refusal("INSERT OR REPLACE INTO assessment_corrections SELECT * FROM "
                      "assessment_corrections"),
              HasSubstr("append-only"));
  EXPECT_EQ(Count(db, "SELECT COUNT(*) FROM assessments"), 2);
  EXPECT_EQ(Count(db, "SELECT COUNT(*) FROM assessment_corrections WHERE reason = 'wrong side'"),
            1);
}

TEST_F(SqliteStoreTest, DatabaseRefusesCrossClinicReferences) {
  Id patient_b;
  Id therapist_a;
  Id clinic_a;
  {
    auto store = Open();
    clinic_a = Must(store->CreateClinic({0, "A"})).id;
    Id clinic_b = Must(store->CreateClinic({0, "B"})).id;
    therapist_a = Must(store->CreateUser({0, clinic_a, "t@a.example", "T", Role::kTherapist, "h",
                                          std::nullopt, true}))
                      .id;
    Patient p;
    p.clinic_id = clinic_b;
    p.family_name = "Okafor";
    p.created_at = kT0;
    patient_b = Must(store->CreatePatient(p)).id;
  }
  // Bypassing the store, a note in clinic A about clinic B's patient still fails.
  SQLite::Database db(Path(), SQLite::OPEN_READWRITE);
  db.exec("PRAGMA foreign_keys = ON");
  SQLite::Statement insert(db,
                           "INSERT INTO session_notes (clinic_id, patient_id, therapist_id, "
                           "occurred_at, subjective, objective, assessment, plan_text, "
                           "techniques_json, oils_used, adverse_events_json, version, created_at) "
                           "VALUES (?, ?, ?, '', '', '', '', '', '[]', 0, '[]', 1, '')");
  insert.bind(1, clinic_a);
  insert.bind(2, patient_b);
  insert.bind(3, therapist_a);
  EXPECT_THROW(insert.exec(), SQLite::Exception);
}

}  // namespace
}  // namespace sciaticare::store::testing
