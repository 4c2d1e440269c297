// Therapists' working hours, breaks and time off, read and written once for
// both stores over the SQL session, and the check every booking makes
// against them (the pure rule is clock/therapist_week.h).
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "store/records.h"
#include "store/sql/sql_session.h"
#include "store/store_result.h"

namespace sciaticare::store::records {

// kConflict at "starts_at", in plain words, when [starts_at, + minutes) meets
// the therapist's time off in force or, once they have set their week, lies
// outside their working hours or runs into a break; local times in `zone`.
// Runs in the caller's transaction (the appointment records').
std::optional<StoreError> CheckTherapistAvailable(sql::Session& s, Id clinic_id, Id therapist_id,
                                                  std::string_view zone, std::string_view starts_at,
                                                  int minutes);

// The Store methods of the same names (store.h states their contracts).
StoreResult<TherapistAvailability> GetTherapistAvailability(sql::Session& s, Id clinic_id,
                                                            Id therapist_id);
StoreResult<TherapistAvailability> PutTherapistAvailability(sql::Session& s,
                                                            const TherapistAvailability& a,
                                                            int expected_version);
StoreResult<std::vector<TimeOff>> ListTimeOff(sql::Session& s, Id clinic_id, Id therapist_id);
StoreResult<TimeOff> AddTimeOff(sql::Session& s, const TimeOff& time_off);
StoreResult<TimeOff> WithdrawTimeOff(sql::Session& s, Id clinic_id, Id therapist_id, Id id, Id by,
                                     std::string_view now);

}  // namespace sciaticare::store::records
