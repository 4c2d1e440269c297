// RunPipelined: prepared statements in one round trip between a prepared
// BEGIN and COMMIT. Their answers come back in order; a failure names its
// SQLSTATE, and the transaction the BEGIN opened is rolled back, so nothing
// before the failure is kept and the connection is idle again. Skipped
// without a PostgreSQL server (SCIATICARE_TEST_PG_URL).
#include "store/postgres/postgres_pipeline.h"

#include <gtest/gtest.h>

#include <pqxx/pqxx>

#include "pg_test_database.h"
#include "store/postgres_query.h"

namespace sciaticare::store::testing {
namespace {

class PgPipelineTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (std::string why = sciaticare::testing::PgSkipReason(); !why.empty()) GTEST_SKIP() << why;
    pool_.emplace(sciaticare::testing::PgTestDatabase::Instance().NewSchemaUrl(), 1, 5000);
    lease_.emplace(pool_->Acquire());
    Exec("CREATE TABLE pipeline_rows (n INTEGER PRIMARY KEY)");
  }

  PgConnection& conn() { return **lease_; }
  PGconn* handle() { return conn().raw().handle(); }
  const std::string& Prepared(const std::string& sql) { return conn().PreparedNow(sql); }
  void Exec(const std::string& sql) {
    pqxx::nontransaction tx(conn().raw());
    tx.exec(sql);
  }
  long Count() {
    pqxx::nontransaction tx(conn().raw());
    return tx.exec1("SELECT COUNT(*) FROM pipeline_rows")[0].as<long>();
  }

  std::optional<PgPool> pool_;
  std::optional<PgPool::Lease> lease_;
};

TEST_F(PgPipelineTest, StatementsRunBetweenAPreparedBeginAndCommitInOrder) {
  const std::string& insert = Prepared("INSERT INTO pipeline_rows (n) VALUES ($1) RETURNING n");
  const std::string& count = Prepared("SELECT COUNT(*) FROM pipeline_rows");
  const std::vector<PgResult> results =
      RunPipelined(handle(), Prepared("BEGIN"), {{insert, {"1"}}, {insert, {"2"}}, {count, {}}},
                   Prepared("COMMIT"));
  ASSERT_EQ(results.size(), 3u);
  EXPECT_STREQ(PQgetvalue(results[0].get(), 0, 0), "1");
  EXPECT_STREQ(PQgetvalue(results[1].get(), 0, 0), "2");
  EXPECT_STREQ(PQgetvalue(results[2].get(), 0, 0), "2");  // Sees the rows before it.
  EXPECT_EQ(PQtransactionStatus(handle()), PQTRANS_IDLE);
  EXPECT_EQ(Count(), 2);
}

TEST_F(PgPipelineTest, AFailureRollsBackWhatTheBeginOpenedAndNamesItsState) {
  const std::string& insert = Prepared("INSERT INTO pipeline_rows (n) VALUES ($1) RETURNING n");
  try {
    RunPipelined(handle(), Prepared("BEGIN"), {{insert, {"7"}}, {insert, {"7"}}},
                 Prepared("COMMIT"));
    ADD_FAILURE() << "a duplicate key was stored";
  } catch (const pqxx::sql_error& e) {
    EXPECT_EQ(e.sqlstate(), "23505");  // unique_violation
  }
  EXPECT_EQ(PQtransactionStatus(handle()), PQTRANS_IDLE);
  EXPECT_EQ(Count(), 0);  // The first row went with the rolled-back transaction.
}

}  // namespace
}  // namespace sciaticare::store::testing
