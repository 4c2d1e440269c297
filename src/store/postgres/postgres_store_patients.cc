// The PostgreSQL store's patients, assessments, session notes, appointment
// lists and the chart and attention reads: each borrows a pooled connection
// (Run: retries, error mapping) and runs the shared record method
// (store/records/) on it.
#include "store/postgres/postgres_session.h"
#include "store/postgres_query.h"
#include "store/records/appointment_records.h"
#include "store/records/attention_records.h"
#include "store/records/care_records.h"
#include "store/records/chart_records.h"
#include "store/records/patient_records.h"
#include "store/records/session_note_records.h"

namespace sciaticare::store {

StoreResult<Patient> PostgresStore::CreatePatient(const Patient& patient) {
  return Run([&](PgConnection& c) {
    PgSession s(c);
    return records::CreatePatient(s, patient);
  });
}

StoreResult<Patient> PostgresStore::GetPatient(Id clinic_id, Id id) {
  return Run([&](PgConnection& c) {
    PgSession s(c);
    return records::GetPatient(s, clinic_id, id);
  });
}

StoreResult<Page<Patient>> PostgresStore::ListPatients(Id clinic_id, const PatientQuery& query) {
  return Run([&](PgConnection& c) {
    PgSession s(c);
    return records::ListPatients(s, clinic_id, query);
  });
}

StoreResult<Assessment> PostgresStore::CreateAssessment(const Assessment& assessment) {
  return Run([&](PgConnection& c) {
    PgSession s(c);
    return records::CreateAssessment(s, assessment);
  });
}

StoreResult<Assessment> PostgresStore::GetAssessment(Id clinic_id, Id id) {
  return Run([&](PgConnection& c) {
    PgSession s(c);
    return records::GetAssessment(s, clinic_id, id);
  });
}

StoreResult<std::vector<Assessment>> PostgresStore::ListAssessments(Id clinic_id, Id patient_id) {
  return Run([&](PgConnection& c) {
    PgSession s(c);
    return records::ListAssessments(s, clinic_id, patient_id);
  });
}

StoreResult<ChartRecords> PostgresStore::ReadChart(Id clinic_id, Id patient_id, int session_limit) {
  return Run([&](PgConnection& c) {
    PgSession s(c);
    return records::ReadChart(s, clinic_id, patient_id, session_limit);
  });
}

StoreResult<CareRecords> PostgresStore::ReadCareRecords(Id clinic_id, Id patient_id) {
  return Run([&](PgConnection& c) {
    PgSession s(c);
    return records::ReadCareRecords(s, clinic_id, patient_id);
  });
}

StoreResult<AttentionRecords> PostgresStore::ReadAttention(Id clinic_id, int session_limit,
                                                           const AttentionDocuments& documents) {
  return Run([&](PgConnection& c) {
    PgSession s(c);
    return records::ReadAttention(s, clinic_id, session_limit, documents);
  });
}

StoreResult<SessionNote> PostgresStore::CreateSessionNote(const SessionNote& note) {
  return Run([&](PgConnection& c) {
    PgSession s(c);
    return records::CreateSessionNote(s, note);
  });
}

StoreResult<SessionNote> PostgresStore::GetSessionNote(Id clinic_id, Id id) {
  return Run([&](PgConnection& c) {
    PgSession s(c);
    return records::GetSessionNote(s, clinic_id, id);
  });
}

StoreResult<SessionNote> PostgresStore::UpdateSessionNote(const SessionNote& note,
                                                          int expected_version) {
  return Run([&](PgConnection& c) {
    PgSession s(c);
    return records::UpdateSessionNote(s, note, expected_version);
  });
}

StoreResult<Page<SessionNote>> PostgresStore::ListSessionNotes(Id clinic_id, Id patient_id,
                                                               const PageRequest& request) {
  return Run([&](PgConnection& c) {
    PgSession s(c);
    return records::ListSessionNotes(s, clinic_id, patient_id, request);
  });
}

StoreResult<Appointment> PostgresStore::GetAppointment(Id clinic_id, Id id) {
  return Run([&](PgConnection& c) {
    PgSession s(c);
    return records::GetAppointment(s, clinic_id, id);
  });
}

StoreResult<std::vector<Appointment>> PostgresStore::ListAppointments(Id clinic_id,
                                                                      std::string_view from,
                                                                      std::string_view to) {
  return Run([&](PgConnection& c) {
    PgSession s(c);
    return records::ListAppointments(s, clinic_id, from, to);
  });
}

StoreResult<std::vector<Appointment>> PostgresStore::ListPatientAppointments(Id clinic_id,
                                                                             Id patient_id) {
  return Run([&](PgConnection& c) {
    PgSession s(c);
    return records::ListPatientAppointments(s, clinic_id, patient_id);
  });
}

}  // namespace sciaticare::store
