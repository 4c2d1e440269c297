// The audit log's "Detail" texts as a clinic manager reads them (issue 15):
// sentences with names, labels and the clinic's clock, never a record number,
// a field id or key=value notation (tests/http/audit_words.h checks a run of
// typical work). Internal to src/api.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "api/api_support.h"

namespace sciaticare::api {

// A vocabulary id as words: "patient_unwell" -> "patient unwell".
std::string IdWords(std::string_view id);

// The clinic's time zone; "UTC" when its settings cannot be read.
std::string ClinicZoneOf(Api& api, Id clinic_id);

// A stored UTC time on the clinic's clock: "Tue 8 Dec 2026 at 09:00".
std::string ClinicTimeOf(Api& api, Id clinic_id, const std::string& utc);

// A user's display name; "a former user" when they cannot be read.
std::string UserNameOf(Api& api, Id clinic_id, Id user_id);

// "N things" with the noun made plural when N is not one: (2, "place") -> "2 places".
std::string CountOf(std::size_t n, std::string_view noun);

// The detail of a read of the schedule: "appointments from Mon 23 Nov 2026 at
// 00:00 to Mon 30 Nov 2026 at 00:00, of Ada Byron, in the Garden room", with
// the times on the clinic's clock (`zone`, which the caller has read).
std::string ScheduleListWords(Api& api, Id clinic_id, const std::string& zone,
                              const std::string& from, const std::string& to,
                              std::optional<Id> patient, std::optional<Id> room,
                              bool with_plan_status);

}  // namespace sciaticare::api
