// How many I/O threads `serve` runs when --threads is not given.
#include <gtest/gtest.h>

#include "cli/serve_command.h"

namespace sciaticare {
namespace {

TEST(ServeThreads, OnePerCoreOnSqliteAndOnePerPooledConnectionOnPostgres) {
  EXPECT_EQ(DefaultServeThreads("sqlite:clinic.db"), 2);
  // A thread waits for PostgreSQL's answers: more threads keep the cores busy.
  EXPECT_EQ(DefaultServeThreads("postgresql://clinic@db.example.invalid/sciaticare"), 8);
  EXPECT_EQ(DefaultServeThreads("postgres://clinic@db.example.invalid/sciaticare"), 8);
}

}  // namespace
}  // namespace sciaticare
