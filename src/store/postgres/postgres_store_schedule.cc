// The PostgreSQL store's appointment changes, waiting list, rooms and move requests (issue 16),
// written once over the SQL session in store/records/.
#include "store/postgres/postgres_session.h"
#include "store/postgres_query.h"
#include "store/records/appointment_change_records.h"
#include "store/records/room_records.h"
#include "store/records/move_request_records.h"
#include "store/records/waiting_list_records.h"

namespace sciaticare::store {

StoreResult<Appointment> PostgresStore::EndAppointment(Id id, int expected_version,
                                                       const AppointmentChange& change) {
  return Run([&](PgConnection& c) {
    PgSession s(c);
    return records::EndAppointment(s, id, expected_version, change);
  });
}

StoreResult<Appointment> PostgresStore::RescheduleAppointment(Id id, int expected_version,
                                                              const AppointmentChange& change) {
  return Run([&](PgConnection& c) {
    PgSession s(c);
    return records::RescheduleAppointment(s, id, expected_version, change);
  });
}

StoreResult<std::vector<AppointmentChange>> PostgresStore::ListAppointmentChanges(
    Id clinic_id, Id appointment_id) {
  return Run([&](PgConnection& c) {
    PgSession s(c);
    return records::ListAppointmentChanges(s, clinic_id, appointment_id);
  });
}

StoreResult<WaitingEntry> PostgresStore::AddWaitingEntry(const WaitingEntry& entry) {
  return Run([&](PgConnection& c) {
    PgSession s(c);
    return records::AddWaitingEntry(s, entry);
  });
}

StoreResult<std::vector<WaitingEntry>> PostgresStore::ListWaitingEntries(Id clinic_id) {
  return Run([&](PgConnection& c) {
    PgSession s(c);
    return records::ListWaitingEntries(s, clinic_id);
  });
}

StoreResult<WaitingEntry> PostgresStore::BookWaitingOffer(Id clinic_id, Id id,
                                                          int expected_version) {
  return Run([&](PgConnection& c) {
    PgSession s(c);
    return records::BookWaitingOffer(s, clinic_id, id, expected_version);
  });
}

StoreResult<WaitingEntry> PostgresStore::WithdrawWaitingEntry(Id clinic_id, Id id,
                                                              int expected_version) {
  return Run([&](PgConnection& c) {
    PgSession s(c);
    return records::WithdrawWaitingEntry(s, clinic_id, id, expected_version);
  });
}

StoreResult<std::vector<Room>> PostgresStore::ListRooms(Id clinic_id) {
  return Run([&](PgConnection& c) {
    PgSession s(c);
    return records::ListRooms(s, clinic_id);
  });
}

StoreResult<Room> PostgresStore::CreateRoom(const Room& room) {
  return Run([&](PgConnection& c) {
    PgSession s(c);
    return records::CreateRoom(s, room);
  });
}

StoreResult<Room> PostgresStore::UpdateRoom(const Room& room, int expected_version) {
  return Run([&](PgConnection& c) {
    PgSession s(c);
    return records::UpdateRoom(s, room, expected_version);
  });
}

StoreResult<MoveRequest> PostgresStore::CreateMoveRequest(const MoveRequest& request) {
  return Run([&](PgConnection& c) {
    PgSession s(c);
    return records::CreateMoveRequest(s, request);
  });
}

StoreResult<std::vector<MoveRequest>> PostgresStore::ListMoveRequests(
    Id clinic_id, std::optional<Id> patient_id) {
  return Run([&](PgConnection& c) {
    PgSession s(c);
    return records::ListMoveRequests(s, clinic_id, patient_id);
  });
}

StoreResult<MoveRequest> PostgresStore::AnswerMoveRequest(Id clinic_id, Id id, int expected_version,
                                                          bool accept,
                                                          const AppointmentChange& answer) {
  return Run([&](PgConnection& c) {
    PgSession s(c);
    return records::AnswerMoveRequest(s, clinic_id, id, expected_version, accept, answer);
  });
}

}  // namespace sciaticare::store
