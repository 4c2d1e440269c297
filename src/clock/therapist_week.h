// When a therapist can be booked: their weekly working hours and breaks on
// the clinic's wall clock, and their time off as UTC spans. Pure rules (no
// I/O) that the appointment records apply to every booking, request and
// request becoming booked, and that the API uses to validate an edit.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sciaticare {

// A span of the week on the clinic's wall clock: [from, to) in minutes after
// local midnight of `weekday` (0 = Monday ... 6 = Sunday).
struct WeekSpan {
  int weekday = 0;
  int from_minute = 0;
  int to_minute = 0;
  bool operator==(const WeekSpan&) const = default;
};

// A therapist's week. Never set (`set` false): no restriction, so clinics and
// therapists that never gave hours book as before. Once set, only inside
// `hours` and outside `breaks`; a day with no hours is a day off.
struct TherapistWeek {
  bool set = false;
  std::vector<WeekSpan> hours;
  std::vector<WeekSpan> breaks;
};

// [start, end) in UTC seconds: one period of time off.
struct UtcSpan {
  std::int64_t start = 0;
  std::int64_t end = 0;
};

// "Monday" ... "Sunday".
std::string_view WeekdayName(int weekday);
// "09:00" for 540, "24:00" for 1440.
std::string WallClockText(int minute_of_day);

// A problem with a week as given: the field ("hours[2]", "breaks[0]") and
// what is wrong, in plain words.
struct WeekProblem {
  std::string field;
  std::string message;
};
// Hours and breaks must each be within a day, start before they end and not
// overlap another of their day; a break must lie inside working hours.
std::optional<WeekProblem> CheckWeek(const TherapistWeek& week);

// Why [start_utc, start_utc + minutes) cannot be booked with `therapist`
// (their name) in plain words, or nullopt when it can: it meets time off, or
// the week is set and the time is not inside one working span of one local
// day or runs into a break. Local times follow `zone` across
// daylight-saving changes (an unknown zone restricts nothing).
std::optional<std::string> WhyTherapistUnavailable(const TherapistWeek& week,
                                                   const std::vector<UtcSpan>& time_off,
                                                   std::string_view zone,
                                                   std::string_view therapist,
                                                   std::int64_t start_utc, int minutes);

}  // namespace sciaticare
