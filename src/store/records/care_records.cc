// A patient's care records as one batch: the patient (with the clinic's
// zone) and the four lists (the referrals read with their events) depend on
// no answer of another, so the session may send them together (one round
// trip on PostgreSQL instead of nine, with the lists' own patient checks
// folded into the patient's read); the patient's reads the caller's sign-in
// too when it is to be confirmed.
#include "store/records/care_records.h"

#include <optional>
#include <string>

#include "store/records/auth_session_records.h"
#include "store/records/clinic_settings_records.h"
#include "store/records/intake_consent_records.h"
#include "store/records/note_signal_records.h"
#include "store/records/patient_rows.h"
#include "store/records/referral_records.h"

namespace sciaticare::store::records {

StoreResult<CareRecords> ReadCareRecords(sql::Session& s, Id clinic_id, Id patient_id,
                                         SignInConfirmation* sign_in) {
  if (auto problem = CheckSignInToConfirm(sign_in)) return *problem;
  // The patient's row carries the clinic's zone.
  static const std::string patient_sql = "SELECT " + kPatientColumns + ", " + kClinicZoneColumn +
                                         " FROM patients WHERE clinic_id = ? AND id = ?";
  static const std::string assessments_sql =
      "SELECT " + kAssessmentColumns +
      " FROM assessments WHERE clinic_id = ? AND patient_id = ? ORDER BY created_at, id";
  // With a sign-in to confirm, it is read in the patient's statement.
  static const std::string patient_and_sign_in_sql = WithSignedInSessionSql(patient_sql);
  std::vector<sql::BatchParam> patient_params{clinic_id, clinic_id, patient_id};
  if (sign_in != nullptr) AppendSignInParams(*sign_in, patient_params);
  std::optional<Patient> patient;
  CareRecords care;
  auto read_patient = [&](const sql::Row& r) -> std::optional<Patient> {
    if (sign_in != nullptr) ReadSignInColumns(r.Shifted(kPatientColumnCount + 1), *sign_in);
    if (r.IsNull(0)) return std::nullopt;  // No such patient: the sign-in's part alone.
    care.clinic_time_zone = ClinicZoneOf(r, kPatientColumnCount);
    return ReadPatient(r);
  };
  std::vector<sql::BatchRead> reads;
  reads.reserve(5);
  reads.push_back({sign_in != nullptr ? patient_and_sign_in_sql : patient_sql,
                   std::move(patient_params),
                   [&](sql::Query& q) { patient = q.One(read_patient).value_or(std::nullopt); }});
  reads.push_back({assessments_sql, {clinic_id, patient_id}, [&](sql::Query& q) {
                     care.assessments = q.All(ReadAssessment);
                   }});
  reads.push_back(PatientReferralsRead(clinic_id, patient_id, care.referrals));
  reads.push_back(PatientConsentsRead(clinic_id, patient_id, care.consents));
  reads.push_back(SpreadingNotesRead(clinic_id, patient_id, care.spreading_notes));
  s.ReadTogether(reads);
  if (!patient) return NotFound("patient_id", "no such record in this clinic");
  care.patient = std::move(*patient);
  return care;
}

}  // namespace sciaticare::store::records
