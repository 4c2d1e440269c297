// Rooms on the SQL session (see room_records.h).
#include "store/records/room_records.h"

#include "store/records/record_checks.h"
#include "store/validation.h"

namespace sciaticare::store::records {
namespace {

const std::string kRoomColumns = "id, clinic_id, name, active, version";
constexpr std::size_t kLongestName = 60;

Room ReadRoom(const sql::Row& r) {
  Room room;
  room.id = r.Int64(0);
  room.clinic_id = r.Int64(1);
  room.name = r.Text(2);
  room.active = r.Bool(3);
  room.version = r.Int(4);
  return room;
}

std::optional<StoreError> CheckName(const std::string& name) {
  if (name.empty()) return Invalid("name", "give the room a name");
  if (name.size() > kLongestName) return Invalid("name", "at most 60 characters");
  if (name.find_first_of("\r\n\t") != std::string::npos) {
    return Invalid("name", "must be one line");
  }
  return CheckText("name", name);
}

// kConflict when another room of the clinic, retired or not, already has the
// name (ignoring case): two rooms of one name could not be told apart.
std::optional<StoreError> CheckNameFree(sql::Session& s, const Room& room) {
  if (s.Prepare("SELECT 1 FROM rooms WHERE clinic_id = ? AND lower(name) = lower(?) AND id <> ?")
          .Bind(room.clinic_id)
          .Bind(room.name)
          .Bind(room.id)
          .Scalar() != 0) {
    return Conflict("name", "there is already a room called " + room.name);
  }
  return std::nullopt;
}

}  // namespace

StoreResult<std::vector<Room>> ListRooms(sql::Session& s, Id clinic_id) {
  // One statement, no transaction: every calendar answer reads the room
  // names, and on PostgreSQL a transaction would add three round trips.
  // A clinic without rooms (or no such clinic) has an empty list.
  return s.Prepare("SELECT " + kRoomColumns + " FROM rooms WHERE clinic_id = ? ORDER BY id")
      .Bind(clinic_id)
      .All(ReadRoom);
}

StoreResult<Room> CreateRoom(sql::Session& s, const Room& room) {
  if (auto e = CheckName(room.name)) return *e;
  auto tx = s.Begin(sql::TxKind::kWrite);
  if (auto e = CheckClinic(s, room.clinic_id)) return *e;
  Room out = room;
  out.id = 0;
  if (auto e = CheckNameFree(s, out)) return *e;
  out.active = true;
  out.version = 1;
  out.id = s.Prepare(
                "INSERT INTO rooms (clinic_id, name, active, version) VALUES (?, ?, ?, 1) "
                "RETURNING id")
               .Bind(room.clinic_id)
               .Bind(room.name)
               .BindBool(true)
               .Scalar();
  tx->Commit();
  return out;
}

StoreResult<Room> UpdateRoom(sql::Session& s, const Room& room, int expected_version) {
  if (auto e = CheckName(room.name)) return *e;
  auto tx = s.Begin(sql::TxKind::kWrite);
  auto stored = s.Prepare("SELECT " + kRoomColumns + " FROM rooms WHERE clinic_id = ? AND id = ?" +
                          std::string(s.LockRowsSuffix()))
                    .Bind(room.clinic_id)
                    .Bind(room.id)
                    .One(ReadRoom);
  if (!stored) return NotFound("id", "no such room in this clinic");
  if (stored->version != expected_version) {
    return Conflict("version", "the room was changed meanwhile (now version " +
                                   std::to_string(stored->version) + ")");
  }
  if (auto e = CheckNameFree(s, room)) return *e;
  s.Prepare(
       "UPDATE rooms SET name = ?, active = ?, version = version + 1 WHERE clinic_id = ? AND "
       "id = ?")
      .Bind(room.name)
      .BindBool(room.active)
      .Bind(room.clinic_id)
      .Bind(room.id)
      .Exec();
  Room out = room;
  out.version = stored->version + 1;
  tx->Commit();
  return out;
}

StoreResult<Room> LockBookableRoom(sql::Session& s, Id clinic_id, Id room_id) {
  auto room = s.Prepare("SELECT " + kRoomColumns + " FROM rooms WHERE clinic_id = ? AND id = ?" +
                        std::string(s.LockRowsSuffix()))
                  .Bind(clinic_id)
                  .Bind(room_id)
                  .One(ReadRoom);
  if (!room) return Invalid("room_id", "the clinic has no such room: choose one of its rooms");
  if (!room->active) {
    return Invalid("room_id", room->name + " is retired: choose another room");
  }
  return *room;
}

std::string RoomName(sql::Session& s, Id clinic_id, Id room_id) {
  return s.Prepare("SELECT name FROM rooms WHERE clinic_id = ? AND id = ?")
      .Bind(clinic_id)
      .Bind(room_id)
      .One([](const sql::Row& r) { return r.Text(0); })
      .value_or("The room");
}

}  // namespace sciaticare::store::records
