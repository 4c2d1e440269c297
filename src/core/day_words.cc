#include "core/day_words.h"

#include <array>

#include "core/utc_time.h"

namespace sciaticare {
namespace {

constexpr std::array<std::string_view, 12> kMonths = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                      "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
constexpr std::array<std::string_view, 7> kWeekdays = {"Sun", "Mon", "Tue", "Wed",
                                                       "Thu", "Fri", "Sat"};

// The date's part of `text` when it is a date or a UTC time, else empty.
std::string_view DatePart(std::string_view text) {
  if (IsDate(text)) return text;
  if (IsUtcTime(text)) return text.substr(0, 10);
  return {};
}

std::string Words(std::string_view date) {
  const int month = (date[5] - '0') * 10 + (date[6] - '0');
  const int day = (date[8] - '0') * 10 + (date[9] - '0');
  return std::to_string(day) + " " + std::string(kMonths[static_cast<std::size_t>(month - 1)]) +
         " " + std::string(date.substr(0, 4));
}

}  // namespace

std::string DayWords(std::string_view date_or_time) {
  const std::string_view date = DatePart(date_or_time);
  if (date.empty()) return std::string(date_or_time);
  const auto seconds = UtcSeconds(std::string(date) + "T00:00:00Z");
  if (!seconds) return std::string(date_or_time);
  // 1 January 1970 was a Thursday; the floor keeps days before it right.
  const std::int64_t days = *seconds >= 0 ? *seconds / 86400 : (*seconds - 86399) / 86400;
  const std::int64_t weekday = ((days + 4) % 7 + 7) % 7;
  return std::string(kWeekdays[static_cast<std::size_t>(weekday)]) + " " + Words(date);
}

std::string DateWords(std::string_view date_or_time) {
  const std::string_view date = DatePart(date_or_time);
  return date.empty() ? std::string(date_or_time) : Words(date);
}

}  // namespace sciaticare
