// The SQLite store's appointment changes, waiting list, rooms and move requests (issue 16),
// written once over the SQL session in store/records/: each runs the shared
// method on the writer or a reader connection.
#include "store/records/appointment_change_records.h"
#include "store/records/move_request_records.h"
#include "store/records/room_records.h"
#include "store/records/waiting_list_records.h"
#include "store/sqlite/sqlite_session.h"
#include "store/sqlite_store.h"

namespace sciaticare::store {

StoreResult<Appointment> SqliteStore::EndAppointment(Id id, int expected_version,
                                                     const AppointmentChange& change) {
  return Writing([&] {
    SqliteSession s = SqliteSession::OnCurrent();
    return records::EndAppointment(s, id, expected_version, change);
  });
}

StoreResult<Appointment> SqliteStore::RescheduleAppointment(Id id, int expected_version,
                                                            const AppointmentChange& change) {
  return Writing([&] {
    SqliteSession s = SqliteSession::OnCurrent();
    return records::RescheduleAppointment(s, id, expected_version, change);
  });
}

StoreResult<std::vector<AppointmentChange>> SqliteStore::ListAppointmentChanges(Id clinic_id,
                                                                                Id appointment_id) {
  return Reading([&] {
    SqliteSession s = SqliteSession::OnCurrent();
    return records::ListAppointmentChanges(s, clinic_id, appointment_id);
  });
}

StoreResult<WaitingEntry> SqliteStore::AddWaitingEntry(const WaitingEntry& entry) {
  return Writing([&] {
    SqliteSession s = SqliteSession::OnCurrent();
    return records::AddWaitingEntry(s, entry);
  });
}

StoreResult<std::vector<WaitingEntry>> SqliteStore::ListWaitingEntries(Id clinic_id) {
  return Reading([&] {
    SqliteSession s = SqliteSession::OnCurrent();
    return records::ListWaitingEntries(s, clinic_id);
  });
}

StoreResult<WaitingEntry> SqliteStore::BookWaitingOffer(Id clinic_id, Id id, int expected_version) {
  return Writing([&] {
    SqliteSession s = SqliteSession::OnCurrent();
    return records::BookWaitingOffer(s, clinic_id, id, expected_version);
  });
}

StoreResult<WaitingEntry> SqliteStore::WithdrawWaitingEntry(Id clinic_id, Id id,
                                                            int expected_version) {
  return Writing([&] {
    SqliteSession s = SqliteSession::OnCurrent();
    return records::WithdrawWaitingEntry(s, clinic_id, id, expected_version);
  });
}

StoreResult<std::vector<Room>> SqliteStore::ListRooms(Id clinic_id) {
  return Reading([&] {
    SqliteSession s = SqliteSession::OnCurrent();
    return records::ListRooms(s, clinic_id);
  });
}

StoreResult<Room> SqliteStore::CreateRoom(const Room& room) {
  return Writing([&] {
    SqliteSession s = SqliteSession::OnCurrent();
    return records::CreateRoom(s, room);
  });
}

StoreResult<Room> SqliteStore::UpdateRoom(const Room& room, int expected_version) {
  return Writing([&] {
    SqliteSession s = SqliteSession::OnCurrent();
    return records::UpdateRoom(s, room, expected_version);
  });
}

StoreResult<MoveRequest> SqliteStore::CreateMoveRequest(const MoveRequest& request) {
  return Writing([&] {
    SqliteSession s = SqliteSession::OnCurrent();
    return records::CreateMoveRequest(s, request);
  });
}

StoreResult<std::vector<MoveRequest>> SqliteStore::ListMoveRequests(Id clinic_id,
                                                                    std::optional<Id> patient_id) {
  return Reading([&] {
    SqliteSession s = SqliteSession::OnCurrent();
    return records::ListMoveRequests(s, clinic_id, patient_id);
  });
}

StoreResult<MoveRequest> SqliteStore::AnswerMoveRequest(Id clinic_id, Id id, int expected_version,
                                                        bool accept,
                                                        const AppointmentChange& answer) {
  return Writing([&] {
    SqliteSession s = SqliteSession::OnCurrent();
    return records::AnswerMoveRequest(s, clinic_id, id, expected_version, accept, answer);
  });
}

}  // namespace sciaticare::store
