// Session notes held against the patient's screening. The core reviews the
// work a note records (core/session_review.h) against the latest screening;
// a note that departs from it is stored only when the request acknowledges
// the departures with a reason, and the departures are stored with the note.
// Internal to src/api (session_routes.cc).
#pragma once

#include <optional>
#include <string>

#include "api/api_support.h"
#include "api/patient_care_records.h"

namespace sciaticare::api {

// Stored departures are one JSON document: {reason, items: [{field, message}],
// acknowledged_by, acknowledged_at, screening_assessment_id}.

// Reviews `note` (techniques_json as the session routes read it) and sets
// note.deviations_json. Returns the 422 to answer, listing every departure by
// field, when the body does not acknowledge them with
// "deviations_acknowledged": true and a "deviation_reason"; nothing then may
// be stored. Bad acknowledgement members stop the handler like any bad field.
// `care` is the note's patient's records, read once for all the checks.
std::optional<http::Response> ReviewDeviations(Api& api, const Caller& c, const json& body,
                                               store::SessionNote& note, PatientCareRecords& care);

// How many departures a note's stored deviations_json records (0 for none),
// for the chart's flag.
std::size_t DeviationCount(const std::string& stored_deviations);

// The audit detail of a note stored with departures; empty for none.
std::string DeviationAuditDetail(const store::SessionNote& note);

}  // namespace sciaticare::api
