// A day as a clinician or patient reads it: "Fri 20 Nov 2026", or
// "6 May 1975" for a date of birth. Pure: the day is the one the text names
// (a UTC time's UTC day); wording a time on the clinic's clock is
// clock/clinic_time.h's job.
#pragma once

#include <string>
#include <string_view>

namespace sciaticare {

// The day of a "YYYY-MM-DD" date or a UTC time the product writes, with its
// weekday: "Fri 20 Nov 2026". Any other text comes back as it is.
std::string DayWords(std::string_view date_or_time);
// The same without the weekday, for dates of birth: "6 May 1975".
std::string DateWords(std::string_view date_or_time);

}  // namespace sciaticare
