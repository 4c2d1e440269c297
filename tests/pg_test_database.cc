#include "pg_test_database.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <thread>

#include <pqxx/pqxx>

namespace sciaticare::testing {
namespace {

constexpr char kUrlVariable[] = "SCIATICARE_TEST_PG_URL";

bool IsUri(const std::string& url) {
  return url.rfind("postgresql://", 0) == 0 || url.rfind("postgres://", 0) == 0;
}

class PgTestEnvironment : public ::testing::Environment {
 public:
  // scripts/test.sh (and so CI) sets SCIATICARE_TEST_PG_REQUIRED: there a
  // missing server is a failure, never a quiet skip of the PostgreSQL half.
  void SetUp() override {
    const char* required = std::getenv("SCIATICARE_TEST_PG_REQUIRED");
    if (required != nullptr && std::string(required) == "1" && PgAdminUrl().empty()) {
      FAIL() << "SCIATICARE_TEST_PG_REQUIRED=1 but " << kUrlVariable << " is not set";
    }
  }
  void TearDown() override { PgTestDatabase::Instance().Drop(); }
};

[[maybe_unused]] ::testing::Environment* const kPgEnvironment =
    ::testing::AddGlobalTestEnvironment(new PgTestEnvironment);

}  // namespace

std::string PgAdminUrl() {
  const char* url = std::getenv(kUrlVariable);
  return url == nullptr ? "" : url;
}

std::string PgSkipReason() {
  if (!PgAdminUrl().empty()) return "";
  return std::string(kUrlVariable) +
         " is not set: no PostgreSQL server to test against (scripts/test.sh starts one; or "
         "run scripts/pg-test-cluster.sh start DIR and export the URL it prints)";
}

std::string PgWithDatabase(const std::string& url, const std::string& db,
                           const std::string& search_path) {
  if (!IsUri(url)) {
    std::string out = url + " dbname=" + db;
    if (!search_path.empty()) out += " options='-c search_path=" + search_path + "'";
    return out;
  }
  std::size_t authority = url.find("://") + 3;
  std::size_t query = url.find('?', authority);
  std::string params = query == std::string::npos ? "" : url.substr(query);
  std::string base = url.substr(0, query);
  std::string out = base.substr(0, base.find('/', authority)) + "/" + db;
  if (!search_path.empty()) {
    params +=
        (params.empty() ? "?" : "&") + std::string("options=-c%20search_path%3D") + search_path;
  }
  return out + params;
}

PgTestDatabase& PgTestDatabase::Instance() {
  static PgTestDatabase db;
  return db;
}

std::string PgTestDatabase::NewSchemaUrl() {
  std::lock_guard lock(mu_);
  return CreateSchema();
}

std::string PgTestDatabase::SchemaUrlFor(const std::string& key) {
  std::lock_guard lock(mu_);
  auto& url = by_key_[key];
  if (url.empty()) url = CreateSchema();
  return url;
}

std::string PgTestDatabase::DatabaseUrl() {
  std::lock_guard lock(mu_);
  EnsureDatabase();
  return PgWithDatabase(PgAdminUrl(), name_);
}

void PgTestDatabase::Drop() {
  std::lock_guard lock(mu_);
  if (name_.empty()) return;
  // FORCE ends connections a failed test may have left open, but fails
  // while an autovacuum worker (not ours to signal) is in the database;
  // a plain DROP waits for that worker to leave. So take turns.
  for (int attempt = 1;; ++attempt) {
    try {
      pqxx::connection admin(PgAdminUrl());
      pqxx::nontransaction tx(admin);
      tx.exec("DROP DATABASE IF EXISTS " + tx.quote_name(name_) +
              (attempt % 2 == 1 ? " WITH (FORCE)" : ""));
      break;
    } catch (const std::exception& e) {
      if (attempt < 6) {
        std::this_thread::sleep_for(std::chrono::milliseconds(200));
        continue;
      }
      std::fprintf(stderr, "could not drop the test database %s: %s\n", name_.c_str(), e.what());
      break;
    }
  }
  name_.clear();
  by_key_.clear();
}

void PgTestDatabase::EnsureDatabase() {
  if (!name_.empty()) return;
  std::random_device random;
  std::string name =
      "sciaticare_test_" + std::to_string(getpid()) + "_" + std::to_string(random() % 1000000);
  pqxx::connection admin(PgAdminUrl());
  pqxx::nontransaction tx(admin);
  // template0: the run must not depend on what someone put in template1.
  tx.exec("CREATE DATABASE " + tx.quote_name(name) + " TEMPLATE template0 ENCODING 'UTF8'");
  name_ = name;
}

std::string PgTestDatabase::CreateSchema() {
  EnsureDatabase();
  std::string schema = "test_" + std::to_string(++schemas_);
  pqxx::connection conn(PgWithDatabase(PgAdminUrl(), name_));
  pqxx::nontransaction tx(conn);
  tx.exec("CREATE SCHEMA " + schema);
  return PgWithDatabase(PgAdminUrl(), name_, schema);
}

}  // namespace sciaticare::testing
