// Cancelling, marking a no-show and rescheduling an appointment, written once
// for both stores over the SQL session. Each change keeps an append-only
// AppointmentChange (the old time, the reason, who and when, whether late)
// in the same transaction, and a slot it frees is offered to the waiting list
// there too. A reschedule moves the appointment in place under the same
// therapist lock and checks as a booking.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "store/records.h"
#include "store/schedule_changes.h"
#include "store/sql/sql_session.h"
#include "store/store_result.h"

namespace sciaticare::store::records {

// Whether a change at `now` to an appointment starting at `starts` (both UTC
// seconds) comes within `notice_hours` of its start: a late change.
bool WithinNotice(std::int64_t starts, std::int64_t now, int notice_hours);

// The Store methods of the same names (store.h states their contracts).
StoreResult<Appointment> EndAppointment(sql::Session& s, Id id, int expected_version,
                                        const AppointmentChange& change);
StoreResult<Appointment> RescheduleAppointment(sql::Session& s, Id id, int expected_version,
                                               const AppointmentChange& change);
StoreResult<std::vector<AppointmentChange>> ListAppointmentChanges(sql::Session& s, Id clinic_id,
                                                                   Id appointment_id);

}  // namespace sciaticare::store::records
