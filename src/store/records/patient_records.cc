// Patients and assessments on the SQL session (see patient_records.h).
#include "store/records/patient_records.h"

#include <string>

#include "store/records/patient_rows.h"
#include "store/records/record_checks.h"
#include "store/validation.h"

namespace sciaticare::store::records {
namespace {

// Both word orders, so "Ana Silva" and "Silva Ana" find the same person; the
// pattern is bound twice.
std::string NameMatches(const sql::Session& s) {
  return "clinic_id = ? AND (" + s.CaseFoldedLike("(given_name || ' ' || family_name)") + " OR " +
         s.CaseFoldedLike("(family_name || ' ' || given_name)") + ")";
}

}  // namespace

StoreResult<Patient> CreatePatient(sql::Session& s, const Patient& patient) {
  if (auto problem = ValidatePatient(patient)) return *problem;
  if (auto problem = CheckUtcTime("created_at", patient.created_at)) return *problem;
  auto tx = s.Begin(sql::TxKind::kWrite);
  if (auto e = CheckClinic(s, patient.clinic_id)) return *e;
  Patient out = patient;
  out.id = s.Prepare(
                "INSERT INTO patients (clinic_id, given_name, family_name, date_of_birth, sex, "
                "email, phone, notes, version, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, "
                "?, ?, 1, ?, ?) RETURNING id")
               .Bind(patient.clinic_id)
               .Bind(patient.given_name)
               .Bind(patient.family_name)
               .Bind(patient.date_of_birth)
               .Bind(patient.sex)
               .Bind(patient.email)
               .Bind(patient.phone)
               .Bind(patient.notes)
               .Bind(patient.created_at)
               .Bind(patient.created_at)
               .Scalar();
  out.version = 1;
  out.updated_at = patient.created_at;
  tx->Commit();
  return out;
}

StoreResult<Patient> GetPatient(sql::Session& s, Id clinic_id, Id id) {
  static const std::string sql =
      "SELECT " + kPatientColumns + " FROM patients WHERE clinic_id = ? AND id = ?";
  auto row = s.Prepare(sql).Bind(clinic_id).Bind(id).One(ReadPatient);
  if (!row) return NotFound("id", "no such patient in this clinic");
  return *row;
}

StoreResult<Page<Patient>> ListPatients(sql::Session& s, Id clinic_id, const PatientQuery& query) {
  if (auto problem = CheckPage(query.page)) return *problem;
  const std::string matches = NameMatches(s);
  // By name, case-insensitively, as the patients_by_name index orders them.
  const std::string page_sql = "SELECT " + kPatientColumns + " FROM patients WHERE " + matches +
                               " ORDER BY " + s.CaseFoldedOrder("family_name") + ", " +
                               s.CaseFoldedOrder("given_name") + ", id LIMIT ? OFFSET ?";
  const std::string pattern = sql::ContainsPattern(query.search);
  auto tx = s.Begin(sql::TxKind::kRead);  // The count and the page from one snapshot.
  Page<Patient> page;
  page.total = s.Prepare("SELECT COUNT(*) FROM patients WHERE " + matches)
                   .Bind(clinic_id)
                   .Bind(pattern)
                   .Bind(pattern)
                   .Scalar();
  page.items = s.Prepare(page_sql)
                   .Bind(clinic_id)
                   .Bind(pattern)
                   .Bind(pattern)
                   .Bind(query.page.limit)
                   .Bind(query.page.offset)
                   .All(ReadPatient);
  tx->Commit();
  return page;
}

StoreResult<Assessment> CreateAssessment(sql::Session& s, const Assessment& a) {
  if (auto problem = ValidateAssessment(a)) return *problem;
  auto tx = s.Begin(sql::TxKind::kWrite);
  if (auto e = CheckInClinic(s, "patients", "patient_id", a.clinic_id, a.patient_id)) return *e;
  if (auto e = CheckInClinic(s, "users", "created_by", a.clinic_id, a.created_by)) return *e;
  Assessment out = a;
  out.id = s.Prepare(
                "INSERT INTO assessments (clinic_id, patient_id, kind, intake_json, result_json, "
                "triage, knowledge_version, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, "
                "?, ?) RETURNING id")
               .Bind(a.clinic_id)
               .Bind(a.patient_id)
               .Bind(ToString(a.kind))
               .Bind(a.intake_json)
               .Bind(a.result_json)
               .Bind(a.triage)
               .Bind(a.knowledge_version)
               .Bind(a.created_by)
               .Bind(a.created_at)
               .Scalar();
  tx->Commit();
  return out;
}

StoreResult<Assessment> GetAssessment(sql::Session& s, Id clinic_id, Id id) {
  static const std::string sql =
      "SELECT " + kAssessmentColumns + " FROM assessments WHERE clinic_id = ? AND id = ?";
  auto row = s.Prepare(sql).Bind(clinic_id).Bind(id).One(ReadAssessment);
  if (!row) return NotFound("id", "no such assessment in this clinic");
  return *row;
}

StoreResult<std::vector<Assessment>> ListAssessments(sql::Session& s, Id clinic_id, Id patient_id) {
  static const std::string sql =
      "SELECT " + kAssessmentColumns +
      " FROM assessments WHERE clinic_id = ? AND patient_id = ? ORDER BY created_at, id";
  auto tx = s.Begin(sql::TxKind::kRead);  // The check and the list from one snapshot.
  if (auto e = CheckInClinic(s, "patients", "patient_id", clinic_id, patient_id)) return *e;
  auto rows = s.Prepare(sql).Bind(clinic_id).Bind(patient_id).All(ReadAssessment);
  tx->Commit();
  return rows;
}

}  // namespace sciaticare::store::records
