// Internal to the SQLite store: a borrowed prepared statement with named
// binding, the mapping of SQLite failures onto StoreError, and the column
// lists and row readers of each record. Not for use outside src/store.
#pragma once

#include <SQLiteCpp/SQLiteCpp.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "store/records.h"
#include "store/sqlite_store.h"
#include "store/store_result.h"

namespace sciaticare::store {

// A cached statement borrowed for one call. It is reset when the call is done
// with it (and at the latest when this object dies), so no statement keeps a
// read snapshot open between calls, which in WAL mode would pin old pages.
class SqliteQuery {
 public:
  explicit SqliteQuery(SQLite::Statement& s) : s_(&s) {}
  SqliteQuery(SqliteQuery&& other) noexcept : s_(other.s_) { other.s_ = nullptr; }
  SqliteQuery(const SqliteQuery&) = delete;
  SqliteQuery& operator=(const SqliteQuery&) = delete;
  SqliteQuery& operator=(SqliteQuery&&) = delete;
  ~SqliteQuery() { Reset(); }

  SqliteQuery& Bind(const char* name, std::int64_t v);
  SqliteQuery& Bind(const char* name, int v);
  SqliteQuery& Bind(const char* name, std::string_view v);
  SqliteQuery& Bind(const char* name, const std::string& v) {
    return Bind(name, std::string_view(v));
  }
  SqliteQuery& Bind(const char* name, const char* v) { return Bind(name, std::string_view(v)); }
  SqliteQuery& BindBool(const char* name, bool v) { return Bind(name, v ? 1 : 0); }
  SqliteQuery& BindNull(const char* name);
  template <typename T>
  SqliteQuery& Bind(const char* name, const std::optional<T>& v) {
    return v ? Bind(name, *v) : BindNull(name);
  }

  // Runs a statement that returns no rows; returns the rows it changed.
  int Exec();
  // The first row read by `read(statement)`, if any.
  template <typename Read>
  auto One(Read read) -> std::optional<decltype(read(std::declval<SQLite::Statement&>()))> {
    std::optional<decltype(read(*s_))> row;
    if (s_->executeStep()) row = read(*s_);
    Reset();
    return row;
  }
  // Every row, each read by `read(statement)`.
  template <typename Read>
  auto All(Read read) -> std::vector<decltype(read(std::declval<SQLite::Statement&>()))> {
    std::vector<decltype(read(*s_))> rows;
    while (s_->executeStep()) rows.push_back(read(*s_));
    Reset();
    return rows;
  }
  // The integer in the first column of the first row (0 when there is none).
  std::int64_t Scalar();

 private:
  void Reset() noexcept;

  SQLite::Statement* s_;
};

// What a failed SQLite call means to the caller of the Store.
StoreError MapSqliteError(const SQLite::Exception& e);

template <typename F>
auto SqliteStore::Locked(F&& body) -> decltype(body()) {
  std::lock_guard lock(mu_);
  try {
    return body();
  } catch (const SQLite::Exception& e) {
    return MapSqliteError(e);
  } catch (const std::exception& e) {
    return Internal(e.what());
  }
}

// Column lists in the order the readers below expect them.
extern const std::string kClinicColumns;
extern const std::string kUserColumns;
extern const std::string kPatientColumns;
extern const std::string kAssessmentColumns;
extern const std::string kPlanColumns;
extern const std::string kSessionNoteColumns;
extern const std::string kAppointmentColumns;
extern const std::string kAuditColumns;
extern const std::string kAuthSessionColumns;
extern const std::string kApiTokenColumns;

Clinic ReadClinic(SQLite::Statement& s);
User ReadUser(SQLite::Statement& s);
Patient ReadPatient(SQLite::Statement& s);
Assessment ReadAssessment(SQLite::Statement& s);
PlanRecord ReadPlanRow(SQLite::Statement& s);
SessionNote ReadSessionNote(SQLite::Statement& s);
Appointment ReadAppointment(SQLite::Statement& s);
AuditEntry ReadAudit(SQLite::Statement& s);
AuthSession ReadAuthSession(SQLite::Statement& s);
ApiToken ReadApiToken(SQLite::Statement& s);

// `value` with LIKE's wildcards escaped by '\', wrapped in '%...%'.
std::string LikePattern(std::string_view value);

}  // namespace sciaticare::store
