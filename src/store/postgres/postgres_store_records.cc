// The PostgreSQL store's methods of the record families written once over
// the SQL session (store/records/): each borrows a pooled connection (Run:
// retries, error mapping) and runs the shared method on it.
#include "store/postgres/postgres_session.h"
#include "store/postgres_query.h"
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

StoreResult<SessionNote> PostgresStore::SignSessionNote(Id clinic_id, Id id, int expected_version,
                                                        Id signed_by,
                                                        const std::string& signed_at) {
  return Run([&](PgConnection& c) {
    PgSession s(c);
    return records::SignSessionNote(s, clinic_id, id, expected_version, signed_by, signed_at);
  });
}

StoreResult<SessionNote> PostgresStore::AmendSessionNote(const SessionNote& amended,
                                                         int expected_version,
                                                         const NoteAmendment& amendment) {
  return Run([&](PgConnection& c) {
    PgSession s(c);
    return records::AmendSessionNote(s, amended, expected_version, amendment);
  });
}

StoreResult<std::vector<NoteAmendment>> PostgresStore::ListNoteAmendments(Id clinic_id,
                                                                          Id session_id) {
  return Run([&](PgConnection& c) {
    PgSession s(c);
    return records::ListNoteAmendments(s, clinic_id, session_id);
  });
}

StoreResult<Patient> PostgresStore::UpdatePatient(const Patient& patient, int expected_version,
                                                  const PatientChange& change) {
  return Run([&](PgConnection& c) {
    PgSession s(c);
    return records::UpdatePatient(s, patient, expected_version, change);
  });
}

StoreResult<std::vector<PatientVersion>> PostgresStore::ListPatientVersions(Id clinic_id,
                                                                            Id patient_id) {
  return Run([&](PgConnection& c) {
    PgSession s(c);
    return records::ListPatientVersions(s, clinic_id, patient_id);
  });
}

StoreResult<AssessmentCorrection> PostgresStore::RecordAssessmentCorrection(
    const AssessmentCorrection& correction) {
  return Run([&](PgConnection& c) {
    PgSession s(c);
    return records::RecordAssessmentCorrection(s, correction);
  });
}

StoreResult<std::vector<AssessmentCorrection>> PostgresStore::ListAssessmentCorrections(
    Id clinic_id, Id patient_id) {
  return Run([&](PgConnection& c) {
    PgSession s(c);
    return records::ListAssessmentCorrections(s, clinic_id, patient_id);
  });
}

StoreResult<ClinicSettings> PostgresStore::GetClinicSettings(Id clinic_id) {
  return Run([&](PgConnection& c) {
    PgSession s(c);
    return records::GetClinicSettings(s, clinic_id);
  });
}

StoreResult<ClinicSettings> PostgresStore::PutClinicSettings(const ClinicSettings& settings) {
  return Run([&](PgConnection& c) {
    PgSession s(c);
    return records::PutClinicSettings(s, settings);
  });
}

StoreResult<TherapistAvailability> PostgresStore::GetTherapistAvailability(Id clinic_id,
                                                                           Id therapist_id) {
  return Run([&](PgConnection& c) {
    PgSession s(c);
    return records::GetTherapistAvailability(s, clinic_id, therapist_id);
  });
}

StoreResult<TherapistAvailability> PostgresStore::PutTherapistAvailability(
    const TherapistAvailability& availability, int expected_version) {
  return Run([&](PgConnection& c) {
    PgSession s(c);
    return records::PutTherapistAvailability(s, availability, expected_version);
  });
}

StoreResult<std::vector<TimeOff>> PostgresStore::ListTimeOff(Id clinic_id, Id therapist_id) {
  return Run([&](PgConnection& c) {
    PgSession s(c);
    return records::ListTimeOff(s, clinic_id, therapist_id);
  });
}

StoreResult<TimeOff> PostgresStore::AddTimeOff(const TimeOff& time_off) {
  return Run([&](PgConnection& c) {
    PgSession s(c);
    return records::AddTimeOff(s, time_off);
  });
}

StoreResult<TimeOff> PostgresStore::WithdrawTimeOff(Id clinic_id, Id therapist_id, Id id, Id by,
                                                    std::string_view now) {
  return Run([&](PgConnection& c) {
    PgSession s(c);
    return records::WithdrawTimeOff(s, clinic_id, therapist_id, id, by, now);
  });
}

StoreResult<Appointment> PostgresStore::CreateAppointment(const Appointment& appointment) {
  return Run([&](PgConnection& c) {
    PgSession s(c);
    return records::CreateAppointment(s, appointment);
  });
}

