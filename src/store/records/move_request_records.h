// A patient's requests to move a booked appointment (MoveRequest), written
// once for both stores over the SQL session. Accepting one moves the
// appointment through RescheduleAppointment, the one path of every move
// (the booking's checks, the change kept with the old time), in the same
// transaction as the answer.
#pragma once

#include <optional>
#include <vector>

#include "store/records.h"
#include "store/schedule_changes.h"
#include "store/sql/sql_session.h"
#include "store/store_result.h"

namespace sciaticare::store::records {

// The Store methods of the same names (store.h states their contracts).
StoreResult<MoveRequest> CreateMoveRequest(sql::Session& s, const MoveRequest& request);
StoreResult<std::vector<MoveRequest>> ListMoveRequests(sql::Session& s, Id clinic_id,
                                                       std::optional<Id> patient_id);
StoreResult<MoveRequest> AnswerMoveRequest(sql::Session& s, Id clinic_id, Id id,
                                           int expected_version, bool accept,
                                           const AppointmentChange& answer);

}  // namespace sciaticare::store::records
