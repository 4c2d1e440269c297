// How many I/O threads `serve` runs when --threads is not given.
#include <gtest/gtest.h>

#include "cli/serve_command.h"

namespace sciaticare {
namespace {

TEST(ServeThreads, TwoOnSqliteAndTwoPerCoreWithinThePoolOnPostgres) {
  EXPECT_EQ(DefaultServeThreads("sqlite:clinic.db", 2), 2);
  EXPECT_EQ(DefaultServeThreads("sqlite:clinic.db", 16), 2);
  // A thread waits for PostgreSQL's answer: two per core keep the cores busy,
  // at least 4, and never more than the pool's 8 connections.
  const std::string pg = "postgresql://clinic@db.example.invalid/sciaticare";
  EXPECT_EQ(DefaultServeThreads(pg, 0), 4);  // The machine did not say.
  EXPECT_EQ(DefaultServeThreads(pg, 1), 4);
  EXPECT_EQ(DefaultServeThreads(pg, 2), 4);
  EXPECT_EQ(DefaultServeThreads(pg, 3), 6);
  EXPECT_EQ(DefaultServeThreads(pg, 4), 8);
  EXPECT_EQ(DefaultServeThreads(pg, 32), 8);
  EXPECT_EQ(DefaultServeThreads("postgres://clinic@db.example.invalid/sciaticare", 2), 4);
}

}  // namespace
}  // namespace sciaticare
