#include "cli/backup_command.h"

#include <ostream>

#include "cli/plan_command.h"
#include "store/sqlite_backup.h"

namespace sciaticare {
namespace {

// The file of a sqlite:PATH URL; empty with `error` set otherwise.
std::string SqlitePath(const std::string& url, std::string& error) {
  if (url.rfind("sqlite:", 0) != 0) {
    error = "--db: backup and restore work on sqlite:PATH databases only";
    return "";
  }
  std::string path = url.substr(7);
  if (path.empty()) error = "--db: sqlite: needs a file path, e.g. sqlite:clinic.db";
  return path;
}

int Fail(const store::StoreError& e, const std::string& flag_of_field, std::ostream& err) {
  err << "error: ";
  if (!flag_of_field.empty()) err << flag_of_field << ": ";
  err << e.message << "\n";
  return e.kind == store::StoreErrorKind::kInternal ? 1 : kExitInvalid;
}

}  // namespace

int RunBackupCommand(const std::string& db_url, const std::string& to, std::ostream& out,
                     std::ostream& err) {
  std::string error;
  const std::string path = SqlitePath(db_url, error);
  if (!error.empty()) {
    err << "error: " << error << "\n";
    return kExitInvalid;
  }
  auto done = store::BackupSqlite(path, to);
  if (!done) {
    const std::string& field = done.error().field;
    return Fail(done.error(),
                field == "source"        ? "--db"
                : field == "destination" ? "--to"
                                         : "",
                err);
  }
  out << "backed up " << db_url << " to " << to << " (" << done.value().pages << " pages, "
      << done.value().bytes << " bytes)\n";
  return 0;
}

int RunRestoreCommand(const std::string& from, const std::string& db_url, bool force,
                      std::ostream& out, std::ostream& err) {
  std::string error;
  const std::string path = SqlitePath(db_url, error);
  if (!error.empty()) {
    err << "error: " << error << "\n";
    return kExitInvalid;
  }
  store::SqliteRestoreOptions options;
  options.force = force;
  auto done = store::RestoreSqlite(from, path, options);
  if (!done) {
    const store::StoreError& e = done.error();
    if (e.kind == store::StoreErrorKind::kConflict && !force &&
        store::SqliteFileHoldsRecords(path)) {
      err << "error: --db: " << path
          << " already holds records; pass --force to replace them with the backup\n";
      return kExitInvalid;
    }
    return Fail(e, e.field == "backup" ? "--from" : e.field == "target" ? "--db" : "", err);
  }
  out << "restored " << from << " into " << db_url << "\n";
  return 0;
}

}  // namespace sciaticare
