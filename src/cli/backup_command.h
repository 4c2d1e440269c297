// `sciaticare backup` and `sciaticare restore`: online backup of a SQLite
// database while the server runs, and restore into a stopped one
// (store/sqlite_backup.h does the work).
#pragma once

#include <iosfwd>
#include <string>

namespace sciaticare {

// Exit codes: 0 done; 2 bad input (not sqlite:PATH, missing file, a target
// that holds records without --force, a target in use); 1 an I/O or database
// failure. Messages on `err` name the flag at fault.
int RunBackupCommand(const std::string& db_url, const std::string& to, std::ostream& out,
                     std::ostream& err);
int RunRestoreCommand(const std::string& from, const std::string& db_url, bool force,
                      std::ostream& out, std::ostream& err);

}  // namespace sciaticare
