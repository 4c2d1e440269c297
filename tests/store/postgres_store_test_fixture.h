// The fixture of the PostgreSQL store's own suites (postgres_store_test.cc,
// postgres_append_only_test.cc): a store on a fresh schema of the test
// database (skipped without SCIATICARE_TEST_PG_URL), and raw SQL run past it
// (PgRawSql and PgRawCount, which append_only_test.cc uses for PostgreSQL too).
#pragma once

#include <gtest/gtest.h>

#include <cstdint>
#include <memory>
#include <string>

#include <pqxx/pqxx>

#include "pg_test_database.h"
#include "store/postgres_store.h"
#include "store/store_contract.h"
#include "store/store_contract_values.h"

namespace sciaticare::store::testing {
using sciaticare::testing::PgSkipReason;
using sciaticare::testing::PgTestDatabase;
}  // namespace sciaticare::store::testing

namespace sciaticare::store::testing {

// What the server says to `sql` run past the store on a connection of its
// own at `url`: "accepted", or its error text (a trigger's or a constraint's).
inline std::string PgRawSql(const std::string& url, const std::string& sql) {
  try {
    pqxx::connection conn(url);
    pqxx::work tx(conn);
    tx.exec(sql);
    tx.commit();
    return "accepted";
  } catch (const std::exception& e) {
    return e.what();
  }
}

// The one number `sql` answers, run past the store at `url`.
inline std::int64_t PgRawCount(const std::string& url, const std::string& sql) {
  pqxx::connection conn(url);
  pqxx::nontransaction tx(conn);
  return tx.exec(sql)[0][0].as<std::int64_t>();
}

class PostgresStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (std::string why = PgSkipReason(); !why.empty()) GTEST_SKIP() << why;
    url_ = PgTestDatabase::Instance().NewSchemaUrl();
  }

  std::unique_ptr<PostgresStore> Open(PostgresStore::Options options = {}) {
    return Must(PostgresStore::Open(url_, options));
  }
  std::unique_ptr<PostgresStore> OpenAs(const std::string& application,
                                        PostgresStore::Options options = {}) {
    return Must(PostgresStore::Open(url_ + "&application_name=" + application, options));
  }

  std::string RawSql(const std::string& sql) { return PgRawSql(url_, sql); }
  std::int64_t RawCount(const std::string& sql) { return PgRawCount(url_, sql); }

  static Patient NewPatient(Id clinic, const std::string& family) {
    Patient p;
    p.clinic_id = clinic;
    p.family_name = family;
    p.created_at = kT0;
    return p;
  }

  std::string url_;
};

using PostgresMigrationTest = PostgresStoreTest;

}  // namespace sciaticare::store::testing
