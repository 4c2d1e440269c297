// The Store's patients, assessments, session notes, appointment lists and the chart and attention
// reads, written once for both databases: each runs its shared record method (store/records/) on a
// session the database lends for a read or a write (RecordStore::OnSession).
#include "store/record_store.h"
#include "store/records/appointment_records.h"
#include "store/records/attention_records.h"
#include "store/records/care_records.h"
#include "store/records/chart_records.h"
#include "store/records/patient_records.h"
#include "store/records/session_note_records.h"

namespace sciaticare::store {

StoreResult<Patient> RecordStore::CreatePatient(const Patient& patient) {
  return Writing([&](sql::Session& s) { return records::CreatePatient(s, patient); });
}

StoreResult<Patient> RecordStore::GetPatient(Id clinic_id, Id id) {
  return Reading([&](sql::Session& s) { return records::GetPatient(s, clinic_id, id); });
}

StoreResult<Page<Patient>> RecordStore::ListPatients(Id clinic_id, const PatientQuery& query) {
  return Reading([&](sql::Session& s) { return records::ListPatients(s, clinic_id, query); });
}

StoreResult<Assessment> RecordStore::CreateAssessment(const Assessment& assessment) {
  return Writing([&](sql::Session& s) { return records::CreateAssessment(s, assessment); });
}

StoreResult<Assessment> RecordStore::GetAssessment(Id clinic_id, Id id) {
  return Reading([&](sql::Session& s) { return records::GetAssessment(s, clinic_id, id); });
}

StoreResult<std::vector<Assessment>> RecordStore::ListAssessments(Id clinic_id, Id patient_id) {
  return Reading(
      [&](sql::Session& s) { return records::ListAssessments(s, clinic_id, patient_id); });
}

StoreResult<ChartRecords> RecordStore::ReadChart(Id clinic_id, Id patient_id, int session_limit,
                                                 SignInConfirmation* sign_in) {
  return Reading([&](sql::Session& s) {
    return records::ReadChart(s, clinic_id, patient_id, session_limit, sign_in);
  });
}

StoreResult<CareRecords> RecordStore::ReadCareRecords(Id clinic_id, Id patient_id,
                                                      SignInConfirmation* sign_in) {
  return Reading(
      [&](sql::Session& s) { return records::ReadCareRecords(s, clinic_id, patient_id, sign_in); });
}

StoreResult<AttentionRecords> RecordStore::ReadAttention(Id clinic_id, int session_limit,
                                                         const AttentionDocuments& documents) {
  return Reading([&](sql::Session& s) {
    return records::ReadAttention(s, clinic_id, session_limit, documents);
  });
}

StoreResult<SessionNote> RecordStore::CreateSessionNote(const SessionNote& note) {
  return Writing([&](sql::Session& s) { return records::CreateSessionNote(s, note); });
}

StoreResult<SessionNote> RecordStore::GetSessionNote(Id clinic_id, Id id) {
  return Reading([&](sql::Session& s) { return records::GetSessionNote(s, clinic_id, id); });
}

StoreResult<SessionNote> RecordStore::UpdateSessionNote(const SessionNote& note,
                                                        int expected_version) {
  return Writing(
      [&](sql::Session& s) { return records::UpdateSessionNote(s, note, expected_version); });
}

StoreResult<Page<SessionNote>> RecordStore::ListSessionNotes(Id clinic_id, Id patient_id,
                                                             const PageRequest& request) {
  return Reading([&](sql::Session& s) {
    return records::ListSessionNotes(s, clinic_id, patient_id, request);
  });
}

StoreResult<Appointment> RecordStore::GetAppointment(Id clinic_id, Id id) {
  return Reading([&](sql::Session& s) { return records::GetAppointment(s, clinic_id, id); });
}

StoreResult<std::vector<Appointment>> RecordStore::ListAppointments(Id clinic_id,
                                                                    std::string_view from,
                                                                    std::string_view to) {
  return Reading(
      [&](sql::Session& s) { return records::ListAppointments(s, clinic_id, from, to); });
}

StoreResult<std::vector<Appointment>> RecordStore::ListPatientAppointments(Id clinic_id,
                                                                           Id patient_id) {
  return Reading(
      [&](sql::Session& s) { return records::ListPatientAppointments(s, clinic_id, patient_id); });
}

}  // namespace sciaticare::store
