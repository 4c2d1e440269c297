// How a clinic keeps time (its time zone, opening hours and closed days),
// read and written once for both stores over the SQL session, and the rule
// an appointment's time must keep with them. The rule lives here, beside the
// settings, and is applied by the appointment records to every booking and
// request, so no route can skip it.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "store/records.h"
#include "store/sql/sql_session.h"
#include "store/store_result.h"

namespace sciaticare::store::records {

// The clinic's settings in the caller's transaction; the defaults (UTC, no
// opening hours, version 0) when never set.
ClinicSettings ReadClinicSettings(sql::Session& s, Id clinic_id);

// The clinic's time zone as a column of another statement (a screen's
// patient row), so that a screen worded on the clinic's clock needs no
// statement of its own for it: a subquery taking the clinic's id as its one
// parameter. ClinicZoneOf reads it (the default when never set).
extern const std::string kClinicZoneColumn;
std::string ClinicZoneOf(const sql::Row& r, int column);

// kConflict at "starts_at", in plain words, unless [starts_at, + minutes)
// lies on one local day of the clinic that is not closed and, when the
// clinic has opening hours, inside one opening period of that weekday.
// Local times follow the clinic's zone across daylight-saving changes.
std::optional<StoreError> CheckWithinOpening(const ClinicSettings& settings,
                                             std::string_view starts_at, int minutes);

// The Store methods of the same names (store.h states their contracts).
StoreResult<ClinicSettings> GetClinicSettings(sql::Session& s, Id clinic_id);
StoreResult<ClinicSettings> PutClinicSettings(sql::Session& s, const ClinicSettings& settings);

}  // namespace sciaticare::store::records
