// PostgreSQL store: patients and their assessments.
#include "store/postgres_query.h"
#include "store/validation.h"

namespace sciaticare::store {
namespace {

using Kind = PgTx::Kind;

const std::string& SelectPatients() {
  static const std::string sql = "SELECT " + kPgPatientColumns + " FROM patients ";
  return sql;
}

const std::string& SelectAssessments() {
  static const std::string sql = "SELECT " + kPgAssessmentColumns + " FROM assessments ";
  return sql;
}

// Both word orders, so "Ana Silva" and "Silva Ana" find the same person.
// ILIKE: case-insensitive, as SQLite's LIKE; $2 is a PgLikePattern.
constexpr const char* kNameMatches =
    "clinic_id = $1 AND ((given_name || ' ' || family_name) ILIKE $2 ESCAPE '\\' OR "
    "(family_name || ' ' || given_name) ILIKE $2 ESCAPE '\\') ";

}  // namespace

StoreResult<Patient> PostgresStore::CreatePatient(const Patient& patient) {
  if (auto problem = ValidatePatient(patient)) return *problem;
  if (auto problem = CheckUtcTime("created_at", patient.created_at)) return *problem;
  return Run([&](PgConnection& c) -> StoreResult<Patient> {
    PgTx tx(c, Kind::kWrite);
    if (auto e = PgCheckClinic(tx, patient.clinic_id)) return *e;
    Patient out = patient;
    out.id = Scalar(tx.Exec(
        "INSERT INTO patients (clinic_id, given_name, family_name, date_of_birth, sex, email, "
        "phone, notes, version, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, "
        "1, $9, $9) RETURNING id",
        patient.clinic_id, patient.given_name, patient.family_name, patient.date_of_birth,
        patient.sex, patient.email, patient.phone, patient.notes, patient.created_at));
    out.version = 1;
    out.updated_at = patient.created_at;
    tx.Commit();
    return out;
  });
}

StoreResult<Patient> PostgresStore::GetPatient(Id clinic_id, Id id) {
  return Run([&](PgConnection& c) -> StoreResult<Patient> {
    PgTx tx(c, Kind::kRead);
    auto row = One(tx.Exec(SelectPatients() + "WHERE clinic_id = $1 AND id = $2", clinic_id, id),
                   PgReadPatient);
    if (!row) return NotFound("id", "no such patient in this clinic");
    return *row;
  });
}

StoreResult<Page<Patient>> PostgresStore::ListPatients(Id clinic_id, const PatientQuery& query) {
  if (auto problem = CheckPage(query.page)) return *problem;
  return Run([&](PgConnection& c) -> StoreResult<Page<Patient>> {
    std::string pattern = PgLikePattern(query.search);
    PgTx tx(c, Kind::kSnapshot);  // The count and the page from one snapshot.
    Page<Patient> page;
    page.total = Scalar(tx.Exec(std::string("SELECT COUNT(*) FROM patients WHERE ") + kNameMatches,
                                clinic_id, pattern));
    page.items = All(tx.Exec(SelectPatients() + "WHERE " + kNameMatches + kPgPatientNameOrder +
                                 "LIMIT $3 OFFSET $4",
                             clinic_id, pattern, query.page.limit, query.page.offset),
                     PgReadPatient);
    tx.Commit();
    return page;
  });
}

StoreResult<Assessment> PostgresStore::CreateAssessment(const Assessment& a) {
  if (auto problem = ValidateAssessment(a)) return *problem;
  return Run([&](PgConnection& c) -> StoreResult<Assessment> {
    PgTx tx(c, Kind::kWrite);
    if (auto e = PgCheckInClinic(tx, "patients", "patient_id", a.clinic_id, a.patient_id)) {
      return *e;
    }
    if (auto e = PgCheckInClinic(tx, "users", "created_by", a.clinic_id, a.created_by)) return *e;
    Assessment out = a;
    out.id = Scalar(
        tx.Exec("INSERT INTO assessments (clinic_id, patient_id, kind, intake_json, result_json, "
                "triage, knowledge_version, created_by, created_at) VALUES ($1, $2, $3, $4, $5, "
                "$6, $7, $8, $9) RETURNING id",
                a.clinic_id, a.patient_id, ToString(a.kind), a.intake_json, a.result_json, a.triage,
                a.knowledge_version, a.created_by, a.created_at));
    tx.Commit();
    return out;
  });
}

StoreResult<Assessment> PostgresStore::GetAssessment(Id clinic_id, Id id) {
  return Run([&](PgConnection& c) -> StoreResult<Assessment> {
    PgTx tx(c, Kind::kRead);
    auto row = One(tx.Exec(SelectAssessments() + "WHERE clinic_id = $1 AND id = $2", clinic_id, id),
                   PgReadAssessment);
    if (!row) return NotFound("id", "no such assessment in this clinic");
    return *row;
  });
}

StoreResult<std::vector<Assessment>> PostgresStore::ListAssessments(Id clinic_id, Id patient_id) {
  return Run([&](PgConnection& c) -> StoreResult<std::vector<Assessment>> {
    PgTx tx(c, Kind::kSnapshot);
    if (auto e = PgCheckInClinic(tx, "patients", "patient_id", clinic_id, patient_id)) return *e;
    auto rows = All(tx.Exec(SelectAssessments() +
                                "WHERE clinic_id = $1 AND patient_id = $2 ORDER BY created_at, id",
                            clinic_id, patient_id),
                    PgReadAssessment);
    tx.Commit();
    return rows;
  });
}

}  // namespace sciaticare::store
