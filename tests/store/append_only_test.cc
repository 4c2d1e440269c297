// The database's own guards, on SQLite and PostgreSQL alike, shown with raw
// SQL that bypasses the store: the audit trail, signed notes, consents, kept
// patient versions, time off, assessments and their corrections stay as
// written (appending stays allowed), and foreign keys refuse references
// across clinics. What only one database's SQL can say (SQLite's INSERT OR
// REPLACE, PostgreSQL's TRUNCATE) is tried in that database's own suite
// (sqlite_append_only_test.cc, postgres_append_only_test.cc).
#include <SQLiteCpp/SQLiteCpp.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <memory>
#include <string>

#include "store/append_only_records.h"
#include "store/postgres_store_test_fixture.h"
#include "store/sqlite_store_test_fixture.h"

namespace sciaticare::store::testing {
namespace {

using ::testing::HasSubstr;

// One database as these tests need it: a store on a fresh database, and raw
// SQL run past it.
class GuardedDatabase {
 public:
  virtual ~GuardedDatabase() = default;
  virtual std::unique_ptr<Store> Open() = 0;
  // "accepted", or the error the database raised.
  virtual std::string Raw(const std::string& sql) = 0;
  virtual std::int64_t Count(const std::string& sql) = 0;
};

class SqliteDatabase : public GuardedDatabase {
 public:
  std::unique_ptr<Store> Open() override { return Must(SqliteStore::Open(Path())); }
  std::string Raw(const std::string& sql) override {
    SQLite::Database db(Path(), SQLite::OPEN_READWRITE);
    // The store turns it on per connection; a raw connection must too.
    db.exec("PRAGMA foreign_keys = ON");
    return RawSqlAnswer(db, sql.c_str());
  }
  std::int64_t Count(const std::string& sql) override {
    SQLite::Database db(Path(), SQLite::OPEN_READONLY);
    return db.execAndGet(sql).getInt64();
  }

 private:
  std::string Path() const { return dir_.path() / "clinic.db"; }
  TempDir dir_;
};

class PostgresDatabase : public GuardedDatabase {
 public:
  std::unique_ptr<Store> Open() override { return Must(PostgresStore::Open(url_)); }
  std::string Raw(const std::string& sql) override { return PgRawSql(url_, sql); }
  std::int64_t Count(const std::string& sql) override { return PgRawCount(url_, sql); }

 private:
  std::string url_ = PgTestDatabase::Instance().NewSchemaUrl();
};

class AppendOnlyTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    if (GetParam() == "SQLite") {
      db_ = std::make_unique<SqliteDatabase>();
    } else if (std::string why = PgSkipReason(); !why.empty()) {
      GTEST_SKIP() << why;
    } else {
      db_ = std::make_unique<PostgresDatabase>();
    }
  }
  // Writes records through a store, closed again before raw SQL runs.
  template <typename Seed>
  auto Seeded(Seed seed) {
    auto store = db_->Open();
    return seed(*store);
  }
  std::string Raw(const std::string& sql) { return db_->Raw(sql); }
  std::int64_t Count(const std::string& sql) { return db_->Count(sql); }

  std::unique_ptr<GuardedDatabase> db_;
};

std::string Lowercase(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

TEST_P(AppendOnlyTest, AuditCannotBeChangedEvenWithRawSql) {
  Seeded(SeedAudit);
  EXPECT_THAT(Raw("UPDATE audit SET action = 'login'"), HasSubstr("append-only"));
  EXPECT_THAT(Raw("DELETE FROM audit"), HasSubstr("append-only"));
  // An upsert that would rewrite the row is refused too (SQLite needs the
  // WHERE to read ON CONFLICT after a SELECT).
  EXPECT_THAT(Raw("INSERT INTO audit SELECT * FROM audit WHERE true "
                  "ON CONFLICT (id) DO UPDATE SET action = 'login'"),
              HasSubstr("append-only"));
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit WHERE action = 'login_failed'"), 1);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit"), 1);
  // Appending is still allowed.
  EXPECT_EQ(Raw("INSERT INTO audit (clinic_id, at, action, entity, entity_id, remote_addr, "
                "detail) SELECT clinic_id, at, 'read', '', '', '', '' FROM audit"),
            "accepted");
}

