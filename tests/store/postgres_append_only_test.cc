// The PostgreSQL database's own guards against what only its SQL can say:
// TRUNCATE empties a table without firing row triggers, so the append-only
// tables refuse it by a statement trigger, and the audit trail refuses even
// an UPDATE that matches no row. The guards both databases keep are shown in
// append_only_test.cc, on the same records (append_only_records.h). Skipped
// without SCIATICARE_TEST_PG_URL.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "store/append_only_records.h"
#include "store/postgres_store_test_fixture.h"

namespace sciaticare::store::testing {
namespace {

using ::testing::AnyOf;
using ::testing::HasSubstr;

TEST_F(PostgresStoreTest, SignedNotesRefuseTruncate) {
  SeedAmendedNote(*Open());
  EXPECT_THAT(RawSql("TRUNCATE session_notes CASCADE"),
              AnyOf(HasSubstr("never deleted"), HasSubstr("append-only")));
  EXPECT_EQ(RawCount("SELECT COUNT(*) FROM session_notes WHERE subjective = 'amended'"), 1);
  EXPECT_EQ(RawCount("SELECT COUNT(*) FROM session_note_amendments WHERE reason = 'typo'"), 1);
}

TEST_F(PostgresStoreTest, AuditRefusesTruncateAndAnUpdateOfNoRow) {
  SeedAudit(*Open());
  EXPECT_THAT(RawSql("UPDATE audit SET action = 'login' WHERE false"), HasSubstr("append-only"));
  EXPECT_THAT(RawSql("TRUNCATE audit"), HasSubstr("append-only"));
  EXPECT_EQ(RawCount("SELECT COUNT(*) FROM audit"), 1);
}

TEST_F(PostgresStoreTest, TimeOffRefusesTruncate) {
  SeedTimeOff(*Open());
  EXPECT_THAT(RawSql("TRUNCATE therapist_time_off"), HasSubstr("withdraw it"));
  EXPECT_EQ(RawCount("SELECT COUNT(*) FROM therapist_time_off"), 1);
}

TEST_F(PostgresStoreTest, KeptPatientVersionsRefuseTruncate) {
  SeedKeptPatientVersion(*Open());
  EXPECT_THAT(RawSql("TRUNCATE patient_versions"), HasSubstr("append-only"));
  EXPECT_EQ(RawCount("SELECT COUNT(*) FROM patient_versions WHERE family_name = 'Kept'"), 1);
}

TEST_F(PostgresStoreTest, AssessmentsAndCorrectionsRefuseTruncate) {
  SeedCorrectedAssessment(*Open());
  EXPECT_THAT(RawSql("TRUNCATE assessments CASCADE"),
              AnyOf(HasSubstr("never deleted"), HasSubstr("append-only")));
  EXPECT_THAT(RawSql("TRUNCATE assessment_corrections"), HasSubstr("append-only"));
  EXPECT_EQ(RawCount("SELECT COUNT(*) FROM assessments"), 2);
  EXPECT_EQ(RawCount("SELECT COUNT(*) FROM assessment_corrections WHERE reason = 'wrong side'"), 1);
}

}  // namespace
}  // namespace sciaticare::store::testing
