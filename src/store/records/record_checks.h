// Checks the shared record methods make before they write: that a record a
// write refers to is in the caller's clinic. Written once against the SQL
// session, so both stores refuse the same writes with the same error.
#pragma once

#include <optional>

#include "store/records.h"
#include "store/sql/sql_session.h"
#include "store/store_result.h"

namespace sciaticare::store::records {

// kNotFound unless the clinic exists.
std::optional<StoreError> CheckClinic(sql::Session& s, Id clinic_id);

// kNotFound naming `field` unless `table` has row `id` in `clinic_id`.
// `table` is always a literal of the store, never caller input.
std::optional<StoreError> CheckInClinic(sql::Session& s, const char* table, const char* field,
                                        Id clinic_id, Id id);

// As CheckInClinic for a user, who must also be able to treat (therapist or
// admin). `lock`: the user's row stays locked for the rest of the write
// transaction (the session's LockRowsSuffix), so writes about one user take turns.
std::optional<StoreError> CheckTherapist(sql::Session& s, const char* field, Id clinic_id,
                                         Id user_id, bool lock = false);

// kNotFound at "patient_id" unless the patient is in the clinic; their row
// stays locked for the rest of the write transaction, so writes about one
// patient (a plan's next version, their bookings) take turns. A booking takes
// this lock first of all: patient, therapists (lower id first), appointment, room.
std::optional<StoreError> LockPatient(sql::Session& s, Id clinic_id, Id patient_id);

// kNotFound unless plan `plan_id` belongs to `patient_id` in `clinic_id`.
std::optional<StoreError> CheckPlanOfPatient(sql::Session& s, Id clinic_id, Id patient_id,
                                             Id plan_id);

}  // namespace sciaticare::store::records
