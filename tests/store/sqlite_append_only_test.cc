// The SQLite database's own guards against what only its SQL can say: INSERT
// OR REPLACE removes the old row without firing delete triggers, so the
// append-only tables refuse it too. The guards both databases keep are shown
// in append_only_test.cc, on the same records (append_only_records.h).
#include <SQLiteCpp/SQLiteCpp.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "store/append_only_records.h"
#include "store/sqlite_store_test_fixture.h"

namespace sciaticare::store::testing {
namespace {

using ::testing::HasSubstr;

TEST_F(SqliteStoreTest, AuditRefusesInsertOrReplace) {
  SeedAudit(*Open());
  SQLite::Database db(Path(), SQLite::OPEN_READWRITE);
  EXPECT_THAT(RawSqlAnswer(db,
                           "INSERT OR REPLACE INTO audit (id, clinic_id, at, action, entity, "
                           "entity_id, remote_addr, detail) SELECT id, clinic_id, at, 'login', "
                           "entity, entity_id, remote_addr, '' FROM audit"),
              HasSubstr("append-only"));
  EXPECT_EQ(Count(db, "SELECT COUNT(*) FROM audit WHERE action = 'login_failed'"), 1);
}

TEST_F(SqliteStoreTest, KeptPatientVersionsRefuseInsertOrReplace) {
  SeedKeptPatientVersion(*Open());
  SQLite::Database db(Path(), SQLite::OPEN_READWRITE);
  auto refusal = [&](const char* sql) { return RawSqlAnswer(db, sql); };
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
}

TEST_F(SqliteStoreTest, AssessmentsAndCorrectionsRefuseInsertOrReplace) {
  SeedCorrectedAssessment(*Open());
  SQLite::Database db(Path(), SQLite::OPEN_READWRITE);
  auto refusal = [&](const char* sql) { return RawSqlAnswer(db, sql); };
  EXPECT_THAT(refusal("INSERT OR REPLACE INTO assessments SELECT * FROM assessments"),
              HasSubstr("append-only"));
  EXPECT_THAT(refusal("INSERT OR REPLACE INTO assessment_corrections SELECT * FROM "
                      "assessment_corrections"),
              HasSubstr("append-only"));
  EXPECT_EQ(Count(db, "SELECT COUNT(*) FROM assessments"), 2);
  EXPECT_EQ(Count(db, "SELECT COUNT(*) FROM assessment_corrections WHERE reason = 'wrong side'"),
            1);
}

}  // namespace
}  // namespace sciaticare::store::testing
