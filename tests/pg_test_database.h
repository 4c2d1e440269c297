// PostgreSQL for the test suites. SCIATICARE_TEST_PG_URL names a server role
// that may create databases (scripts/pg-test-cluster.sh starts a throwaway
// cluster and prints one; scripts/test.sh exports it). Each run of the test
// binary creates one database of its own there, hands each test a fresh
// schema in it, and drops the database when the run ends. Without the
// variable, PgSkipReason() says why the PostgreSQL tests are skipped.
#pragma once

#include <map>
#include <mutex>
#include <string>

namespace sciaticare::testing {

// The value of SCIATICARE_TEST_PG_URL, or empty.
std::string PgAdminUrl();

// Empty when a server is configured; otherwise the message to skip with.
std::string PgSkipReason();

// `url` (a libpq URI or key=value string) pointed at database `db`, with
// `search_path` (when not empty) as the session's schema.
std::string PgWithDatabase(const std::string& url, const std::string& db,
                           const std::string& search_path = "");

// The database of this run of the test binary, created on first use and
// dropped when the run ends (a GoogleTest environment does that).
class PgTestDatabase {
 public:
  static PgTestDatabase& Instance();

  // The URL of a new empty schema in the run's database.
  std::string NewSchemaUrl();

  // The URL of the schema kept for `key`, made on first use: a test that
  // opens the same location more than once must see the same records.
  std::string SchemaUrlFor(const std::string& key);

  // The run's database without a schema of its own (for raw SQL that names one).
  std::string DatabaseUrl();

  void Drop();

 private:
  PgTestDatabase() = default;
  void EnsureDatabase();
  std::string CreateSchema();

  std::mutex mu_;
  std::string name_;
  int schemas_ = 0;
  std::map<std::string, std::string> by_key_;
};

}  // namespace sciaticare::testing
