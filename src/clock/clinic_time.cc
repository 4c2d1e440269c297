// Clinic wall-clock times over the tz database (see clinic_time.h).
#include "clock/clinic_time.h"

#include <date/date.h>
#include <date/tz.h>

#include <array>
#include <chrono>
#include <cstdio>
#include <exception>

#include "core/utc_time.h"

namespace sciaticare {
namespace {

using Seconds = std::chrono::seconds;

const date::time_zone* Zone(std::string_view zone) {
  try {
    return date::locate_zone(zone);
  } catch (const std::exception&) {
    return nullptr;  // Not in the tz database.
  }
}

date::local_seconds LocalOf(const date::time_zone* z, std::int64_t utc_seconds) {
  return z->to_local(date::sys_seconds{Seconds{utc_seconds}});
}

std::string Text(date::local_seconds t, bool with_day, std::string_view suffix) {
  static constexpr std::array<const char*, 7> kDays = {"Mon", "Tue", "Wed", "Thu",
                                                       "Fri", "Sat", "Sun"};
  static constexpr std::array<const char*, 12> kMonths = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                          "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  const auto day = date::floor<date::days>(t);
  const date::year_month_day ymd{day};
  const date::hh_mm_ss hms{t - day};
  char out[64];
  if (with_day) {
    std::snprintf(out, sizeof out, "%s %u %s %d at %02d:%02d",
                  kDays[date::weekday{day}.iso_encoding() - 1], static_cast<unsigned>(ymd.day()),
                  kMonths[static_cast<unsigned>(ymd.month()) - 1], static_cast<int>(ymd.year()),
                  static_cast<int>(hms.hours().count()), static_cast<int>(hms.minutes().count()));
  } else {
    std::snprintf(out, sizeof out, "%02d:%02d", static_cast<int>(hms.hours().count()),
                  static_cast<int>(hms.minutes().count()));
  }
  return std::string(out) + std::string(suffix);
}

std::string Describe(std::int64_t utc_seconds, std::string_view zone, bool with_day) {
  if (const date::time_zone* z = Zone(zone)) {
    return Text(LocalOf(z, utc_seconds), with_day, "");
  }
  return Text(date::local_seconds{Seconds{utc_seconds}}, with_day, " UTC");
}

}  // namespace

bool IsTimeZone(std::string_view zone) { return !zone.empty() && Zone(zone) != nullptr; }

std::optional<ClinicClock> ToClinicClock(std::int64_t utc_seconds, std::string_view zone) {
  const date::time_zone* z = Zone(zone);
  if (z == nullptr) return std::nullopt;
  const date::local_seconds t = LocalOf(z, utc_seconds);
  const auto day = date::floor<date::days>(t);
  ClinicClock out;
  out.local_day = day.time_since_epoch().count();
  out.minute_of_day = static_cast<int>((t - day).count() / 60);
  out.weekday = static_cast<int>(date::weekday{day}.iso_encoding()) - 1;
  return out;
}

std::string ClinicTimeText(std::int64_t utc_seconds, std::string_view zone) {
  return Describe(utc_seconds, zone, true);
}

std::string ClinicTimeText(std::string_view utc, std::string_view zone) {
  const auto seconds = UtcSeconds(utc);
  return seconds ? ClinicTimeText(*seconds, zone) : std::string(utc);
}

std::string ClinicHourText(std::int64_t utc_seconds, std::string_view zone) {
  return Describe(utc_seconds, zone, false);
}

std::optional<std::int64_t> LocalToUtc(std::string_view local, std::string_view zone,
                                       std::string* why) {
  const date::time_zone* z = Zone(zone);
  if (z == nullptr) {
    if (why) *why = "the clinic's time zone is unknown";
    return std::nullopt;
  }
  int y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0;
  char tail = 0;
  const std::string text(local);
  const int read =
      std::sscanf(text.c_str(), "%4d-%2d-%2dT%2d:%2d:%2d%c", &y, &mo, &d, &h, &mi, &s, &tail);
  const bool shaped = (read == 6 && text.size() == 19) || (read == 5 && text.size() == 16);
  const date::year_month_day ymd{date::year{y}, date::month(static_cast<unsigned>(mo)),
                                 date::day(static_cast<unsigned>(d))};
  if (!shaped || !ymd.ok() || h > 23 || mi > 59 || s > 59 || h < 0 || mi < 0 || s < 0) {
    if (why) *why = "must be a local time like 2026-12-08T09:00";
    return std::nullopt;
  }
  const date::local_days day{ymd};
  const auto minute = LocalMinuteToUtc(day.time_since_epoch().count(), h * 60 + mi, zone, why);
  if (!minute) return std::nullopt;
  return *minute + s;
}

std::optional<std::int64_t> LocalMinuteToUtc(std::int64_t local_day, int minute_of_day,
                                             std::string_view zone, std::string* why) {
  const date::time_zone* z = Zone(zone);
  if (z == nullptr) {
    if (why) *why = "the clinic's time zone is unknown";
    return std::nullopt;
  }
  const date::local_seconds t =
      date::local_days{date::days{local_day}} + std::chrono::minutes{minute_of_day};
  const date::local_info info = z->get_info(t);
  if (info.result == date::local_info::nonexistent) {
    if (why) *why = "does not exist in the clinic's time zone: the clocks go forward then";
    return std::nullopt;
  }
  if (info.result == date::local_info::ambiguous) {
    if (why) *why = "happens twice in the clinic's time zone (the clocks go back): give it in UTC";
    return std::nullopt;
  }
  return (t - date::local_seconds{} - info.first.offset).count();
}

}  // namespace sciaticare