StoreResult<Appointment> PostgresStore::UpdateAppointmentStatus(Id clinic_id, Id id,
                                                                AppointmentStatus status,
                                                                int expected_version) {
  return Run([&](PgConnection& c) {
    PgSession s(c);
    return records::UpdateAppointmentStatus(s, clinic_id, id, status, expected_version);
  });
}

StoreResult<Referral> PostgresStore::CreateReferral(const Referral& referral) {
  return Run([&](PgConnection& c) {
    PgSession s(c);
    return records::CreateReferral(s, referral);
  });
}

StoreResult<ReferralEvent> PostgresStore::AddReferralEvent(const ReferralEvent& event) {
  return Run([&](PgConnection& c) {
    PgSession s(c);
    return records::AddReferralEvent(s, event);
  });
}

StoreResult<Referral> PostgresStore::GetReferral(Id clinic_id, Id id) {
  return Run([&](PgConnection& c) {
    PgSession s(c);
    return records::GetReferral(s, clinic_id, id);
  });
}

StoreResult<std::vector<Referral>> PostgresStore::ListReferrals(Id clinic_id, Id patient_id) {
  return Run([&](PgConnection& c) {
    PgSession s(c);
    return records::ListReferrals(s, clinic_id, patient_id);
  });
}

StoreStatus PostgresStore::SaveIdempotentAnswer(const IdempotentAnswer& answer,
                                                std::string_view forget_before) {
  return Run([&](PgConnection& c) {
    PgSession s(c);
    return records::SaveIdempotentAnswer(s, answer, forget_before);
  });
}

StoreResult<IdempotentAnswer> PostgresStore::GetIdempotentAnswer(Id clinic_id, Id user_id,
                                                                 std::string_view key) {
  return Run([&](PgConnection& c) {
    PgSession s(c);
    return records::GetIdempotentAnswer(s, clinic_id, user_id, key);
  });
}

StoreStatus PostgresStore::TouchAuthSession(std::string_view token_hash, std::string_view seen_at) {
  return Run([&](PgConnection& c) {
    PgSession s(c);
    return records::TouchAuthSession(s, token_hash, seen_at);
  });
}

StoreStatus PostgresStore::RecordLoginAttempt(const LoginAttempt& attempt,
                                              std::string_view prune_before) {
  return Run([&](PgConnection& c) {
    PgSession s(c);
    return records::RecordLoginAttempt(s, attempt, prune_before);
  });
}

StoreResult<LoginFailures> PostgresStore::CountLoginFailures(std::string_view email_hash,
                                                             std::string_view remote_addr,
                                                             std::string_view since) {
  return Run([&](PgConnection& c) {
    PgSession s(c);
    return records::CountLoginFailures(s, email_hash, remote_addr, since);
  });
}

StoreResult<AuditEntry> PostgresStore::AppendAudit(const AuditEntry& entry) {
  return Run([&](PgConnection& c) {
    PgSession s(c);
    return records::AppendAudit(s, entry);
  });
}

StoreResult<Page<AuditEntry>> PostgresStore::ListAudit(Id clinic_id, const AuditQuery& query) {
  return Run([&](PgConnection& c) {
    PgSession s(c);
    return records::ListAudit(s, clinic_id, query);
  });
}

StoreResult<PlanRecord> PostgresStore::CreatePlan(const PlanRecord& plan) {
  return Run([&](PgConnection& c) {
    PgSession s(c);
    return records::CreatePlan(s, plan);
  });
}

StoreResult<PlanRecord> PostgresStore::ApprovePlan(Id clinic_id, Id plan_id, int expected_version,
                                                   Id approved_by, std::string_view approved_at) {
  return Run([&](PgConnection& c) {
    PgSession s(c);
    return records::ApprovePlan(s, clinic_id, plan_id, expected_version, approved_by, approved_at);
  });
}

StoreResult<PlanRecord> PostgresStore::GetPlan(Id clinic_id, Id id) {
  return Run([&](PgConnection& c) {
    PgSession s(c);
    return records::GetPlan(s, clinic_id, id);
  });
}

StoreResult<std::vector<PlanRecord>> PostgresStore::ListPlans(Id clinic_id, Id patient_id) {
  return Run([&](PgConnection& c) {
    PgSession s(c);
    return records::ListPlans(s, clinic_id, patient_id);
  });
}

StoreResult<PlanRecord> PostgresStore::GetCurrentPlan(Id clinic_id, Id patient_id) {
  return Run([&](PgConnection& c) {
    PgSession s(c);
    return records::GetCurrentPlan(s, clinic_id, patient_id);
  });
}

}  // namespace sciaticare::store
