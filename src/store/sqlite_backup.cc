// Backup and restore through SQLite's C API (sqlite3_backup_*), beside the
// SQLiteCpp wrapper the store itself uses.
#include "store/sqlite_backup.h"

#include <fcntl.h>
#include <sqlite3.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <optional>
#include <thread>
#include <utility>

#include "store/sqlite_store.h"

namespace sciaticare::store {
namespace {

namespace fs = std::filesystem;

// One raw connection, closed on destruction.
class Connection {
 public:
  Connection() = default;
  ~Connection() { Close(); }
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  // Opens `path` with `flags`; false with `error` set on failure.
  bool Open(const std::string& path, int flags, int busy_timeout_ms, std::string& error) {
    Close();
    const int rc = sqlite3_open_v2(path.c_str(), &db_, flags, nullptr);
    if (rc != SQLITE_OK) {
      error = db_ ? sqlite3_errmsg(db_) : sqlite3_errstr(rc);
      Close();
      return false;
    }
    sqlite3_busy_timeout(db_, busy_timeout_ms);
    return true;
  }

  // Closes; false with `error` set when SQLite could not (e.g. a failed sync).
  bool Close(std::string* error = nullptr) {
    if (!db_) return true;
    const int rc = sqlite3_close(db_);
    if (rc != SQLITE_OK) {
      if (error) *error = sqlite3_errmsg(db_);
      sqlite3_close_v2(db_);
    }
    db_ = nullptr;
    return rc == SQLITE_OK;
  }

  sqlite3* get() const { return db_; }

  // The first column of the first row of `sql` as text ("" for no row);
  // nullopt on failure, with `error` and `code` set.
  std::optional<std::string> Text(const char* sql, std::string& error, int* code = nullptr) {
    sqlite3_stmt* stmt = nullptr;
    int rc = sqlite3_prepare_v2(db_, sql, -1, &stmt, nullptr);
    std::optional<std::string> out;
    if (rc == SQLITE_OK) {
      rc = sqlite3_step(stmt);
      if (rc == SQLITE_ROW) {
        const unsigned char* text = sqlite3_column_text(stmt, 0);
        out = text ? reinterpret_cast<const char*>(text) : "";
      } else if (rc == SQLITE_DONE) {
        out = "";
      }
    }
    if (!out) {
      error = sqlite3_errmsg(db_);
      if (code) *code = sqlite3_errcode(db_);
    }
    sqlite3_finalize(stmt);
    return out;
  }

 private:
  sqlite3* db_ = nullptr;
};

void RemoveWithSidecars(const std::string& path) {
  std::error_code ignored;
  for (const char* suffix : {"", "-journal", "-wal", "-shm"}) fs::remove(path + suffix, ignored);
}

// A temporary file that is removed (with its journal files) unless kept.
class TempFile {
 public:
  explicit TempFile(std::string path) : path_(std::move(path)) {}
  ~TempFile() {
    if (!kept_ && !path_.empty()) RemoveWithSidecars(path_);
  }
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;
  const std::string& path() const { return path_; }
  void Keep() { kept_ = true; }

