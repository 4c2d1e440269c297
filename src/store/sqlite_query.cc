// Statement helpers, error mapping and row readers of the SQLite store.
#include "store/sqlite_query.h"

#include <sqlite3.h>

namespace sciaticare::store {

SqliteQuery& SqliteQuery::Bind(const char* name, std::int64_t v) {
  s_->bind(name, v);
  return *this;
}

SqliteQuery& SqliteQuery::Bind(const char* name, int v) {
  s_->bind(name, v);
  return *this;
}

SqliteQuery& SqliteQuery::Bind(const char* name, std::string_view v) {
  s_->bind(name, std::string(v));
  return *this;
}

SqliteQuery& SqliteQuery::BindNull(const char* name) {
  s_->bind(name);
  return *this;
}

int SqliteQuery::Exec() {
  int changed = s_->exec();
  Reset();
  return changed;
}

std::int64_t SqliteQuery::Scalar() {
  std::int64_t v = s_->executeStep() ? s_->getColumn(0).getInt64() : 0;
  Reset();
  return v;
}

void SqliteQuery::Reset() noexcept {
  if (s_ == nullptr) return;
  // tryReset, not reset: after a failed step sqlite3_reset repeats the error,
  // and that was already reported by the step.
  s_->tryReset();
  try {
    s_->clearBindings();  // Cannot fail on a valid statement; never let a destructor throw.
  } catch (...) {
  }
}

SqliteQuery SqliteConnection::Prepare(const std::string& sql) {
  auto& slot = statements[sql];
  if (!slot) slot = std::make_unique<SQLite::Statement>(*db, sql);
  return SqliteQuery(*slot);
}

namespace {
thread_local SqliteConnection* current_connection = nullptr;
}  // namespace

ConnectionScope::ConnectionScope(SqliteConnection& connection) : previous_(current_connection) {
  current_connection = &connection;
}

ConnectionScope::~ConnectionScope() { current_connection = previous_; }

SqliteConnection& ConnectionScope::Current() { return *current_connection; }

namespace {
thread_local SqliteConnection* unit_writer = nullptr;
}  // namespace

UnitScope::UnitScope(SqliteConnection& writer) : previous_(unit_writer) { unit_writer = &writer; }

UnitScope::~UnitScope() { unit_writer = previous_; }

bool UnitScope::Holds(const SqliteConnection& writer) { return unit_writer == &writer; }

SqliteTransaction::SqliteTransaction(Kind kind)
    : SqliteTransaction(ConnectionScope::Current(), kind) {}

SqliteTransaction::SqliteTransaction(SqliteConnection& connection, Kind kind)
    : connection_(connection), nested_(sqlite3_get_autocommit(connection_.db->getHandle()) == 0) {
  if (nested_) {
    connection_.Prepare("SAVEPOINT nested").Exec();
  } else {
    connection_.Prepare(kind == Kind::kImmediate ? "BEGIN IMMEDIATE" : "BEGIN").Exec();
  }
}

SqliteTransaction::~SqliteTransaction() {
  if (!open_) return;
  try {
    if (nested_) {
      connection_.Prepare("ROLLBACK TO nested").Exec();
      connection_.Prepare("RELEASE nested").Exec();
    } else {
      connection_.Prepare("ROLLBACK").Exec();
    }
  } catch (const std::exception&) {
    // SQLite may already have rolled back after an error; nothing is left open.
  }
}

void SqliteTransaction::commit() {
  connection_.Prepare(nested_ ? "RELEASE nested" : "COMMIT").Exec();
  open_ = false;
}

StoreError MapSqliteError(const SQLite::Exception& e) {
  std::string what = e.what();
  switch (e.getExtendedErrorCode()) {
    case SQLITE_CONSTRAINT_UNIQUE:
    case SQLITE_CONSTRAINT_PRIMARYKEY: {
      // "UNIQUE constraint failed: users.email" names the column.
      std::string field;
      if (auto dot = what.rfind('.'); dot != std::string::npos) field = what.substr(dot + 1);
      return Conflict(field, "is already taken");
    }
    case SQLITE_CONSTRAINT_FOREIGNKEY:
      return NotFound("", "refers to a record that is not in this clinic");
    case SQLITE_CONSTRAINT_CHECK:
    case SQLITE_CONSTRAINT_NOTNULL:
    case SQLITE_CONSTRAINT_TRIGGER:
      return Invalid("", what);
    default:
      return Internal("database: " + what);
  }
}

namespace {

std::optional<Id> OptId(const SQLite::Column& c) {
  if (c.isNull()) return std::nullopt;
  return c.getInt64();
}

std::optional<int> OptInt(const SQLite::Column& c) {
  if (c.isNull()) return std::nullopt;
  return c.getInt();
}

template <typename E>
E Enum(std::optional<E> parsed, const SQLite::Column& c) {
  // The schema's CHECK constraints admit only known names.
  if (!parsed) throw std::runtime_error("unknown value in column " + std::string(c.getName()));
  return *parsed;
}

}  // namespace

const std::string kPatientColumns =
    "id, clinic_id, given_name, family_name, date_of_birth, sex, email, phone, notes, version, "
    "created_at, updated_at";

Patient ReadPatient(SQLite::Statement& s) {
  Patient p;
  p.id = s.getColumn(0).getInt64();
  p.clinic_id = s.getColumn(1).getInt64();
  p.given_name = s.getColumn(2).getString();
  p.family_name = s.getColumn(3).getString();
  p.date_of_birth = s.getColumn(4).getString();
  p.sex = s.getColumn(5).getString();
  p.email = s.getColumn(6).getString();
  p.phone = s.getColumn(7).getString();
  p.notes = s.getColumn(8).getString();
  p.version = s.getColumn(9).getInt();
  p.created_at = s.getColumn(10).getString();
  p.updated_at = s.getColumn(11).getString();
  return p;
}

const std::string kAssessmentColumns =
    "id, clinic_id, patient_id, kind, intake_json, result_json, triage, knowledge_version, "
    "created_by, created_at";

Assessment ReadAssessment(SQLite::Statement& s) {
  Assessment a;
  a.id = s.getColumn(0).getInt64();
  a.clinic_id = s.getColumn(1).getInt64();
  a.patient_id = s.getColumn(2).getInt64();
  a.kind = Enum(ParseAssessmentKind(s.getColumn(3).getString()), s.getColumn(3));
  a.intake_json = s.getColumn(4).getString();
  a.result_json = s.getColumn(5).getString();
  a.triage = s.getColumn(6).getString();
  a.knowledge_version = s.getColumn(7).getString();
  a.created_by = s.getColumn(8).getInt64();
  a.created_at = s.getColumn(9).getString();
  return a;
}

const std::string kSessionNoteColumns =
    "id, clinic_id, patient_id, plan_id, therapist_id, occurred_at, subjective, objective, "
    "assessment, plan_text, leg_pain_before, leg_pain_after, back_pain_before, back_pain_after, "
    "techniques_json, oils_used, adverse_events_json, version, created_at, deviations_json, "
    "red_flags_json, status, signed_by, signed_at";

SessionNote ReadSessionNote(SQLite::Statement& s) {
  SessionNote n;
  n.id = s.getColumn(0).getInt64();
  n.clinic_id = s.getColumn(1).getInt64();
  n.patient_id = s.getColumn(2).getInt64();
  n.plan_id = OptId(s.getColumn(3));
  n.therapist_id = s.getColumn(4).getInt64();
  n.occurred_at = s.getColumn(5).getString();
  n.subjective = s.getColumn(6).getString();
  n.objective = s.getColumn(7).getString();
  n.assessment = s.getColumn(8).getString();
  n.plan_text = s.getColumn(9).getString();
  n.leg_pain_before = OptInt(s.getColumn(10));
  n.leg_pain_after = OptInt(s.getColumn(11));
  n.back_pain_before = OptInt(s.getColumn(12));
  n.back_pain_after = OptInt(s.getColumn(13));
  n.techniques_json = s.getColumn(14).getString();
  n.oils_used = s.getColumn(15).getInt() != 0;
  n.adverse_events_json = s.getColumn(16).getString();
  n.version = s.getColumn(17).getInt();
  n.created_at = s.getColumn(18).getString();
  n.deviations_json = s.getColumn(19).getString();
  n.red_flags_json = s.getColumn(20).getString();
  n.status = s.getColumn(21).getString();
  n.signed_by = OptId(s.getColumn(22));
  n.signed_at = s.getColumn(23).isNull() ? "" : s.getColumn(23).getString();
  return n;
}

const std::string kPatientNameOrder =
    "ORDER BY family_name COLLATE NOCASE, given_name COLLATE NOCASE, id ";

const std::string kAppointmentColumns =
    "id, clinic_id, patient_id, therapist_id, starts_at, minutes, status, plan_id, note, version";

Appointment ReadAppointment(SQLite::Statement& s) {
  Appointment a;
  a.id = s.getColumn(0).getInt64();
  a.clinic_id = s.getColumn(1).getInt64();
  a.patient_id = s.getColumn(2).getInt64();
  a.therapist_id = s.getColumn(3).getInt64();
  a.starts_at = s.getColumn(4).getString();
  a.minutes = s.getColumn(5).getInt();
  a.status = Enum(ParseAppointmentStatus(s.getColumn(6).getString()), s.getColumn(6));
  a.plan_id = OptId(s.getColumn(7));
  a.note = s.getColumn(8).getString();
  a.version = s.getColumn(9).getInt();
  return a;
}

std::string LikePattern(std::string_view value) {
  std::string out = "%";
  for (char c : value) {
    if (c == '%' || c == '_' || c == '\\') out += '\\';
    out += c;
  }
  return out + "%";
}

}  // namespace sciaticare::store
