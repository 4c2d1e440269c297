// Patient and assessment rows read from the SQL session.
#include "store/records/patient_rows.h"

#include <stdexcept>

#include "store/sql_columns.h"

namespace sciaticare::store::records {

const std::string kPatientColumns =
    "id, clinic_id, given_name, family_name, date_of_birth, sex, email, phone, notes, version, "
    "created_at, updated_at";

Patient ReadPatient(const sql::Row& r) {
  Patient p;
  p.id = r.Int64(0);
  p.clinic_id = r.Int64(1);
  p.given_name = r.Text(2);
  p.family_name = r.Text(3);
  p.date_of_birth = r.Text(4);
  p.sex = r.Text(5);
  p.email = r.Text(6);
  p.phone = r.Text(7);
  p.notes = r.Text(8);
  p.version = r.Int(9);
  p.created_at = r.Text(10);
  p.updated_at = r.Text(11);
  return p;
}

const std::string kAssessmentColumns =
    "id, clinic_id, patient_id, kind, intake_json, result_json, triage, knowledge_version, "
    "created_by, created_at";

const std::string kAssessmentHeadColumns =
    EmptiedColumns(kAssessmentColumns, {"intake_json", "result_json"}, "CAST('' AS TEXT)");

Assessment ReadAssessment(const sql::Row& r) {
  Assessment a;
  a.id = r.Int64(0);
  a.clinic_id = r.Int64(1);
  a.patient_id = r.Int64(2);
  auto kind = ParseAssessmentKind(r.Text(3));
  // The schema's CHECK constraint admits only known names.
  if (!kind) throw std::runtime_error("unknown value in column kind");
  a.kind = *kind;
  a.intake_json = r.Text(4);
  a.result_json = r.Text(5);
  a.triage = r.Text(6);
  a.knowledge_version = r.Text(7);
  a.created_by = r.Int64(8);
  a.created_at = r.Text(9);
  return a;
}

}  // namespace sciaticare::store::records
