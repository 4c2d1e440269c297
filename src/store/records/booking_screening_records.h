// The screening rule of booking, kept by the store's one booking check
// (CheckSlotBookable) so every door that books treatment keeps it: the API's
// routes, the demo seeder and any door to come. Reads in the caller's
// transaction; throws what the session throws (the store maps it).
#pragma once

#include <optional>
#include <string>

#include "store/records.h"
#include "store/sql/sql_session.h"
#include "store/store_result.h"

namespace sciaticare::store::records {

// kConflict at "plan_id" (or "patient_id" when `a` names no plan) when the
// patient's latest screening refuses booking `a`, a treatment: one that holds
// its slot or is under a plan (store/care_screenings.h words the refusal).
// Screenings are named on the clinic's clock in `zone`.
std::optional<StoreError> CheckScreeningAllowsBooking(sql::Session& s, const Appointment& a,
                                                      const std::string& zone);

}  // namespace sciaticare::store::records
