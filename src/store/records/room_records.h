// A clinic's rooms, written once for both stores over the SQL session: the
// Store methods of the same names (store.h states their contracts), and the
// lock a booking takes on the room it holds.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "store/rooms.h"
#include "store/sql/sql_session.h"
#include "store/store_result.h"

namespace sciaticare::store::records {

StoreResult<std::vector<Room>> ListRooms(sql::Session& s, Id clinic_id);
StoreResult<Room> CreateRoom(sql::Session& s, const Room& room);
StoreResult<Room> UpdateRoom(sql::Session& s, const Room& room, int expected_version);

// The room `room_id` of the clinic, its row locked for the rest of the write
// transaction, so that every booking of one room takes turns (as the
// therapist's row lock does for a therapist). kInvalid at "room_id" when the
// clinic has no such room, or it is retired: it takes no new booking.
StoreResult<Room> LockBookableRoom(sql::Session& s, Id clinic_id, Id room_id);
// The room's name, or "the room" when there is none (a message's words).
std::string RoomName(sql::Session& s, Id clinic_id, Id room_id);

}  // namespace sciaticare::store::records
