// Opening the SQLite store and the checks its record methods share.
#include "store/sqlite_store.h"

#include "store/migrations.h"
#include "store/sqlite_query.h"

namespace sciaticare::store {

SqliteStore::SqliteStore(std::unique_ptr<SQLite::Database> db) : db_(std::move(db)) {}

SqliteStore::~SqliteStore() {
  // Statements must be finalised before their connection closes.
  statements_.clear();
}

StoreResult<std::unique_ptr<SqliteStore>> SqliteStore::Open(const std::string& path,
                                                            const Options& options) {
  try {
    auto db = std::make_unique<SQLite::Database>(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE,
                                                 options.busy_timeout_ms);
    // WAL lets readers run beside the writer; FULL syncs the WAL on every
    // commit, which is what makes an acknowledged write survive a power cut
    // (NORMAL would only survive a crash of this process).
    std::string journal = db->execAndGet("PRAGMA journal_mode = WAL").getString();
    if (journal != "wal" && journal != "memory") {
      return Internal("cannot use the write-ahead log on " + path + " (journal " + journal + ")");
    }
    db->exec(options.sync_every_commit ? "PRAGMA synchronous = FULL" : "PRAGMA synchronous = NORMAL");
    db->exec("PRAGMA foreign_keys = ON");
    if (db->execAndGet("PRAGMA foreign_keys").getInt() != 1) {
      return Internal("this SQLite cannot enforce foreign keys");
    }
    auto migrated = Migrate(*db);
    if (!migrated) return migrated.error();
    return std::unique_ptr<SqliteStore>(new SqliteStore(std::move(db)));
  } catch (const std::exception& e) {
    return Internal("opening " + path + ": " + e.what());
  }
}

SqliteQuery SqliteStore::Prepare(const std::string& sql) {
  auto& slot = statements_[sql];
  if (!slot) slot = std::make_unique<SQLite::Statement>(*db_, sql);
  return SqliteQuery(*slot);
}

std::optional<StoreError> SqliteStore::CheckInClinic(const char* table, const char* field,
                                                     Id clinic_id, Id id) {
  // `table` is always one of this file's literals, never caller input.
  if (Prepare(std::string("SELECT 1 FROM ") + table + " WHERE clinic_id = :clinic AND id = :id")
          .Bind(":clinic", clinic_id)
          .Bind(":id", id)
          .Scalar() == 0) {
    return NotFound(field, "no such record in this clinic");
  }
  return std::nullopt;
}

std::optional<StoreError> SqliteStore::CheckTherapist(const char* field, Id clinic_id, Id user_id) {
  auto role = Prepare("SELECT role FROM users WHERE clinic_id = :clinic AND id = :id")
                  .Bind(":clinic", clinic_id)
                  .Bind(":id", user_id)
                  .One([](SQLite::Statement& s) { return s.getColumn(0).getString(); });
  if (!role) return NotFound(field, "no such user in this clinic");
  if (*role != ToString(Role::kTherapist) && *role != ToString(Role::kAdmin)) {
    return Invalid(field, "must be a therapist or an admin, not " + *role);
  }
  return std::nullopt;
}

std::optional<StoreError> SqliteStore::CheckPlanOfPatient(Id clinic_id, Id patient_id, Id plan_id) {
  if (Prepare("SELECT 1 FROM plans WHERE clinic_id = :clinic AND patient_id = :patient AND "
              "id = :id")
          .Bind(":clinic", clinic_id)
          .Bind(":patient", patient_id)
          .Bind(":id", plan_id)
          .Scalar() == 0) {
    return NotFound("plan_id", "no such plan of this patient");
  }
  return std::nullopt;
}

}  // namespace sciaticare::store
