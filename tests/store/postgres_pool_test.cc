// The PostgreSQL store's pool says whether any call holds a connection, and
// tells its hook each time the last lent connection comes back (the audit
// batch's company, PgAuditLinger). Skipped without a PostgreSQL server
// (SCIATICARE_TEST_PG_URL).
#include <gtest/gtest.h>

#include <optional>

#include "pg_test_database.h"
#include "store/postgres_query.h"

namespace sciaticare::store::testing {
namespace {

TEST(PgPoolTest, SaysWhetherAnyConnectionIsLentAndWhenTheLastComesBack) {
  if (std::string why = sciaticare::testing::PgSkipReason(); !why.empty()) GTEST_SKIP() << why;
  PgPool pool(sciaticare::testing::PgTestDatabase::Instance().NewSchemaUrl(), 2, 5000);
  int all_returned = 0;
  pool.OnAllReturned([&] { ++all_returned; });
  EXPECT_FALSE(pool.AnyLent());
  {
    PgPool::Lease first = pool.Acquire();
    std::optional<PgPool::Lease> second = pool.Acquire();
    EXPECT_TRUE(pool.AnyLent());
    second.reset();
    EXPECT_TRUE(pool.AnyLent());
    EXPECT_EQ(all_returned, 0);
  }
  EXPECT_FALSE(pool.AnyLent());
  EXPECT_EQ(all_returned, 1);
  {
    PgPool::Lease broken = pool.Acquire();  // A discarded one counts as back.
    broken.Discard();
  }
  EXPECT_FALSE(pool.AnyLent());
  EXPECT_EQ(all_returned, 2);
}

}  // namespace
}  // namespace sciaticare::store::testing
