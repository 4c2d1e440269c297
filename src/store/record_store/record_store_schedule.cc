// The Store's appointment changes, waiting list, rooms and move requests (issue 16), written once
// for both databases: each runs its shared record method (store/records/) on a session the database
// lends for a read or a write (RecordStore::OnSession).
#include "store/record_store.h"
#include "store/records/appointment_change_records.h"
#include "store/records/move_request_records.h"
#include "store/records/room_records.h"
#include "store/records/waiting_list_records.h"

namespace sciaticare::store {

StoreResult<Appointment> RecordStore::EndAppointment(Id id, int expected_version,
                                                     const AppointmentChange& change) {
  return Writing(
      [&](sql::Session& s) { return records::EndAppointment(s, id, expected_version, change); });
}

StoreResult<Appointment> RecordStore::RescheduleAppointment(Id id, int expected_version,
                                                            const AppointmentChange& change) {
  return Writing([&](sql::Session& s) {
    return records::RescheduleAppointment(s, id, expected_version, change);
  });
}

StoreResult<std::vector<AppointmentChange>> RecordStore::ListAppointmentChanges(Id clinic_id,
                                                                                Id appointment_id) {
  return Reading([&](sql::Session& s) {
    return records::ListAppointmentChanges(s, clinic_id, appointment_id);
  });
}

StoreResult<WaitingEntry> RecordStore::AddWaitingEntry(const WaitingEntry& entry) {
  return Writing([&](sql::Session& s) { return records::AddWaitingEntry(s, entry); });
}

StoreResult<std::vector<WaitingEntry>> RecordStore::ListWaitingEntries(Id clinic_id) {
  return Reading([&](sql::Session& s) { return records::ListWaitingEntries(s, clinic_id); });
}

StoreResult<WaitingEntry> RecordStore::BookWaitingOffer(Id clinic_id, Id id, int expected_version) {
  return Writing([&](sql::Session& s) {
    return records::BookWaitingOffer(s, clinic_id, id, expected_version);
  });
}

StoreResult<WaitingEntry> RecordStore::WithdrawWaitingEntry(Id clinic_id, Id id,
                                                            int expected_version) {
  return Writing([&](sql::Session& s) {
    return records::WithdrawWaitingEntry(s, clinic_id, id, expected_version);
  });
}

StoreResult<std::vector<Room>> RecordStore::ListRooms(Id clinic_id) {
  return Reading([&](sql::Session& s) { return records::ListRooms(s, clinic_id); });
}

StoreResult<Room> RecordStore::CreateRoom(const Room& room) {
  return Writing([&](sql::Session& s) { return records::CreateRoom(s, room); });
}

StoreResult<Room> RecordStore::UpdateRoom(const Room& room, int expected_version) {
  return Writing([&](sql::Session& s) { return records::UpdateRoom(s, room, expected_version); });
}

StoreResult<MoveRequest> RecordStore::CreateMoveRequest(const MoveRequest& request) {
  return Writing([&](sql::Session& s) { return records::CreateMoveRequest(s, request); });
}

StoreResult<std::vector<MoveRequest>> RecordStore::ListMoveRequests(Id clinic_id,
                                                                    std::optional<Id> patient_id) {
  return Reading(
      [&](sql::Session& s) { return records::ListMoveRequests(s, clinic_id, patient_id); });
}

StoreResult<MoveRequest> RecordStore::AnswerMoveRequest(Id clinic_id, Id id, int expected_version,
                                                        bool accept,
                                                        const AppointmentChange& answer) {
  return Writing([&](sql::Session& s) {
    return records::AnswerMoveRequest(s, clinic_id, id, expected_version, accept, answer);
  });
}

}  // namespace sciaticare::store
