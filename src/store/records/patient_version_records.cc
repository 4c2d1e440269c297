// Patient updates that keep the values they replace, and the reading of
// those earlier versions, on the SQL session.
#include "store/records/patient_version_records.h"

#include <string>

#include "store/records/patient_rows.h"
#include "store/records/record_checks.h"
#include "store/validation.h"

namespace sciaticare::store::records {
namespace {

const std::string kVersionColumns =
    "id, clinic_id, patient_id, version, given_name, family_name, date_of_birth, sex, email, "
    "phone, notes, valid_from, changed_by, changed_by_name, changed_at, reason";

PatientVersion ReadVersion(const sql::Row& r) {
  PatientVersion v;
  v.id = r.Int64(0);
  v.clinic_id = r.Int64(1);
  v.patient_id = r.Int64(2);
  v.version = r.Int(3);
  v.given_name = r.Text(4);
  v.family_name = r.Text(5);
  v.date_of_birth = r.Text(6);
  v.sex = r.Text(7);
  v.email = r.Text(8);
  v.phone = r.Text(9);
  v.notes = r.Text(10);
  v.valid_from = r.Text(11);
  v.changed_by = r.Int64(12);
  v.changed_by_name = r.Text(13);
  v.changed_at = r.Text(14);
  v.reason = r.Text(15);
  return v;
}

std::optional<Patient> FindPatient(sql::Session& s, Id clinic_id, Id id, bool lock) {
  return s
      .Prepare("SELECT " + kPatientColumns + " FROM patients WHERE clinic_id = ? AND id = ?" +
               (lock ? std::string(" ") + std::string(s.LockRowsSuffix()) : std::string()))
      .Bind(clinic_id)
      .Bind(id)
      .One(ReadPatient);
}

Problem ValidateChange(const PatientChange& change) {
  if (change.by <= 0) return Invalid("changed_by", "must be a user of the clinic");
  if (auto problem = CheckUtcTime("updated_at", change.at)) return problem;
  return CheckText("reason", change.reason);
}

}  // namespace

StoreResult<Patient> UpdatePatient(sql::Session& s, const Patient& patient, int expected_version,
                                   const PatientChange& change) {
  if (auto problem = ValidatePatient(patient)) return *problem;
  if (auto problem = ValidateChange(change)) return *problem;
  auto tx = s.Begin(sql::TxKind::kWrite);
  // The row is read locked, so the values kept below are exactly the ones
  // this update replaces: a racing edit waits here, then sees the new version.
  std::optional<Patient> before = FindPatient(s, patient.clinic_id, patient.id, true);
  if (!before) return NotFound("id", "no such patient in this clinic");
  if (before->version != expected_version) {
    return Conflict("version", "the patient was changed meanwhile (now version " +
                                   std::to_string(before->version) + ")");
  }
  // The name is kept as it reads today, so the history still says who made
  // the change after the user is renamed.
  const std::optional<std::string> by_name =
      s.Prepare("SELECT display_name FROM users WHERE clinic_id = ? AND id = ?")
          .Bind(patient.clinic_id)
          .Bind(change.by)
          .One([](const sql::Row& r) { return r.Text(0); });
  if (!by_name) return NotFound("changed_by", "no such user in this clinic");
  s.Prepare("INSERT INTO patient_versions (" + kVersionColumns.substr(4) +
            ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
      .Bind(before->clinic_id)
      .Bind(before->id)
      .Bind(before->version)
      .Bind(before->given_name)
      .Bind(before->family_name)
      .Bind(before->date_of_birth)
      .Bind(before->sex)
      .Bind(before->email)
      .Bind(before->phone)
      .Bind(before->notes)
      .Bind(before->updated_at)
      .Bind(change.by)
      .Bind(*by_name)
      .Bind(change.at)
      .Bind(change.reason)
      .Exec();
  s.Prepare(
       "UPDATE patients SET given_name = ?, family_name = ?, date_of_birth = ?, sex = ?, "
       "email = ?, phone = ?, notes = ?, version = version + 1, updated_at = ? "
       "WHERE clinic_id = ? AND id = ?")
      .Bind(patient.given_name)
      .Bind(patient.family_name)
      .Bind(patient.date_of_birth)
      .Bind(patient.sex)
      .Bind(patient.email)
      .Bind(patient.phone)
      .Bind(patient.notes)
      .Bind(change.at)
      .Bind(patient.clinic_id)
      .Bind(patient.id)
      .Exec();
  std::optional<Patient> after = FindPatient(s, patient.clinic_id, patient.id, false);
  tx->Commit();
  return *after;
}

StoreResult<std::vector<PatientVersion>> ListPatientVersions(sql::Session& s, Id clinic_id,
                                                             Id patient_id) {
  auto tx = s.Begin(sql::TxKind::kRead);
  if (auto e = CheckInClinic(s, "patients", "patient_id", clinic_id, patient_id)) return *e;
  return s
      .Prepare("SELECT " + kVersionColumns +
               " FROM patient_versions WHERE clinic_id = ? AND patient_id = ? ORDER BY version")
      .Bind(clinic_id)
      .Bind(patient_id)
      .All(ReadVersion);
}

}  // namespace sciaticare::store::records
