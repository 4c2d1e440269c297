// The checkpointer copies the write-ahead log into the database file on its
// own thread once the log passes its threshold, so no commit does it.
#include "store/sqlite_checkpointer.h"

#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <thread>

#include "store/store_contract.h"

namespace sciaticare::store::testing {
namespace {

TEST(WalCheckpointerTest, TheLogIsCopiedOnItsOwnThreadPastTheThreshold) {
  TempDir dir;
  const std::string path = (dir.path() / "c.db").string();
  SQLite::Database writer(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
  writer.exec("PRAGMA journal_mode = WAL");
  writer.exec("CREATE TABLE t (v BLOB NOT NULL)");
  WalCheckpointer checkpointer(path, writer.getHandle(), /*threshold_pages=*/20);

  // Below the threshold nothing is copied: the database file holds only the
  // schema, the row is in the log.
  writer.exec("INSERT INTO t VALUES (zeroblob(8000))");
  std::this_thread::sleep_for(std::chrono::milliseconds(50));
  EXPECT_EQ(checkpointer.checkpoints(), 0u);
  const auto schema_only = std::filesystem::file_size(path);

  for (int i = 0; i < 30; ++i) writer.exec("INSERT INTO t VALUES (zeroblob(8000))");
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  while (checkpointer.checkpoints() == 0 && std::chrono::steady_clock::now() < deadline)
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  ASSERT_GT(checkpointer.checkpoints(), 0u);
  // At least the threshold's worth of pages went into the database file.
  EXPECT_GE(std::filesystem::file_size(path), schema_only + std::uintmax_t{20} * 4096);
  SQLite::Database reader(path, SQLite::OPEN_READONLY);
  EXPECT_EQ(reader.execAndGet("SELECT COUNT(*) FROM t").getInt(), 31);
}

}  // namespace
}  // namespace sciaticare::store::testing