// A signed note changes only beside an amendment, and no note or amendment is
// deleted, even by SQL that bypasses the store.
TEST_P(AppendOnlyTest, SignedNotesCannotBeRewrittenEvenWithRawSql) {
  Seeded(SeedAmendedNote);
  EXPECT_THAT(Raw("UPDATE session_notes SET subjective = 'rewritten'"),
              HasSubstr("only by an amendment"));
  EXPECT_THAT(Raw("UPDATE session_notes SET status = 'draft'"), HasSubstr("only by an amendment"));
  EXPECT_THAT(Raw("DELETE FROM session_notes"), HasSubstr("never deleted"));
  EXPECT_THAT(Raw("UPDATE session_note_amendments SET reason = 'x'"), HasSubstr("append-only"));
  EXPECT_THAT(Raw("DELETE FROM session_note_amendments"), HasSubstr("append-only"));
  EXPECT_EQ(Count("SELECT COUNT(*) FROM session_notes WHERE subjective = 'amended'"), 1);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM session_note_amendments WHERE reason = 'typo'"), 1);
}

TEST_P(AppendOnlyTest, ConsentRecordsCannotBeChangedEvenWithRawSql) {
  Seeded(SeedConsent);
  EXPECT_THAT(Raw("UPDATE consents SET treatment = NOT treatment"), HasSubstr("append-only"));
  EXPECT_THAT(Raw("DELETE FROM consents"), HasSubstr("append-only"));
  EXPECT_EQ(Count("SELECT COUNT(*) FROM consents WHERE treatment"), 1);
}

TEST_P(AppendOnlyTest, KeptPatientVersionsCannotBeChangedEvenWithRawSql) {
  Seeded(SeedKeptPatientVersion);
  EXPECT_THAT(Raw("UPDATE patient_versions SET family_name = 'Forged'"), HasSubstr("append-only"));
  EXPECT_THAT(Raw("DELETE FROM patient_versions"), HasSubstr("append-only"));
  EXPECT_EQ(Count("SELECT COUNT(*) FROM patient_versions WHERE family_name = 'Kept'"), 1);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM patient_versions"), 1);
}

TEST_P(AppendOnlyTest, TimeOffCannotBeDeletedEvenWithRawSql) {
  Seeded(SeedTimeOff);
  EXPECT_THAT(Raw("DELETE FROM therapist_time_off"), HasSubstr("withdraw it"));
  EXPECT_EQ(Count("SELECT COUNT(*) FROM therapist_time_off"), 1);
}

// An assessment is corrected by a new one, never rewritten: assessments and
// their corrections refuse change even from SQL that bypasses the store.
TEST_P(AppendOnlyTest, AssessmentsAndCorrectionsCannotBeChangedEvenWithRawSql) {
  Seeded(SeedCorrectedAssessment);
  EXPECT_THAT(Raw("UPDATE assessments SET intake_json = '{}'"), HasSubstr("append-only"));
  EXPECT_THAT(Raw("DELETE FROM assessments"), HasSubstr("append-only"));
  EXPECT_THAT(Raw("UPDATE assessment_corrections SET reason = 'x'"), HasSubstr("append-only"));
  EXPECT_THAT(Raw("DELETE FROM assessment_corrections"), HasSubstr("append-only"));
  EXPECT_EQ(Count("SELECT COUNT(*) FROM assessments"), 2);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM assessment_corrections WHERE reason = 'wrong side'"), 1);
}

TEST_P(AppendOnlyTest, DatabaseRefusesCrossClinicReferences) {
  const TwoClinics ids = Seeded(SeedTwoClinics);
  // Bypassing the store, a note in clinic A about clinic B's patient still fails.
  const std::string answer =
      Raw("INSERT INTO session_notes (clinic_id, patient_id, therapist_id, occurred_at, "
          "subjective, objective, assessment, plan_text, techniques_json, oils_used, "
          "adverse_events_json, version, created_at) VALUES (" +
          std::to_string(ids.clinic_a) + ", " + std::to_string(ids.patient_b) + ", " +
          std::to_string(ids.therapist_a) + ", '', '', '', '', '', '[]', false, '[]', 1, '')");
  EXPECT_THAT(Lowercase(answer), HasSubstr("foreign key"));
}

INSTANTIATE_TEST_SUITE_P(BothDatabases, AppendOnlyTest, ::testing::Values("SQLite", "Postgres"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace sciaticare::store::testing
