#include "core/utc_time.h"

#include <chrono>
#include <cstdio>

namespace sciaticare {
namespace {

bool Digits(std::string_view s, std::size_t from, std::size_t n, int& out) {
  out = 0;
  for (std::size_t i = from; i < from + n; ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
    out = out * 10 + (s[i] - '0');
  }
  return true;
}

bool IsLeap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

// Checks the first ten characters as YYYY-MM-DD.
bool DatePart(std::string_view s) {
  int y, m, d;
  if (s.size() < 10 || s[4] != '-' || s[7] != '-') return false;
  if (!Digits(s, 0, 4, y) || !Digits(s, 5, 2, m) || !Digits(s, 8, 2, d)) return false;
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (y < 1 || m < 1 || m > 12 || d < 1) return false;
  return d <= kDays[m - 1] + (m == 2 && IsLeap(y) ? 1 : 0);
}

}  // namespace

bool IsUtcTime(std::string_view s) {
  int h, mi, sec;
  return s.size() == 20 && DatePart(s) && s[10] == 'T' && s[13] == ':' && s[16] == ':' &&
         s[19] == 'Z' && Digits(s, 11, 2, h) && Digits(s, 14, 2, mi) && Digits(s, 17, 2, sec) &&
         h < 24 && mi < 60 && sec < 60;
}

bool IsDate(std::string_view s) { return s.size() == 10 && DatePart(s); }

std::optional<std::int64_t> UtcSeconds(std::string_view s) {
  if (!IsUtcTime(s)) return std::nullopt;
  int y, m, d, h, mi, sec;
  Digits(s, 0, 4, y), Digits(s, 5, 2, m), Digits(s, 8, 2, d);
  Digits(s, 11, 2, h), Digits(s, 14, 2, mi), Digits(s, 17, 2, sec);
  const std::chrono::sys_days day{std::chrono::year{y} / m / d};
  const std::int64_t seconds_of_day = std::int64_t{h} * 3600 + std::int64_t{mi} * 60 + sec;
  return std::int64_t{day.time_since_epoch().count()} * 86400 + seconds_of_day;
}

std::string FormatUtc(std::int64_t since_epoch) {
  namespace chrono = std::chrono;
  const chrono::sys_seconds at{chrono::seconds{since_epoch}};
  const chrono::sys_days day = chrono::floor<chrono::days>(at);
  const chrono::year_month_day date{day};
  const chrono::hh_mm_ss time{at - day};
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02d:%02d:%02dZ", static_cast<int>(date.year()),
                static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()),
                static_cast<int>(time.hours().count()), static_cast<int>(time.minutes().count()),
                static_cast<int>(time.seconds().count()));
  return buf;
}

}  // namespace sciaticare
