// A patient's care records as one batch: the patient (with the clinic's
// zone) and the five lists depend on no answer of another, so the session
// may send them together (one round trip on PostgreSQL instead of nine, with
// the lists' own patient checks folded into the patient's read), and with
// them the caller's sign-in when it is to be confirmed.
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
  std::optional<Patient> patient;
  CareRecords care;
  std::vector<ReferralEvent> referral_events;
  std::vector<sql::BatchRead> reads;
  reads.reserve(7);
  reads.push_back({patient_sql, {clinic_id, clinic_id, patient_id}, [&](sql::Query& q) {
                     patient = q.One([&](const sql::Row& r) {
                       care.clinic_time_zone = ClinicZoneOf(r, kPatientColumnCount);
                       return ReadPatient(r);
                     });
                   }});
  reads.push_back({assessments_sql, {clinic_id, patient_id}, [&](sql::Query& q) {
                     care.assessments = q.All(ReadAssessment);
                   }});
  reads.push_back(PatientReferralsRead(clinic_id, patient_id, care.referrals));
  reads.push_back(PatientReferralEventsRead(clinic_id, patient_id, referral_events));
  reads.push_back(PatientConsentsRead(clinic_id, patient_id, care.consents));
  reads.push_back(SpreadingNotesRead(clinic_id, patient_id, care.spreading_notes));
  if (sign_in != nullptr) reads.push_back(SignedInSessionRead(*sign_in));
  s.ReadTogether(reads);
  if (!patient) return NotFound("patient_id", "no such record in this clinic");
  care.patient = std::move(*patient);
  AttachReferralEvents(care.referrals, referral_events);
  return care;
}

}  // namespace sciaticare::store::records
