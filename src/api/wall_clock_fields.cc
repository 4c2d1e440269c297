// Wall-clock request fields (see wall_clock_fields.h).
#include "api/wall_clock_fields.h"

#include <array>
#include <cstdio>

#include "clock/clinic_time.h"
#include "core/utc_time.h"

namespace sciaticare::api {
namespace {

constexpr std::array<std::string_view, 7> kWeekdayIds = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};

}  // namespace

std::string_view WeekdayId(int weekday) {
  return kWeekdayIds.at(static_cast<std::size_t>(weekday));
}

int WeekdayField(const json& period, const char* key, const std::string& path) {
  const json& day = Member(period, key);
  for (std::size_t d = 0; d < kWeekdayIds.size(); ++d) {
    if (day.is_string() && day.get<std::string>() == kWeekdayIds[d]) return static_cast<int>(d);
  }
  Reject(path + "." + key, "must be a day name like monday");
}

int MinuteField(const json& period, const char* key, const std::string& path, bool end_of_day) {
  const json& v = Member(period, key);
  const std::string field = path + "." + key;
  int h = -1, m = -1;
  char tail = 0;
  if (!v.is_string() || v.get<std::string>().size() != 5 ||
      std::sscanf(v.get<std::string>().c_str(), "%2d:%2d%c", &h, &m, &tail) != 2 || m < 0 ||
      m > 59 || h < 0 || h > 24 || (h == 24 && (m != 0 || !end_of_day))) {
    Reject(field, end_of_day ? "must be a time like 17:00 (24:00 for midnight)"
                             : "must be a time like 09:00");
  }
  return h * 60 + m;
}

std::string LocalTimeField(const json& body, const char* key, const std::string& zone) {
  const std::string local = StringField(body, key, 19);
  std::string why;
  const auto utc = LocalToUtc(local, zone, &why);
  if (!utc) Reject(key, why.empty() ? "must be a day and time like 2026-12-24T09:00" : why);
  return FormatUtc(*utc);
}

}  // namespace sciaticare::api
