// The SQLite store's patients, assessments, session notes, appointment lists
// and the chart and attention reads: each runs the shared record method
// (store/records/) on the writer or a reader connection, as its kind of call
// needs. A note written through the group commit runs the same insert in the
// writer's batch.
#include <memory>

#include "store/records/appointment_records.h"
#include "store/records/attention_records.h"
#include "store/records/care_records.h"
#include "store/records/chart_records.h"
#include "store/records/patient_records.h"
#include "store/records/session_note_records.h"
#include "store/sqlite/sqlite_session.h"
#include "store/sqlite_group_commit.h"
#include "store/sqlite_query.h"
#include "store/validation.h"

namespace sciaticare::store {

StoreResult<Patient> SqliteStore::CreatePatient(const Patient& patient) {
  return Writing([&] {
    SqliteSession s = SqliteSession::OnCurrent();
    return records::CreatePatient(s, patient);
  });
}

StoreResult<Patient> SqliteStore::GetPatient(Id clinic_id, Id id) {
  return Reading([&] {
    SqliteSession s = SqliteSession::OnCurrent();
    return records::GetPatient(s, clinic_id, id);
  });
}

StoreResult<Page<Patient>> SqliteStore::ListPatients(Id clinic_id, const PatientQuery& query) {
  return Reading([&] {
    SqliteSession s = SqliteSession::OnCurrent();
    return records::ListPatients(s, clinic_id, query);
  });
}

StoreResult<Assessment> SqliteStore::CreateAssessment(const Assessment& assessment) {
  return Writing([&] {
    SqliteSession s = SqliteSession::OnCurrent();
    return records::CreateAssessment(s, assessment);
  });
}

StoreResult<Assessment> SqliteStore::GetAssessment(Id clinic_id, Id id) {
  return Reading([&] {
    SqliteSession s = SqliteSession::OnCurrent();
    return records::GetAssessment(s, clinic_id, id);
  });
}

StoreResult<std::vector<Assessment>> SqliteStore::ListAssessments(Id clinic_id, Id patient_id) {
  return Reading([&] {
    SqliteSession s = SqliteSession::OnCurrent();
    return records::ListAssessments(s, clinic_id, patient_id);
  });
}

StoreResult<ChartRecords> SqliteStore::ReadChart(Id clinic_id, Id patient_id, int session_limit) {
  return Reading([&] {
    SqliteSession s = SqliteSession::OnCurrent();
    return records::ReadChart(s, clinic_id, patient_id, session_limit);
  });
}

StoreResult<CareRecords> SqliteStore::ReadCareRecords(Id clinic_id, Id patient_id) {
  return Reading([&] {
    SqliteSession s = SqliteSession::OnCurrent();
    return records::ReadCareRecords(s, clinic_id, patient_id);
  });
}

StoreResult<AttentionRecords> SqliteStore::ReadAttention(Id clinic_id, int session_limit,
                                                         const AttentionDocuments& documents) {
  return Reading([&] {
    SqliteSession s = SqliteSession::OnCurrent();
    return records::ReadAttention(s, clinic_id, session_limit, documents);
  });
}

StoreResult<SessionNote> SqliteStore::CreateSessionNote(const SessionNote& note) {
  return Writing([&] {
    SqliteSession s = SqliteSession::OnCurrent();
    return records::CreateSessionNote(s, note);
  });
}

StoreResult<SessionNote> SqliteStore::GetSessionNote(Id clinic_id, Id id) {
  return Reading([&] {
    SqliteSession s = SqliteSession::OnCurrent();
    return records::GetSessionNote(s, clinic_id, id);
  });
}

StoreResult<SessionNote> SqliteStore::UpdateSessionNote(const SessionNote& note,
                                                        int expected_version) {
  return Writing([&] {
    SqliteSession s = SqliteSession::OnCurrent();
    return records::UpdateSessionNote(s, note, expected_version);
  });
}

StoreResult<Page<SessionNote>> SqliteStore::ListSessionNotes(Id clinic_id, Id patient_id,
                                                             const PageRequest& request) {
  return Reading([&] {
    SqliteSession s = SqliteSession::OnCurrent();
    return records::ListSessionNotes(s, clinic_id, patient_id, request);
  });
}

StoreResult<Appointment> SqliteStore::GetAppointment(Id clinic_id, Id id) {
  return Reading([&] {
    SqliteSession s = SqliteSession::OnCurrent();
    return records::GetAppointment(s, clinic_id, id);
  });
}

StoreResult<std::vector<Appointment>> SqliteStore::ListAppointments(Id clinic_id,
                                                                    std::string_view from,
                                                                    std::string_view to) {
  return Reading([&] {
    SqliteSession s = SqliteSession::OnCurrent();
    return records::ListAppointments(s, clinic_id, from, to);
  });
}

StoreResult<std::vector<Appointment>> SqliteStore::ListPatientAppointments(Id clinic_id,
                                                                           Id patient_id) {
  return Reading([&] {
    SqliteSession s = SqliteSession::OnCurrent();
    return records::ListPatientAppointments(s, clinic_id, patient_id);
  });
}

void SqliteStore::CreateSessionNoteAsync(const SessionNote& note, AlsoWrite also,
                                         Callback<SessionNote> done) {
  if (auto problem = ValidateSessionNote(note)) return done(*problem);
  auto out = std::make_shared<SessionNote>(note);
  // The note and what goes with it (its audit entry) are one member of the
  // batch, under one savepoint: both are committed or neither.
  group_->Submit({[out, also = std::move(also)]() -> GroupCommit::Outcome {
                    SqliteSession s = SqliteSession::OnCurrent();
                    if (auto e = records::InsertSessionNote(s, *out)) return e;
                    if (!also) return std::nullopt;
                    StoreStatus more = also(*out);
                    if (!more.ok()) return more.error();
                    return std::nullopt;
                  },
                  [out, done = std::move(done)](GroupCommit::Outcome failed) {
                    if (failed) return done(std::move(*failed));
                    done(std::move(*out));
                  }});
}

}  // namespace sciaticare::store
