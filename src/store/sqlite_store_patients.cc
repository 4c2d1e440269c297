// SQLite store: patients and their assessments.
#include "store/sqlite_query.h"
#include "store/validation.h"

namespace sciaticare::store {
namespace {

const std::string& SelectPatients() {
  static const std::string sql = "SELECT " + kPatientColumns + " FROM patients ";
  return sql;
}

const std::string& SelectAssessments() {
  static const std::string sql = "SELECT " + kAssessmentColumns + " FROM assessments ";
  return sql;
}

// Both word orders, so "Ana Silva" and "Silva Ana" find the same person.
constexpr const char* kNameMatches =
    "clinic_id = :clinic AND ((given_name || ' ' || family_name) LIKE :q ESCAPE '\\' OR "
    "(family_name || ' ' || given_name) LIKE :q ESCAPE '\\') ";

}  // namespace

StoreResult<Patient> SqliteStore::CreatePatient(const Patient& patient) {
  if (auto problem = ValidatePatient(patient)) return *problem;
  if (auto problem = CheckUtcTime("created_at", patient.created_at)) return *problem;
  return Writing([&]() -> StoreResult<Patient> {
    if (Prepare("SELECT 1 FROM clinics WHERE id = :id").Bind(":id", patient.clinic_id).Scalar() ==
        0) {
      return NotFound("clinic_id", "no such clinic");
    }
    Prepare(
        "INSERT INTO patients (clinic_id, given_name, family_name, date_of_birth, sex, email, "
        "phone, notes, version, created_at, updated_at) VALUES (:clinic, :given, :family, :dob, "
        ":sex, :email, :phone, :notes, 1, :created, :created)")
        .Bind(":clinic", patient.clinic_id)
        .Bind(":given", patient.given_name)
        .Bind(":family", patient.family_name)
        .Bind(":dob", patient.date_of_birth)
        .Bind(":sex", patient.sex)
        .Bind(":email", patient.email)
        .Bind(":phone", patient.phone)
        .Bind(":notes", patient.notes)
        .Bind(":created", patient.created_at)
        .Exec();
    Patient out = patient;
    out.id = Db().getLastInsertRowid();
    out.version = 1;
    out.updated_at = patient.created_at;
    return out;
  });
}

StoreResult<Patient> SqliteStore::GetPatient(Id clinic_id, Id id) {
  return Reading([&]() -> StoreResult<Patient> {
    auto row = Prepare(SelectPatients() + "WHERE clinic_id = :clinic AND id = :id")
                   .Bind(":clinic", clinic_id)
                   .Bind(":id", id)
                   .One(ReadPatient);
    if (!row) return NotFound("id", "no such patient in this clinic");
    return *row;
  });
}

StoreResult<Page<Patient>> SqliteStore::ListPatients(Id clinic_id, const PatientQuery& query) {
  if (auto problem = CheckPage(query.page)) return *problem;
  return Reading([&]() -> StoreResult<Page<Patient>> {
    std::string pattern = LikePattern(query.search);
    SqliteTransaction tx;  // The count and the page from one snapshot.
    Page<Patient> page;
    page.total = Prepare(std::string("SELECT COUNT(*) FROM patients WHERE ") + kNameMatches)
                     .Bind(":clinic", clinic_id)
                     .Bind(":q", pattern)
                     .Scalar();
    page.items = Prepare(SelectPatients() + "WHERE " + kNameMatches + kPatientNameOrder +
                         "LIMIT :limit OFFSET :offset")
                     .Bind(":clinic", clinic_id)
                     .Bind(":q", pattern)
                     .Bind(":limit", query.page.limit)
                     .Bind(":offset", query.page.offset)
                     .All(ReadPatient);
    tx.commit();
    return page;
  });
}

StoreResult<Assessment> SqliteStore::CreateAssessment(const Assessment& a) {
  if (auto problem = ValidateAssessment(a)) return *problem;
  return Writing([&]() -> StoreResult<Assessment> {
    if (auto e = CheckInClinic("patients", "patient_id", a.clinic_id, a.patient_id)) return *e;
    if (auto e = CheckInClinic("users", "created_by", a.clinic_id, a.created_by)) return *e;
    Prepare(
        "INSERT INTO assessments (clinic_id, patient_id, kind, intake_json, result_json, triage, "
        "knowledge_version, created_by, created_at) VALUES (:clinic, :patient, :kind, :intake, "
        ":result, :triage, :knowledge, :by, :created)")
        .Bind(":clinic", a.clinic_id)
        .Bind(":patient", a.patient_id)
        .Bind(":kind", ToString(a.kind))
        .Bind(":intake", a.intake_json)
        .Bind(":result", a.result_json)
        .Bind(":triage", a.triage)
        .Bind(":knowledge", a.knowledge_version)
        .Bind(":by", a.created_by)
        .Bind(":created", a.created_at)
        .Exec();
    Assessment out = a;
    out.id = Db().getLastInsertRowid();
    return out;
  });
}

StoreResult<Assessment> SqliteStore::GetAssessment(Id clinic_id, Id id) {
  return Reading([&]() -> StoreResult<Assessment> {
    auto row = Prepare(SelectAssessments() + "WHERE clinic_id = :clinic AND id = :id")
                   .Bind(":clinic", clinic_id)
                   .Bind(":id", id)
                   .One(ReadAssessment);
    if (!row) return NotFound("id", "no such assessment in this clinic");
    return *row;
  });
}

StoreResult<std::vector<Assessment>> SqliteStore::ListAssessments(Id clinic_id, Id patient_id) {
  return Reading([&]() -> StoreResult<std::vector<Assessment>> {
    if (auto e = CheckInClinic("patients", "patient_id", clinic_id, patient_id)) return *e;
    return Prepare(SelectAssessments() +
                   "WHERE clinic_id = :clinic AND patient_id = :patient ORDER BY created_at, id")
        .Bind(":clinic", clinic_id)
        .Bind(":patient", patient_id)
        .All(ReadAssessment);
  });
}

}  // namespace sciaticare::store
