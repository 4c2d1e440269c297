#include "cli/demo_calendar.h"

#include <cstdio>

namespace sciaticare::demo {

std::tm Calendar(std::int64_t t) {
  std::time_t time = static_cast<std::time_t>(t);
  std::tm tm{};
  gmtime_r(&time, &tm);
  return tm;
}

bool IsWeekend(std::int64_t t) {
  const int weekday = Calendar(t).tm_wday;
  return weekday == 0 || weekday == 6;
}

std::string DateOfBirth(int age, std::int64_t now, DemoRng& rng) {
  const std::tm today = Calendar(now);
  const int month = rng.Between(1, 12), day = rng.Between(1, 28);
  int year = today.tm_year + 1900 - age;
  // Not had this year's birthday yet: born a year earlier.
  if (month > today.tm_mon + 1 || (month == today.tm_mon + 1 && day > today.tm_mday)) --year;
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
  return buf;
}

}  // namespace sciaticare::demo
