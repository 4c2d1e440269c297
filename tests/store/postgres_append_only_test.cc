// The PostgreSQL database's own guards, shown with raw SQL that bypasses the
// store: the audit trail, signed notes, kept patient versions, time off,
// assessments and their corrections stay as written, and foreign keys refuse
// references across clinics. Skipped without SCIATICARE_TEST_PG_URL.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "store/postgres_store_test_fixture.h"

namespace sciaticare::store::testing {
namespace {

using ::testing::HasSubstr;

// A signed note changes only beside an amendment, and no note or amendment is
// deleted, even by SQL that bypasses the store.
TEST_F(PostgresStoreTest, SignedNotesCannotBeRewrittenEvenWithRawSql) {
  {
    auto store = Open();
    Id clinic = Must(store->CreateClinic({0, "A"})).id;
    Id therapist = Must(store->CreateUser({0, clinic, "t@a.example", "T", Role::kTherapist, "h",
                                           std::nullopt, true}))
                       .id;
    SessionNote n;
    n.clinic_id = clinic;
    n.patient_id = Must(store->CreatePatient(NewPatient(clinic, "Okafor"))).id;
    n.therapist_id = therapist;
    n.occurred_at = n.created_at = kT0;
    n.techniques_json = n.adverse_events_json = "[]";
    n = Must(store->CreateSessionNote(n));
    n = Must(store->SignSessionNote(clinic, n.id, 1, therapist, kT0));
    n.subjective = "amended";
    NoteAmendment why{0, clinic, n.id, 0, "typo", "", "", therapist, "", kT0};
    Must(store->AmendSessionNote(n, n.version, why));
  }
  EXPECT_THAT(RawSql("UPDATE session_notes SET subjective = 'rewritten'"),
              HasSubstr("only by an amendment"));
  EXPECT_THAT(RawSql("UPDATE session_notes SET status = 'draft'"),
              HasSubstr("only by an amendment"));
  EXPECT_THAT(RawSql("DELETE FROM session_notes"), HasSubstr("never deleted"));
  EXPECT_THAT(RawSql("TRUNCATE session_notes CASCADE"),
              ::testing::AnyOf(HasSubstr("never deleted"), HasSubstr("append-only")));
  EXPECT_THAT(RawSql("UPDATE session_note_amendments SET reason = 'x'"), HasSubstr("append-only"));
  EXPECT_THAT(RawSql("DELETE FROM session_note_amendments"), HasSubstr("append-only"));
  EXPECT_EQ(RawCount("SELECT COUNT(*) FROM session_notes WHERE subjective = 'amended'"), 1);
  EXPECT_EQ(RawCount("SELECT COUNT(*) FROM session_note_amendments WHERE reason = 'typo'"), 1);
}

TEST_F(PostgresStoreTest, AuditCannotBeChangedEvenWithRawSql) {
  {
    auto store = Open();
    Id clinic = Must(store->CreateClinic({0, "A"})).id;
    Must(store->AppendAudit(
        {0, clinic, kT0, std::nullopt, "login_failed", "user", "", {}, "::1", "bad password"}));
  }
  EXPECT_THAT(RawSql("UPDATE audit SET action = 'login'"), HasSubstr("append-only"));
  EXPECT_THAT(RawSql("UPDATE audit SET action = 'login' WHERE false"), HasSubstr("append-only"));
  EXPECT_THAT(RawSql("DELETE FROM audit"), HasSubstr("append-only"));
  EXPECT_THAT(RawSql("TRUNCATE audit"), HasSubstr("append-only"));
  EXPECT_THAT(RawSql("INSERT INTO audit SELECT * FROM audit ON CONFLICT (id) DO UPDATE SET "
                     "action = 'login'"),
              HasSubstr("append-only"));
  EXPECT_EQ(RawCount("SELECT COUNT(*) FROM audit WHERE action = 'login_failed'"), 1);
  EXPECT_EQ(RawCount("SELECT COUNT(*) FROM audit"), 1);
  // Appending is still allowed.
  EXPECT_EQ(RawSql("INSERT INTO audit (clinic_id, at, action, entity, entity_id, remote_addr, "
                   "detail) SELECT clinic_id, at, 'read', '', '', '', '' FROM audit"),
            "accepted");
}

TEST_F(PostgresStoreTest, DatabaseRefusesCrossClinicReferences) {
  Id clinic_a, therapist_a, patient_b;
  {
    auto store = Open();
    clinic_a = Must(store->CreateClinic({0, "A"})).id;
    Id clinic_b = Must(store->CreateClinic({0, "B"})).id;
    therapist_a = Must(store->CreateUser({0, clinic_a, "t@a.example", "T", Role::kTherapist, "h",
                                          std::nullopt, true}))
                      .id;
    patient_b = Must(store->CreatePatient(NewPatient(clinic_b, "Okafor"))).id;
  }
  // Bypassing the store, a note in clinic A about clinic B's patient still fails.
  EXPECT_THAT(
      RawSql("INSERT INTO session_notes (clinic_id, patient_id, therapist_id, "
             "occurred_at, subjective, objective, assessment, plan_text, techniques_json, "
             "oils_used, adverse_events_json, version, created_at) VALUES (" +
             std::to_string(clinic_a) + ", " + std::to_string(patient_b) + ", " +
             std::to_string(therapist_a) + ", '', '', '', '', '', '[]', false, '[]', 1, '')"),
      HasSubstr("foreign key"));
}

TEST_F(PostgresStoreTest, TimeOffCannotBeDeletedEvenWithRawSql) {
  {
    auto store = Open();
    Id clinic = Must(store->CreateClinic({0, "A"})).id;
    User t = Must(
        store->CreateUser({0, clinic, "t@a.example", "Thera", Role::kTherapist, "h", {}, true}));
    Must(store->AddTimeOff({0, clinic, t.id, "2030-01-01T00:00:00Z", "2030-01-02T00:00:00Z", "",
                            t.id, kT0, std::nullopt, std::nullopt}));
  }
  EXPECT_THAT(RawSql("DELETE FROM therapist_time_off"), HasSubstr("withdraw it"));
  EXPECT_THAT(RawSql("TRUNCATE therapist_time_off"), HasSubstr("withdraw it"));
  EXPECT_EQ(RawCount("SELECT COUNT(*) FROM therapist_time_off"), 1);
}

TEST_F(PostgresStoreTest, KeptPatientVersionsCannotBeChangedEvenWithRawSql) {
  {
    auto store = Open();
    Id clinic = Must(store->CreateClinic({0, "A"})).id;
    User desk = Must(
        store->CreateUser({0, clinic, "d@a.example", "Desk", Role::kFrontDesk, "h", {}, true}));
    Patient p = Must(store->CreatePatient(NewPatient(clinic, "Kept")));
    p.family_name = "Changed";
    Must(store->UpdatePatient(p, 1, {desk.id, kT0, ""}));
  }
  EXPECT_THAT(RawSql("UPDATE patient_versions SET family_name = 'Forged'"),
              HasSubstr("append-only"));
  EXPECT_THAT(RawSql("DELETE FROM patient_versions"), HasSubstr("append-only"));
  EXPECT_THAT(RawSql("TRUNCATE patient_versions"), HasSubstr("append-only"));
  EXPECT_EQ(RawCount("SELECT COUNT(*) FROM patient_versions WHERE family_name = 'Kept'"), 1);
}

TEST_F(PostgresStoreTest, AssessmentsAndCorrectionsCannotBeChangedEvenWithRawSql) {
  {
    auto store = Open();
    Id clinic = Must(store->CreateClinic({0, "A"})).id;
    User t = Must(store->CreateUser(
        {0, clinic, "t@a.example", "T", Role::kTherapist, "h", std::nullopt, true}));
    Assessment a;
    a.clinic_id = clinic;
    a.patient_id = Must(store->CreatePatient(NewPatient(clinic, "Kept"))).id;
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
  EXPECT_THAT(RawSql("UPDATE assessments SET intake_json = '{}'"), HasSubstr("append-only"));
  EXPECT_THAT(RawSql("DELETE FROM assessments"), HasSubstr("append-only"));
  EXPECT_THAT(RawSql("TRUNCATE assessments CASCADE"),
              ::testing::AnyOf(HasSubstr("never deleted"), HasSubstr("append-only")));
  EXPECT_THAT(RawSql("UPDATE assessment_corrections SET reason = 'x'"), HasSubstr("append-only"));
  EXPECT_THAT(RawSql("DELETE FROM assessment_corrections"), HasSubstr("append-only"));
  EXPECT_THAT(RawSql("TRUNCATE assessment_corrections"), HasSubstr("append-only"));
  EXPECT_EQ(RawCount("SELECT COUNT(*) FROM assessments"), 2);
  EXPECT_EQ(RawCount("SELECT COUNT(*) FROM assessment_corrections WHERE reason = 'wrong side'"), 1);
}

}  // namespace
}  // namespace sciaticare::store::testing
