// Upgrades from every released schema version, on SQLite and PostgreSQL. A
// database is migrated to version N only, given a few records of that
// version's shape, then opened by the store, which migrates it to the latest.
// The records must read back through the store, and the upgraded schema must
// equal a fresh database's, compared catalog entry by catalog entry (SQLite's
// sqlite_master; PostgreSQL's columns, constraints, indexes, triggers,
// functions and sequences).
#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>

#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <tuple>

#include <pqxx/pqxx>

#include "pg_test_database.h"
#include "store/migrations.h"
#include "store/postgres_migrations.h"
#include "store/postgres_store.h"
#include "store/sqlite_store.h"
#include "store/store_contract.h"

namespace sciaticare::store::testing {
namespace {

using sciaticare::testing::PgSkipReason;
using sciaticare::testing::PgTestDatabase;

std::string ToLower(std::string text) {
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

// One database engine as the upgrade test needs it. A location is a file
// path for SQLite and a schema URL for PostgreSQL.
class UpgradeBackend {
 public:
  virtual ~UpgradeBackend() = default;
  virtual std::string NewLocation() = 0;
  // Migrates the empty database at `location` to `version`, then runs `sql`.
  virtual void BuildAtVersion(const std::string& location, int version, const std::string& sql) = 0;
  // Opens the store there, which migrates to the latest version.
  virtual std::unique_ptr<Store> OpenStore(const std::string& location) = 0;
  // The schema as the catalog describes it, one sorted line per entry.
  virtual std::string Catalog(const std::string& location) = 0;
};

class SqliteUpgrade : public UpgradeBackend {
 public:
  std::string NewLocation() override {
    return (dir_.path() / ("db" + std::to_string(++files_) + ".sqlite")).string();
  }
  void BuildAtVersion(const std::string& location, int version, const std::string& sql) override {
    SQLite::Database db(location, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    db.exec("PRAGMA foreign_keys = ON");
    ASSERT_EQ(Must(Migrate(db, version)), version);
    db.exec(sql);
  }
  std::unique_ptr<Store> OpenStore(const std::string& location) override {
    return Must(SqliteStore::Open(location));
  }
  std::string Catalog(const std::string& location) override {
    SQLite::Database db(location, SQLite::OPEN_READONLY);
    SQLite::Statement q(db, "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY name");
    std::string out;
    while (q.executeStep()) {
      for (int column = 0; column < 4; ++column) {
        out += q.getColumn(column).getString() + (column < 3 ? "|" : "\n");
      }
    }
    return out;
  }

 private:
  TempDir dir_;
  int files_ = 0;
};

// Every entry of the current schema, with the schema's own name removed so
// two schemas of one database compare equal when their definitions do.
constexpr char kPostgresCatalog[] = R"sql(
SELECT 'column ' || table_name || '.' || column_name || ' #' || ordinal_position || ' ' ||
       data_type || coalesce(' collate ' || collation_name, '') || ' nullable=' || is_nullable ||
       ' identity=' || is_identity || coalesce(' default ' || column_default, '')
  FROM information_schema.columns WHERE table_schema = current_schema()
UNION ALL
SELECT 'constraint ' || conrelid::regclass::text || ' ' || conname || ' ' ||
       pg_get_constraintdef(oid)
  FROM pg_constraint WHERE connamespace = to_regnamespace(current_schema())
UNION ALL
SELECT 'index ' || indexname || ' ' || replace(indexdef, current_schema() || '.', '')
  FROM pg_indexes WHERE schemaname = current_schema()
UNION ALL
SELECT 'trigger ' || t.tgname || ' ' || replace(pg_get_triggerdef(t.oid), current_schema() || '.', '')
  FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
  WHERE NOT t.tgisinternal AND c.relnamespace = to_regnamespace(current_schema())
UNION ALL
SELECT 'function ' || proname || ' ' || prosrc
  FROM pg_proc WHERE pronamespace = to_regnamespace(current_schema())
UNION ALL
SELECT 'sequence ' || sequencename || ' ' || data_type::text || ' ' || start_value || ' ' ||
       increment_by
  FROM pg_sequences WHERE schemaname = current_schema()
ORDER BY 1
)sql";

class PostgresUpgrade : public UpgradeBackend {
 public:
  std::string NewLocation() override { return PgTestDatabase::Instance().NewSchemaUrl(); }
  void BuildAtVersion(const std::string& location, int version, const std::string& sql) override {
    pqxx::connection conn(location);
    ASSERT_EQ(Must(MigratePostgres(conn, version)), version);
    pqxx::work tx(conn);
    tx.exec(sql);
    tx.commit();
  }
  std::unique_ptr<Store> OpenStore(const std::string& location) override {
    return Must(PostgresStore::Open(location));
  }
  std::string Catalog(const std::string& location) override {
    pqxx::connection conn(location);
    pqxx::read_transaction tx(conn);
    std::string out;
    for (const auto& row : tx.exec(kPostgresCatalog)) out += row[0].as<std::string>() + "\n";
    return out;
  }
};

// Records as a version `version` program would have written them, in SQL both
// databases take (a flag as '0'/'1' text is an integer to SQLite and a boolean
// to PostgreSQL). Ids are given so the checks can name them.
std::string RecordsOfVersion(int version) {
  std::string sql = R"sql(
INSERT INTO clinics (id, name) VALUES (1, 'Old Clinic');
INSERT INTO patients (id, clinic_id, given_name, family_name, date_of_birth, sex, email, phone,
                      notes, version, created_at, updated_at)
  VALUES (7, 1, 'Ana', 'Silva', '1979-04-30', 'female', '', '', 'kept', 3,
          '2025-01-01T00:00:00Z', '2025-02-01T00:00:00Z');
INSERT INTO users (id, clinic_id, email, display_name, role, password_hash, patient_id, active)
  VALUES (3, 1, 'thera@old.example', 'T', 'therapist', 'h', NULL, '1');
INSERT INTO audit (clinic_id, at, user_id, action, entity, entity_id, patient_id, remote_addr,
                   detail)
  VALUES (1, '2025-02-01T00:00:00Z', 3, 'update', 'patient', '7', 7, '::1', '');
INSERT INTO assessments (id, clinic_id, patient_id, kind, intake_json, result_json, triage,
                         knowledge_version, created_by, created_at)
  VALUES (5, 1, 7, 'intake', '{}', '{}', 'refer_emergency', 'k', 3, '2025-01-02T00:00:00Z');
INSERT INTO appointments (id, clinic_id, patient_id, therapist_id, starts_at, minutes, status,
                          plan_id, note, version)
  VALUES (11, 1, 7, 3, '2025-03-01T09:00:00Z', 60, 'booked', NULL, 'kept', 2);
)sql";
  // From version 11 a note says who signed it; before, the upgrade does.
  sql += version >= 11 ? R"sql(
INSERT INTO session_notes (id, clinic_id, patient_id, therapist_id, occurred_at, subjective,
                           objective, assessment, plan_text, techniques_json, oils_used,
                           adverse_events_json, version, created_at, status, signed_by, signed_at)
  VALUES (5, 1, 7, 3, '2025-02-01T00:00:00Z', 'old note', '', '', '', '[]', '0', '[]', 1,
          '2025-02-01T00:00:00Z', 'signed', 3, '2025-02-01T00:00:00Z');
)sql"
                       : R"sql(
INSERT INTO session_notes (id, clinic_id, patient_id, therapist_id, occurred_at, subjective,
                           objective, assessment, plan_text, techniques_json, oils_used,
                           adverse_events_json, version, created_at)
  VALUES (5, 1, 7, 3, '2025-02-01T00:00:00Z', 'old note', '', '', '', '[]', '0', '[]', 1,
          '2025-02-01T00:00:00Z');
)sql";
  if (version >= 5) {
    sql += R"sql(
INSERT INTO idempotency_keys (user_id, key, clinic_id, request_hash, status, body, headers_json,
                              created_at)
  VALUES (3, 'kept key', 1, 'h', 201, '{}', '{}', '2025-01-02T00:00:00Z');
)sql";
  }
  if (version >= 7) {
    sql += R"sql(
INSERT INTO referrals (id, clinic_id, patient_id, assessment_id, session_id, urgency, flags_json,
                       findings, opened_by, opened_at)
  VALUES (2, 1, 7, 5, NULL, 'emergency', '[]', 'kept', 3, '2025-01-02T00:00:00Z');
)sql";
  }
  if (version >= 10) {
    sql += R"sql(
INSERT INTO consents (id, clinic_id, patient_id, treatment, areas_json, form, note, recorded_by,
                      recorded_at)
  VALUES (4, 1, 7, '1', '[]', 'verbal', 'kept', 3, '2025-01-02T00:00:00Z');
)sql";
  }
  if (version >= 10) {
    sql += R"sql(
INSERT INTO intake_drafts (clinic_id, patient_id, state_json, updated_by, updated_at)
  VALUES (1, 7, '{"step":2}', 3, '2025-01-02T00:00:00Z');
)sql";
  }
  if (version >= 12) {
    sql += R"sql(
INSERT INTO patient_versions (id, clinic_id, patient_id, version, given_name, family_name,
                              date_of_birth, sex, email, phone, notes, valid_from, changed_by,
                              changed_by_name, changed_at, reason)
  VALUES (1, 1, 7, 2, 'Ana', 'Sylva', '1979-04-30', 'female', '', '', 'kept', '2025-01-01T00:00:00Z',
          3, 'T', '2025-02-01T00:00:00Z', 'spelling');
)sql";
  }
  if (version >= 13) {
    sql +=
        "INSERT INTO clinic_settings (clinic_id, time_zone, version) "
        "VALUES (1, 'Europe/Lisbon', 1);\n";
  }
  if (version >= 17) {
    sql += R"sql(
INSERT INTO rooms (id, clinic_id, name, active, version) VALUES (1, 1, 'Room 1', TRUE, 1);
INSERT INTO appointments (id, clinic_id, patient_id, therapist_id, starts_at, minutes, status,
                          plan_id, note, version, room_id)
  VALUES (12, 1, 7, 3, '2025-03-02T09:00:00Z', 60, 'booked', NULL, 'in a room', 1, 1);
)sql";
  }
  return sql;
}

