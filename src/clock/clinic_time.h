// The clinic's wall clock: UTC instants (as the store keeps them) shown and
// entered in the clinic's IANA time zone, correct across daylight-saving
// changes. The zone rules come from the system's tzdata (/usr/share/zoneinfo)
// through Howard Hinnant's date/tz library, since g++ 12's <chrono> has no
// time zones yet. An unknown zone name is reported, never guessed.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace sciaticare {

// The zone every clinic starts with until an admin sets its own.
inline constexpr std::string_view kDefaultClinicZone = "UTC";

// Whether `zone` names a time zone of the tz database ("Europe/London").
bool IsTimeZone(std::string_view zone);

// A local wall-clock time of the clinic, minutes since local midnight and the
// local calendar day (days since 1970-01-01 as counted on the wall clock).
struct ClinicClock {
  std::int64_t local_day = 0;
  int minute_of_day = 0;
  int weekday = 0;  // 0 = Monday ... 6 = Sunday.
};

// The clinic's wall clock at `utc_seconds`; nullopt for an unknown zone.
std::optional<ClinicClock> ToClinicClock(std::int64_t utc_seconds, std::string_view zone);

// How a person reads `utc_seconds` in the clinic: "Tue 8 Dec 2026 at 09:00".
// An unknown zone falls back to UTC, saying so ("... 09:00 UTC").
std::string ClinicTimeText(std::int64_t utc_seconds, std::string_view zone);
// A stored UTC time ("2026-12-08T09:00:00Z") as ClinicTimeText reads it; the
// text itself when it is no UTC time.
std::string ClinicTimeText(std::string_view utc, std::string_view zone);
// Only the time of day: "09:00".
std::string ClinicHourText(std::int64_t utc_seconds, std::string_view zone);

// The UTC instant of a local wall-clock time "YYYY-MM-DDTHH:MM" (seconds
// allowed) in `zone`. A time the clock skips when daylight saving starts, or
// one it shows twice when it ends, is refused with the reason in plain words
// in `why`, since either guess would book the wrong hour.
std::optional<std::int64_t> LocalToUtc(std::string_view local, std::string_view zone,
                                       std::string* why);

// The UTC instant of `minute_of_day` on the clinic's `local_day` (as
// ClinicClock counts them), with LocalToUtc's refusals: nullopt for an
// unknown zone, a skipped or a twice-shown local time (reason in `why`).
std::optional<std::int64_t> LocalMinuteToUtc(std::int64_t local_day, int minute_of_day,
                                             std::string_view zone, std::string* why = nullptr);

}  // namespace sciaticare