 private:
  std::string path_;
  bool kept_ = false;
};

// A new empty file beside `path`, named after it.
std::optional<std::string> CreateTempBeside(const std::string& path, const char* tag) {
  std::string pattern = path + "." + tag + "-XXXXXX";
  const int fd = mkstemp(pattern.data());
  if (fd < 0) return std::nullopt;
  close(fd);
  return pattern;
}

bool SyncPath(const std::string& path, bool directory) {
  const int fd = open(path.c_str(), directory ? (O_RDONLY | O_DIRECTORY) : O_RDONLY);
  if (fd < 0) return false;
  const bool ok = fsync(fd) == 0;
  close(fd);
  return ok;
}

std::string ParentOf(const std::string& path) {
  fs::path parent = fs::path(path).parent_path();
  return parent.empty() ? std::string(".") : parent.string();
}

bool SameFile(const std::string& a, const std::string& b) {
  std::error_code ec;
  return fs::exists(a, ec) && fs::exists(b, ec) && fs::equivalent(a, b, ec);
}

// Copies database `from` into `to` with the backup API, all pages in one step
// (one read transaction on the source: a consistent snapshot). Returns the
// number of pages.
StoreResult<std::int64_t> CopyDatabase(Connection& from, Connection& to, int busy_timeout_ms) {
  sqlite3_backup* backup = sqlite3_backup_init(to.get(), "main", from.get(), "main");
  if (!backup) return Internal(std::string("starting the backup: ") + sqlite3_errmsg(to.get()));
  const auto deadline =
      std::chrono::steady_clock::now() + std::chrono::milliseconds(busy_timeout_ms);
  int rc = SQLITE_OK;
  for (;;) {
    rc = sqlite3_backup_step(backup, -1);
    if (rc == SQLITE_DONE) break;
    if ((rc == SQLITE_BUSY || rc == SQLITE_LOCKED) && std::chrono::steady_clock::now() < deadline) {
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
      continue;
    }
    break;
  }
  const std::int64_t pages = sqlite3_backup_pagecount(backup);
  const int finished = sqlite3_backup_finish(backup);
  if (rc != SQLITE_DONE) return Internal(std::string("copying pages: ") + sqlite3_errstr(rc));
  if (finished != SQLITE_OK) {
    return Internal(std::string("finishing the copy: ") + sqlite3_errmsg(to.get()));
  }
  return pages;
}

// Makes `db` a single self-contained file and checks it: rollback journal
// (no -wal beside it), and SQLite's quick integrity check passes.
std::optional<StoreError> Seal(Connection& db, const char* field) {
  std::string error;
  auto mode = db.Text("PRAGMA journal_mode = DELETE", error);
  if (!mode) return Internal("setting the journal mode: " + error);
  if (*mode != "delete") return Internal("the copy stayed in journal mode " + *mode);
  auto check = db.Text("PRAGMA quick_check", error);
  if (!check) return Invalid(field, "cannot be checked: " + error);
  if (*check != "ok") return Invalid(field, "fails SQLite's integrity check: " + *check);
  return std::nullopt;
}

// Syncs `temp` and renames it to `path`, then syncs the folder so the rename
// itself is durable.
std::optional<StoreError> Install(TempFile& temp, const std::string& path) {
  if (!SyncPath(temp.path(), false)) return Internal("cannot sync " + temp.path());
  std::error_code ec;
  fs::rename(temp.path(), path, ec);
  if (ec) return Internal("cannot rename " + temp.path() + " to " + path + ": " + ec.message());
  temp.Keep();
  if (!SyncPath(ParentOf(path), true)) return Internal("cannot sync the folder of " + path);
  return std::nullopt;
}

}  // namespace

bool SqliteFileHoldsRecords(const std::string& path) {
  std::error_code ec;
  if (!fs::exists(path, ec)) return false;
  if (fs::is_regular_file(path, ec) && fs::file_size(path, ec) == 0 && !ec) return false;
  Connection db;
  std::string error;
  // Read-write (never written) so that closing tidies away the -wal and -shm
  // files a read-only connection would leave behind.
  if (!db.Open(path, SQLITE_OPEN_READWRITE, 1000, error)) return true;
  auto has_clinics = db.Text(
      "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'clinics'", error);
  if (!has_clinics) return true;
  if (*has_clinics == "0") {
    auto objects = db.Text("SELECT count(*) FROM sqlite_master", error);
    return !objects || *objects != "0";
  }
  auto any = db.Text("SELECT EXISTS (SELECT 1 FROM clinics)", error);
  return !any || *any != "0";
}

StoreResult<SqliteBackupStats> BackupSqlite(const std::string& source_path,
                                            const std::string& destination_path,
                                            const SqliteBackupOptions& options) {
  if (source_path.empty()) return Invalid("source", "must name a database file");
  if (destination_path.empty()) return Invalid("destination", "must name a file");
  std::error_code ec;
  if (!fs::is_regular_file(source_path, ec)) {
    return NotFound("source", "no database file at " + source_path);
  }
  if (SameFile(source_path, destination_path)) {
    return Invalid("destination", "is the database itself; choose another file");
  }
  if (!fs::is_directory(ParentOf(destination_path), ec)) {
    return Invalid("destination", "folder " + ParentOf(destination_path) + " does not exist");
  }
  try {
    Connection source;
    std::string error;
    // Read-write without create: a WAL database needs its shared-memory file,
    // and a missing file must not be created.
    if (!source.Open(source_path, SQLITE_OPEN_READWRITE, options.busy_timeout_ms, error)) {
      return Invalid("source", "cannot be opened: " + error);
    }
    if (!source.Text("SELECT count(*) FROM sqlite_master", error)) {
      return Invalid("source", "is not a SQLite database: " + error);
    }
    auto temp_path = CreateTempBeside(destination_path, "partial");
    if (!temp_path) return Internal("cannot create a file beside " + destination_path);
    TempFile temp(*temp_path);
    Connection copy;
    if (!copy.Open(temp.path(), SQLITE_OPEN_READWRITE, options.busy_timeout_ms, error)) {
      return Internal("cannot open " + temp.path() + ": " + error);
    }
    auto pages = CopyDatabase(source, copy, options.busy_timeout_ms);
    if (!pages) return pages.error();
    source.Close();
    if (auto problem = Seal(copy, "source")) return *problem;
    if (!copy.Close(&error)) return Internal("closing the backup: " + error);
    if (auto problem = Install(temp, destination_path)) return *problem;
    SqliteBackupStats stats;
    stats.pages = pages.value();
    stats.bytes = static_cast<std::int64_t>(fs::file_size(destination_path, ec));
    return stats;
  } catch (const std::exception& e) {
    return Internal(std::string("backup: ") + e.what());
  }
}

StoreStatus RestoreSqlite(const std::string& backup_path, const std::string& target_path,
                          const SqliteRestoreOptions& options) {
  if (backup_path.empty()) return Invalid("backup", "must name a backup file");
  if (target_path.empty()) return Invalid("target", "must name a database file");
  std::error_code ec;
  if (!fs::is_regular_file(backup_path, ec)) {
    return NotFound("backup", "no backup file at " + backup_path);
  }
  if (SameFile(backup_path, target_path)) {
    return Invalid("backup", "is the target database itself");
  }
  if (!fs::is_directory(ParentOf(target_path), ec)) {
    return Invalid("target", "folder " + ParentOf(target_path) + " does not exist");
  }
  if (!options.force && SqliteFileHoldsRecords(target_path)) {
    return Conflict("target",
                    target_path + " already holds records; force the restore to replace it");
  }
  try {
    std::string error;
    Connection backup;
    if (!backup.Open(backup_path, SQLITE_OPEN_READONLY, options.busy_timeout_ms, error)) {
      return Invalid("backup", "cannot be opened: " + error);
    }
    auto tables = backup.Text(
        "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'",
        error);
    if (!tables) return Invalid("backup", "is not a SQLite database: " + error);
    if (*tables != "1") return Invalid("backup", "is not a Sciaticare database");

    auto temp_path = CreateTempBeside(target_path, "restore");
    if (!temp_path) return Internal("cannot create a file beside " + target_path);
    TempFile temp(*temp_path);
    {
      Connection copy;
      if (!copy.Open(temp.path(), SQLITE_OPEN_READWRITE, options.busy_timeout_ms, error)) {
        return Internal("cannot open " + temp.path() + ": " + error);
      }
      auto pages = CopyDatabase(backup, copy, options.busy_timeout_ms);
      if (!pages) return pages.error();
      backup.Close();
      if (auto problem = Seal(copy, "backup")) return *problem;
      if (!copy.Close(&error)) return Internal("closing the copy: " + error);
    }
    {
      // The server must be able to open it: schema migrated to this version.
      auto opened = SqliteStore::Open(temp.path());
      if (!opened) {
        return Invalid("backup",
                       "does not open as a Sciaticare database: " + opened.error().ToString());
      }
    }
    {
      Connection copy;
      if (!copy.Open(temp.path(), SQLITE_OPEN_READWRITE, options.busy_timeout_ms, error)) {
        return Internal("cannot reopen " + temp.path() + ": " + error);
      }
      // A restore ends every login: the backup may hold sessions that were
      // logged out (or stolen and revoked) after it was taken.
      if (!copy.Text("DELETE FROM auth_sessions", error)) {
        return Internal("ending the backup's login sessions: " + error);
      }
      if (auto problem = Seal(copy, "backup")) return *problem;
      if (!copy.Close(&error)) return Internal("closing the copy: " + error);
    }

    if (fs::exists(target_path, ec)) {
      // Leaving WAL mode needs the only connection: it fails while a server
      // has the database open, and it folds the old -wal into the old file so
      // no stale log is left to be replayed onto the restored one.
      Connection old;
      if (old.Open(target_path, SQLITE_OPEN_READWRITE, 200, error)) {
        int code = SQLITE_OK;
        auto mode = old.Text("PRAGMA journal_mode = DELETE", error, &code);
        if (!mode && code != SQLITE_NOTADB && code != SQLITE_CORRUPT) {
          return Conflict("target", target_path + " is in use (" + error +
                                        "); stop the server before restoring");
        }
        if (mode && *mode != "delete") {
          return Conflict("target",
                          target_path + " is open in another process; stop the server first");
        }
        old.Close();
      }
    }
    for (const char* suffix : {"-journal", "-wal", "-shm"}) fs::remove(target_path + suffix, ec);
    if (auto problem = Install(temp, target_path)) return *problem;
    return Done{};
  } catch (const std::exception& e) {
    return Internal(std::string("restore: ") + e.what());
  }
}

}  // namespace sciaticare::store