// The backend of that name; null when PostgreSQL is not configured.
std::unique_ptr<UpgradeBackend> MakeBackend(const std::string& name) {
  if (name == "SQLite") return std::make_unique<SqliteUpgrade>();
  if (!PgSkipReason().empty()) return nullptr;
  return std::make_unique<PostgresUpgrade>();
}

using UpgradeCase = std::tuple<std::string, int>;  // Backend name, version upgraded from.

class SchemaUpgradeTest : public ::testing::TestWithParam<UpgradeCase> {
 protected:
  void SetUp() override {
    backend_ = MakeBackend(std::get<0>(GetParam()));
    if (!backend_) GTEST_SKIP() << PgSkipReason();
  }
  int From() const { return std::get<1>(GetParam()); }

  std::unique_ptr<UpgradeBackend> backend_;
};

TEST_P(SchemaUpgradeTest, RecordsStayReadableAndTheSchemaEqualsAFreshOne) {
  const std::string old_db = backend_->NewLocation();
  backend_->BuildAtVersion(old_db, From(), RecordsOfVersion(From()));
  {
    auto store = backend_->OpenStore(old_db);
    Patient patient = Must(store->GetPatient(1, 7));
    EXPECT_EQ(patient.family_name, "Silva");
    EXPECT_EQ(patient.notes, "kept");
    EXPECT_EQ(patient.version, 3);
    EXPECT_EQ(Must(store->FindUserByEmail("thera@old.example")).id, 3);
    EXPECT_EQ(Must(store->ListAudit(1, {})).total, 1);
    EXPECT_EQ(Must(store->GetAppointment(1, 11)).note, "kept");
    SessionNote note = Must(store->GetSessionNote(1, 5));
    EXPECT_EQ(note.subjective, "old note");
    EXPECT_FALSE(note.oils_used);
    // A note written before notes were signed counts as signed by its author.
    EXPECT_EQ(note.status, "signed");
    EXPECT_EQ(note.signed_by, std::optional<Id>(3));
    EXPECT_EQ(Outcome(store->GetIdempotentAnswer(1, 3, "kept key")),
              From() >= 5 ? "ok" : "not found");
    EXPECT_EQ(Must(store->ListReferrals(1, 7)).size(), From() >= 7 ? 1u : 0u);
    EXPECT_EQ(Outcome(store->GetIntakeDraft(1, 7)), From() >= 10 ? "ok" : "not found");
    auto versions = Must(store->ListPatientVersions(1, 7));
    ASSERT_EQ(versions.size(), From() >= 12 ? 1u : 0u);
    if (!versions.empty()) {
      EXPECT_EQ(versions[0].family_name, "Sylva");
    }
    auto consents = Must(store->ListConsents(1, 7));
    ASSERT_EQ(consents.size(), From() >= 10 ? 1u : 0u);
    if (!consents.empty()) {
      EXPECT_TRUE(consents[0].treatment);
    }
    EXPECT_EQ(Must(store->GetClinicSettings(1)).time_zone, From() >= 13 ? "Europe/Lisbon" : "UTC");
    // An appointment of before rooms has none; rooms of version 17 stay.
    EXPECT_EQ(Must(store->GetAppointment(1, 11)).room_id, std::nullopt);
    EXPECT_EQ(Must(store->ListRooms(1)).size(), From() >= 17 ? 1u : 0u);
    if (From() >= 17) {
      EXPECT_EQ(Must(store->GetAppointment(1, 12)).room_id, std::optional<Id>(1));
    }
  }
  const std::string fresh_db = backend_->NewLocation();
  backend_->OpenStore(fresh_db).reset();
  EXPECT_EQ(backend_->Catalog(old_db), backend_->Catalog(fresh_db));
}

