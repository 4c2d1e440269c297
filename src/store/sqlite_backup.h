// Online backup and restore of a SQLite store file.
//
// Backup uses SQLite's backup API in one step: it reads a consistent snapshot
// of the database inside one read transaction, so a server may keep writing
// (the journal is WAL: a reader never blocks the writer). The backup holds
// every transaction committed before the copy began, and none that commit
// after. It is written to a temporary file beside the destination, checked,
// synced and renamed into place, so the destination is either the previous
// file or a complete new backup, never a partial one. The backup is a single
// self-contained file (rollback journal, no -wal/-shm beside it).
//
// Restore copies a backup to a temporary file beside the target, checks that
// it is an intact Sciaticare database and that SqliteStore::Open migrates it,
// ends every login session it holds (a session logged out after the backup
// must not come back), and renames it over the target. It refuses to replace a database that holds
// records unless `force` is set, and refuses a target another process has
// open (stop the server first).
#pragma once

#include <cstdint>
#include <string>

#include "store/store_result.h"

namespace sciaticare::store {

struct SqliteBackupOptions {
  int busy_timeout_ms = 5000;  // How long to wait for a lock before giving up.
};

struct SqliteBackupStats {
  std::int64_t pages = 0;
  std::int64_t bytes = 0;
};

// Copies the live database at `source_path` to `destination_path` (replaced
// atomically if it exists). Errors: kNotFound (field "source") when there is no
// database there; kInvalid when the source is not a database ("source") or the
// destination is the source itself ("destination"); kInternal for I/O and
// SQLite failures.
StoreResult<SqliteBackupStats> BackupSqlite(const std::string& source_path,
                                            const std::string& destination_path,
                                            const SqliteBackupOptions& options = {});

struct SqliteRestoreOptions {
  bool force = false;  // Replace a target that already holds records.
  int busy_timeout_ms = 5000;
};

// Replaces the database at `target_path` with the backup at `backup_path`.
// Errors: kNotFound ("backup") when the backup is missing; kInvalid ("backup")
// when it is not an intact Sciaticare database; kConflict ("target") when the
// target holds records and `force` is not set, or another process has it
// open; kInternal for I/O and SQLite failures. On any error the target is left
// as it was.
StoreStatus RestoreSqlite(const std::string& backup_path, const std::string& target_path,
                          const SqliteRestoreOptions& options = {});

// True when `path` names a file that holds records: a Sciaticare database with
// at least one clinic, or a non-empty file that is not an empty Sciaticare
// database (another database, or not a database at all).
bool SqliteFileHoldsRecords(const std::string& path);

}  // namespace sciaticare::store
