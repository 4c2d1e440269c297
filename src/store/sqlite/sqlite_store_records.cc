// The SQLite store's methods of the record families written once over the
// SQL session (store/records/): each takes the writer or a reader
// connection as its kind of call needs, and runs the shared method on it.
#include <memory>

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
#include "store/sqlite/sqlite_session.h"
#include "store/sqlite_group_commit.h"
#include "store/sqlite_query.h"
#include "store/validation.h"

namespace sciaticare::store {

StoreResult<SessionNote> SqliteStore::SignSessionNote(Id clinic_id, Id id, int expected_version,
                                                      Id signed_by, const std::string& signed_at) {
  return Writing([&] {
    SqliteSession s = SqliteSession::OnCurrent();
    return records::SignSessionNote(s, clinic_id, id, expected_version, signed_by, signed_at);
  });
}

StoreResult<SessionNote> SqliteStore::AmendSessionNote(const SessionNote& amended,
                                                       int expected_version,
                                                       const NoteAmendment& amendment) {
  return Writing([&] {
    SqliteSession s = SqliteSession::OnCurrent();
    return records::AmendSessionNote(s, amended, expected_version, amendment);
  });
}

StoreResult<std::vector<NoteAmendment>> SqliteStore::ListNoteAmendments(Id clinic_id,
                                                                        Id session_id) {
  return Reading([&] {
    SqliteSession s = SqliteSession::OnCurrent();
    return records::ListNoteAmendments(s, clinic_id, session_id);
  });
}

StoreResult<Patient> SqliteStore::UpdatePatient(const Patient& patient, int expected_version,
                                                const PatientChange& change) {
  return Writing([&] {
    SqliteSession s = SqliteSession::OnCurrent();
    return records::UpdatePatient(s, patient, expected_version, change);
  });
}

StoreResult<std::vector<PatientVersion>> SqliteStore::ListPatientVersions(Id clinic_id,
                                                                          Id patient_id) {
  return Reading([&] {
    SqliteSession s = SqliteSession::OnCurrent();
    return records::ListPatientVersions(s, clinic_id, patient_id);
  });
}

StoreResult<AssessmentCorrection> SqliteStore::RecordAssessmentCorrection(
    const AssessmentCorrection& correction) {
  return Writing([&] {
    SqliteSession s = SqliteSession::OnCurrent();
    return records::RecordAssessmentCorrection(s, correction);
  });
}

StoreResult<std::vector<AssessmentCorrection>> SqliteStore::ListAssessmentCorrections(
    Id clinic_id, Id patient_id) {
  return Reading([&] {
    SqliteSession s = SqliteSession::OnCurrent();
    return records::ListAssessmentCorrections(s, clinic_id, patient_id);
  });
}

StoreResult<ClinicSettings> SqliteStore::GetClinicSettings(Id clinic_id) {
  return Reading([&] {
    SqliteSession s = SqliteSession::OnCurrent();
    return records::GetClinicSettings(s, clinic_id);
  });
}

StoreResult<ClinicSettings> SqliteStore::PutClinicSettings(const ClinicSettings& settings) {
  return Writing([&] {
    SqliteSession s = SqliteSession::OnCurrent();
    return records::PutClinicSettings(s, settings);
  });
}

StoreResult<TherapistAvailability> SqliteStore::GetTherapistAvailability(Id clinic_id,
                                                                         Id therapist_id) {
  return Reading([&] {
    SqliteSession s = SqliteSession::OnCurrent();
    return records::GetTherapistAvailability(s, clinic_id, therapist_id);
  });
}

StoreResult<TherapistAvailability> SqliteStore::PutTherapistAvailability(
    const TherapistAvailability& availability, int expected_version) {
  return Writing([&] {
    SqliteSession s = SqliteSession::OnCurrent();
    return records::PutTherapistAvailability(s, availability, expected_version);
  });
}

StoreResult<std::vector<TimeOff>> SqliteStore::ListTimeOff(Id clinic_id, Id therapist_id) {
  return Reading([&] {
    SqliteSession s = SqliteSession::OnCurrent();
    return records::ListTimeOff(s, clinic_id, therapist_id);
  });
}

StoreResult<TimeOff> SqliteStore::AddTimeOff(const TimeOff& time_off) {
  return Writing([&] {
    SqliteSession s = SqliteSession::OnCurrent();
    return records::AddTimeOff(s, time_off);
  });
}

StoreResult<TimeOff> SqliteStore::WithdrawTimeOff(Id clinic_id, Id therapist_id, Id id, Id by,
                                                  std::string_view now) {
  return Writing([&] {
    SqliteSession s = SqliteSession::OnCurrent();
    return records::WithdrawTimeOff(s, clinic_id, therapist_id, id, by, now);
  });
}

StoreResult<Appointment> SqliteStore::CreateAppointment(const Appointment& appointment) {
  return Writing([&] {
    SqliteSession s = SqliteSession::OnCurrent();
    return records::CreateAppointment(s, appointment);
  });
}

StoreResult<Appointment> SqliteStore::UpdateAppointmentStatus(Id clinic_id, Id id,
                                                              AppointmentStatus status,
                                                              int expected_version) {
  return Writing([&] {
    SqliteSession s = SqliteSession::OnCurrent();
    return records::UpdateAppointmentStatus(s, clinic_id, id, status, expected_version);
  });
}

StoreResult<Referral> SqliteStore::CreateReferral(const Referral& referral) {
  return Writing([&] {
    SqliteSession s = SqliteSession::OnCurrent();
    return records::CreateReferral(s, referral);
  });
}

StoreResult<ReferralEvent> SqliteStore::AddReferralEvent(const ReferralEvent& event) {
  return Writing([&] {
    SqliteSession s = SqliteSession::OnCurrent();
    return records::AddReferralEvent(s, event);
  });
}

StoreResult<Referral> SqliteStore::GetReferral(Id clinic_id, Id id) {
  return Reading([&] {
    SqliteSession s = SqliteSession::OnCurrent();
    return records::GetReferral(s, clinic_id, id);
  });
}

StoreResult<std::vector<Referral>> SqliteStore::ListReferrals(Id clinic_id, Id patient_id) {
  return Reading([&] {
    SqliteSession s = SqliteSession::OnCurrent();
    return records::ListReferrals(s, clinic_id, patient_id);
  });
}

StoreStatus SqliteStore::SaveIdempotentAnswer(const IdempotentAnswer& answer,
                                              std::string_view forget_before) {
  return Writing([&] {
    SqliteSession s = SqliteSession::OnCurrent();
    return records::SaveIdempotentAnswer(s, answer, forget_before);
  });
}

StoreResult<IdempotentAnswer> SqliteStore::GetIdempotentAnswer(Id clinic_id, Id user_id,
                                                               std::string_view key) {
  return Reading([&] {
    SqliteSession s = SqliteSession::OnCurrent();
    return records::GetIdempotentAnswer(s, clinic_id, user_id, key);
  });
}

StoreStatus SqliteStore::TouchAuthSession(std::string_view token_hash, std::string_view seen_at) {
  return Writing([&] {
    SqliteSession s = SqliteSession::OnCurrent();
    return records::TouchAuthSession(s, token_hash, seen_at);
  });
}

StoreStatus SqliteStore::RecordLoginAttempt(const LoginAttempt& attempt,
                                            std::string_view prune_before) {
  return Writing([&] {
    SqliteSession s = SqliteSession::OnCurrent();
    return records::RecordLoginAttempt(s, attempt, prune_before);
  });
}

StoreResult<LoginFailures> SqliteStore::CountLoginFailures(std::string_view email_hash,
                                                           std::string_view remote_addr,
                                                           std::string_view since) {
  return Reading([&] {
    SqliteSession s = SqliteSession::OnCurrent();
    return records::CountLoginFailures(s, email_hash, remote_addr, since);
  });
}

StoreResult<AuditEntry> SqliteStore::AppendAudit(const AuditEntry& entry) {
  return Writing([&] {
    SqliteSession s = SqliteSession::OnCurrent();
    return records::AppendAudit(s, entry);
  });
}

void SqliteStore::AppendAuditAsync(const AuditEntry& entry, Callback<AuditEntry> done) {
  if (auto problem = ValidateAudit(entry)) return done(*problem);
  auto out = std::make_shared<AuditEntry>(entry);
  // The job runs on the group commit's writer thread, in its batch's transaction.
  group_->Submit({[out] {
                    SqliteSession s = SqliteSession::OnCurrent();
                    return records::InsertAudit(s, *out);
                  },
                  [out, done = std::move(done)](GroupCommit::Outcome failed) {
                    if (failed) return done(std::move(*failed));
                    done(std::move(*out));
                  },
                  /*one_statement=*/true});
}

StoreResult<Page<AuditEntry>> SqliteStore::ListAudit(Id clinic_id, const AuditQuery& query) {
  return Reading([&] {
    SqliteSession s = SqliteSession::OnCurrent();
    return records::ListAudit(s, clinic_id, query);
  });
}

StoreResult<PlanRecord> SqliteStore::CreatePlan(const PlanRecord& plan) {
  return Writing([&] {
    SqliteSession s = SqliteSession::OnCurrent();
    return records::CreatePlan(s, plan);
  });
}

StoreResult<PlanRecord> SqliteStore::ApprovePlan(Id clinic_id, Id plan_id, int expected_version,
                                                 Id approved_by, std::string_view approved_at) {
  return Writing([&] {
    SqliteSession s = SqliteSession::OnCurrent();
    return records::ApprovePlan(s, clinic_id, plan_id, expected_version, approved_by, approved_at);
  });
}

StoreResult<PlanRecord> SqliteStore::GetPlan(Id clinic_id, Id id) {
  return Reading([&] {
    SqliteSession s = SqliteSession::OnCurrent();
    return records::GetPlan(s, clinic_id, id);
  });
}

StoreResult<std::vector<PlanRecord>> SqliteStore::ListPlans(Id clinic_id, Id patient_id) {
  return Reading([&] {
    SqliteSession s = SqliteSession::OnCurrent();
    return records::ListPlans(s, clinic_id, patient_id);
  });
}

StoreResult<PlanRecord> SqliteStore::GetCurrentPlan(Id clinic_id, Id patient_id) {
  return Reading([&] {
    SqliteSession s = SqliteSession::OnCurrent();
    return records::GetCurrentPlan(s, clinic_id, patient_id);
  });
}

}  // namespace sciaticare::store
