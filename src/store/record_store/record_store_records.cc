// The Store's audit trail, idempotent answers, plans, referrals, settings, availability and
// appointments, written once for both databases: each runs its shared record method
// (store/records/) on a session the database lends for a read or a write (RecordStore::OnSession).
#include "core/utc_time.h"
#include "store/record_store.h"
#include "store/records/appointment_records.h"
#include "store/records/assessment_correction_records.h"
#include "store/records/audit_records.h"
#include "store/records/clinic_settings_records.h"
#include "store/records/idempotency_records.h"
#include "store/records/login_records.h"
#include "store/records/note_amendment_records.h"
#include "store/records/patient_version_records.h"
#include "store/records/plan_records.h"
#include "store/records/referral_records.h"
#include "store/records/therapist_availability_records.h"

namespace sciaticare::store {

StoreResult<SessionNote> RecordStore::SignSessionNote(Id clinic_id, Id id, int expected_version,
                                                      Id signed_by, const std::string& signed_at) {
  return Writing([&](sql::Session& s) {
    return records::SignSessionNote(s, clinic_id, id, expected_version, signed_by, signed_at);
  });
}

StoreResult<SessionNote> RecordStore::AmendSessionNote(const SessionNote& amended,
                                                       int expected_version,
                                                       const NoteAmendment& amendment) {
  return Writing([&](sql::Session& s) {
    return records::AmendSessionNote(s, amended, expected_version, amendment);
  });
}

StoreResult<std::vector<NoteAmendment>> RecordStore::ListNoteAmendments(Id clinic_id,
                                                                        Id session_id) {
  return Reading(
      [&](sql::Session& s) { return records::ListNoteAmendments(s, clinic_id, session_id); });
}

StoreResult<Patient> RecordStore::UpdatePatient(const Patient& patient, int expected_version,
                                                const PatientChange& change) {
  return Writing([&](sql::Session& s) {
    return records::UpdatePatient(s, patient, expected_version, change);
  });
}

StoreResult<std::vector<PatientVersion>> RecordStore::ListPatientVersions(Id clinic_id,
                                                                          Id patient_id) {
  return Reading(
      [&](sql::Session& s) { return records::ListPatientVersions(s, clinic_id, patient_id); });
}

StoreResult<AssessmentCorrection> RecordStore::RecordAssessmentCorrection(
    const AssessmentCorrection& correction) {
  return Writing(
      [&](sql::Session& s) { return records::RecordAssessmentCorrection(s, correction); });
}

StoreResult<std::vector<AssessmentCorrection>> RecordStore::ListAssessmentCorrections(
    Id clinic_id, Id patient_id) {
  return Reading([&](sql::Session& s) {
    return records::ListAssessmentCorrections(s, clinic_id, patient_id);
  });
}

StoreResult<ClinicSettings> RecordStore::GetClinicSettings(Id clinic_id) {
  return Reading([&](sql::Session& s) { return records::GetClinicSettings(s, clinic_id); });
}

StoreResult<ClinicSettings> RecordStore::PutClinicSettings(const ClinicSettings& settings) {
  return Writing([&](sql::Session& s) { return records::PutClinicSettings(s, settings); });
}

StoreResult<TherapistAvailability> RecordStore::GetTherapistAvailability(Id clinic_id,
                                                                         Id therapist_id) {
  return Reading([&](sql::Session& s) {
    return records::GetTherapistAvailability(s, clinic_id, therapist_id);
  });
}

StoreResult<TherapistAvailability> RecordStore::PutTherapistAvailability(
    const TherapistAvailability& availability, int expected_version) {
  return Writing([&](sql::Session& s) {
    return records::PutTherapistAvailability(s, availability, expected_version);
  });
}

StoreResult<std::vector<TimeOff>> RecordStore::ListTimeOff(Id clinic_id, Id therapist_id) {
  return Reading([&](sql::Session& s) { return records::ListTimeOff(s, clinic_id, therapist_id); });
}

StoreResult<TimeOff> RecordStore::AddTimeOff(const TimeOff& time_off) {
  return Writing([&](sql::Session& s) { return records::AddTimeOff(s, time_off); });
}

StoreResult<TimeOff> RecordStore::WithdrawTimeOff(Id clinic_id, Id therapist_id, Id id, Id by,
                                                  std::string_view now) {
  return Writing([&](sql::Session& s) {
    return records::WithdrawTimeOff(s, clinic_id, therapist_id, id, by, now);
  });
}

StoreResult<Appointment> RecordStore::CreateAppointment(const Appointment& appointment) {
  return Writing([&](sql::Session& s) { return records::CreateAppointment(s, appointment); });
}

StoreResult<Appointment> RecordStore::UpdateAppointmentStatus(Id clinic_id, Id id,
                                                              AppointmentStatus status,
                                                              int expected_version) {
  return Writing([&](sql::Session& s) {
    return records::UpdateAppointmentStatus(s, clinic_id, id, status, expected_version);
  });
}

StoreResult<Referral> RecordStore::CreateReferral(const Referral& referral) {
  return Writing([&](sql::Session& s) { return records::CreateReferral(s, referral); });
}

StoreResult<ReferralEvent> RecordStore::AddReferralEvent(const ReferralEvent& event) {
  return Writing([&](sql::Session& s) { return records::AddReferralEvent(s, event); });
}

StoreResult<Referral> RecordStore::GetReferral(Id clinic_id, Id id) {
  return Reading([&](sql::Session& s) { return records::GetReferral(s, clinic_id, id); });
}

StoreResult<std::vector<Referral>> RecordStore::ListReferrals(Id clinic_id, Id patient_id) {
  return Reading([&](sql::Session& s) { return records::ListReferrals(s, clinic_id, patient_id); });
}

StoreStatus RecordStore::SaveIdempotentAnswer(const IdempotentAnswer& answer,
                                              std::string_view forget_before) {
  const bool forget_now = TimeToForgetAnswers(forget_before);
  return Writing([&](sql::Session& s) {
    return records::SaveIdempotentAnswer(s, answer, forget_before, forget_now);
  });
}

bool RecordStore::TimeToForgetAnswers(std::string_view forget_before) {
  constexpr std::int64_t kForgetEverySeconds = 60;
  const std::optional<std::int64_t> at = UtcSeconds(forget_before);
  if (!at) return false;  // Refused by the save itself, naming the field.
  std::lock_guard lock(forgetting_);
  // A minute on from the last removal; or back, should the clock be set back.
  if (answers_forgotten_before_ && *at - *answers_forgotten_before_ < kForgetEverySeconds &&
      *answers_forgotten_before_ - *at < kForgetEverySeconds) {
    return false;
  }
  answers_forgotten_before_ = *at;
  return true;
}

StoreResult<IdempotentAnswer> RecordStore::GetIdempotentAnswer(Id clinic_id, Id user_id,
                                                               std::string_view key) {
  return Reading(
      [&](sql::Session& s) { return records::GetIdempotentAnswer(s, clinic_id, user_id, key); });
}

StoreStatus RecordStore::TouchAuthSession(std::string_view token_hash, std::string_view seen_at) {
  return Writing(
      [&](sql::Session& s) { return records::TouchAuthSession(s, token_hash, seen_at); });
}

StoreStatus RecordStore::RecordLoginAttempt(const LoginAttempt& attempt,
                                            std::string_view prune_before) {
  return Writing(
      [&](sql::Session& s) { return records::RecordLoginAttempt(s, attempt, prune_before); });
}

StoreResult<LoginFailures> RecordStore::CountLoginFailures(std::string_view email_hash,
                                                           std::string_view remote_addr,
                                                           std::string_view since) {
  return Reading([&](sql::Session& s) {
    return records::CountLoginFailures(s, email_hash, remote_addr, since);
  });
}

StoreResult<AuditEntry> RecordStore::AppendAudit(const AuditEntry& entry) {
  return Writing([&](sql::Session& s) { return records::AppendAudit(s, entry); });
}

StoreResult<Page<AuditEntry>> RecordStore::ListAudit(Id clinic_id, const AuditQuery& query) {
  return Reading([&](sql::Session& s) { return records::ListAudit(s, clinic_id, query); });
}

StoreResult<PlanRecord> RecordStore::CreatePlan(const PlanRecord& plan) {
  return Writing([&](sql::Session& s) { return records::CreatePlan(s, plan); });
}

StoreResult<PlanRecord> RecordStore::ApprovePlan(Id clinic_id, Id plan_id, int expected_version,
                                                 Id approved_by, std::string_view approved_at) {
  return Writing([&](sql::Session& s) {
    return records::ApprovePlan(s, clinic_id, plan_id, expected_version, approved_by, approved_at);
  });
}

StoreResult<PlanRecord> RecordStore::GetPlan(Id clinic_id, Id id) {
  return Reading([&](sql::Session& s) { return records::GetPlan(s, clinic_id, id); });
}

StoreResult<std::vector<PlanRecord>> RecordStore::ListPlans(Id clinic_id, Id patient_id) {
  return Reading([&](sql::Session& s) { return records::ListPlans(s, clinic_id, patient_id); });
}

StoreResult<PlanRecord> RecordStore::GetCurrentPlan(Id clinic_id, Id patient_id) {
  return Reading(
      [&](sql::Session& s) { return records::GetCurrentPlan(s, clinic_id, patient_id); });
}

}  // namespace sciaticare::store
