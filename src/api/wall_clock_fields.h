// Request fields on the clinic's wall clock, read the same way by every
// route that takes them (clinic opening hours, therapists' working hours):
// a day name ("monday"), a time of day ("09:00") and a local day and time. A bad value stops the
// request with 422 naming the field in plain words.
#pragma once

#include <string>
#include <string_view>

#include "api/api_support.h"

namespace sciaticare::api {

// "monday" ... "sunday", the API's name of weekday 0 ... 6.
std::string_view WeekdayId(int weekday);

// The weekday named by `period[key]` (0 = Monday), or 422 at path.key.
int WeekdayField(const json& period, const char* key, const std::string& path);

// "HH:MM" at `period[key]` as minutes after midnight ("24:00" only when
// `end_of_day`), or 422 at path.key.
int MinuteField(const json& period, const char* key, const std::string& path, bool end_of_day);

// A local time of the clinic ("2026-12-24T09:00") at body[key], in `zone`, as
// the UTC text the store keeps; 422 at key for a malformed time, or for one
// the clock skips or shows twice at a daylight-saving change.
std::string LocalTimeField(const json& body, const char* key, const std::string& zone);

}  // namespace sciaticare::api