std::string UpgradeCaseName(const ::testing::TestParamInfo<UpgradeCase>& info) {
  return std::get<0>(info.param) + "FromVersion" + std::to_string(std::get<1>(info.param));
}

INSTANTIATE_TEST_SUITE_P(EveryReleasedVersion, SchemaUpgradeTest,
                         ::testing::Combine(::testing::Values("SQLite", "Postgres"),
                                            ::testing::Range(1, LatestSchemaVersion() + 1)),
                         UpgradeCaseName);

// A fresh database's schema, entry by entry, equals the one recorded in
// tests/data/schema/ (taken from the migrations as each database had them
// before the schema was written once), so a shipped migration cannot change
// its effect unseen. A new migration changes the record: rewrite it with
// SCIATICARE_WRITE_SCHEMA_CATALOG=1 and review the diff.
class FreshSchemaTest : public ::testing::TestWithParam<std::string> {};

TEST_P(FreshSchemaTest, EqualsTheRecordedCatalog) {
  auto backend = MakeBackend(GetParam());
  if (!backend) GTEST_SKIP() << PgSkipReason();
  const std::string fresh = backend->NewLocation();
  backend->OpenStore(fresh).reset();
  const std::string catalog = backend->Catalog(fresh);
  const std::filesystem::path recorded = std::filesystem::path(SCIATICARE_SOURCE_DIR) / "tests" /
                                         "data" / "schema" / (ToLower(GetParam()) + "_catalog.txt");
  if (std::getenv("SCIATICARE_WRITE_SCHEMA_CATALOG") != nullptr) {
    std::ofstream(recorded, std::ios::binary) << catalog;
  }
  std::ifstream in(recorded, std::ios::binary);
  ASSERT_TRUE(in) << recorded;
  std::stringstream expected;
  expected << in.rdbuf();
  EXPECT_EQ(catalog, expected.str());
}

INSTANTIATE_TEST_SUITE_P(BothDatabases, FreshSchemaTest, ::testing::Values("SQLite", "Postgres"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace sciaticare::store::testing
